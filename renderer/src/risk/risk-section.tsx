import { useId, useState } from 'react';
import { REVIEW_DAYS_DEFAULT } from '../../../core/contract';
import type { ApiError, AssessmentSummary, CaseDetail, InstrumentSummary } from '../../../core/contract';
import type { ReviewDaySettings } from '../../../core/rules/review-date';
import { toApiError } from '../api/client';
import { caseSectionKey } from '../api/case-queries';
import { useChannel, useMutation } from '../api/query';
import { CaseSection, goToElement } from '../components/case-section';
import { formatDay, formatMoment } from '../lib/format';
import { ApiErrorAlert } from '../components/messages';
import { SelectField } from '../components/select-field';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { AssessmentPanel } from './assessment-panel';
import { instrumentTitle, localize } from './format';
import { AssessmentStatusBadge, RiskLevelBadge } from './risk-badges';
import { RiskChart } from './risk-chart';
import { RiskCompare } from './risk-compare';

interface Person {
  key: string;
  childId: number | null;
  label: string;
  target: 'adult' | 'child';
  /** False for a child no longer in the case: their assessments stay readable, nothing new starts. */
  current: boolean;
}

/** The team's review intervals; the defaults when the settings cannot be read. */
function useReviewDays(): ReviewDaySettings {
  const s = useChannel('settings:get', {}).data;
  if (s === null) return { reviewDaysHigh: REVIEW_DAYS_DEFAULT.high, reviewDaysMedium: REVIEW_DAYS_DEFAULT.medium, reviewDaysLow: REVIEW_DAYS_DEFAULT.low };
  return { reviewDaysHigh: s.reviewDaysHigh, reviewDaysMedium: s.reviewDaysMedium, reviewDaysLow: s.reviewDaysLow };
}

const newestFirst = (a: AssessmentSummary, b: AssessmentSummary): number => b.startedAt.localeCompare(a.startedAt) || b.id - a.id;

function latestCompleted(list: readonly AssessmentSummary[]): AssessmentSummary | undefined {
  return list.filter((a) => a.status === 'completed').sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '') || b.id - a.id)[0];
}

function LevelBadges({ summary }: { summary: AssessmentSummary }) {
  const language = useLanguageStore((state) => state.language);
  if (summary.levels.length === 0) return <>–</>;
  return (
    <span className="risk-levels">
      {summary.levels.map((l) => (
        <RiskLevelBadge key={l.outputId} level={l.level} label={localize(l.label, language)} />
      ))}
    </span>
  );
}

function StartChooser({
  person,
  instruments,
  busy,
  onStart,
  onCancel,
}: {
  person: Person;
  instruments: readonly InstrumentSummary[];
  busy: boolean;
  onStart: (templateId: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const choices = instruments.filter((i) => i.latest && i.target === person.target);
  const [templateId, setTemplateId] = useState(choices[0]?.templateId ?? '');
  if (choices.length === 0) {
    return (
      <div className="risk-chooser">
        <p className="alert alert-warning">{t(person.target === 'child' ? 'risk.no_instruments_child' : 'risk.no_instruments_adult')}</p>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('casework.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="risk-chooser" role="group" aria-label={t('risk.choose_label', { person: person.label })}>
      <SelectField
        name="templateId"
        label={t('risk.choose_instrument')}
        hint={t(person.target === 'child' ? 'risk.choose_hint_child' : 'risk.choose_hint_adult')}
        value={templateId}
        options={choices.map((i) => ({ value: i.templateId, label: instrumentTitle(t, language, i.title, i.version) }))}
        onChange={setTemplateId}
      />
      <div className="actions">
        <button type="button" disabled={busy || templateId === ''} onClick={() => onStart(templateId)}>
          {busy ? t('app.busy') : t('risk.start')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
          {t('casework.cancel')}
        </button>
      </div>
    </div>
  );
}

interface RiskSectionProps {
  id: string;
  caseDetail: CaseDetail;
}

/**
 * Hotbild och riskbedömning: the survivor's assessments and each child's, newest first, with
 * starting (also as a copy of the last), the form, the history chart and the comparison.
 */
export function RiskSection({ id, caseDetail }: RiskSectionProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const prefix = useId();
  const caseId = caseDetail.id;
  const list = useChannel('risk:list', { caseId });
  const instruments = useChannel('risk:instruments', {});
  const reviewDays = useReviewDays();
  const startAssessment = useMutation('risk:start', () => [caseSectionKey('risk:list', caseId)]);
  const [open, setOpen] = useState<{ id: number; personKey: string } | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  /** Per person, which of history and comparison are open (both can be). */
  const [shown, setShown] = useState<Readonly<Record<string, { history?: boolean; compare?: boolean } | undefined>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const caseOpen = caseDetail.status === 'open';
  const all = list.data ?? [];

  const persons: Person[] = [
    { key: 'survivor', childId: null, label: t('risk.person_survivor', { name: caseDetail.survivor.name }), target: 'adult', current: true },
    ...caseDetail.children.map((c) => ({
      key: `child-${c.id}`,
      childId: c.id,
      label: t('risk.person_child', { name: c.name }),
      target: 'child' as const,
      current: true,
    })),
  ];
  for (const a of all) {
    if (a.childId !== null && !persons.some((p) => p.childId === a.childId)) {
      persons.push({
        key: `child-${a.childId}`,
        childId: a.childId,
        label: t('risk.person_child', { name: a.childName ?? t('risk.unknown_name') }),
        target: 'child',
        current: false,
      });
    }
  }
  const headingId = (person: Person): string => `${prefix}-${person.key}`;

  const start = (person: Person, templateId: string, copyFromId: number | null): void => {
    setBusy(true);
    setError(null);
    startAssessment({ caseId, childId: person.childId, templateId, copyFromId }).then(
      (started) => {
        setBusy(false);
        setChoosing(null);
        setOpen({ id: started.id, personKey: person.key });
      },
      (thrown: unknown) => {
        setBusy(false);
        setError(toApiError(thrown));
      },
    );
  };

  const close = (person: Person): void => {
    setOpen(null);
    goToElement(document.getElementById(headingId(person)));
  };

  const toggle = (person: Person, what: 'history' | 'compare'): void =>
    setShown((s) => ({ ...s, [person.key]: { ...s[person.key], [what]: !s[person.key]?.[what] } }));

  return (
    <CaseSection id={id} title={t('risk.title')}>
      <p className="muted">{t('risk.intro')}</p>
      <ApiErrorAlert error={error ?? list.error ?? instruments.error} />
      {list.data === null && list.error === null ? <p role="status">{t('risk.loading')}</p> : null}
      {persons.map((person) => {
        const mine = all.filter((a) => a.childId === person.childId).sort(newestFirst);
        const last = latestCompleted(mine);
        const completedCount = mine.filter((a) => a.status === 'completed').length;
        const view = shown[person.key] ?? {};
        return (
          <section key={person.key} className="risk-person" aria-labelledby={headingId(person)}>
            <h3 id={headingId(person)} tabIndex={-1}>
              {person.label}
            </h3>
            {list.data !== null ? (
              last ? (
                <p className="risk-latest">
                  {t('risk.latest', { date: formatDay((last.completedAt ?? last.startedAt).slice(0, 10), language) })} <LevelBadges summary={last} />
                </p>
              ) : (
                <p className="muted">{t('risk.none_completed')}</p>
              )
            ) : null}
            {mine.length > 0 ? (
              <div className="table-scroll">
                <table className="risk-list">
                  <caption className="visually-hidden">{t('risk.list_caption', { person: person.label })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('risk.col_instrument')}</th>
                      <th scope="col">{t('risk.col_status')}</th>
                      <th scope="col">{t('risk.col_started')}</th>
                      <th scope="col">{t('risk.col_completed')}</th>
                      <th scope="col">{t('risk.col_levels')}</th>
                      <th scope="col">{t('risk.col_actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {mine.map((a) => {
                      const title = instrumentTitle(t, language, a.templateTitle, a.templateVersion);
                      const continuing = a.status === 'draft' && caseOpen;
                      return (
                        <tr key={a.id} className={open?.id === a.id ? 'is-open' : undefined}>
                          <th scope="row">{title}</th>
                          <td>
                            <AssessmentStatusBadge status={a.status} />
                          </td>
                          <td>{t('risk.by_when', { name: a.startedByName, when: formatMoment(a.startedAt, language) })}</td>
                          <td>{a.completedAt ? t('risk.by_when', { name: a.completedByName ?? '–', when: formatMoment(a.completedAt, language) }) : '–'}</td>
                          <td>{a.status === 'completed' ? <LevelBadges summary={a} /> : '–'}</td>
                          <td>
                            <button
                              type="button"
                              className="button-secondary"
                              aria-label={t(continuing ? 'risk.continue_label' : 'risk.open_label', {
                                instrument: title,
                                date: formatMoment(a.startedAt, language),
                              })}
                              onClick={() => setOpen({ id: a.id, personKey: person.key })}
                            >
                              {t(continuing ? 'risk.continue' : 'risk.open')}
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}
            <div className="actions">
              {caseOpen && person.current && choosing !== person.key ? (
                <>
                  <button type="button" onClick={() => setChoosing(person.key)} disabled={busy}>
                    {t('risk.new')}
                  </button>
                  {last ? (
                    <button type="button" className="button-secondary" onClick={() => start(person, last.templateId, last.id)} disabled={busy}>
                      {t('risk.new_copy', { date: formatDay((last.completedAt ?? last.startedAt).slice(0, 10), language) })}
                    </button>
                  ) : null}
                </>
              ) : null}
              {completedCount > 0 ? (
                <button type="button" className="button-secondary" aria-expanded={view.history === true} onClick={() => toggle(person, 'history')}>
                  {t('risk.history')}
                </button>
              ) : null}
              {mine.length > 1 ? (
                <button type="button" className="button-secondary" aria-expanded={view.compare === true} onClick={() => toggle(person, 'compare')}>
                  {t('risk.compare')}
                </button>
              ) : null}
            </div>
            {choosing === person.key ? (
              <StartChooser
                person={person}
                instruments={instruments.data ?? []}
                busy={busy}
                onStart={(templateId) => start(person, templateId, null)}
                onCancel={() => setChoosing(null)}
              />
            ) : null}
            {view.history ? <RiskChart assessments={mine} personLabel={person.label} /> : null}
            {view.compare ? <RiskCompare key={mine.map((a) => a.id).join('-')} assessments={mine} caseDetail={caseDetail} personLabel={person.label} /> : null}
            {open?.personKey === person.key ? (
              <AssessmentPanel
                key={open.id}
                assessmentId={open.id}
                caseDetail={caseDetail}
                personLabel={person.label}
                reviewDays={reviewDays}
                onClose={() => close(person)}
              />
            ) : null}
          </section>
        );
      })}
    </CaseSection>
  );
}
