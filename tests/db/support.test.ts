import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AddSupportInputSchema, UpdateSupportInputSchema, type SupportItem } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { housingOps } from '../../app/housing';
import type { DB } from '../../db/schema';
import { closeCaseFixture, insertCaseFixture } from '../helpers/case-fixture';
import { auditRows, codeOf, unlockedWorkerState } from '../helpers/worker-fixture';

let w: WorkerState;
let db: Kysely<DB>;
let userId: number;
let cleanup: () => void;

beforeEach(async () => {
  ({ w, db, userId, cleanup } = await unlockedWorkerState());
});
afterEach(() => cleanup());

type Fields = { kind: string; agency: string; status: string; startDate: string | null; endDate: string | null; notes: string };
const fields = (overrides: Partial<Fields> = {}): Fields => ({
  kind: 'school',
  agency: 'Grundskoleförvaltningen',
  status: 'requested',
  startDate: '2026-01-10',
  endDate: null,
  notes: '',
  ...overrides,
});

const add = (caseId: number, overrides: Partial<Fields> = {}): Promise<SupportItem> =>
  housingOps['support:add'](w, AddSupportInputSchema.parse({ caseId, ...fields(overrides) }));
const update = (id: number, overrides: Partial<Fields> = {}): Promise<SupportItem> =>
  housingOps['support:update'](w, UpdateSupportInputSchema.parse({ id, ...fields(overrides) }));

describe('Bryt upp support plan', () => {
  it('adds, updates and lists a case’s items in the order they were added, auditing each', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const other = await insertCaseFixture(db, userId);
    const school = await add(caseId, { notes: 'Skolan informerad om skyddsbehov' });
    expect(school).toEqual({
      id: school.id,
      caseId,
      kind: 'school',
      agency: 'Grundskoleförvaltningen',
      status: 'requested',
      startDate: '2026-01-10',
      endDate: null,
      notes: 'Skolan informerad om skyddsbehov',
    });
    const legal = await add(caseId, { kind: 'legal', agency: 'Juridisk rådgivning', status: 'needed', startDate: null });
    await add(other.caseId);

    const done = await update(school.id, { status: 'done', endDate: '2026-03-01', notes: 'Klart' });
    expect(done).toMatchObject({ id: school.id, caseId, status: 'done', endDate: '2026-03-01', notes: 'Klart' });
    expect(await housingOps['support:list'](w, { caseId })).toEqual([done, legal]);

    const audit = await auditRows(db);
    expect(audit.filter((r) => r.entity === 'support_item').map((r) => [r.action, r.entity_id])).toEqual([
      ['create', String(school.id)],
      ['create', String(legal.id)],
      ['create', String(legal.id + 1)],
      ['update', String(school.id)],
    ]);
    expect(audit.at(-1)).toEqual({ action: 'read', entity: 'support_items', entity_id: String(caseId), user_id: userId });
  });

  it('refuses an end before the start when both are given', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    expect(await codeOf(add(caseId, { startDate: '2026-02-01', endDate: '2026-01-31' }))).toBe('invalid_input');
    await add(caseId, { startDate: null, endDate: '2026-01-31' });
    const item = await add(caseId, { startDate: '2026-02-01', endDate: '2026-02-01' });
    expect(await codeOf(update(item.id, { startDate: '2026-02-01', endDate: '2026-01-01' }))).toBe('invalid_input');
    expect((await housingOps['support:list'](w, { caseId })).map((i) => i.endDate)).toEqual(['2026-01-31', '2026-02-01']);
  });

  it('refuses unknown cases and items, and changes in a closed case', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const item = await add(caseId);
    expect(await codeOf(add(caseId + 100))).toBe('not_found');
    expect(await codeOf(update(9999))).toBe('not_found');
    expect(await codeOf(housingOps['support:list'](w, { caseId: caseId + 100 }))).toBe('not_found');
    await closeCaseFixture(db, caseId);
    expect(await codeOf(add(caseId))).toBe('not_allowed');
    expect(await codeOf(update(item.id, { status: 'done' }))).toBe('not_allowed');
    expect(await housingOps['support:list'](w, { caseId })).toEqual([item]);
  });
});
