import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { KOMPOTTEN_OUTCOMES } from '../../../core/contract';
import type { KompottenRequest } from '../../../core/contract';
import { useMutation } from '../api/query';
import { FormFooter } from '../components/form-footer';
import { RegisterTable } from '../components/register-table';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { Shown, textOf } from '../protect/masked';
import { formatDay } from '../lib/format';

const UPDATE_FIELDS = ['outcome', 'notes'] as const;

function UpdateRequestForm({ request, onSaved, onCancel }: { request: KompottenRequest; onSaved: (r: KompottenRequest) => void; onCancel: () => void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [outcome, setOutcome] = useState(request.outcome);
  const [notes, setNotes] = useState(request.notes);
  const form = useFormSubmit(UPDATE_FIELDS);
  const updateRequest = useMutation('kompotten:update-request', () => [['kompotten:requests']]);
  const { formRef, errors, submit } = form;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { id: request.id, outcome, notes };
    void submit(validateInput('kompotten:update-request', input, UPDATE_FIELDS), async () => {
      onSaved(await updateRequest(input));
    });
  };

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={t('kompotten.update_label', { counterpart: textOf(t, request.counterpartName), date: formatDay(request.date, language) })}
    >
      <SelectField
        name="outcome"
        label={t('kompotten.field_outcome')}
        value={outcome}
        options={KOMPOTTEN_OUTCOMES.map((o) => ({ value: o, label: t(`kompotten.outcome_${o}`) }))}
        onChange={setOutcome}
      />
      <TextAreaField name="notes" label={t('kompotten.field_notes')} value={notes} onChange={setNotes} error={fieldMessage(t, errors, 'notes')} rows={2} />
      <FormFooter form={form} submitLabel={t('kompotten.update_submit')} onCancel={onCancel} cancelLabel={t('place.cancel')} />
    </form>
  );
}

/** The Kompotten ledger: requests sent and received; `onUpdated` offers updating the outcome. */
export function KompottenLedgerTable({
  requests,
  caption,
  showCase,
  onUpdated,
}: {
  requests: readonly KompottenRequest[];
  caption: string;
  showCase: boolean;
  onUpdated?: (request: KompottenRequest) => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [editing, setEditing] = useState<number | null>(null);

  return (
    <RegisterTable
      caption={caption}
      rows={requests}
      rowKey={(request) => request.id}
      columns={[
        { header: t('kompotten.col_date'), cell: (request) => formatDay(request.date, language) },
        { header: t('kompotten.col_direction'), cell: (request) => t(`kompotten.direction_${request.direction}`) },
        { header: t('kompotten.col_counterpart'), rowHeader: true, cell: (request) => <Shown value={request.counterpartName} /> },
        showCase ? { header: t('kompotten.col_case'), className: 'mono', cell: (request) => request.caseNumber ?? t('kompotten.no_case') } : null,
        {
          header: t('kompotten.col_outcome'),
          cell: (request) => <span className={`pl-badge pl-outcome-${request.outcome}`}>{t(`kompotten.outcome_${request.outcome}`)}</span>,
        },
        { header: t('kompotten.col_notes'), className: 'pl-prewrap', cell: (request) => request.notes },
      ]}
      actions={
        onUpdated
          ? {
              header: t('kompotten.col_actions'),
              cell: (request) =>
                editing === request.id ? (
                  <UpdateRequestForm
                    request={request}
                    onSaved={(saved) => {
                      setEditing(null);
                      onUpdated(saved);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={t('kompotten.update_label', { counterpart: textOf(t, request.counterpartName), date: formatDay(request.date, language) })}
                    onClick={() => setEditing(request.id)}
                  >
                    {t('kompotten.update')}
                  </button>
                ),
            }
          : undefined
      }
    />
  );
}
