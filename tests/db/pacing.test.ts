import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DbError } from '../../db/errors';
import { INSTALLATION_FREE_FAILURES, readPacing } from '../../db/store/throttle';
import { Store } from '../../db/store/store';
import { ADMIN, tempDir, TEST_ENV } from '../helpers/temp';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

const PASS = (u: string) => `${u} has a long passphrase`;
const WRONG = 'not the right passphrase';

/** A store with the administrator and two caseworkers, ana and bo, locked; its clock moves only when the test moves it. */
async function installation(): Promise<{ store: Store; dir: string; clock: { now: Date } }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = { now: new Date('2026-11-26T10:00:00Z') };
  const store = new Store(t.dir, { env: TEST_ENV, now: () => clock.now });
  cleanups.unshift(() => store.lock('shutdown'));
  await store.setup(ADMIN);
  for (const username of ['ana', 'bo'])
    await store.createUser({ username, displayName: `${username} (fiktiv)`, role: 'caseworker', passphrase: PASS(username) });
  store.lock();
  return { store, dir: t.dir, clock };
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof DbError) return err.code === 'too_many_attempts' ? `wait ${err.retryAfterSeconds}` : err.code;
    throw err;
  }
}

const advance = (clock: { now: Date }, seconds: number) => {
  clock.now = new Date(clock.now.getTime() + seconds * 1000);
};

describe('pacing failed unlocks per account and for the installation', () => {
  it('does not let one account’s success clear another’s failures', async () => {
    const { store, clock } = await installation();
    expect(await outcome(store.unlock('bo', WRONG))).toBe('wrong_credentials');
    expect(await outcome(store.unlock('bo', WRONG))).toBe('wrong_credentials');
    expect(await outcome(store.unlock('ana', PASS('ana')))).toBe('ok');
    store.lock();
    // Bo's third failure is his third, not his first: the fourth try waits.
    expect(await outcome(store.unlock('bo', WRONG))).toBe('wrong_credentials');
    expect(await outcome(store.unlock('bo', PASS('bo')))).toBe('wait 2');
    advance(clock, 3);
    // His own success clears his own failures.
    expect(await outcome(store.unlock('bo', PASS('bo')))).toBe('ok');
    store.lock();
    for (let i = 0; i < 3; i++) expect(await outcome(store.unlock('bo', WRONG))).toBe('wrong_credentials');
  });

  it('moves every failed attempt into the audit log once, at the next unlock by anyone', async () => {
    const { store, dir } = await installation();
    await outcome(store.unlock('bo', WRONG));
    await outcome(store.unlock('nobody', WRONG));
    const pendingFile = `${dir}/fristad.attempts.jsonl`;
    const pending = fs.readFileSync(pendingFile, 'utf8');
    await store.unlock('ana', PASS('ana'));
    const failed = () => store.requireSession().db.selectFrom('audit_log').select(['user_id', 'entity_id']).where('action', '=', 'failed_unlock').execute();
    expect((await failed()).length).toBe(2);
    expect(fs.existsSync(pendingFile)).toBe(false);
    // A move cut short after its commit leaves the file behind: the next unlock does not write the rows again.
    store.lock();
    fs.writeFileSync(pendingFile, pending);
    await store.unlock('ana', PASS('ana'));
    expect((await failed()).length).toBe(2);
    // Bo's failures are still paced after their rows moved into the log.
    expect(
      Object.values(readPacing(`${dir}/fristad.pacing.json`).accounts)
        .map((a) => a.failures)
        .sort(),
    ).toEqual([1, 1]);
  });

  it('grows one account’s delay while another unlocks without waiting', async () => {
    const { store, clock } = await installation();
    for (let i = 0; i < 3; i++) expect(await outcome(store.unlock('bo', WRONG))).toBe('wrong_credentials');
    expect(await outcome(store.unlock('bo', WRONG))).toBe('wait 2');
    expect(await outcome(store.unlock('ana', PASS('ana')))).toBe('ok');
    store.lock();
    advance(clock, 2);
    expect(await outcome(store.unlock('bo', WRONG))).toBe('wrong_credentials');
    expect(await outcome(store.unlock('bo', WRONG))).toBe('wait 4');
    // The status is the installation's, and tells nothing about Bo.
    expect(store.status().retryAfterSeconds).toBe(0);
  });

  it('paces an unknown username exactly like a known one that failed as often', async () => {
    const { store, clock } = await installation();
    const answers = async (username: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        seen.push(await outcome(store.unlock(username, WRONG)));
        advance(clock, 1);
      }
      return seen;
    };
    const known = await answers('bo');
    advance(clock, 600);
    const unknown = await answers('nobody-at-all');
    expect(unknown).toEqual(known);
    expect(known).toEqual(['wrong_credentials', 'wrong_credentials', 'wrong_credentials', 'wait 1', 'wrong_credentials']);
  });

  it('paces everyone once failures spread over many accounts pass the installation-wide limit', async () => {
    const { store, clock } = await installation();
    for (let i = 0; i < INSTALLATION_FREE_FAILURES; i++) {
      expect(await outcome(store.unlock(`guess-${i}`, WRONG)), String(i)).toBe('wrong_credentials');
    }
    expect(store.status().retryAfterSeconds).toBe(2);
    expect(await outcome(store.unlock('ana', PASS('ana')))).toBe('wait 2');
    expect(await outcome(store.recover('AAAA-BBBB', 'ana', 'a brand new long passphrase'))).toBe('wait 2');
    advance(clock, 2);
    expect(await outcome(store.unlock('ana', PASS('ana')))).toBe('ok');
    store.lock();
    // The installation's failures are not cleared by a success: only time lets them go.
    expect(await outcome(store.unlock('guess-x', WRONG))).toBe('wrong_credentials');
    expect(store.status().retryAfterSeconds).toBe(4);
    advance(clock, 60 * 60 + 1);
    expect(store.status().retryAfterSeconds).toBe(0);
  });

  it('paces recovery-key attempts for the installation, whichever username is given', async () => {
    const { store } = await installation();
    for (const username of ['ana', 'bo', 'admin'])
      expect(await outcome(store.recover('AAAA-BBBB', username, 'a brand new long passphrase'))).toBe('wrong_recovery_key');
    expect(await outcome(store.recover('AAAA-BBBB', 'ana', 'a brand new long passphrase'))).toBe('wait 2');
    // The accounts themselves are not paced by it.
    expect(await outcome(store.unlock('ana', PASS('ana')))).toBe('ok');
  });

  it('paces checking a passphrase for a restore like an unlock', async () => {
    const { store } = await installation();
    for (let i = 0; i < 3; i++) expect(await outcome(store.checkPassphrase('admin', WRONG))).toBe('wrong_credentials');
    expect(await outcome(store.checkPassphrase('admin', ADMIN.passphrase))).toBe('wait 2');
    expect(await outcome(store.unlock('admin', ADMIN.passphrase))).toBe('wait 2');
    expect(await outcome(store.unlock('ana', PASS('ana')))).toBe('ok');
  });
});
