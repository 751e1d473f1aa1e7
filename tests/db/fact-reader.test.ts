import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportInputSchema, type ReportInput } from '../../core/contract';
import { resolvePeriod } from '../../core/rules/report-period';
import { FACT_READER_BUNDLE, FactReader } from '../../db/host/fact-reader';
import type { WorkerState } from '../../db/host/worker-state';
import { reportsOps } from '../../db/ops/reports';
import { FACT_PARTS, PARTS_ELSEWHERE, readFactParts, snapshotMark, type FactQuery } from '../../db/repositories/report-facts';
import { ADMIN } from '../helpers/temp';
import { freshWorker, loginAs } from '../helpers/casework';
import { seedReportDataset } from '../helpers/report-dataset';
import { TEST_WORKER } from '../helpers/runtime';

// A report reads about half its facts on a second thread (its own bundle, built beside the
// worker's by tests/global-setup.ts) while the worker reads the rest. The figures must be the same either way,
// and the second thread must never read from another state of the database than the first.

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
const generate = (input: ReportInput) => reportsOps['reports.generate'](w, ReportInputSchema.parse(input) as Parameters<(typeof reportsOps)['reports.generate']>[1]);

function readerOf(dataKey: Buffer): FactReader {
  const r = new FactReader(READER, w.active.paths.db, dataKey);
  readers.push(r);
  return r;
}

describe('the fact reader: a report’s second thread', () => {
  it('reads the parts it is asked for as the worker’s own connection does', async () => {
    const s = w.active.requireSession();
    const reader = readerOf(s.dataKey);
    const mark = await snapshotMark(s.db);
    expect(mark).not.toBe('');
    const there = await reader.read(Q, FACT_PARTS, mark);
    expect(there).toEqual(await readFactParts(s.db, Q, FACT_PARTS));
    // Not empty lists: the dataset has something of each part in 2024.
    for (const value of Object.values(there ?? {})) expect((value as unknown[]).length).toBeGreaterThan(0);
    // The key was copied for the thread: the session's own is untouched.
    expect(s.dataKey.equals(Buffer.alloc(32))).toBe(false);
    expect(await reader.read({ ...Q, slugs: ['skarholmen'] }, PARTS_ELSEWHERE, mark)).toEqual(await readFactParts(s.db, { ...Q, slugs: ['skarholmen'] }, PARTS_ELSEWHERE));
  });

  it('answers null when the database changed after the mark was read, and reads again with the new one', async () => {
    const s = w.active.requireSession();
    const reader = readerOf(s.dataKey);
    const before = await snapshotMark(s.db);
    await w.active.audit({ action: 'read', entity: 'report' });
    expect(await reader.read(Q, PARTS_ELSEWHERE, before)).toBeNull();
    expect(await reader.read(Q, PARTS_ELSEWHERE, await snapshotMark(s.db))).not.toBeNull();
  });

  it('answers null for a request it does not understand', async () => {
    const s = w.active.requireSession();
    const reader = readerOf(s.dataKey);
    const mark = await snapshotMark(s.db);
    expect(await reader.read(Q, ['cases', 'no-such-part' as never], mark)).toBeNull();
    expect(await reader.read({ current, previous: null } as never, ['cases'], mark)).toBeNull();
    // And goes on answering.
    expect(await reader.read(Q, ['cases'], mark)).not.toBeNull();
  });

  it('answers null and ends when its key does not open the database', async () => {
    const reader = readerOf(crypto.randomBytes(32));
    expect(await reader.read(Q, ['cases'], await snapshotMark(w.active.requireSession().db))).toBeNull();
    await expect.poll(() => reader.closed).toBe(true);
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
      expect(await elsewhere?.(Q, PARTS_ELSEWHERE, await snapshotMark(s.db))).toEqual(await readFactParts(s.db, Q, PARTS_ELSEWHERE));
      expect(await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] })).toEqual(one);
      expect(await generate({ period: { kind: 'quarter', year: 2024, index: 2 }, districtSlugs: ['skarholmen'] })).toEqual(oneScoped);
      // The same thread serves the session's next report.
      expect(w.factsElsewhere()).toBeDefined();
      w.active.lock();
      expect(await elsewhere?.(Q, PARTS_ELSEWHERE, '')).toBeNull();
      await loginAs(w, ADMIN.username);
      // A new session starts a thread of its own, with its key.
      const next = w.factsElsewhere();
      const s2 = w.active.requireSession();
      expect(await next?.(Q, PARTS_ELSEWHERE, await snapshotMark(s2.db))).toEqual(await readFactParts(s2.db, Q, PARTS_ELSEWHERE));
    } finally {
      w.factReaderEntry = null;
    }
  });

  it('gives the same figures when the reader’s bundle is missing (every part read on one connection)', async () => {
    const one = await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] });
    w.factReaderEntry = path.join(path.dirname(TEST_WORKER), 'no-such-bundle.cjs');
    try {
      expect(await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: [] })).toEqual(one);
    } finally {
      w.factReaderEntry = null;
    }
  });
});
