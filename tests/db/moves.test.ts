import type { Kysely } from 'kysely';
import { writable } from '../../db/handles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckDestinationInputSchema, CreateMoveInputSchema, TransitionMoveInputSchema, type CreateMoveInput, type Move } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { movesOps } from '../../app/moves';
import { setSetting } from '../../db/repositories/settings';
import type { DB } from '../../db/schema';
import { closeCaseFixture, insertAreaFixture, insertCaseFixture } from '../helpers/case-fixture';
import { ADMIN } from '../helpers/temp';
import { failureOf } from '../helpers/casework';
import { unmasked } from '../helpers/protect';
import { auditRows, codeOf, unlockedWorkerState } from '../helpers/worker-fixture';

let w: WorkerState;
let db: Kysely<DB>;
let userId: number;
let cleanup: () => void;

beforeEach(async () => {
  ({ w, db, userId, cleanup } = await unlockedWorkerState());
});
afterEach(() => cleanup());

const STOCKHOLM = { municipalityCode: '0180' };

const check = (caseId: number, code: string, kind: 'municipality' | 'district' = 'municipality') =>
  movesOps['moves:check-destination'](w, CheckDestinationInputSchema.parse({ caseId, to: { kind, code } }));

const create = (caseId: number, overrides: Partial<CreateMoveInput> = {}): Promise<Move> =>
  movesOps['moves:create'](
    w,
    CreateMoveInputSchema.parse({
      caseId,
      from: { kind: 'district', code: 'skarholmen' },
      to: { kind: 'municipality', code: '1480' },
      route: 'kompotten',
      receivingContact: 'Mottagande handläggare',
      notes: '',
      plannedDate: '2026-01-10',
      ...overrides,
    }),
  );

const transition = (id: number, to: string, date: string, overrideReason?: string): Promise<Move> =>
  movesOps['moves:transition'](w, TransitionMoveInputSchema.parse({ id, to, date, ...(overrideReason === undefined ? {} : { overrideReason }) }));

describe('moves: safe-distance check of a destination', () => {
  it('warns for Västerås (about 91 km from a perpetrator in Stockholm) and not for Göteborg (about 397 km)', async () => {
    const { caseId, perpetratorIds } = await insertCaseFixture(db, userId, { perpetrators: [{ name: 'Påhittad Förövare', areas: [STOCKHOLM] }] });

    const vasteras = await check(caseId, '1980');
    expect(vasteras.warning).toBe(true);
    expect(vasteras.minimumKm).toBe(100);
    expect(vasteras.destination).toEqual({ kind: 'municipality', code: '1980', name: 'Västerås' });
    expect(vasteras.nearestKm).toBeGreaterThan(85);
    expect(vasteras.nearestKm).toBeLessThan(100);
    expect(vasteras.checks).toHaveLength(1);
    expect(vasteras.checks[0]).toMatchObject({
      perpetratorId: perpetratorIds[0],
      perpetratorName: 'Påhittad Förövare',
      area: { kind: 'municipality', code: '0180', name: 'Stockholm' },
      sameMunicipality: false,
      sameCounty: false,
      warning: true,
      reasons: ['too_close'],
    });
    expect(Date.parse(vasteras.checkedAt)).not.toBeNaN();

    const goteborg = await check(caseId, '1480');
    expect(goteborg.warning).toBe(false);
    expect(goteborg.nearestKm).toBeGreaterThan(380);
    expect(goteborg.nearestKm).toBeLessThan(410);
    expect(goteborg.checks[0]?.reasons).toEqual([]);
  });

  it('checks every area of every perpetrator, places a district area at the district, and names unknown perpetrators with an empty string', async () => {
    const { caseId } = await insertCaseFixture(db, userId, {
      perpetrators: [{ name: 'Påhittad Ett', areas: [{ municipalityCode: '1480' }] }, { areas: [{ municipalityCode: '0180', districtSlug: 'kungsholmen' }] }],
    });
    const r = await check(caseId, 'norrmalm', 'district');
    expect(r.checks.map((c) => c.area)).toEqual([
      { kind: 'municipality', code: '1480', name: 'Göteborg' },
      { kind: 'district', code: 'kungsholmen', name: 'Kungsholmen' },
    ]);
    expect(r.checks[1]).toMatchObject({ perpetratorName: '', sameMunicipality: true, warning: true, reasons: ['too_close'] });
    expect(r.checks[1]?.distanceKm).toBeLessThan(5);
    expect(r.warning).toBe(true);

    const sameDistrict = await check(caseId, 'kungsholmen', 'district');
    expect(sameDistrict.checks[1]?.reasons).toEqual(['same_district']);
    // Skärholmen is about 10 km from Kungsholmen: further than the 5 km within the city.
    expect((await check(caseId, 'skarholmen', 'district')).checks[1]?.warning).toBe(false);
  });

  it('uses the team’s minimum distance setting', async () => {
    const { caseId } = await insertCaseFixture(db, userId, { perpetrators: [{ areas: [STOCKHOLM] }] });
    await setSetting(writable(db), 'minimum_distance_km', 50);
    const r = await check(caseId, '1980');
    expect(r.minimumKm).toBe(50);
    expect(r.warning).toBe(false);
  });

  it('reports no warning and no nearest distance when no perpetrator area is known', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    expect(await check(caseId, '0180')).toMatchObject({ warning: false, nearestKm: null, checks: [] });
  });

  it('audits the check as a read of the case, saves nothing else, and refuses unknown places and cases', async () => {
    const { caseId } = await insertCaseFixture(db, userId, { perpetrators: [{ areas: [STOCKHOLM] }] });
    const before = (await auditRows(db)).length;
    await check(caseId, '1980');
    const rows = await auditRows(db);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual({ action: 'read', entity: 'safe_distance_check', entity_id: String(caseId), user_id: userId });
    expect(await db.selectFrom('moves').selectAll().execute()).toEqual([]);

    expect(await codeOf(check(caseId, '9999'))).toBe('invalid_input');
    expect(await codeOf(check(caseId, 'atlantis', 'district'))).toBe('invalid_input');
    expect(await codeOf(check(caseId + 100, '1980'))).toBe('not_found');
    expect((await auditRows(db)).length).toBe(before + 1);
  });
});

describe('moves: create and the status workflow', () => {
  it('walks planned → requested → offered → accepted → completed with a date and who for each step', async () => {
    const { caseId } = await insertCaseFixture(db, userId, { perpetrators: [{ areas: [STOCKHOLM] }] });
    const planned = await create(caseId);
    expect(planned).toMatchObject({
      caseId,
      status: 'planned',
      route: 'kompotten',
      from: { kind: 'district', code: 'skarholmen', name: 'Skärholmen' },
      to: { kind: 'municipality', code: '1480', name: 'Göteborg' },
      receivingContact: 'Mottagande handläggare',
      overrideReason: null,
      check: { warning: false, destination: { code: '1480' } },
    });
    expect(planned.transitions).toEqual([{ status: 'planned', date: '2026-01-10', recordedBy: ADMIN.displayName, recordedAt: expect.any(String) }]);

    await transition(planned.id, 'requested', '2026-01-12');
    await transition(planned.id, 'offered', '2026-01-20');
    const accepted = await transition(planned.id, 'accepted', '2026-01-22');
    expect(accepted.status).toBe('accepted');
    expect(accepted.overrideReason).toBeNull();
    const completed = await transition(planned.id, 'completed', '2026-02-01');
    expect(completed.status).toBe('completed');
    expect(completed.transitions.map((t) => [t.status, t.date, t.recordedBy])).toEqual([
      ['planned', '2026-01-10', ADMIN.displayName],
      ['requested', '2026-01-12', ADMIN.displayName],
      ['offered', '2026-01-20', ADMIN.displayName],
      ['accepted', '2026-01-22', ADMIN.displayName],
      ['completed', '2026-02-01', ADMIN.displayName],
    ]);

    const audit = (await auditRows(db)).filter((r) => r.entity === 'move');
    expect(audit.map((r) => r.action)).toEqual(['create', 'transition', 'transition', 'transition', 'transition']);
    expect(new Set(audit.map((r) => r.entity_id))).toEqual(new Set([String(planned.id)]));

    const listed = await movesOps['moves:list'](w, { caseId });
    expect(listed).toEqual([completed]);
    expect((await auditRows(db)).at(-1)).toMatchObject({ action: 'read', entity: 'moves', entity_id: String(caseId) });
  });

  it('stores the check made at creation, warning or not, without asking for a reason yet', async () => {
    const { caseId } = await insertCaseFixture(db, userId, { perpetrators: [{ areas: [STOCKHOLM] }] });
    const move = await create(caseId, { to: { kind: 'municipality', code: '1980' }, from: null });
    expect(move.from).toBeNull();
    expect(unmasked(move.check).warning).toBe(true);
    const row = await db.selectFrom('moves').select('check_json').where('id', '=', move.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.check_json)).toEqual(move.check);
  });

  it('refuses skipping a step, going back, repeating and changing a finished move with not_allowed and a plain message', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const move = await create(caseId);
    const skip = await failureOf(transition(move.id, 'accepted', '2026-01-11'));
    expect(skip.code).toBe('not_allowed');
    expect(skip.message).toMatch(/planned/);
    expect(skip.message).toMatch(/requested or cancelled/);

    await transition(move.id, 'requested', '2026-01-11');
    expect(await codeOf(transition(move.id, 'planned', '2026-01-12'))).toBe('not_allowed');
    expect(await codeOf(transition(move.id, 'requested', '2026-01-12'))).toBe('not_allowed');
    await transition(move.id, 'declined', '2026-01-13');
    const finished = await failureOf(transition(move.id, 'cancelled', '2026-01-14'));
    expect(finished.code).toBe('not_allowed');
    expect(finished.message).toMatch(/declined/);

    const moves = await movesOps['moves:list'](w, { caseId });
    expect(moves[0]?.status).toBe('declined');
    expect(moves[0]?.transitions.map((t) => t.status)).toEqual(['planned', 'requested', 'declined']);
  });

  it('accepting a move whose destination warns needs a written reason, which is stored', async () => {
    const { caseId } = await insertCaseFixture(db, userId, { perpetrators: [{ areas: [STOCKHOLM] }] });
    const move = await create(caseId, { to: { kind: 'municipality', code: '1980' } });
    await transition(move.id, 'requested', '2026-01-11');
    await transition(move.id, 'offered', '2026-01-12');
    const auditBefore = (await auditRows(db)).length;

    expect(await codeOf(transition(move.id, 'accepted', '2026-01-13'))).toBe('reason_required');
    expect(await codeOf(transition(move.id, 'accepted', '2026-01-13', '   '))).toBe('reason_required');
    expect((await movesOps['moves:list'](w, { caseId }))[0]?.status).toBe('offered');
    expect((await auditRows(db)).length).toBe(auditBefore + 1); // only the list's read

    const accepted = await transition(move.id, 'accepted', '2026-01-13', 'Hon har eget skyddat nätverk där; bedömt med polisen.');
    expect(accepted.status).toBe('accepted');
    expect(accepted.overrideReason).toBe('Hon har eget skyddat nätverk där; bedömt med polisen.');
    expect(unmasked(accepted.check).warning).toBe(true);
    const row = await db.selectFrom('moves').select(['override_reason', 'status']).where('id', '=', move.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ override_reason: 'Hon har eget skyddat nätverk där; bedömt med polisen.', status: 'accepted' });
  });

  it('re-checks against the perpetrator areas known at acceptance, not those known when the move was planned', async () => {
    const { caseId, perpetratorIds } = await insertCaseFixture(db, userId, { perpetrators: [{ areas: [STOCKHOLM] }] });
    const move = await create(caseId, { to: { kind: 'municipality', code: '1480' } });
    expect(unmasked(move.check).warning).toBe(false);
    await transition(move.id, 'requested', '2026-01-11');
    await transition(move.id, 'offered', '2026-01-12');
    // New information: the perpetrator has moved to Göteborg.
    await insertAreaFixture(db, perpetratorIds[0] ?? 0, { municipalityCode: '1480' });
    expect(await codeOf(transition(move.id, 'accepted', '2026-01-13'))).toBe('reason_required');
    const accepted = await transition(move.id, 'accepted', '2026-01-13', 'Bedömt säkert ändå.');
    expect(unmasked(accepted.check).checks).toHaveLength(2);
    expect(unmasked(accepted.check).checks[1]?.reasons).toContain('same_municipality');
  });

  it('refuses a date before the previous step, unknown moves and places, and any change in a closed case', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const move = await create(caseId);
    expect(await codeOf(transition(move.id, 'requested', '2026-01-09'))).toBe('invalid_input');
    expect(await codeOf(transition(move.id + 100, 'requested', '2026-01-11'))).toBe('not_found');
    expect(await codeOf(create(caseId, { to: { kind: 'municipality', code: '0000' } }))).toBe('invalid_input');
    expect(await codeOf(create(caseId, { from: { kind: 'district', code: 'nowhere' } }))).toBe('invalid_input');
    expect(await codeOf(create(caseId + 100))).toBe('not_found');

    await closeCaseFixture(db, caseId);
    expect(await codeOf(create(caseId))).toBe('not_allowed');
    expect(await codeOf(transition(move.id, 'cancelled', '2026-01-11'))).toBe('not_allowed');
    // Reading a closed case's moves is still possible.
    expect(await movesOps['moves:list'](w, { caseId })).toHaveLength(1);
    expect(await db.selectFrom('moves').select('id').execute()).toHaveLength(1);
  });

  it('lists only the case’s own moves, oldest first', async () => {
    const a = await insertCaseFixture(db, userId);
    const b = await insertCaseFixture(db, userId);
    const first = await create(a.caseId);
    await create(b.caseId);
    const second = await create(a.caseId, { to: { kind: 'district', code: 'farsta' }, route: 'within_city' });
    expect((await movesOps['moves:list'](w, { caseId: a.caseId })).map((m) => m.id)).toEqual([first.id, second.id]);
    expect(await codeOf(movesOps['moves:list'](w, { caseId: 999 }))).toBe('not_found');
  });
});
