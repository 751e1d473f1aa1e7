import { useEffect, useRef, useState } from 'react';
import type { ApiError, FailedUnlocks, Role, User, UserListRow } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useMutation } from '../api/query';
import { RegisterTable } from '../components/register-table';
import { ApiErrorAlert } from '../components/messages';
import { dateFormat, formatDate } from '../i18n/format';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';

interface UsersTableProps {
  users: UserListRow[];
  /** The roles whose accounts the viewer may disable. */
  manages: readonly Role[];
  onDisabled: (user: User) => void;
  onBeginChange: () => void;
}

/** Failed unlocks since the user's last successful one; blank for an account the viewer does not manage. */
function FailedUnlocksText({ failed }: { failed: FailedUnlocks | null }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  if (failed === null) return null;
  if (failed.count === 0 || failed.lastAt === null) return <>{t('users.failed_unlocks_none')}</>;
  return <>{t('users.failed_unlocks', { count: failed.count, last: dateFormat(language, 'moment').format(new Date(failed.lastAt)) })}</>;
}

export function UsersTable({ users, manages, onDisabled, onBeginChange }: UsersTableProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Disabled colleagues leave the lists a case can be assigned from.
  const disableUser = useMutation('users:disable', () => [['users:list'], ['users:assignees']]);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // The confirmation replaces the button that asked for it; keep the keyboard user's place.
  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);

  const disable = (user: User): void => {
    setBusy(true);
    setError(null);
    disableUser({ username: user.username }).then(
      (updated) => {
        setBusy(false);
        setConfirming(null);
        onDisabled(updated);
      },
      (thrown: unknown) => {
        setBusy(false);
        setConfirming(null);
        setError(toApiError(thrown));
      },
    );
  };

  return (
    <>
      <ApiErrorAlert error={error} />
      <RegisterTable
        caption={t('users.table_caption')}
        rows={users}
        rowKey={(user) => user.id}
        columns={[
          { header: t('users.col_username'), rowHeader: true, className: 'mono', cell: (user) => user.username },
          { header: t('users.col_display_name'), cell: (user) => user.displayName },
          { header: t('users.col_role'), cell: (user) => t(`role.${user.role}`) },
          { header: t('users.col_created'), cell: (user) => formatDate(user.createdAt, language) },
          {
            header: t('users.col_status'),
            cell: (user) => (user.disabledAt === null ? t('users.status_active') : t('users.status_disabled', { date: formatDate(user.disabledAt, language) })),
          },
          { header: t('users.col_failed_unlocks'), cell: (user) => <FailedUnlocksText failed={user.failedUnlocks} /> },
        ]}
        actions={{
          header: t('users.col_actions'),
          cell: (user) =>
            user.disabledAt !== null || !manages.includes(user.role) ? null : confirming === user.username ? (
              <div className="confirm" role="group" aria-label={t('users.disable_label', { name: user.displayName })}>
                <p>{t('users.confirm_disable', { name: user.displayName })}</p>
                <button ref={confirmRef} type="button" className="button-danger" disabled={busy} onClick={() => disable(user)}>
                  {t('users.confirm_yes')}
                </button>
                <button type="button" className="button-secondary" disabled={busy} onClick={() => setConfirming(null)}>
                  {t('users.cancel')}
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="button-secondary"
                aria-label={t('users.disable_label', { name: user.displayName })}
                onClick={() => {
                  onBeginChange();
                  setError(null);
                  setConfirming(user.username);
                }}
              >
                {t('users.disable')}
              </button>
            ),
        }}
      />
    </>
  );
}
