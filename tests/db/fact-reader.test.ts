import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportInputSchema, type ReportInput } from '../../core/contract';
import { resolvePeriod } from '../../core/rules/report-period';
import { FACT_READER_BUNDLE, FactReader } from '../../worker/fact-reader';
import type { WorkerState } from '../../worker/worker-state';
import { reportsOps } from '../../app/reports';
import { FACT_PARTS, newPartClaims, readFactPart, snapshotMark, type FactQuery, type PartsRead } from '../../db/repositories/report-facts';
import { ADMIN } from '../helpers/temp';
import { freshWorker, loginAs } from '../helpers/casework';
import { seedReportDataset } from '../helpers/report-dataset';
import { TEST_WORKER } from '../helpers/runtime';

// While the worker reads a report's facts, a second thread (its own bundle, built beside the
// worker's by tests/global-setup.ts) reads parts of them too, each claiming the next part left.
// The figures must be the same either way, and the second thread must never read from another
// state of the database than the first.

let w: WorkerState;
let cleanup: () => void;
const readers: FactReader[] = [];
const READER = path.join(path.dirname(TEST_WORKER), FACT_READER_BUNDLE);

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await seedReportDataset(w);
});
afterAll(() => {
  for (const r of readers) r.close();
  cleanup();
});

const { current, previous } = resolvePeriod({ kind: 'year', year: 2024 });
const Q: FactQuery = { current, previous, slugs: [] };
const prepare = () => reportsOps['reports:prepare'](w, {});
const generate = (input: ReportInput) =>
  reportsOps['reports:generate'](w, ReportInputSchema.parse(input) as Parameters<(typeof reportsOps)['reports:generate']>[1]);

function readerOf(dataKey: Buffer): FactReader {
  const r = new FactReader(READER, w.active.paths.db, dataKey);
  readers.push(r);
  return r;
}

/** Every part read on the worker's own connection, by part. */
async function allParts(db: Parameters<typeof readFactPart>[0], q: FactQuery): Promise<PartsRead> {
  const out: PartsRead = {};
  for (const part of FACT_PARTS) out[part] = await readFactPart(db, q, part);
  return out;
}

/** Claims as if the asker had already taken the first `taken` parts. */
function claimsAfter(taken: number): Int32Array {
  const claims = newPartClaims();
  Atomics.store(claims, 0, taken);
  return claims;
}

describe('the fact reader: a report’s second thread', () => {
  it('claims every part left and reads each as the worker’s own connection does', async () => {
    const s = w.active.requireSession();
    const reader = readerOf(s.dataKey);
    const mark = await snapshotMark(s.db);
    expect(mark).not.toBe('');
    const expected = await allParts(s.db, Q);
    const claims = newPartClaims();
    expect(await reader.read(Q, claims, mark)).toEqual(expected);
    // It claimed them all (and one more, finding none left).
    expect(Atomics.load(claims, 0)).toBe(FACT_PARTS.length + 1);
    // Not empty lists: the dataset has something of each part in 2024.
    for (const fragment of Object.values(expected)) for (const list of Object.values(fragment)) expect((list as unknown[]).length).toBeGreaterThan(0);
    // Only what is left after the asker's claims.
    const rest = await reader.read(Q, claimsAfter(5), mark);
    expect(Object.keys(rest ?? {}).sort()).toEqual(FACT_PARTS.slice(5).sort());
    expect(await reader.read(Q, claimsAfter(FACT_PARTS.length), mark)).toEqual({});
    // A scope, too.
    const scoped = { ...Q, slugs: ['skarholmen'] };
    expect(await reader.read(scoped, newPartClaims(), mark)).toEqual(await allParts(s.db, scoped));
    // The key was copied for the thread: the session's own is untouched.
    expect(s.dataKey.equals(Buffer.alloc(32))).toBe(false);
  });

  it('claims nothing and answers null when the database changed after the mark was read', async () => {
    const s = w.active.requireSession();
    const reader = readerOf(s.dataKey);
    const before = await snapshotMark(s.db);
    await w.active.audit({ action: 'read', entity: 'report' });
    const claims = newPartClaims();
    expect(await reader.read(Q, claims, before)).toBeNull();
    expect(Atomics.load(claims, 0)).toBe(0);
    expect(await reader.read(Q, claims, await snapshotMark(s.db))).not.toBeNull();
  });

  it('answers null for a request it does not understand, and goes on answering', async () => {
    const s = w.active.requireSession();
    const reader = readerOf(s.dataKey);
    const mark = await snapshotMark(s.db);
    // A counter that is not shared could not be claimed from by both.
    expect(await reader.read(Q, new Int32Array(1), mark)).toBeNull();
    expect(await reader.read({ current, previous: null } as never, newPartClaims(), mark)).toBeNull();
    expect(await reader.read(Q, newPartClaims(), mark)).toEqual(await allParts(s.db, Q));
  });

  it('answers null and ends when its key does not open the database, logging only the error’s code', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const reader = readerOf(crypto.randomBytes(32));
      expect(await reader.ready()).toBe(false);
      expect(await reader.read(Q, newPartClaims(), await snapshotMark(w.active.requireSession().db))).toBeNull();
      await expect.poll(() => reader.closed).toBe(true);
      const lines = logged.mock.calls.map((c) => c.join(' '));
      expect(lines).toEqual([expect.stringContaining("the report's second reader stopped: DbError (wrong_credentials)")]);
      expect(lines.join('\n')).not.toContain(w.active.paths.db);
    } finally {
      logged.mockRestore();
    }
  });

  it('gives a report the same figures as one connection alone, and ends with the session', async () => {
    const one = await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] });
    const oneScoped = await generate({ period: { kind: 'quarter', year: 2024, index: 2 }, districtSlugs: ['skarholmen'] });
    w.factReaderEntry = READER;
    try {
      const elsewhere = w.factsElsewhere();
      expect(elsewhere).toBeDefined();
      const s = w.active.requireSession();
      // The second thread really answers (a report does not just fall back to one connection).
      expect(await elsewhere?.(Q, newPartClaims(), await snapshotMark(s.db))).toEqual(await allParts(s.db, Q));
      expect(await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] })).toEqual(one);
      expect(await generate({ period: { kind: 'quarter', year: 2024, index: 2 }, districtSlugs: ['skarholmen'] })).toEqual(oneScoped);
      // The same thread serves the session's next report.
      expect(w.factsElsewhere()).toBeDefined();
      w.active.lock();
      expect(await elsewhere?.(Q, newPartClaims(), '')).toBeNull();
      await loginAs(w, ADMIN.username);
      // A new session starts a thread of its own, with its key.
      const next = w.factsElsewhere();
      const s2 = w.active.requireSession();
      expect(await next?.(Q, newPartClaims(), await snapshotMark(s2.db))).toEqual(await allParts(s2.db, Q));
    } finally {
      w.factReaderEntry = null;
    }
  });

  it('is started ahead of the first report when the reports view opens (reports.prepare), for report roles only', async () => {
    const one = await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] });
    w.factReaderEntry = READER;
    try {
      expect(await prepare()).toEqual({ ready: true });
      // Asked again (the view opened again): ready as before.
      expect(await prepare()).toEqual({ ready: true });
      expect(await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] })).toEqual(one);
      // The dataset's caseworker.
      await loginAs(w, 'kim');
      await expect(prepare()).rejects.toMatchObject({ code: 'forbidden' });
      w.active.lock();
      await expect(prepare()).rejects.toMatchObject({ code: 'locked' });
    } finally {
      w.factReaderEntry = null;
      await loginAs(w, ADMIN.username);
    }
  });

  it('gives the same figures when the reader’s bundle is missing (every part read on one connection)', async () => {
    const one = await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] });
    w.factReaderEntry = path.join(path.dirname(TEST_WORKER), 'no-such-bundle.cjs');
    try {
      expect(await prepare()).toEqual({ ready: false });
      expect(await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] })).toEqual(one);
    } finally {
      w.factReaderEntry = null;
    }
  });
});
