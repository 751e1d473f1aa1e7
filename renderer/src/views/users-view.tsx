import { useState } from 'react';
import type { SessionUser } from '../../../core/contract';
import { useChannel } from '../api/query';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';
import { rolesManagedBy } from '../shell/views';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';

/**
 * Administrators and team leads add colleagues and disable accounts (team leads only caseworkers'
 * and team leads'); no one is ever deleted, only disabled.
 */
export function UsersView({ user }: { user: SessionUser }) {
  const t = useT();
  const manages = rolesManagedBy(user.role);
  const users = useChannel('users:list', {});
  const [notice, setNotice] = useState<string | null>(null);

  const onChanged = (message: string): void => {
    setNotice(message);
  };

  return (
    <section className="view">
      <ViewHeading>{t('users.title')}</ViewHeading>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ApiErrorAlert error={users.error} />
      {users.data === null && users.error === null ? <p role="status">{t('users.loading')}</p> : null}
      {users.data ? (
        <UsersTable
          users={users.data}
          manages={manages}
          onDisabled={(user) => onChanged(t('users.disabled_done', { name: user.displayName }))}
          onBeginChange={() => setNotice(null)}
        />
      ) : null}
      <CreateUserForm roles={manages} onCreated={(user) => onChanged(t('users.created', { name: user.displayName }))} onBeginChange={() => setNotice(null)} />
    </section>
  );
}
