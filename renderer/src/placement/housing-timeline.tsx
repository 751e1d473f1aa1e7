import type { ReactNode } from 'react';
import { isMasked, OBSTACLES } from '../../../core/contract';
import type { HousingStep, Shelter } from '../../../core/contract';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { MaskedText, Shown } from '../protect/masked';
import { formatDay } from '../lib/format';
import { formatMoney } from './format';
import { placeLabel } from './places';

/** Steps in date order: by start, then the open one last, then as recorded. */
export function inDateOrder(steps: readonly HousingStep[]): HousingStep[] {
  return [...steps].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || (a.endDate ?? '9999-12-31').localeCompare(b.endDate ?? '9999-12-31') || a.id - b.id,
  );
}

export interface HousingTimelineProps {
  label: string;
  steps: readonly HousingStep[];
  shelters: readonly Shelter[] | null;
  /** The form that replaces a step being changed. */
  editing: { id: number; form: ReactNode } | null;
  onEdit: ((step: HousingStep) => void) | null;
}

/** One housing chain as a timeline: each step with its kind, dates, provider, place, cost, outcome and obstacles. */
export function HousingTimeline({ label, steps, shelters, editing, onEdit }: HousingTimelineProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);

  return (
    <ol className="pl-timeline" aria-label={label}>
      {inDateOrder(steps).map((step) => {
        const shelter = step.shelterId === null ? undefined : shelters?.find((s) => s.id === step.shelterId);
        const kind = t(`housing.kind_${step.kind}`);
        const dates =
          step.endDate === null
            ? t('housing.dates_open', { start: formatDay(step.startDate, language) })
            : t('housing.dates', { start: formatDay(step.startDate, language), end: formatDay(step.endDate, language) });
        return (
          <li key={step.id} className={`pl-timeline-step pl-kind-${step.kind}${step.endDate === null ? ' pl-timeline-open' : ''}`}>
            <div className="pl-timeline-marker" aria-hidden="true" />
            <div className="pl-timeline-body">
              <h4>
                {kind}
                <span className="pl-timeline-dates">{dates}</span>
              </h4>
              <p className="pl-badges">
                <span className={`pl-badge pl-outcome-${step.outcome}`}>{t(`housing.outcome_${step.outcome}`)}</span>
                {step.parallel ? <span className="pl-badge">{t('housing.parallel_badge')}</span> : null}
                {shelter && shelter.permitStatus !== 'valid' ? (
                  <span className="pl-badge pl-badge-danger">{t(`shelters.permit_${shelter.permitStatus}`)}</span>
                ) : null}
              </p>
              <dl className="pl-facts">
                {isMasked(step.shelterName) ? (
                  <>
                    <dt>{t('protect.shelter_or_provider')}</dt>
                    <dd>
                      <MaskedText />
                    </dd>
                  </>
                ) : null}
                {step.shelterName && !isMasked(step.shelterName) ? (
                  <>
                    <dt>{t('housing.field_shelter')}</dt>
                    <dd>
                      <Shown value={step.shelterName} />
                    </dd>
                  </>
                ) : null}
                {step.provider && !isMasked(step.provider) ? (
                  <>
                    <dt>{t('housing.field_provider')}</dt>
                    <dd>
                      <Shown value={step.provider} />
                    </dd>
                  </>
                ) : null}
                {step.place ? (
                  <>
                    <dt>{t('housing.field_place')}</dt>
                    <dd>
                      <Shown value={step.place}>{(place) => placeLabel(t, place)}</Shown>
                    </dd>
                  </>
                ) : null}
                {step.costPerDay !== null ? (
                  <>
                    <dt>{t('housing.cost_label')}</dt>
                    <dd>{t('housing.cost_value', { amount: formatMoney(step.costPerDay, language) })}</dd>
                  </>
                ) : null}
                {step.obstacles.length > 0 || step.obstacleNote ? (
                  <>
                    <dt>{t('housing.field_obstacles')}</dt>
                    <dd>
                      {OBSTACLES.filter((o) => step.obstacles.includes(o))
                        .map((o) => t(`housing.obstacle_${o}`))
                        .join(', ')}
                      {step.obstacleNote ? <span className="pl-prewrap block">{step.obstacleNote}</span> : null}
                    </dd>
                  </>
                ) : null}
                {step.permitOverrideReason ? (
                  <>
                    <dt>{t('housing.field_permit_reason')}</dt>
                    <dd className="pl-prewrap">{step.permitOverrideReason}</dd>
                  </>
                ) : null}
              </dl>
              {editing?.id === step.id ? (
                editing.form
              ) : onEdit ? (
                <button type="button" className="button-secondary" aria-label={t('housing.edit_label', { kind, dates })} onClick={() => onEdit(step)}>
                  {t('housing.edit')}
                </button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
