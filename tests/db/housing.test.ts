import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AddStepInputSchema,
  ShelterInputSchema,
  UpdateStepInputSchema,
  type AddStepInput,
  type HousingStep,
  type Shelter,
  type ShelterInput,
} from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { housingOps } from '../../app/housing';
import { localIsoDate } from '../../core/rules/calendar';
import type { DB } from '../../db/schema';
import { closeCaseFixture, insertCaseFixture } from '../helpers/case-fixture';
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

const shelterInput = (overrides: Partial<ShelterInput> = {}): ShelterInput => ({
  name: 'Påhittade boendet',
  operator: 'Exempelstiftelsen',
  municipalityCode: '1980',
  ivoKind: 'permit',
  ivoNumber: 'IVO-TEST-1',
  ivoValidUntil: null,
  capacityAdults: 6,
  capacityChildren: 8,
  specialisations: ['honour_violence'],
  languages: 'svenska',
  contact: 'Växeln',
  ...overrides,
});

const createShelter = (overrides: Partial<ShelterInput> = {}): Promise<Shelter> =>
  housingOps['shelters:create'](w, ShelterInputSchema.parse(shelterInput(overrides)));

const stepInput = (caseId: number, overrides: Partial<AddStepInput> = {}): AddStepInput => ({
  caseId,
  childId: null,
  kind: 'transitional',
  startDate: '2025-01-01',
  endDate: '2025-03-01',
  provider: 'Bostadsbolaget Exempel',
  shelterId: null,
  place: null,
  costPerDay: null,
  outcome: 'moved_on',
  obstacles: [],
  obstacleNote: '',
  parallel: false,
  ...overrides,
});

const addStep = (caseId: number, overrides: Partial<AddStepInput> = {}): Promise<HousingStep> =>
  housingOps['housing:add-step'](w, AddStepInputSchema.parse(stepInput(caseId, overrides)));

const updateStep = (step: HousingStep, overrides: Partial<AddStepInput> = {}): Promise<HousingStep> => {
  const { caseId: _caseId, ...fields } = stepInput(step.caseId, {
    childId: step.childId,
    kind: step.kind,
    startDate: step.startDate,
    endDate: step.endDate,
    provider: unmasked(step.provider),
    shelterId: unmasked(step.shelterId),
    place: ((p) => (p ? { kind: p.kind, code: p.code } : null))(unmasked(step.place)),
    costPerDay: step.costPerDay,
    outcome: step.outcome,
    obstacles: step.obstacles,
    obstacleNote: step.obstacleNote,
    parallel: step.parallel,
    ...overrides,
  });
  return housingOps['housing:update-step'](w, UpdateStepInputSchema.parse({ ...fields, id: step.id }));
};

const daysFromToday = (days: number): string => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localIsoDate(d);
};

describe('housing chain: steps and overlaps', () => {
  it('stores a step with its place, cost, obstacles and names, and audits it', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const shelter = await createShelter();
    const step = await addStep(caseId, {
      kind: 'protected_shelter',
      shelterId: shelter.id,
      place: { kind: 'municipality', code: '1980' },
      costPerDay: 2450.5,
      obstacles: ['debts', 'rent_guarantee'],
      obstacleNote: 'Skuld hos Kronofogden',
      outcome: 'ongoing',
      endDate: null,
    });
    expect(step).toMatchObject({
      caseId,
      childId: null,
      childName: null,
      kind: 'protected_shelter',
      shelterId: shelter.id,
      shelterName: 'Påhittade boendet',
      place: { kind: 'municipality', code: '1980', name: 'Västerås' },
      costPerDay: 2450.5,
      obstacles: ['debts', 'rent_guarantee'],
      obstacleNote: 'Skuld hos Kronofogden',
      parallel: false,
      permitOverrideReason: null,
    });
    const row = await db.selectFrom('housing_steps').select(['obstacles', 'parallel']).where('id', '=', step.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ obstacles: '["debts","rent_guarantee"]', parallel: 0 });
    expect((await auditRows(db)).at(-1)).toEqual({ action: 'create', entity: 'housing_step', entity_id: String(step.id), user_id: userId });
    expect(await housingOps['housing:list'](w, { caseId })).toEqual([step]);
    expect((await auditRows(db)).at(-1)).toMatchObject({ action: 'read', entity: 'housing_steps', entity_id: String(caseId) });
  });

  it('refuses an overlapping step in the same chain with a message naming the other step and its dates', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    await addStep(caseId, { kind: 'protected_shelter', startDate: '2025-01-01', endDate: '2025-03-01' });
    const err = await failureOf(addStep(caseId, { startDate: '2025-02-01', endDate: null }));
    expect(err.code).toBe('overlap');
    expect(err.message).toContain('protected shelter');
    expect(err.message).toContain('2025-01-01 to 2025-03-01');
    // Moving day: a step may start on the day the previous one ends.
    await addStep(caseId, { startDate: '2025-03-01', endDate: null, outcome: 'ongoing' });
    // An open step blocks anything after it.
    const open = await failureOf(addStep(caseId, { startDate: '2026-01-01', endDate: '2026-02-01' }));
    expect(open.code).toBe('overlap');
    expect(open.message).toContain('2025-03-01 (still ongoing)');
    expect(await db.selectFrom('housing_steps').select('id').execute()).toHaveLength(2);
  });

  it('allows an overlapping step marked parallel', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    await addStep(caseId, { startDate: '2025-01-01', endDate: '2025-03-01' });
    const parallel = await addStep(caseId, { kind: 'other', startDate: '2025-02-01', endDate: '2025-02-10', parallel: true });
    expect(parallel.parallel).toBe(true);
    // A parallel step does not block later ordinary steps either.
    await addStep(caseId, { startDate: '2025-03-01', endDate: '2025-04-01' });
  });

  it('keeps each child’s chain separate from the case’s and from the other children’s', async () => {
    const { caseId, childIds } = await insertCaseFixture(db, userId, { children: ['Barn Ett', 'Barn Två'] });
    const [first, second] = childIds as [number, number];
    await addStep(caseId, { startDate: '2025-01-01', endDate: '2025-06-01' });
    const childStep = await addStep(caseId, { childId: first, startDate: '2025-02-01', endDate: '2025-05-01' });
    expect(childStep).toMatchObject({ childId: first, childName: 'Barn Ett' });
    await addStep(caseId, { childId: second, startDate: '2025-02-01', endDate: '2025-05-01' });
    expect(await codeOf(addStep(caseId, { childId: first, startDate: '2025-04-01', endDate: '2025-07-01' }))).toBe('overlap');

    const other = await insertCaseFixture(db, userId, { children: ['Barn Annat'] });
    const foreign = await failureOf(addStep(caseId, { childId: other.childIds[0] ?? 0, startDate: '2030-01-01', endDate: null }));
    expect(foreign.code).toBe('invalid_input');
    expect(foreign.message).toMatch(/does not belong to this case/);
    expect(await codeOf(addStep(caseId, { childId: 9999, startDate: '2030-01-01', endDate: null }))).toBe('not_found');

    const listed = await housingOps['housing:list'](w, { caseId });
    expect(listed.map((s) => [s.childId, s.startDate])).toEqual([
      [null, '2025-01-01'],
      [first, '2025-02-01'],
      [second, '2025-02-01'],
    ]);
  });

  it('orders the list by start date within each chain, the case’s own chain first', async () => {
    const { caseId, childIds } = await insertCaseFixture(db, userId, { children: ['Barn Ett'] });
    await addStep(caseId, { childId: childIds[0] ?? 0, startDate: '2024-01-01', endDate: '2024-02-01' });
    await addStep(caseId, { startDate: '2025-05-01', endDate: '2025-06-01' });
    await addStep(caseId, { startDate: '2025-01-01', endDate: '2025-02-01' });
    const listed = await housingOps['housing:list'](w, { caseId });
    expect(listed.map((s) => [s.childId, s.startDate])).toEqual([
      [null, '2025-01-01'],
      [null, '2025-05-01'],
      [childIds[0], '2024-01-01'],
    ]);
  });

  it('refuses an end before the start, and unknown places, shelters and cases', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    expect(await codeOf(addStep(caseId, { startDate: '2025-03-01', endDate: '2025-02-28' }))).toBe('invalid_input');
    expect(await codeOf(addStep(caseId, { place: { kind: 'municipality', code: '0000' } }))).toBe('invalid_input');
    expect(await codeOf(addStep(caseId, { shelterId: 4242 }))).toBe('not_found');
    expect(await codeOf(addStep(caseId + 100))).toBe('not_found');
    expect(await db.selectFrom('housing_steps').select('id').execute()).toEqual([]);
  });

  it('updates a step under the same rules, without counting the step as overlapping itself', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const a = await addStep(caseId, { startDate: '2025-01-01', endDate: '2025-03-01' });
    const b = await addStep(caseId, { startDate: '2025-03-01', endDate: '2025-05-01' });
    const moved = await updateStep(a, { endDate: '2025-02-15', outcome: 'own_lease', costPerDay: 100 });
    expect(moved).toMatchObject({ id: a.id, endDate: '2025-02-15', outcome: 'own_lease', costPerDay: 100 });
    expect(await codeOf(updateStep(b, { startDate: '2025-02-01' }))).toBe('overlap');
    expect(await codeOf(updateStep({ ...b, id: 9999 }))).toBe('not_found');
    expect((await auditRows(db)).at(-1)).toMatchObject({ action: 'update', entity: 'housing_step', entity_id: String(a.id) });
  });

  it('refuses every change in a closed case but still lists its chain', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const step = await addStep(caseId);
    await closeCaseFixture(db, caseId);
    expect(await codeOf(addStep(caseId, { startDate: '2026-01-01', endDate: null }))).toBe('not_allowed');
    expect(await codeOf(updateStep(step, { endDate: '2025-02-01' }))).toBe('not_allowed');
    expect(await housingOps['housing:list'](w, { caseId })).toEqual([step]);
  });
});

describe('housing chain: shelters without a valid IVO permit', () => {
  it('needs a written reason to place in a shelter whose permit has expired by the start date, and stores it', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const shelter = await createShelter({ ivoValidUntil: '2025-01-31' });
    const placement = { kind: 'protected_shelter' as const, shelterId: shelter.id, startDate: '2025-02-01', endDate: '2025-03-01' };

    const err = await failureOf(addStep(caseId, placement));
    expect(err.code).toBe('reason_required');
    expect(err.message).toMatch(/IVO permit/);
    expect(await codeOf(addStep(caseId, { ...placement, permitOverrideReason: '  ' }))).toBe('reason_required');

    const step = await addStep(caseId, { ...placement, permitOverrideReason: 'Enda boendet med plats för fyra barn.' });
    expect(step.permitOverrideReason).toBe('Enda boendet med plats för fyra barn.');
    const row = await db.selectFrom('housing_steps').select('permit_override_reason').where('id', '=', step.id).executeTakeFirstOrThrow();
    expect(row.permit_override_reason).toBe('Enda boendet med plats för fyra barn.');
  });

  it('needs no reason while the permit is valid on the start date, nor for a step that is not a shelter placement', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const shelter = await createShelter({ ivoValidUntil: '2025-01-31' });
    const ok = await addStep(caseId, {
      kind: 'protected_shelter',
      shelterId: shelter.id,
      startDate: '2025-01-31',
      endDate: '2025-02-10',
      permitOverrideReason: 'onödig',
    });
    expect(ok.permitOverrideReason).toBeNull();
    await addStep(caseId, { kind: 'other', shelterId: shelter.id, startDate: '2025-03-01', endDate: '2025-03-10' });
  });

  it('treats a registration or no IVO decision at all as a missing permit', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const registered = await createShelter({ ivoKind: 'registration', ivoValidUntil: null });
    const none = await createShelter({ name: 'Utan tillstånd', ivoKind: 'none', ivoNumber: '' });
    expect(await codeOf(addStep(caseId, { kind: 'protected_shelter', shelterId: registered.id }))).toBe('reason_required');
    expect(await codeOf(addStep(caseId, { kind: 'protected_shelter', shelterId: none.id }))).toBe('reason_required');
  });

  it('asks for the reason again when an update moves a placement into an expired permit', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const shelter = await createShelter({ ivoValidUntil: '2025-01-31' });
    const step = await addStep(caseId, { kind: 'protected_shelter', shelterId: shelter.id, startDate: '2025-01-10', endDate: '2025-02-10' });
    expect(await codeOf(updateStep(step, { startDate: '2025-02-01' }))).toBe('reason_required');
    expect((await updateStep(step, { startDate: '2025-02-01', permitOverrideReason: 'Akut, inget annat fanns.' })).permitOverrideReason).toBe(
      'Akut, inget annat fanns.',
    );
  });
});

describe('shelter register', () => {
  it('creates, updates and lists shelters with their municipality and today’s permit status', async () => {
    const valid = await createShelter({ name: 'Boende A', ivoValidUntil: daysFromToday(30) });
    const expired = await createShelter({ name: 'Boende B', ivoValidUntil: daysFromToday(-1) });
    const missing = await createShelter({ name: 'Boende C', ivoKind: 'registration' });
    const openEnded = await createShelter({ name: 'Boende D', ivoValidUntil: null });
    expect(valid).toMatchObject({
      municipalityCode: '1980',
      municipalityName: 'Västerås',
      permitStatus: 'valid',
      specialisations: ['honour_violence'],
      occupancy: { adults: 0, children: 0 },
    });
    expect(expired.permitStatus).toBe('expired');
    expect(missing.permitStatus).toBe('missing');
    expect(openEnded.permitStatus).toBe('valid');

    const updated = await housingOps['shelters:update'](w, {
      ...ShelterInputSchema.parse(shelterInput({ name: 'Boende B', ivoValidUntil: daysFromToday(365), municipalityCode: '0380' })),
      id: expired.id,
    });
    expect(updated).toMatchObject({ id: expired.id, permitStatus: 'valid', municipalityName: 'Uppsala' });
    expect((await auditRows(db)).filter((r) => r.entity === 'shelter').map((r) => r.action)).toEqual(['create', 'create', 'create', 'create', 'update']);

    const list = await housingOps['shelters:list'](w, {});
    expect(list.map((s) => s.name)).toEqual(['Boende A', 'Boende B', 'Boende C', 'Boende D']);
    expect(await codeOf(housingOps['shelters:update'](w, { ...ShelterInputSchema.parse(shelterInput()), id: 9999 }))).toBe('not_found');
    expect(await codeOf(createShelter({ municipalityCode: '0000' }))).toBe('invalid_input');
  });

  it('counts open placements today: the case’s own steps as adults, a child’s steps as children', async () => {
    const shelter = await createShelter({ ivoValidUntil: null });
    const other = await createShelter({ name: 'Annat boende' });
    const a = await insertCaseFixture(db, userId, { children: ['Barn Ett', 'Barn Två'] });
    const b = await insertCaseFixture(db, userId);
    const c = await insertCaseFixture(db, userId);
    const d = await insertCaseFixture(db, userId);
    const e = await insertCaseFixture(db, userId);
    const placement = { kind: 'protected_shelter' as const, shelterId: shelter.id };
    await addStep(a.caseId, { ...placement, startDate: daysFromToday(-10), endDate: null }); // open: adult
    await addStep(a.caseId, { ...placement, childId: a.childIds[0] ?? 0, startDate: daysFromToday(-10), endDate: null }); // open: child
    await addStep(a.caseId, { ...placement, childId: a.childIds[1] ?? 0, startDate: daysFromToday(-10), endDate: daysFromToday(0) }); // ends today: still there
    await addStep(b.caseId, { ...placement, startDate: daysFromToday(-30), endDate: daysFromToday(-1) }); // left yesterday
    await addStep(c.caseId, { ...placement, startDate: daysFromToday(1), endDate: null }); // arrives tomorrow
    await addStep(d.caseId, { ...placement, startDate: daysFromToday(0), endDate: daysFromToday(5) }); // arrives today
    await addStep(e.caseId, { kind: 'protected_shelter', shelterId: other.id, startDate: daysFromToday(-3), endDate: null }); // elsewhere

    const list = await housingOps['shelters:list'](w, {});
    expect(list.find((s) => s.id === shelter.id)?.occupancy).toEqual({ adults: 2, children: 2 });
    expect(list.find((s) => s.id === other.id)?.occupancy).toEqual({ adults: 1, children: 0 });
  });
});
