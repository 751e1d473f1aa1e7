import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { isMasked, SUPPORT_KINDS, SUPPORT_STATUSES } from '../../../core/contract';
import type { SupportItem } from '../../../core/contract';
import { caseSectionKey } from '../api/case-queries';
import { useChannel, useMutation } from '../api/query';
import { DateField } from '../components/date-field';
import { RegisterTable } from '../components/register-table';
import { FormFooter } from '../components/form-footer';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { MaskableField, Shown, textOf } from '../protect/masked';
import type { CaseSectionProps } from '../components/case-section';
import { useFocusOnMount, useReturnFocus } from './focus';
import { formatDay } from '../lib/format';
import { optionalDate } from './format';

const FIELDS = ['kind', 'agency', 'status', 'startDate', 'endDate', 'notes'] as const;
type Kind = SupportItem['kind'];
type Status = SupportItem['status'];

function SupportForm({
  caseId,
  item,
  onSaved,
  onCancel,
}: {
  caseId: number;
  item: SupportItem | null;
  onSaved: (item: SupportItem) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [kind, setKind] = useState<Kind>(item?.kind ?? 'protected_housing');
  // A masked agency is neither shown nor sent: left out, the stored one is kept.
  const agencyMasked = item !== null && isMasked(item.agency);
  const [agency, setAgency] = useState(item === null || isMasked(item.agency) ? '' : item.agency);
  const [status, setStatus] = useState<Status>(item?.status ?? 'needed');
  const [startDate, setStartDate] = useState(item?.startDate ?? '');
  const [endDate, setEndDate] = useState(item?.endDate ?? '');
  const [notes, setNotes] = useState(item?.notes ?? '');
  const form = useFormSubmit(FIELDS);
  const addItem = useMutation('support:add', () => [caseSectionKey('support:list', caseId)]);
  const updateItem = useMutation('support:update', () => [caseSectionKey('support:list', caseId)]);
  const { formRef, errors, submit } = form;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const fields = { kind, agency, status, startDate: optionalDate(startDate), endDate: optionalDate(endDate), notes };
    const { agency: _agency, ...unprotected } = fields;
    const update = agencyMasked ? unprotected : fields;
    const clientErrors =
      item === null ? validateInput('support:add', { caseId, ...fields }, FIELDS) : validateInput('support:update', { id: item.id, ...update }, FIELDS);
    if (
      clientErrors.startDate === undefined &&
      clientErrors.endDate === undefined &&
      fields.startDate !== null &&
      fields.endDate !== null &&
      fields.endDate < fields.startDate
    ) {
      clientErrors.endDate = 'validation.end_before_start';
    }
    void submit(clientErrors, async () => {
      onSaved(item === null ? await addItem({ caseId, ...fields }) : await updateItem({ id: item.id, ...update }));
    });
  };

  return (
    <section className="pl-panel" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {item === null ? t('support.add_title') : t('support.edit_title', { kind: t(`support.kind_${item.kind}`) })}
      </h3>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <div className="pl-form-grid">
          <SelectField
            name="kind"
            label={t('support.field_kind')}
            value={kind}
            options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`support.kind_${k}`) }))}
            onChange={setKind}
          />
          <SelectField
            name="status"
            label={t('support.field_status')}
            value={status}
            options={SUPPORT_STATUSES.map((s) => ({ value: s, label: t(`support.status_${s}`) }))}
            onChange={setStatus}
          />
        </div>
        <MaskableField masked={agencyMasked} label={t('support.field_agency')}>
          <TextField
            name="agency"
            label={t('support.field_agency')}
            hint={t('support.field_agency_hint')}
            value={agency}
            onChange={setAgency}
            error={fieldMessage(t, errors, 'agency')}
            autoComplete="off"
          />
        </MaskableField>
        <div className="pl-form-grid">
          <DateField
            name="startDate"
            label={t('support.field_start')}
            value={startDate}
            onChange={setStartDate}
            error={fieldMessage(t, errors, 'startDate')}
            hint={t('place.date_hint_optional')}
          />
          <DateField
            name="endDate"
            label={t('support.field_end')}
            value={endDate}
            onChange={setEndDate}
            error={fieldMessage(t, errors, 'endDate')}
            hint={t('place.date_hint_optional')}
          />
        </div>
        <TextAreaField name="notes" label={t('support.field_notes')} value={notes} onChange={setNotes} error={fieldMessage(t, errors, 'notes')} />
        <FormFooter
          form={form}
          submitLabel={item === null ? t('support.add_submit') : t('support.edit_submit')}
          onCancel={onCancel}
          cancelLabel={t('place.cancel')}
        />
      </form>
    </section>
  );
}

/** Bryt upp: the case's support plan, one item per kind of support with who is responsible and where it stands. */
export function SupportSection({ caseDetail }: CaseSectionProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const caseId = caseDetail.id;
  const closed = caseDetail.status === 'closed';
  const items = useChannel('support:list', { caseId });
  const [editing, setEditing] = useState<SupportItem | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [addButtonRef, restoreAddButton] = useReturnFocus<HTMLButtonElement>();
  const supportDates = ({ startDate, endDate }: SupportItem): string => {
    if (startDate !== null && endDate !== null) return t('support.dates', { start: formatDay(startDate, language), end: formatDay(endDate, language) });
    if (startDate !== null) return t('support.dates_from', { start: formatDay(startDate, language) });
    if (endDate !== null) return t('support.dates_until', { end: formatDay(endDate, language) });
    return '–';
  };
  const sorted = [...(items.data ?? [])].sort((a, b) => SUPPORT_KINDS.indexOf(a.kind) - SUPPORT_KINDS.indexOf(b.kind) || a.id - b.id);

  const close = (): void => {
    setEditing(null);
    restoreAddButton();
  };
  const onSaved = (saved: SupportItem, added: boolean): void => {
    setNotice(t(added ? 'support.added' : 'support.updated', { kind: t(`support.kind_${saved.kind}`) }));
    close();
  };

  return (
    <section className="pl-section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t('support.title')}
      </h2>
      <p className="muted">{t('support.intro')}</p>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ApiErrorAlert error={items.error} />
      {items.data === null && items.error === null ? <p role="status">{t('support.loading')}</p> : null}
      {items.data && items.data.length === 0 ? <p className="muted">{t('support.none')}</p> : null}
      {sorted.length > 0 ? (
        <RegisterTable
          caption={t('support.caption')}
          rows={sorted}
          rowKey={(item) => item.id}
          columns={[
            { header: t('support.field_kind'), rowHeader: true, cell: (item) => t(`support.kind_${item.kind}`) },
            { header: t('support.field_agency'), cell: (item) => <Shown value={item.agency} /> },
            {
              header: t('support.field_status'),
              cell: (item) => <span className={`pl-badge pl-support-${item.status}`}>{t(`support.status_${item.status}`)}</span>,
            },
            { header: t('support.col_dates'), cell: supportDates },
            { header: t('support.field_notes'), className: 'pl-prewrap', cell: (item) => item.notes },
          ]}
          actions={
            closed
              ? undefined
              : {
                  header: t('support.col_actions'),
                  cell: (item) => (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t('support.edit_label', { kind: t(`support.kind_${item.kind}`), agency: textOf(t, item.agency) || '–' })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(item);
                      }}
                    >
                      {t('support.edit')}
                    </button>
                  ),
                }
          }
        />
      ) : null}
      {editing !== null ? (
        <SupportForm
          key={editing === 'new' ? 'new' : editing.id}
          caseId={caseId}
          item={editing === 'new' ? null : editing}
          onSaved={(saved) => onSaved(saved, editing === 'new')}
          onCancel={close}
        />
      ) : null}
      {closed ? (
        <p className="muted">{t('support.case_closed')}</p>
      ) : editing === null ? (
        <div className="actions">
          <button
            ref={addButtonRef}
            type="button"
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('support.add_open')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
