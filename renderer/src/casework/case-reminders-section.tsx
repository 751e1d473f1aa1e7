import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { REMINDER_KINDS } from '../../../core/contract';
import type { ApiError, CaseDetail, Reminder } from '../../../core/contract';
import { toApiError } from '../api/client';
import { caseSectionKey } from '../api/case-queries';
import { useChannel, useMutation } from '../api/query';
import type { QueryKey } from '../api/query';
import { DateField } from '../components/date-field';
import { FormFooter, issuesAtFields } from '../components/form-footer';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { messageAt, pathErrorsFromIssues, validatePaths } from '../forms/path-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { CaseSection } from '../components/case-section';
import { formatDay, formatMoment, today } from '../lib/format';
import { useFocusRequest } from './use-focus-request';

export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** What adding or completing a reminder of a case makes out of date: its list and the due lists. */
function remindersOf(caseId: number): QueryKey[] {
  return [caseSectionKey('reminders:list', caseId), ['reminders:due']];
}

function AddReminderForm({ caseId, onAdded, onCancel }: { caseId: number; onAdded: (reminder: Reminder) => void; onCancel: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<ReminderKind>('follow_up');
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const form = useFormSubmit(pathErrorsFromIssues);
  const { formRef, errors, submit } = form;
  const create = useMutation('reminders:create', (sent) => remindersOf(sent.caseId));
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { caseId, kind, dueDate: dueDate.trim(), note };
    void submit(validatePaths('reminders:create', input), async () => onAdded(await create(input)));
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="reminder-form" aria-label={t('reminders.add_title')}>
      <h3>{t('reminders.add_title')}</h3>
      <div className="field-row">
        <SelectField
          name="kind"
          label={t('reminders.kind')}
          value={kind}
          options={REMINDER_KINDS.map((k) => ({ value: k, label: t(`reminder_kind.${k}`) }))}
          onChange={setKind}
        />
        <DateField
          name="dueDate"
          label={t('reminders.due_date')}
          hint={t('casework.date_hint_example', { example: today() })}
          value={dueDate}
          onChange={setDueDate}
          error={messageAt(t, errors, 'dueDate')}
        />
      </div>
      <TextField name="note" label={t('reminders.note')} value={note} onChange={setNote} error={messageAt(t, errors, 'note')} autoComplete="off" />
      <FormFooter form={form} submitLabel={t('reminders.add_submit')} onCancel={onCancel} cancelLabel={t('casework.cancel')} shownAtFields={issuesAtFields} />
    </form>
  );
}

/**
 * The case's reminders: open ones first by due date, then those done. Other sections' changes
 * that leave reminders (a completed risk assessment leaves its review) invalidate the list.
 */
export function CaseRemindersSection({ id, detail }: { id: string; detail: CaseDetail }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const reminders = useChannel('reminders:list', { caseId: detail.id });
  const completeReminder = useMutation('reminders:complete', () => remindersOf(detail.id));
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const { containerRef: focusRef, focusName, focusSelector } = useFocusRequest();
  const open = detail.status === 'open';
  const now = today();
  const all = reminders.data ?? [];
  const pending = all.filter((r) => r.doneAt === null).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const done = all.filter((r) => r.doneAt !== null);

  const complete = (reminder: Reminder): void => {
    setBusyId(reminder.id);
    setError(null);
    setNotice(null);
    completeReminder({ id: reminder.id }).then(
      () => {
        setBusyId(null);
        setNotice(t('reminders.completed', { kind: t(`reminder_kind.${reminder.kind}`) }));
        focusSelector('[data-reminder-add]');
      },
      (thrown: unknown) => {
        setBusyId(null);
        setError(toApiError(thrown));
      },
    );
  };

  return (
    <CaseSection id={id} title={t('reminders.case_title')}>
      <div ref={focusRef}>
        {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
        <ApiErrorAlert error={error ?? reminders.error} />
        {reminders.data === null && reminders.error === null ? <p role="status">{t('reminders.loading')}</p> : null}
        {reminders.data !== null && pending.length === 0 ? <p className="muted">{t('reminders.none_open')}</p> : null}
        {pending.length > 0 ? (
          <ul className="reminder-list">
            {pending.map((r) => {
              const overdue = r.dueDate < now;
              return (
                <li key={r.id} className={`reminder${overdue ? ' is-overdue' : ''}`}>
                  <span className="reminder-due">
                    {formatDay(r.dueDate, language)}
                    {overdue ? <span className="badge badge-overdue">{t('reminders.overdue_badge')}</span> : null}
                  </span>
                  <span className="reminder-kind">{t(`reminder_kind.${r.kind}`)}</span>
                  <span className="reminder-note">{r.note}</span>
                  {open ? (
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={busyId !== null}
                      aria-label={t('reminders.complete_label', { kind: t(`reminder_kind.${r.kind}`), date: formatDay(r.dueDate, language) })}
                      onClick={() => complete(r)}
                    >
                      {t('reminders.complete')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {adding ? (
          <AddReminderForm
            caseId={detail.id}
            onAdded={() => {
              setAdding(false);
              setNotice(t('reminders.added'));
              focusSelector('[data-reminder-add]');
            }}
            onCancel={() => {
              setAdding(false);
              focusSelector('[data-reminder-add]');
            }}
          />
        ) : open ? (
          <div className="actions">
            <button
              type="button"
              className="button-secondary"
              data-reminder-add
              onClick={() => {
                setNotice(null);
                setAdding(true);
                focusName('dueDate');
              }}
            >
              {t('reminders.add')}
            </button>
          </div>
        ) : null}
        {done.length > 0 ? (
          <details className="reminders-done">
            <summary>{t('reminders.done_title', { count: done.length })}</summary>
            <ul className="reminder-list">
              {done.map((r) => (
                <li key={r.id} className="reminder is-done">
                  <span className="reminder-due">{formatDay(r.dueDate, language)}</span>
                  <span className="reminder-kind">{t(`reminder_kind.${r.kind}`)}</span>
                  <span className="reminder-note">{r.note}</span>
                  <span className="muted">{r.doneAt ? t('reminders.done_at', { when: formatMoment(r.doneAt, language) }) : null}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </CaseSection>
  );
}
