import { useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { MOVE_ROUTES } from '../../../core/contract';
import type { ApiError, Move, MoveRoute, PlaceRef, SafeDistanceCheck } from '../../../core/contract';
import { toApiError } from '../api/client';
import { caseSectionKey } from '../api/case-queries';
import { useMutation } from '../api/query';
import { DateField } from '../components/date-field';
import { FormFooter } from '../components/form-footer';
import { DetailedErrorAlert } from '../components/messages';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { CheckResult } from './check-result';
import { today } from '../lib/format';
import { useFocusOnMount } from './focus';
import { PlacePicker } from './place-picker';
import { samePlace } from './places';
import type { PlaceChoice } from './places';

const FIELDS = ['from', 'to', 'route', 'plannedDate', 'receivingContact', 'notes'] as const;

type CheckState =
  | { state: 'idle' }
  | { state: 'loading'; to: PlaceRef }
  | { state: 'done'; to: PlaceRef; result: SafeDistanceCheck }
  | { state: 'failed'; to: PlaceRef; error: ApiError };

export interface MovePlanFormProps {
  caseId: number;
  places: readonly PlaceChoice[] | null;
  withinCityKm: number | null;
  onCreated: (move: Move) => void;
  onCancel: () => void;
}

/**
 * Plans a move. Choosing a destination checks it at once against every known perpetrator area and
 * shows the result before anything is saved; choosing another destination checks again.
 */
export function MovePlanForm({ caseId, places, withinCityKm, onCreated, onCancel }: MovePlanFormProps) {
  const t = useT();
  const titleId = useId();
  const [from, setFrom] = useState<PlaceRef | null>(null);
  const [to, setTo] = useState<PlaceRef | null>(null);
  const [route, setRoute] = useState<MoveRoute>('within_city');
  // Until the user picks a route, it follows the destination: a district is a move within the city.
  const [routeChosen, setRouteChosen] = useState(false);
  const [plannedDate, setPlannedDate] = useState(today);
  const [receivingContact, setReceivingContact] = useState('');
  const [notes, setNotes] = useState('');
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const checkSerial = useRef(0);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const form = useFormSubmit(FIELDS);
  const checkDestination = useMutation('moves:check-destination');
  const createMove = useMutation('moves:create', (sent) => [caseSectionKey('moves:list', sent.caseId)]);
  const { formRef, errors, submit } = form;

  const runCheck = (destination: PlaceRef | null): void => {
    const serial = ++checkSerial.current;
    if (destination === null) {
      setCheck({ state: 'idle' });
      return;
    }
    setCheck({ state: 'loading', to: destination });
    checkDestination({ caseId, to: destination }).then(
      (result) => {
        if (serial === checkSerial.current) setCheck({ state: 'done', to: destination, result });
      },
      (thrown: unknown) => {
        if (serial === checkSerial.current) setCheck({ state: 'failed', to: destination, error: toApiError(thrown) });
      },
    );
  };

  const chooseDestination = (place: PlaceRef | null): void => {
    setTo(place);
    if (!routeChosen && place !== null) setRoute(place.kind === 'district' ? 'within_city' : 'own_application');
    runCheck(place);
  };

  const focusDestination = (): void => {
    const field = formRef.current?.querySelector('[name="to"]');
    if (field instanceof HTMLElement) field.focus();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = {
      caseId,
      from,
      to: to ?? { kind: 'municipality' as const, code: '' },
      route,
      plannedDate: plannedDate.trim(),
      receivingContact,
      notes,
    };
    const clientErrors = validateInput('moves:create', input, FIELDS);
    if (to === null) clientErrors.to = 'validation.place_required';
    else if (samePlace(from, to)) clientErrors.to = 'validation.same_place';
    void submit(clientErrors, async () => {
      onCreated(await createMove(input));
    });
  };

  return (
    <section className="pl-panel" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('moves.plan_title')}
      </h3>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <PlacePicker
          name="from"
          label={t('moves.field_from')}
          hint={t('moves.field_from_hint')}
          places={places}
          value={from}
          onChange={setFrom}
          error={fieldMessage(t, errors, 'from')}
        />
        <PlacePicker name="to" label={t('moves.field_to')} places={places} value={to} onChange={chooseDestination} error={fieldMessage(t, errors, 'to')} />
        <div className="pl-check-area">
          {check.state === 'loading' ? (
            <p role="status" className="loading">
              {t('moves.checking')}
            </p>
          ) : null}
          {check.state === 'failed' ? (
            <>
              <DetailedErrorAlert error={check.error} />
              <div className="actions">
                <button type="button" className="button-secondary" onClick={() => runCheck(check.to)}>
                  {t('moves.check_retry')}
                </button>
              </div>
            </>
          ) : null}
          {check.state === 'done' ? (
            <>
              <CheckResult check={check.result} withinCityKm={withinCityKm} live />
              {check.result.warning ? (
                <div className="actions">
                  <button type="button" className="button-secondary" onClick={focusDestination}>
                    {t('moves.choose_other')}
                  </button>
                </div>
              ) : null}
            </>
          ) : null}
        </div>
        <SelectField
          name="route"
          label={t('moves.field_route')}
          value={route}
          options={MOVE_ROUTES.map((r) => ({ value: r, label: t(`moves.route_${r}`) }))}
          onChange={(chosen) => {
            setRoute(chosen);
            setRouteChosen(true);
          }}
        />
        <DateField
          name="plannedDate"
          label={t('moves.field_planned_date')}
          value={plannedDate}
          onChange={setPlannedDate}
          error={fieldMessage(t, errors, 'plannedDate')}
          hint={t('place.date_hint')}
        />
        <TextField
          name="receivingContact"
          label={t('moves.field_receiving_contact')}
          hint={t('moves.field_receiving_contact_hint')}
          value={receivingContact}
          onChange={setReceivingContact}
          error={fieldMessage(t, errors, 'receivingContact')}
          autoComplete="off"
        />
        <TextAreaField name="notes" label={t('moves.field_notes')} value={notes} onChange={setNotes} error={fieldMessage(t, errors, 'notes')} />
        <FormFooter
          form={form}
          submitLabel={check.state === 'done' && check.result.warning ? t('moves.save_despite_warning') : t('moves.save')}
          onCancel={onCancel}
          cancelLabel={t('place.cancel')}
        />
      </form>
    </section>
  );
}
