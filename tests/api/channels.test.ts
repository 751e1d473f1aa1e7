import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
});
afterAll(async () => close());

describe('API contract', () => {
  it('answers an unknown channel with unknown_channel and nothing else', async () => {
    for (const name of ['nope', 'session:nope', '__proto__', 'constructor', 42, null]) {
      const r = await runtime.invoke(name, {});
      expect(r).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.any(String) } });
    }
  });

  it('reports invalid input with issues naming the fields, and no stack', async () => {
    const r = await runtime.invoke('users:create', { username: 'a b', displayName: '', role: 'king', passphrase: 'short' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    const paths = (r.error.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['username', 'displayName', 'role', 'passphrase']));
    expect(JSON.stringify(r)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('refuses text with a lone surrogate before anything runs, naming the field (it would be stored changed)', async () => {
    for (const [channel, input, path] of [
      ['audit:record-print', { entity: 'report', entityId: 'a\uD800b' }, 'entityId'],
      ['users:create', { username: 'ny', displayName: 'Namn \uDC00', role: 'caseworker', passphrase: 'a long enough passphrase' }, 'displayName'],
      ['settings:update', { ['\uD83D']: 1 }, '\uD83D'],
    ] as const) {
      const r = await runtime.invoke(channel, input);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: [path], message: 'text_not_well_formed' }] } });
    }
    // Well-formed text outside the BMP (a surrogate pair) is fine.
    expect((await runtime.invoke('audit:record-print', { entity: 'report', entityId: 'rapport 😀' })).ok).toBe(true);
    expect(await ok<{ ok: boolean }>(runtime, 'audit:verify')).toMatchObject({ ok: true });
  });

  // Hostile payloads on every channel: tests/api/fuzz-channels-*.test.ts (10 000 per channel).
});

describe('sessions through the API', () => {
  it('locks, refuses data channels while locked, and unlocks', async () => {
    expect((await ok<SessionStatus>(runtime, 'session:lock')).state).toBe('locked');
    expect(await errorCode(runtime, 'users:list')).toBe('locked');
    expect(await errorCode(runtime, 'reference:municipalities')).toBe('locked');
    expect(await errorCode(runtime, 'session:unlock', { username: 'admin', passphrase: 'wrong one' })).toBe('wrong_credentials');
    const status = await ok<SessionStatus>(runtime, 'session:unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(status).toMatchObject({ state: 'unlocked', demo: false, user: { username: 'admin' }, teamName: ADMIN.teamName });
  });

  it('serves the reference data: 21 counties, 290 municipalities, 13 districts', async () => {
    expect(await ok<unknown[]>(runtime, 'reference:counties')).toHaveLength(21);
    const municipalities = await ok<{ code: string; name: string }[]>(runtime, 'reference:municipalities');
    expect(municipalities).toHaveLength(290);
    expect(municipalities.find((m) => m.code === '0180')?.name).toBe('Stockholm');
    expect(await ok<unknown[]>(runtime, 'reference:districts')).toHaveLength(13);
  });

  it('enforces roles in the handlers, not only in the UI', async () => {
    await ok(runtime, 'users:create', { username: 'kim', displayName: 'Kim Test', role: 'caseworker', passphrase: 'kims long passphrase' });
    await ok(runtime, 'users:create', { username: 'gun', displayName: 'Gun Test', role: 'auditor', passphrase: 'guns long passphrase' });
    await ok(runtime, 'session:unlock', { username: 'kim', passphrase: 'kims long passphrase' });
    expect(await errorCode(runtime, 'users:list')).toBe('forbidden');
    // A caseworker may see whom a case can be assigned to: enabled colleagues who work with cases
    // (administrators and auditors see no case content).
    const assignees = await ok<{ displayName: string; role: string }[]>(runtime, 'users:assignees');
    expect(assignees.map((a) => a.role).sort()).toEqual(['caseworker']);
    expect(await errorCode(runtime, 'users:create', { username: 'eve', displayName: 'Eve', role: 'administrator', passphrase: 'eves long passphrase' })).toBe(
      'forbidden',
    );
    expect(await errorCode(runtime, 'settings:update', { idleLockMinutes: 240 })).toBe('forbidden');
    expect(await errorCode(runtime, 'audit:verify')).toBe('forbidden');
    await ok(runtime, 'session:unlock', { username: 'gun', passphrase: 'guns long passphrase' });
    expect((await ok<{ ok: boolean }>(runtime, 'audit:verify')).ok).toBe(true);
    await ok(runtime, 'session:unlock', { username: 'admin', passphrase: ADMIN.passphrase });
  });

  it('disables a user, whose passphrase then opens nothing; the last administrator stays', async () => {
    await ok(runtime, 'users:disable', { username: 'kim' });
    expect(await errorCode(runtime, 'users:disable', { username: 'admin' })).toBe('last_administrator');
    await ok(runtime, 'session:lock');
    expect(await errorCode(runtime, 'session:unlock', { username: 'kim', passphrase: 'kims long passphrase' })).toBe('wrong_credentials');
    await ok(runtime, 'session:unlock', { username: 'admin', passphrase: ADMIN.passphrase });
  });

  it('updates settings and shows them in the session status', async () => {
    await ok(runtime, 'settings:update', { teamName: 'Relationsvåldsteamet', idleLockMinutes: 15 });
    expect(await ok<SessionStatus>(runtime, 'session:status')).toMatchObject({ teamName: 'Relationsvåldsteamet', idleLockMinutes: 15 });
    expect(await errorCode(runtime, 'settings:update', { idleLockMinutes: 0 })).toBe('invalid_input');
  });

  it('changes the passphrase through the API', async () => {
    expect(await errorCode(runtime, 'session:change-passphrase', { currentPassphrase: 'nope', newPassphrase: 'the next long passphrase' })).toBe(
      'wrong_credentials',
    );
    await ok(runtime, 'session:change-passphrase', { currentPassphrase: ADMIN.passphrase, newPassphrase: 'the next long passphrase' });
    await ok(runtime, 'session:lock');
    await ok(runtime, 'session:unlock', { username: 'admin', passphrase: 'the next long passphrase' });
  });
});

describe('demo and idle lock', () => {
  it('opens a fictional demo database with a shown login, and leaves it again', async () => {
    const t = await testRuntime();
    try {
      const demo = await ok<{ username: string; passphrase: string; status: SessionStatus }>(t.runtime, 'session:open-demo');
      expect(demo.status).toMatchObject({ state: 'locked', demo: true });
      const status = await ok<SessionStatus>(t.runtime, 'session:unlock', { username: demo.username, passphrase: demo.passphrase });
      expect(status.teamName).toMatch(/fiktiv/);
      const users = await ok<{ displayName: string }[]>(t.runtime, 'users:list');
      expect(users.length).toBeGreaterThan(1);
      for (const u of users) expect(u.displayName).toMatch(/fiktiv/);
      expect((await ok<SessionStatus>(t.runtime, 'session:leave-demo')).state).toBe('new');
    } finally {
      await t.close();
    }
  });

  it('starts on the demo database with --demo and reports the login', async () => {
    const t = await testRuntime({ demo: true });
    try {
      expect(t.runtime.demoCredentials?.username).toBe('demo');
      expect(await ok<SessionStatus>(t.runtime, 'session:status')).toMatchObject({ demo: true, state: 'locked' });
    } finally {
      await t.close();
    }
  });

  it('locks by itself after the idle time and tells the host', async () => {
    let locked!: () => void;
    const autoLocked = new Promise<void>((resolve) => (locked = resolve));
    const t = await testRuntime({ idleMinuteMs: 40, onAutoLock: () => locked() });
    try {
      await ok(t.runtime, 'session:setup', ADMIN);
      await ok(t.runtime, 'settings:update', { idleLockMinutes: 1 });
      await autoLocked;
      expect((await ok<SessionStatus>(t.runtime, 'session:status')).state).toBe('locked');
    } finally {
      await t.close();
    }
  });
});
