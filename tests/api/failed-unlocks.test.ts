import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserListRow } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;

const PASS: Record<string, string> = { admin: ADMIN.passphrase, kim: 'kims long passphrase', lea: 'leas long passphrase', gun: 'guns long passphrase' };
const as = (username: string) => ok(runtime, 'session:unlock', { username, passphrase: PASS[username] });

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { username: 'kim', displayName: 'Kim Handläggare', role: 'caseworker', passphrase: PASS.kim });
  await ok(runtime, 'users:create', { username: 'lea', displayName: 'Lea Ledare', role: 'team_lead', passphrase: PASS.lea });
  await ok(runtime, 'users:create', { username: 'gun', displayName: 'Gun Granskare', role: 'auditor', passphrase: PASS.gun });
});
afterAll(async () => close());

async function failedByUser(): Promise<Record<string, UserListRow['failedUnlocks']>> {
  const rows = await ok<UserListRow[]>(runtime, 'users:list');
  return Object.fromEntries(rows.map((r) => [r.username, r.failedUnlocks]));
}

describe('failed unlocks in the users list', () => {
  it('shows a team lead the failures against the accounts they manage since each one’s last unlock', async () => {
    for (const username of ['kim', 'kim', 'gun', 'nobody'])
      expect(await errorCode(runtime, 'session:unlock', { username, passphrase: 'a wrong passphrase' })).toBe('wrong_credentials');
    await as('lea');
    const seen = await failedByUser();
    expect(seen.kim).toMatchObject({ count: 2 });
    expect(Number.isNaN(Date.parse(seen.kim?.lastAt ?? ''))).toBe(false);
    expect(seen.lea).toEqual({ count: 0, lastAt: null });
    // Administrators and auditors are not the team lead's to manage.
    expect(seen.gun).toBeNull();
    expect(seen.admin).toBeNull();

    // Lea's own unlock did not clear Kim's count; Kim's does.
    await as('admin');
    expect((await failedByUser()).gun).toMatchObject({ count: 1 });
    expect((await failedByUser()).kim).toMatchObject({ count: 2 });
    await as('kim');
    await as('lea');
    expect((await failedByUser()).kim).toEqual({ count: 0, lastAt: null });
  });
});
