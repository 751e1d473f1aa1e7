import { useEffect, useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { isMasked } from '../../../core/contract';
import type { KompottenRequest, Masked, Move, Place } from '../../../core/contract';
import { allowedNextStatuses } from '../../../core/rules/move-workflow';
import type { MoveStatus } from '../../../core/rules/move-workflow';
import { caseSectionKey } from '../api/case-queries';
import { useInvalidate, useMutation } from '../api/query';
import { DateField } from '../components/date-field';
import { FormFooter, reasonAtField } from '../components/form-footer';
import { TextAreaField } from '../components/text-area-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { formatDate } from '../i18n/format';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { MaskedText, Shown } from '../protect/masked';
import { CheckResult } from './check-result';
import { formatDay, today } from '../lib/format';
import { formatKm } from './format';
import { useReturnFocus } from './focus';
import { KompottenRequestForm } from './kompotten-request-form';
import type { PlaceChoice } from './places';

const TRANSITION_FIELDS = ['date', 'overrideReason'] as const;

interface TransitionFormProps {
  move: Move;
  to: MoveStatus;
  withinCityKm: number | null;
  onDone: (move: Move) => void;
  onCancel: () => void;
}

/**
 * Records the next status with its date. Accepting a move whose check warns needs a written reason;
 * the API judges the move again when it is accepted and may ask for a reason the stored check did not.
 */
function TransitionForm({ move, to, withinCityKm, onDone, onCancel }: TransitionFormProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [apiAsksReason, setApiAsksReason] = useState(false);
  const dateRef = useRef<HTMLDivElement>(null);
  const form = useFormSubmit(TRANSITION_FIELDS);
  const { formRef, errors, submit } = form;
  const movesKey = caseSectionKey('moves:list', move.caseId);
  const transition = useMutation('moves:transition', () => [movesKey]);
  const invalidate = useInvalidate();
  // A masked check is not shown; the API judges the move again on accepting and asks for a reason when it warns.
  const check = isMasked(move.check) ? null : move.check;
  const needsReason = to === 'accepted' && (check?.warning === true || apiAsksReason);
  const previous = move.transitions.at(-1);

  // The form replaces the button that opened it: keep the keyboard user's place.
  useEffect(() => {
    dateRef.current?.querySelector('input')?.focus();
  }, []);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { id: move.id, to, date: date.trim(), ...(needsReason ? { overrideReason: reason } : {}) };
    const clientErrors = validateInput('moves:transition', input, TRANSITION_FIELDS);
    if (needsReason && reason.trim() === '') clientErrors.overrideReason = 'validation.reason_required';
    if (clientErrors.date === undefined && previous && input.date < previous.date) clientErrors.date = 'validation.date_before_previous';
    void submit(
      clientErrors,
      async () => {
        onDone(await transition(input));
      },
      (error) => {
        if (error.code === 'reason_required') {
          setApiAsksReason(true);
          return { fields: { overrideReason: 'validation.reason_required' }, focus: 'overrideReason' };
        }
        // The workflow refused (someone else may have moved the move on): read the moves again.
        if (error.code === 'not_allowed') invalidate(movesKey);
        return undefined;
      },
    );
  };

  return (
    <form ref={formRef} className="pl-panel" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId}>{t('moves.transition_title', { status: t(`moves.status_${to}`) })}</h4>
      <div ref={dateRef}>
        <DateField
          name="date"
          label={t('moves.field_transition_date')}
          value={date}
          onChange={setDate}
          error={fieldMessage(t, errors, 'date')}
          hint={t('place.date_hint')}
        />
      </div>
      {needsReason ? (
        <>
          <div className="alert alert-warning">
            <p>
              {check?.warning
                ? t('moves.accept_warning', { km: check.nearestKm === null ? '–' : formatKm(check.nearestKm, language) })
                : t('moves.accept_warning_rechecked')}
            </p>
          </div>
          {check?.warning ? (
            <Shown value={check} block>
              {(shown) => <CheckResult check={shown} withinCityKm={withinCityKm} live={false} tableOnly />}
            </Shown>
          ) : null}
          <TextAreaField
            name="overrideReason"
            label={t('moves.field_override_reason')}
            hint={t('moves.field_override_reason_hint')}
            value={reason}
            onChange={setReason}
            required
            error={fieldMessage(t, errors, 'overrideReason')}
          />
        </>
      ) : null}
      <FormFooter
        form={form}
        submitLabel={t('moves.transition_submit', { status: t(`moves.status_${to}`) })}
        onCancel={onCancel}
        cancelLabel={t('place.cancel')}
        shownAtFields={reasonAtField}
      />
    </form>
  );
}

export interface MoveCardProps {
  move: Move;
  caseId: number;
  closed: boolean;
  places: readonly PlaceChoice[] | null;
  withinCityKm: number | null;
  ledgerOpen: boolean;
  onLedgerOpen: (open: boolean) => void;
  onLedgerSaved: (request: KompottenRequest) => void;
  onChanged: (move: Move) => void;
}

/** One move: where from and to, its route and status, every step with who recorded it, and the stored check. */
export function MoveCard({ move, caseId, closed, places, withinCityKm, ledgerOpen, onLedgerOpen, onLedgerSaved, onChanged }: MoveCardProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const [pending, setPending] = useState<MoveStatus | null>(null);
  const [headingRef, restoreHeading] = useReturnFocus<HTMLHeadingElement>();
  const next = closed ? [] : allowedNextStatuses(move.status);
  // Plain names in the title; the check below says which places are districts.
  const nameOf = (place: Place | Masked): string => (isMasked(place) ? t('protect.masked') : place.name);
  const title = move.from ? t('moves.title', { from: nameOf(move.from), to: nameOf(move.to) }) : t('moves.title_no_from', { to: nameOf(move.to) });
  const placesMasked = isMasked(move.to);

  return (
    <article className="pl-card" aria-labelledby={titleId}>
      <header className="pl-card-header">
        <h3 id={titleId} ref={headingRef} tabIndex={-1}>
          {placesMasked ? title : <Shown value={title} />}
        </h3>
        <span className={`pl-badge pl-status-${move.status}`}>{t(`moves.status_${move.status}`)}</span>
        {!isMasked(move.check) && move.check.warning ? <span className="pl-badge pl-badge-warning">{t('moves.badge_warning')}</span> : null}
      </header>
      <dl className="pl-facts">
        <dt>{t('moves.field_route')}</dt>
        <dd>{t(`moves.route_${move.route}`)}</dd>
        {move.receivingContact ? (
          <>
            <dt>{t('moves.field_receiving_contact')}</dt>
            <dd>
              <Shown value={move.receivingContact} />
            </dd>
          </>
        ) : null}
        {move.notes ? (
          <>
            <dt>{t('moves.field_notes')}</dt>
            <dd className="pl-prewrap">{move.notes}</dd>
          </>
        ) : null}
        {move.overrideReason ? (
          <>
            <dt>{t('moves.field_override_reason')}</dt>
            <dd className="pl-prewrap">{move.overrideReason}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t('moves.history_title')}</h4>
      <ol className="pl-history">
        {move.transitions.map((step, index) => (
          <li key={`${step.status}-${index}`}>
            {t('moves.history_row', {
              status: t(`moves.status_${step.status}`),
              date: formatDay(step.date, language),
              name: step.recordedBy,
              recorded: formatDate(step.recordedAt, language),
            })}
          </li>
        ))}
      </ol>
      {isMasked(move.check) ? (
        <p className="pl-details">
          {t('protect.check_label')}: <MaskedText />
        </p>
      ) : (
        <Shown value={move.check} block>
          {(check) => (
            <details className="pl-details">
              <summary>
                {t(check.warning ? 'moves.check_summary_warning' : 'moves.check_summary_ok', {
                  date: formatDate(check.checkedAt, language),
                })}
              </summary>
              <CheckResult check={check} withinCityKm={withinCityKm} live={false} />
            </details>
          )}
        </Shown>
      )}
      {pending !== null ? (
        <TransitionForm
          key={pending}
          move={move}
          to={pending}
          withinCityKm={withinCityKm}
          onDone={(updated) => {
            setPending(null);
            restoreHeading();
            onChanged(updated);
          }}
          onCancel={() => {
            setPending(null);
            restoreHeading();
          }}
        />
      ) : next.length > 0 ? (
        <div className="actions" role="group" aria-label={t('moves.actions_label', { title })}>
          {next.map((status) => (
            <button
              key={status}
              type="button"
              className={status === 'cancelled' || status === 'declined' ? 'button-secondary' : undefined}
              onClick={() => setPending(status)}
            >
              {t(`moves.action_${status}`)}
            </button>
          ))}
        </div>
      ) : null}
      {move.route === 'kompotten' && !closed ? (
        ledgerOpen ? (
          <KompottenRequestForm
            title={t('moves.ledger_title')}
            intro={t('moves.ledger_intro')}
            caseId={caseId}
            places={places}
            initialCounterpart={!isMasked(move.to) && move.to.kind === 'municipality' ? move.to.code : null}
            onSaved={onLedgerSaved}
            onCancel={() => onLedgerOpen(false)}
          />
        ) : (
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => onLedgerOpen(true)}>
              {t('moves.ledger_open')}
            </button>
          </div>
        )
      ) : null}
    </article>
  );
}
