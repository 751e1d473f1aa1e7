import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, CHANNEL_NAMES, channels, ERROR_CODES, type CaseDetail, type Channel, type Role, type SessionStatus } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from './casework';
import { changedTables, DbProbe, type DataFingerprint } from './db-probe';
import { channelPayloads } from './fuzz-payloads';
import { ok, testRuntime } from './runtime';
import { storePaths } from '../../db/store/paths';
import { ADMIN } from './temp';

/**
 * Issue 6: every channel gets 10 000 arbitrary payloads through the real dispatch and the real
 * database worker. Each must answer with a result its output schema accepts or a known error
 * code (never `internal`, never a throw, never a dead worker). A payload refused at validation
 * must not cause a single commit; one that gets further must not leave data changed without an
 * audit row saying so, nor any data changed when it is refused further in.
 */
export const FUZZ_RUNS = 10_000;

interface FuzzUser {
  username: string;
  passphrase: string;
}

const USERS: Record<Role, FuzzUser> = {
  administrator: { username: ADMIN.username, passphrase: ADMIN.passphrase },
  team_lead: { username: 'fuzz-lead', passphrase: 'fuzz-lead long passphrase' },
  caseworker: { username: 'fuzz-worker', passphrase: 'fuzz-worker long passphrase' },
  auditor: { username: 'fuzz-auditor', passphrase: 'fuzz-auditor long passphrase' },
};

/** Reads leave 'read'-like audit rows and nothing else; any other action marks a write. */
const READ_ACTIONS = new Set(['read', 'verify', 'export', 'print']);
const KNOWN_CODES = new Set<string>(ERROR_CODES.filter((c) => c !== 'internal'));

/**
 * Channels whose every valid call is expensive keep only some of their valid payloads (their
 * fuzzing value is mostly in the validation). Unlocking and changing or recovering a passphrase
 * (and the two damaged-database channels, which check a user's passphrase against the key file)
 * derive a key with Argon2id twice (the failed try and the test's own unlock back), about 300 ms
 * under load, and shaped payloads are valid for them one time in ten. backup:create writes,
 * reopens and checks a full copy of the database, and with its one optional field most shaped
 * payloads are valid. session:open-demo regenerates the 200-case demo database (about a minute
 * under load). These keep their ordinary tests in tests/api/channels.test.ts and backup.test.ts;
 * all but session:open-demo still get their one certain `{}` call here.
 */
const KEEP_VALID_PERCENT: Partial<Record<Channel, number>> = {
  'session:unlock': 10,
  'session:recover': 10,
  'session:change-passphrase': 10,
  'session:damaged-backups': 10,
  'session:restore-damaged': 10,
  'backup:create': 0,
  'session:open-demo': 0,
};
const NO_VALID_CALL: ReadonlySet<Channel> = new Set(['session:open-demo']);

/** The own property names of the built-in prototypes a pollution would land on. */
function prototypeKeys(): string {
  return JSON.stringify(
    [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort()),
  );
}

/** A user whose role the channel's handler admits, so payloads that pass validation reach the operation. */
function userFor(channel: Channel): FuzzUser {
  const access = channels[channel].access;
  if (access === 'public' || access === 'unlocked') return USERS.administrator;
  const role = access[0];
  if (!role) throw new Error(`${channel} admits no role`);
  return USERS[role];
}

/** Fuzzes every `parts`-th channel of the contract starting at `part`, so the work splits over test files (and cores). */
export function fuzzChannels(part: number, parts: number): void {
  const mine = CHANNEL_NAMES.filter((_c, i) => i % parts === part);
  let runtime: Runtime;
  let close: () => Promise<void>;
  let probe: DbProbe;
  let prototypesBefore: string;
  let pacingFile: string;

  /** Puts the session back to `user` unlocked on the real database (a valid call may lock, switch user or open the demo). */
  async function becomeUser(user: FuzzUser): Promise<void> {
    // The fuzz sends thousands of wrong passphrases on purpose; the installation-wide pacing would
    // then keep every later request waiting. Pacing has tests of its own (tests/db/pacing.test.ts).
    fs.rmSync(pacingFile, { force: true });
    let s = await ok<SessionStatus>(runtime, 'session:status');
    if (s.demo) s = await ok<SessionStatus>(runtime, 'session:leave-demo');
    if (s.state !== 'unlocked' || s.user?.username !== user.username) s = await ok<SessionStatus>(runtime, 'session:unlock', user);
    expect(s).toMatchObject({ state: 'unlocked', demo: false, user: { username: user.username } });
  }

  beforeAll(async () => {
    prototypesBefore = prototypeKeys();
    let dataDir: string;
    ({ runtime, close, dataDir } = await testRuntime());
    pacingFile = storePaths(dataDir).pacing;
    await ok(runtime, 'session:setup', ADMIN);
    for (const role of ['team_lead', 'caseworker', 'auditor'] as const) {
      await ok(runtime, 'users:create', { ...USERS[role], displayName: `${USERS[role].username} (fiktiv)`, role });
    }
    probe = await DbProbe.open(dataDir, ADMIN.username, ADMIN.passphrase);
    // Rows to find, so that valid payloads with small ids reach real cases, people and moves.
    await becomeUser(USERS.caseworker);
    for (let i = 0; i < 2; i++) {
      const c = await ok<CaseDetail>(
        runtime,
        'cases:create',
        caseInput({
          children: [{ name: 'Fiktivt Barn', birthYear: 2016, school: '', needs: '', placement: '' }],
          perpetrators: [
            {
              name: 'Fiktiv Förövare',
              relation: 'former_partner',
              collective: false,
              notes: '',
              areas: [{ municipalityCode: '0180', districtSlug: null, description: '' }],
            },
          ],
        }),
      );
      await ok(runtime, 'moves:create', {
        caseId: c.id,
        from: null,
        to: { kind: 'municipality', code: '1980' },
        route: 'own_application',
        receivingContact: '',
        notes: '',
        plannedDate: '2026-02-01',
      });
    }
  });

  afterAll(async () => {
    probe?.close();
    await close?.();
  });

  describe(`every channel survives ${FUZZ_RUNS} hostile payloads (part ${part + 1} of ${parts})`, () => {
    it('has channels to fuzz, each with a handler', () => {
      expect(mine.length).toBeGreaterThan(20);
      for (const channel of mine) expect(channels[channel], channel).toBeDefined();
    });

    it.each(mine.map((c) => [c]))(
      '%s',
      async (channel) => {
        const user = userFor(channel);
        await becomeUser(user);
        const { input, output } = channels[channel];
        const counts = { refused: 0, answered: 0, refusedFurtherIn: 0 };
        // The fingerprint of the data as of `version`; recomputed only after something committed.
        let known: { version: number; print: DataFingerprint } = { version: probe.dataVersion(), print: probe.fingerprint() };
        const current = (): DataFingerprint => {
          const version = probe.dataVersion();
          if (version !== known.version) known = { version, print: probe.fingerprint() };
          return known.print;
        };

        const check = async (payload: unknown): Promise<void> => {
          const before = current();
          const versionBefore = known.version;
          const r = await runtime.invoke(channel, payload);
          const committed = probe.dataVersion() !== versionBefore;
          if (!r.ok && r.error.code === 'invalid_input' && !committed) {
            expect(ApiErrorSchema.safeParse(r.error).success).toBe(true);
            counts.refused++;
            return;
          }
          // Anything but a quiet refusal must have passed the input schema.
          expect(input.safeParse(payload).success, `${channel} went past validation with a payload its schema refuses`).toBe(true);
          const after = current();
          const changed = changedTables(before, after);
          if (r.ok) {
            counts.answered++;
            expect(output.safeParse(r.result).success, `${channel} answered outside its output schema`).toBe(true);
            if (changed.length > 0) {
              const writes = probe.auditSince(before.auditSeq).filter((a) => !READ_ACTIONS.has(a.action));
              expect(writes.length, `${channel} changed ${changed.join(', ')} without an audit row`).toBeGreaterThan(0);
            }
          } else {
            counts.refusedFurtherIn++;
            expect(ApiErrorSchema.safeParse(r.error).success).toBe(true);
            expect(KNOWN_CODES.has(r.error.code), `${channel} answered ${r.error.code}: ${r.error.message}`).toBe(true);
            expect(changed, `${channel} refused (${r.error.code}) but changed data`).toEqual([]);
          }
          await becomeUser(user);
        };

        // The one request every channel gets for certain: an empty object (valid for the channels without fields).
        if (!NO_VALID_CALL.has(channel)) await check({});
        await fc.assert(
          fc.asyncProperty(channelPayloads(input, { keepValidPercent: KEEP_VALID_PERCENT[channel] }), async (payload) => {
            try {
              await check(payload);
            } catch (err) {
              // Throws from the code under test land here too: anything but an assertion is a failure of its own.
              if (err instanceof Error && err.name === 'AssertionError') throw err;
              throw new Error(`${channel} threw instead of answering: ${String(err)}`, { cause: err });
            }
          }),
          { numRuns: FUZZ_RUNS },
        );

        expect(counts.refused + counts.answered + counts.refusedFurtherIn).toBe(FUZZ_RUNS + (NO_VALID_CALL.has(channel) ? 0 : 1));
        expect(counts.refused, `${channel}: hostile payloads are refused at validation`).toBeGreaterThan(FUZZ_RUNS * 0.6);
        expect(prototypeKeys()).toBe(prototypesBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // The worker is alive and the audit chain intact after the run.
        await becomeUser(USERS.administrator);
        expect(await ok<{ ok: boolean }>(runtime, 'audit:verify')).toMatchObject({ ok: true });
      },
      600_000,
    );
  });
}
