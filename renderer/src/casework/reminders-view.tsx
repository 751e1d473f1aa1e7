import { useEffect, useId, useRef, useState } from 'react';
import { TEAM_OVERVIEW, type ApiError, type Reminder, type SessionUser } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useChannel, useMutation } from '../api/query';
import { RegisterTable } from '../components/register-table';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { SelectField } from '../components/select-field';
import { ViewHeading } from '../components/view-heading';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { navigateTo } from '../shell/navigation-store';
import { clearReminderFocus, openCaseFromReminder, useCaseworkStore } from './casework-store';
import { formatDay } from '../lib/format';

type Scope = 'mine' | 'team';

function ReminderTable({
  title,
  empty,
  reminders,
  showAssignee,
  busyId,
  onOpen,
  onComplete,
}: {
  title: string;
  empty: string;
  reminders: readonly Reminder[];
  showAssignee: boolean;
  busyId: number | null;
  onOpen: (reminder: Reminder) => void;
  onComplete: (reminder: Reminder) => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {reminders.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <RegisterTable
          labelledBy={titleId}
          rows={reminders}
          rowKey={(r) => r.id}
          columns={[
            { header: t('reminders.col_due'), cell: (r) => formatDay(r.dueDate, language) },
            {
              header: t('reminders.col_case'),
              rowHeader: true,
              cell: (r) => (
                <button
                  type="button"
                  className="button-link mono"
                  data-open-reminder={r.id}
                  onClick={() => onOpen(r)}
                  aria-label={t('reminders.open_case', { number: r.caseNumber })}
                >
                  {r.caseNumber}
                </button>
              ),
            },
            { header: t('reminders.col_kind'), cell: (r) => t(`reminder_kind.${r.kind}`) },
            { header: t('reminders.col_note'), cell: (r) => r.note },
            showAssignee ? { header: t('reminders.col_assigned'), cell: (r) => r.assignedUserName ?? t('case.unassigned') } : null,
          ]}
          actions={{
            header: t('reminders.col_actions'),
            cell: (r) => (
              <button
                type="button"
                className="button-secondary"
                disabled={busyId !== null}
                onClick={() => onComplete(r)}
                aria-label={t('reminders.complete_row_label', { kind: t(`reminder_kind.${r.kind}`), number: r.caseNumber })}
              >
                {t('reminders.complete')}
              </button>
            ),
          }}
        />
      )}
    </section>
  );
}

/** Opens a row's case in the Cases view, which goes back to this row. */
function openReminderCase(reminder: Reminder): void {
  openCaseFromReminder(reminder.caseId, reminder.id);
  navigateTo('cases');
}

function DueLists({ user }: { user: SessionUser }) {
  const t = useT();
  const teamAllowed = TEAM_OVERVIEW.includes(user.role);
  const [scope, setScope] = useState<Scope>('mine');
  const due = useChannel('reminders:due', { scope });
  const completeReminder = useMutation('reminders:complete', () => [['reminders:due'], ['reminders:list']]);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const loaded = due.data !== null;
  const focusReminderId = useCaseworkStore((state) => state.focusReminderOnReturn);

  // Coming back from a case, the keyboard user lands on the row they opened.
  useEffect(() => {
    if (!loaded || focusReminderId === null) return;
    const target = rootRef.current?.querySelector(`[data-open-reminder="${focusReminderId}"]`);
    if (target instanceof HTMLElement) target.focus();
    clearReminderFocus();
  }, [loaded, focusReminderId]);

  const complete = (reminder: Reminder): void => {
    setBusyId(reminder.id);
    setError(null);
    setNotice(null);
    completeReminder({ id: reminder.id }).then(
      () => {
        setBusyId(null);
        setNotice(t('reminders.completed_row', { kind: t(`reminder_kind.${reminder.kind}`), number: reminder.caseNumber }));
      },
      (thrown: unknown) => {
        setBusyId(null);
        setError(toApiError(thrown));
      },
    );
  };

  const showAssignee = scope === 'team';
  return (
    <div ref={rootRef}>
      {teamAllowed ? (
        <SelectField
          name="scope"
          label={t('reminders.scope')}
          value={scope}
          options={[
            { value: 'mine', label: t('reminders.scope_mine') },
            { value: 'team', label: t('reminders.scope_team') },
          ]}
          onChange={setScope}
        />
      ) : null}
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ApiErrorAlert error={error ?? due.error} />
      {due.data === null && due.error === null ? <p role="status">{t('reminders.loading')}</p> : null}
      {due.data ? (
        <>
          <p role="status" className="muted">
            {t('reminders.summary', { overdue: due.data.overdue.length, week: due.data.thisWeek.length })}
          </p>
          <ReminderTable
            title={t('reminders.overdue_title', { count: due.data.overdue.length })}
            empty={t('reminders.overdue_empty')}
            reminders={due.data.overdue}
            showAssignee={showAssignee}
            busyId={busyId}
            onOpen={openReminderCase}
            onComplete={complete}
          />
          <ReminderTable
            title={t('reminders.week_title', { count: due.data.thisWeek.length })}
            empty={t('reminders.week_empty')}
            reminders={due.data.thisWeek}
            showAssignee={showAssignee}
            busyId={busyId}
            onOpen={openReminderCase}
            onComplete={complete}
          />
        </>
      ) : null}
    </div>
  );
}

/** What is overdue and due this week, for the user or (team leads, administrators) the team. */
export function RemindersView({ user }: { user: SessionUser }) {
  const t = useT();
  return (
    <section className="view">
      <ViewHeading>{t('reminders.title')}</ViewHeading>
      <p>{t('reminders.intro')}</p>
      <DueLists user={user} />
    </section>
  );
}
