import { useState } from 'react';
import type { SessionUser, UserListRow } from '../../../core/contract';
import { call } from '../api/client';
import { useQuery } from '../api/query';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';
import { rolesManagedBy } from '../shell/views';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';

function loadUsers(): Promise<UserListRow[]> {
  return call('users:list', {});
}

/**
 * Administrators and team leads add colleagues and disable accounts (team leads only caseworkers'
 * and team leads'); no one is ever deleted, only disabled.
 */
export function UsersView({ user }: { user: SessionUser }) {
  const t = useT();
  const manages = rolesManagedBy(user.role);
  const users = useQuery(['users:list', {}], loadUsers);
  const [notice, setNotice] = useState<string | null>(null);

  const onChanged = (message: string): void => {
    setNotice(message);
    users.reload();
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
      <CreateUserForm
        roles={manages}
        onCreated={(user) => onChanged(t('users.created', { name: user.displayName }))}
        onBeginChange={() => setNotice(null)}
      />
    </section>
  );
}
