import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionPreview, Settings } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;
let caseNumber: string;

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  for (const [username, role] of [
    ['kim', 'caseworker'],
    ['lea', 'team_lead'],
    ['ada', 'auditor'],
  ] as const) {
    await ok(runtime, 'users:create', { username, displayName: `${username} (fiktiv)`, role, passphrase: `${username} long passphrase` });
  }
  // The case is Kim's: administrators do no casework.
  await ok(runtime, 'session:unlock', { username: 'kim', passphrase: 'kim long passphrase' });
  const created = await ok<{ id: number; caseNumber: string }>(
    runtime,
    'cases:create',
    caseInput({ survivor: { ...caseInput().survivor, name: 'Hemlig Person' } }),
  );
  caseNumber = created.caseNumber;
  await ok(runtime, 'cases:close', { id: created.id, reason: 'Avslutat (fiktivt)' });
});
afterAll(async () => close());

const as = (username: string) =>
  ok(runtime, 'session:unlock', { username, passphrase: username === ADMIN.username ? ADMIN.passphrase : `${username} long passphrase` });

describe('retention channels', () => {
  it('show a team lead and an administrator the preview, with case numbers only', async () => {
    for (const user of ['lea', ADMIN.username]) {
      await as(user);
      const p = await ok<RetentionPreview>(runtime, 'retention:preview');
      expect(p.purge).toEqual([]);
      // Closed today: not due for five years.
      expect(p.kept).toMatchObject({ not_due: 1, open: 0 });
      expect(JSON.stringify(p)).not.toContain('Hemlig');
    }
  });

  it('refuse caseworkers and auditors everything', async () => {
    for (const user of ['kim', 'ada']) {
      await as(user);
      expect(await errorCode(runtime, 'retention:preview')).toBe('forbidden');
      expect(await errorCode(runtime, 'retention:decide', { caseNumber, decision: 'keep', comment: '' })).toBe('forbidden');
      expect(await errorCode(runtime, 'retention:purge', { caseNumbers: [caseNumber], confirm: true })).toBe('forbidden');
    }
  });

  it('let only a team lead decide and purge; a case that is not due is refused', async () => {
    await as(ADMIN.username);
    expect(await errorCode(runtime, 'retention:purge', { caseNumbers: [caseNumber], confirm: true })).toBe('forbidden');
    expect(await errorCode(runtime, 'retention:decide', { caseNumber, decision: 'purge', comment: '' })).toBe('forbidden');
    await as('lea');
    expect(await errorCode(runtime, 'retention:purge', { caseNumbers: [caseNumber], confirm: true })).toBe('not_allowed');
    expect(await errorCode(runtime, 'retention:decide', { caseNumber, decision: 'purge', comment: '' })).toBe('not_allowed');
  });

  it('validate the confirmation and the list', async () => {
    await as('lea');
    expect(await errorCode(runtime, 'retention:purge', { caseNumbers: [caseNumber] })).toBe('invalid_input');
    expect(await errorCode(runtime, 'retention:purge', { caseNumbers: [caseNumber], confirm: false })).toBe('invalid_input');
    expect(await errorCode(runtime, 'retention:purge', { caseNumbers: [], confirm: true })).toBe('invalid_input');
    expect(await errorCode(runtime, 'retention:purge', { caseNumbers: [caseNumber, caseNumber], confirm: true })).toBe('invalid_input');
    expect(await errorCode(runtime, 'retention:decide', { caseNumber, decision: 'delete', comment: '' })).toBe('invalid_input');
    expect(await errorCode(runtime, 'retention:preview', { all: true })).toBe('invalid_input');
  });

  it('take the rules from the settings, which administrators edit', async () => {
    await as(ADMIN.username);
    const s = await ok<Settings>(runtime, 'settings:get');
    expect([s.retentionYears, s.retentionKeepBirthDays, s.researchMunicipality]).toEqual([5, true, false]);
    expect(await errorCode(runtime, 'settings:update', { retentionYears: 0 })).toBe('invalid_input');
    expect(await errorCode(runtime, 'settings:update', { retentionYears: 51 })).toBe('invalid_input');
    const updated = await ok<Settings>(runtime, 'settings:update', { retentionYears: 10, retentionKeepBirthDays: false, researchMunicipality: true });
    expect([updated.retentionYears, updated.retentionKeepBirthDays, updated.researchMunicipality]).toEqual([10, false, true]);
    const p = await ok<RetentionPreview>(runtime, 'retention:preview');
    expect(p.rules).toEqual({ retentionYears: 10, retentionKeepBirthDays: false, researchMunicipality: true });
    expect(p.kept.research_municipality).toBe(1);
    await as('lea');
    expect(await errorCode(runtime, 'settings:update', { retentionYears: 7 })).toBe('forbidden');
  });
});
