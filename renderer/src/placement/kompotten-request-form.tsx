import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { KOMPOTTEN_OUTCOMES } from '../../../core/contract';
import type { KompottenRequest } from '../../../core/contract';
import { useMutation } from '../api/query';
import { DateField } from '../components/date-field';
import { FormFooter } from '../components/form-footer';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { today } from '../lib/format';
import { PlacePicker } from './place-picker';
import type { PlaceChoice } from './places';

const FIELDS = ['direction', 'counterpartCode', 'caseId', 'date', 'outcome', 'notes'] as const;
type Direction = KompottenRequest['direction'];
type Outcome = KompottenRequest['outcome'];

export interface KompottenRequestFormProps {
  title: string;
  intro?: string;
  /** The case the request is about, or null for the team's general ledger. */
  caseId: number | null;
  places: readonly PlaceChoice[] | null;
  initialCounterpart: string | null;
  onSaved: (request: KompottenRequest) => void;
  onCancel?: () => void;
}

/** Records one request sent to or received from a Kompotten municipality. */
export function KompottenRequestForm({ title, intro, caseId, places, initialCounterpart, onSaved, onCancel }: KompottenRequestFormProps) {
  const t = useT();
  const titleId = useId();
  const [direction, setDirection] = useState<Direction>('sent');
  const [counterpart, setCounterpart] = useState<string | null>(initialCounterpart);
  const [date, setDate] = useState(today);
  const [outcome, setOutcome] = useState<Outcome>('pending');
  const [notes, setNotes] = useState('');
  const form = useFormSubmit(FIELDS);
  const { formRef, errors, submit } = form;
  // The ledger of the team and of the case both list it.
  const addRequest = useMutation('kompotten:add-request', () => [['kompotten:requests']]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { direction, counterpartCode: counterpart ?? '', caseId, date: date.trim(), outcome, notes };
    const clientErrors = validateInput('kompotten:add-request', input, FIELDS);
    void submit(clientErrors, async () => {
      onSaved(await addRequest(input));
    });
  };

  return (
    <section className="pl-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {intro ? <p>{intro}</p> : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <SelectField
          name="direction"
          label={t('kompotten.field_direction')}
          value={direction}
          options={(['sent', 'received'] as const).map((d) => ({ value: d, label: t(`kompotten.direction_${d}`) }))}
          onChange={setDirection}
        />
        <PlacePicker
          name="counterpartCode"
          label={t('kompotten.field_counterpart')}
          places={places}
          kinds={['municipality']}
          value={counterpart === null ? null : { kind: 'municipality', code: counterpart }}
          onChange={(place) => setCounterpart(place?.code ?? null)}
          error={fieldMessage(t, errors, 'counterpartCode')}
        />
        <DateField
          name="date"
          label={t('kompotten.field_date')}
          value={date}
          onChange={setDate}
          error={fieldMessage(t, errors, 'date')}
          hint={t('place.date_hint')}
        />
        <SelectField
          name="outcome"
          label={t('kompotten.field_outcome')}
          value={outcome}
          options={KOMPOTTEN_OUTCOMES.map((o) => ({ value: o, label: t(`kompotten.outcome_${o}`) }))}
          onChange={setOutcome}
        />
        <TextAreaField name="notes" label={t('kompotten.field_notes')} value={notes} onChange={setNotes} error={fieldMessage(t, errors, 'notes')} />
        <FormFooter form={form} submitLabel={t('kompotten.request_submit')} onCancel={onCancel} cancelLabel={t('place.cancel')} />
      </form>
    </section>
  );
}
