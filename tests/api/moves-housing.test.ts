import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiError,
  ApiResult,
  CaseDetail,
  HousingStep,
  KompottenMember,
  KompottenRequest,
  Move,
  SafeDistanceCheck,
  Shelter,
  SupportItem,
} from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput, defined } from '../helpers/casework';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;
let theCase: CaseDetail;

const SURVIVOR = 'Signe Påhittad';
const PERPETRATOR = 'Förövare Påhittad';
const CHILD = 'Första Barnet';

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { username: 'gun', displayName: 'Gun Granskare', role: 'auditor', passphrase: 'guns long passphrase' });
  // Casework is a team lead's here: the administrator sees no case content.
  await ok(runtime, 'users:create', { username: 'tove', displayName: 'Tove Gruppledare', role: 'team_lead', passphrase: 'toves long passphrase' });
  await ok(runtime, 'session:unlock', { username: 'tove', passphrase: 'toves long passphrase' });
  theCase = await ok<CaseDetail>(
    runtime,
    'cases:create',
    caseInput({
      survivor: { ...caseInput().survivor, name: SURVIVOR },
      children: [{ name: CHILD, birthYear: 2016, school: '', needs: '', placement: '' }],
      perpetrators: [
        {
          name: PERPETRATOR,
          relation: 'former_partner',
          collective: false,
          notes: '',
          areas: [{ municipalityCode: '0180', districtSlug: null, description: '' }],
        },
      ],
    }),
  );
});
afterAll(async () => close());

/** Audit rows a call adds: audit:verify counts the rows before its own. */
async function auditedRows(call: () => Promise<unknown>): Promise<number> {
  const before = (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;
  await call();
  const after = (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;
  return after - before - 1;
}

/** The failure of a call, checked for personal data that must never be in a message. */
async function failure(channel: string, input: unknown): Promise<ApiError> {
  const r: ApiResult<unknown> = await runtime.invoke(channel, input);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  for (const secret of [SURVIVOR, PERPETRATOR, CHILD, 'Hemlig']) expect(r.error.message).not.toContain(secret);
  return r.error;
}

describe('moves through the API', () => {
  it('checks a destination, audited as one read, and refuses an invalid place', async () => {
    let result: SafeDistanceCheck | undefined;
    expect(
      await auditedRows(async () => {
        result = await ok<SafeDistanceCheck>(runtime, 'moves:check-destination', { caseId: theCase.id, to: { kind: 'municipality', code: '1980' } });
      }),
    ).toBe(1);
    expect(result).toMatchObject({ warning: true, destination: { name: 'Västerås' }, checks: [{ perpetratorName: PERPETRATOR, reasons: ['too_close'] }] });
    expect(await errorCode(runtime, 'moves:check-destination', { caseId: theCase.id, to: { kind: 'county', code: '19' } })).toBe('invalid_input');
    expect((await failure('moves:check-destination', { caseId: theCase.id, to: { kind: 'municipality', code: '9999' } })).code).toBe('invalid_input');
  });

  it('creates a move and takes it through its workflow, one audit row per change, refusing a skipped step and an unexplained warning', async () => {
    let move: Move | undefined;
    const input = {
      caseId: theCase.id,
      from: null,
      to: { kind: 'municipality', code: '1980' },
      route: 'own_application',
      receivingContact: '',
      notes: 'Hemlig anteckning',
      plannedDate: '2026-02-01',
    };
    expect(
      await auditedRows(async () => {
        move = await ok<Move>(runtime, 'moves:create', input);
      }),
    ).toBe(1);
    const id = defined(move).id;
    expect(move).toMatchObject({
      status: 'planned',
      check: { warning: true },
      transitions: [{ status: 'planned', date: '2026-02-01', recordedBy: 'Tove Gruppledare' }],
    });

    const skip = await failure('moves:transition', { id, to: 'offered', date: '2026-02-02' });
    expect(skip.code).toBe('not_allowed');
    expect(skip.message).toMatch(/requested or cancelled/);
    // The renderer says it from the reason and params; statuses travel as codes, never as prose.
    expect(skip).toMatchObject({ reason: 'move_transition_skips', params: { from: 'planned', to: 'offered', allowed: ['requested', 'cancelled'] } });
    expect(await auditedRows(() => ok(runtime, 'moves:transition', { id, to: 'requested', date: '2026-02-02' }))).toBe(1);
    await ok(runtime, 'moves:transition', { id, to: 'offered', date: '2026-02-05' });
    expect(
      await auditedRows(async () => expect((await failure('moves:transition', { id, to: 'accepted', date: '2026-02-06' })).code).toBe('reason_required')),
    ).toBe(0);
    expect(await failure('moves:transition', { id, to: 'accepted', date: '2026-02-06' })).toMatchObject({ reason: 'move_too_close' });
    const accepted = await ok<Move>(runtime, 'moves:transition', { id, to: 'accepted', date: '2026-02-06', overrideReason: 'Bedömt med polisen.' });
    expect(accepted).toMatchObject({ status: 'accepted', overrideReason: 'Bedömt med polisen.' });

    let listed: Move[] = [];
    expect(
      await auditedRows(async () => {
        listed = await ok<Move[]>(runtime, 'moves:list', { caseId: theCase.id });
      }),
    ).toBe(1);
    expect(listed).toEqual([accepted]);
    expect(await errorCode(runtime, 'moves:transition', { id: 424_242, to: 'cancelled', date: '2026-02-07' })).toBe('not_found');
  });

  it('refuses invalid input naming the fields, and writes nothing', async () => {
    expect(
      await auditedRows(async () => {
        const e = await failure('moves:create', {
          caseId: theCase.id,
          from: null,
          to: { kind: 'municipality', code: '' },
          route: 'teleport',
          receivingContact: '',
          notes: '',
          plannedDate: '2026-02-30',
        });
        expect(e.code).toBe('invalid_input');
        expect((e.issues ?? []).map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['to.code', 'route', 'plannedDate']));
        expect(await errorCode(runtime, 'moves:transition', { id: 1, to: 'accepted', date: '2026-02-06', overrideReason: 'x'.repeat(1001) })).toBe(
          'invalid_input',
        );
      }),
    ).toBe(0);
  });
});

describe('Kompotten through the API', () => {
  it('keeps members and a ledger, auditing writes and reads', async () => {
    let members: KompottenMember[] = [];
    expect(
      await auditedRows(async () => {
        members = await ok<KompottenMember[]>(runtime, 'kompotten:set-member', { municipalityCode: '1980', member: true, contact: 'Växeln' });
      }),
    ).toBe(1);
    expect(members).toEqual([{ municipalityCode: '1980', municipalityName: 'Västerås', contact: 'Växeln' }]);
    expect(await ok(runtime, 'kompotten:members', {})).toEqual(members);
    expect(await errorCode(runtime, 'kompotten:set-member', { municipalityCode: 'VST', member: true, contact: '' })).toBe('invalid_input');

    const request = await ok<KompottenRequest>(runtime, 'kompotten:add-request', {
      direction: 'sent',
      counterpartCode: '1980',
      caseId: theCase.id,
      date: '2026-02-03',
      outcome: 'pending',
      notes: '',
    });
    expect(request).toMatchObject({ caseNumber: theCase.caseNumber, counterpartName: 'Västerås' });
    const updated = await ok<KompottenRequest>(runtime, 'kompotten:update-request', { id: request.id, outcome: 'accepted', notes: 'Erbjudande' });
    expect(updated.outcome).toBe('accepted');
    expect(await auditedRows(() => ok(runtime, 'kompotten:requests', { caseId: theCase.id }))).toBe(1);
    expect(await ok(runtime, 'kompotten:requests', { caseId: null })).toEqual([updated]);
    expect(await errorCode(runtime, 'kompotten:update-request', { id: request.id, outcome: 'maybe', notes: '' })).toBe('invalid_input');
  });
});

describe('housing chain, shelters and support through the API', () => {
  let shelter: Shelter;
  const step = {
    childId: null,
    kind: 'protected_shelter',
    startDate: '2026-01-01',
    endDate: '2026-03-01',
    provider: 'Hemlig adress 12',
    shelterId: null as number | null,
    place: { kind: 'municipality', code: '1980' },
    costPerDay: 2100,
    outcome: 'moved_on',
    obstacles: ['debts'],
    obstacleNote: '',
    parallel: false,
  };

  it('registers a shelter whose permit has expired', async () => {
    shelter = await ok<Shelter>(runtime, 'shelters:create', {
      name: 'Påhittade boendet',
      operator: '',
      municipalityCode: '1980',
      ivoKind: 'permit',
      ivoNumber: 'IVO-1',
      ivoValidUntil: '2025-12-31',
      capacityAdults: 4,
      capacityChildren: 6,
      specialisations: ['pets'],
      languages: '',
      contact: '',
    });
    expect(shelter).toMatchObject({ permitStatus: 'expired', municipalityName: 'Västerås', occupancy: { adults: 0, children: 0 } });
    const e = await failure('shelters:create', { name: '', municipalityCode: '1980' });
    expect(e.code).toBe('invalid_input');
    const { permitStatus: _p, municipalityName: _m, occupancy: _o, ...fields } = shelter;
    const renamed = await ok<Shelter>(runtime, 'shelters:update', { ...fields, name: 'Påhittade boendet 2' });
    expect(renamed.name).toBe('Påhittade boendet 2');
  });

  it('adds steps: needs a reason for the expired permit, refuses an overlap, keeps a child’s chain apart', async () => {
    const placement = { ...step, caseId: theCase.id, shelterId: shelter.id };
    expect(await auditedRows(async () => expect((await failure('housing:add-step', placement)).code).toBe('reason_required'))).toBe(0);
    expect(await failure('housing:add-step', placement)).toMatchObject({ reason: 'shelter_permit_invalid', params: { date: placement.startDate } });
    let first: HousingStep | undefined;
    expect(
      await auditedRows(async () => {
        first = await ok<HousingStep>(runtime, 'housing:add-step', { ...placement, permitOverrideReason: 'Enda lediga platsen.' });
      }),
    ).toBe(1);
    expect(first).toMatchObject({ shelterName: 'Påhittade boendet 2', permitOverrideReason: 'Enda lediga platsen.', place: { name: 'Västerås' } });

    const clash = await failure('housing:add-step', {
      ...step,
      caseId: theCase.id,
      kind: 'transitional',
      startDate: '2026-02-01',
      endDate: null,
      outcome: 'ongoing',
    });
    expect(clash.code).toBe('overlap');
    expect(clash.message).toContain('2026-01-01 to 2026-03-01');
    expect(clash).toMatchObject({ reason: 'step_overlap', params: { start: '2026-01-01', end: '2026-03-01' } });
    expect(Object.keys(clash.params ?? {}).sort()).toEqual(['end', 'kind', 'start']);

    const childId = defined(theCase.children[0]).id;
    const childStep = await ok<HousingStep>(runtime, 'housing:add-step', {
      ...step,
      caseId: theCase.id,
      childId,
      kind: 'transitional',
      startDate: '2026-02-01',
      endDate: null,
      outcome: 'ongoing',
    });
    expect(childStep.childName).toBe(CHILD);
    const moved = await ok<HousingStep>(runtime, 'housing:update-step', {
      ...step,
      id: childStep.id,
      childId,
      kind: 'transitional',
      startDate: '2026-02-02',
      endDate: null,
      outcome: 'ongoing',
    });
    expect(moved.startDate).toBe('2026-02-02');

    let listed: HousingStep[] = [];
    expect(
      await auditedRows(async () => {
        listed = await ok<HousingStep[]>(runtime, 'housing:list', { caseId: theCase.id });
      }),
    ).toBe(1);
    expect(listed.map((s) => s.id)).toEqual([defined(first).id, childStep.id]);
    expect((await failure('housing:add-step', { ...step, caseId: theCase.id, costPerDay: -5 })).issues?.map((i) => i.path.join('.'))).toEqual(['costPerDay']);
    expect(await ok<Shelter[]>(runtime, 'shelters:list', {})).toHaveLength(1);
  });

  it('keeps a support plan', async () => {
    const item = await ok<SupportItem>(runtime, 'support:add', {
      caseId: theCase.id,
      kind: 'school',
      agency: 'Skolan',
      status: 'requested',
      startDate: '2026-02-01',
      endDate: null,
      notes: '',
    });
    const done = await ok<SupportItem>(runtime, 'support:update', {
      id: item.id,
      kind: 'school',
      agency: 'Skolan',
      status: 'done',
      startDate: '2026-02-01',
      endDate: '2026-02-20',
      notes: '',
    });
    expect(done.status).toBe('done');
    expect(await auditedRows(() => ok(runtime, 'support:list', { caseId: theCase.id }))).toBe(1);
    expect(
      (await failure('support:update', { id: item.id, kind: 'school', agency: '', status: 'done', startDate: '2026-02-01', endDate: '2026-01-01', notes: '' }))
        .code,
    ).toBe('invalid_input');
    expect(
      await errorCode(runtime, 'support:add', { caseId: theCase.id, kind: 'astrology', agency: '', status: 'done', startDate: null, endDate: null, notes: '' }),
    ).toBe('invalid_input');
  });

  it('refuses changes once the case is closed, and an auditor reads none of it', async () => {
    await ok(runtime, 'cases:close', { id: theCase.id, reason: 'Egen bostad' });
    expect(
      await errorCode(runtime, 'support:add', { caseId: theCase.id, kind: 'school', agency: '', status: 'needed', startDate: null, endDate: null, notes: '' }),
    ).toBe('not_allowed');
    expect(
      await errorCode(runtime, 'moves:create', {
        caseId: theCase.id,
        from: null,
        to: { kind: 'municipality', code: '1480' },
        route: 'other',
        receivingContact: '',
        notes: '',
        plannedDate: '2026-04-01',
      }),
    ).toBe('not_allowed');
    expect(await ok<HousingStep[]>(runtime, 'housing:list', { caseId: theCase.id })).toHaveLength(2);

    await ok(runtime, 'session:unlock', { username: 'gun', passphrase: 'guns long passphrase' });
    try {
      for (const [channel, input] of [
        ['moves:list', { caseId: theCase.id }],
        ['moves:check-destination', { caseId: theCase.id, to: { kind: 'municipality', code: '1480' } }],
        ['housing:list', { caseId: theCase.id }],
        ['support:list', { caseId: theCase.id }],
        ['kompotten:requests', { caseId: null }],
        ['shelters:list', {}],
      ] as const) {
        expect(await errorCode(runtime, channel, input)).toBe('forbidden');
      }
    } finally {
      await ok(runtime, 'session:unlock', { username: 'tove', passphrase: 'toves long passphrase' });
    }
  });
});
