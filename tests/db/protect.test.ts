import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AddStepInputSchema,
  AddSupportInputSchema,
  CreateMoveInputSchema,
  UpdateCaseInputSchema,
  UpdateChildInputSchema,
  UpdateStepInputSchema,
  UpdateSupportInputSchema,
  type CaseDetail,
  type CreateCaseInput,
  type ListCasesInput,
} from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { RevealGrants } from '../../app/reveal-grants';
import { casesOps } from '../../app/cases';
import { foundationOps } from '../../app/foundation';
import { housingOps } from '../../app/housing';
import { movesOps } from '../../app/moves';
import { protectionOps } from '../../app/protection';
import { addUser, createCase, defined, failureOf, freshWorker, listInput, loginAs } from '../helpers/casework';
import { unmasked } from '../helpers/protect';
import { ADMIN } from '../helpers/temp';

let w: WorkerState;
let cleanup: () => void;
let clock = Date.parse('2026-03-02T09:00:00.000Z');

const REASON = 'Behöver adressen för att boka flytten';

beforeEach(async () => {
  ({ w, cleanup } = await freshWorker());
  // The casework is a team lead's (named on the cases she creates): administrators see no case content.
  await addUser(w, 'lead', 'team_lead');
  await loginAs(w, 'lead');
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  // Grants are judged against a clock the test moves; no waiting.
  w.reveals = new RevealGrants(() => clock);
});
afterEach(() => cleanup());

async function protectedCase(overrides: Partial<CreateCaseInput> = {}): Promise<CaseDetail> {
  return createCase(w, {
    protectionLevel: 'skyddad_folkbokforing',
    districtSlug: 'skarholmen',
    children: [{ name: 'Barn Påhittad', birthYear: 2016, school: 'Hemliga skolan', needs: 'Stöd i läsning', placement: 'Hos mostern' }],
    ...overrides,
  });
}

const get = (id: number) => casesOps['cases:get'](w, { id });
const reveal = (caseId: number, reason = REASON) => protectionOps['cases:reveal'](w, { caseId, reason });

function updateInput(detail: CaseDetail, changes: Record<string, unknown> = {}, survivorChanges: Record<string, unknown> = {}) {
  const { safeContact: _safeContact, ...survivor } = detail.survivor;
  return UpdateCaseInputSchema.parse({
    id: detail.id,
    survivor: { ...survivor, personalIdentityNumber: '', ...survivorChanges },
    protectionLevel: detail.protectionLevel,
    honourContext: detail.honourContext,
    vulnerabilities: detail.vulnerabilities,
    vulnerabilityNote: detail.vulnerabilityNote,
    assignedUserId: detail.assignedUser?.id ?? null,
    ...changes,
  });
}

describe('masking in the worker', () => {
  it('masks the protected fields of a protected case, and nothing of an unprotected one', async () => {
    const created = await protectedCase();
    // Even the answer to the create itself: its author typed the values, but the answer is a read.
    expect(created.survivor.safeContact).toEqual({ masked: true });
    const c = await get(created.id);
    expect(c.reveal).toEqual({ protected: true, masked: true, revealedUntil: null });
    expect(c.survivor.safeContact).toEqual({ masked: true });
    expect(c.districtSlug).toEqual({ masked: true });
    expect(c.districtName).toEqual({ masked: true });
    expect(c.children[0]).toMatchObject({ school: { masked: true }, placement: { masked: true }, needs: 'Stöd i läsning' });
    expect(c.survivor.name).toBe('Testa Testsson');

    const open = await createCase(w, { districtSlug: 'skarholmen' });
    expect(open.reveal).toEqual({ protected: false, masked: false, revealedUntil: null });
    expect(open.districtName).toBe('Skärholmen');
    expect(open.survivor.safeContact).toBe('Endast via skyddade boendets telefon');
  });

  it('shows the real values for the set minutes after a reveal, audited with the reason, then masks again', async () => {
    const c = await protectedCase();
    // Settings are the administrator's.
    await loginAs(w, ADMIN.username);
    await foundationOps['settings:update'](w, { revealMinutes: 3 });
    await loginAs(w, 'lead');
    const grant = await reveal(c.id);
    expect(grant).toEqual({ protected: true, masked: false, revealedUntil: '2026-03-02T09:03:00.000Z' });
    const shown = await get(c.id);
    expect(shown.survivor.safeContact).toBe('Endast via skyddade boendets telefon');
    expect(shown.districtName).toBe('Skärholmen');
    expect(shown.children[0]?.school).toBe('Hemliga skolan');
    expect(shown.reveal.revealedUntil).toBe('2026-03-02T09:03:00.000Z');

    const s = w.active.requireSession();
    const row = await s.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'case_id', 'reason', 'user_id'])
      .where('action', '=', 'reveal')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'reveal', entity: 'case', entity_id: String(c.id), case_id: c.id, reason: REASON, user_id: s.user.id });

    clock += 3 * 60_000 - 1;
    expect((await get(c.id)).reveal.masked).toBe(false);
    clock += 1;
    const again = await get(c.id);
    expect(again.reveal).toEqual({ protected: true, masked: true, revealedUntil: null });
    expect(again.survivor.safeContact).toEqual({ masked: true });
  });

  it('reveals one case only, and refuses a case without protection or that does not exist', async () => {
    const a = await protectedCase();
    const b = await protectedCase();
    await reveal(a.id);
    expect((await get(b.id)).districtName).toEqual({ masked: true });
    const plain = await createCase(w);
    expect((await failureOf(reveal(plain.id))).code).toBe('not_allowed');
    expect((await failureOf(reveal(99_999))).code).toBe('not_found');
  });

  it('drops every grant when the session locks, by the user or when idle, and when another user unlocks', async () => {
    await addUser(w, 'kajsa', 'caseworker');
    const c = await protectedCase();
    await reveal(c.id);
    w.active.lock('user');
    await loginAs(w, 'lead');
    expect((await get(c.id)).reveal.masked).toBe(true);

    await reveal(c.id);
    w.active.lock('idle');
    await loginAs(w, 'lead');
    expect((await get(c.id)).reveal.masked).toBe(true);

    await reveal(c.id);
    await loginAs(w, 'kajsa');
    expect((await get(c.id)).reveal.masked).toBe(true);
  });

  it('masks moves, housing steps, support items and Kompotten requests of the case', async () => {
    const c = await protectedCase();
    const shelter = await housingOps['shelters:create'](w, {
      name: 'Boendet Hemlig',
      operator: 'Stiftelsen',
      municipalityCode: '2584',
      ivoKind: 'permit',
      ivoNumber: 'IVO-1',
      ivoValidUntil: '2099-12-31',
      capacityAdults: 3,
      capacityChildren: 3,
      specialisations: [],
      languages: '',
      contact: '070-000',
    });
    const move = await movesOps['moves:create'](
      w,
      CreateMoveInputSchema.parse({
        caseId: c.id,
        from: null,
        to: { kind: 'municipality', code: '2584' },
        route: 'kompotten',
        receivingContact: 'Kontakt Kiruna',
        notes: '',
        plannedDate: '2026-03-10',
      }),
    );
    expect(move).toMatchObject({
      to: { masked: true },
      from: { masked: true },
      receivingContact: { masked: true },
      check: { masked: true },
      status: 'planned',
    });
    const step = await housingOps['housing:add-step'](
      w,
      AddStepInputSchema.parse({
        caseId: c.id,
        childId: null,
        kind: 'protected_shelter',
        startDate: '2026-03-01',
        endDate: null,
        provider: '',
        shelterId: shelter.id,
        place: { kind: 'municipality', code: '2584' },
        costPerDay: 1200,
        outcome: 'ongoing',
        obstacles: [],
        obstacleNote: '',
        parallel: false,
      }),
    );
    expect(step).toMatchObject({
      shelterId: { masked: true },
      shelterName: { masked: true },
      place: { masked: true },
      provider: { masked: true },
      costPerDay: 1200,
    });
    const item = await housingOps['support:add'](
      w,
      AddSupportInputSchema.parse({ caseId: c.id, kind: 'school', agency: 'Skolan i Kiruna', status: 'needed', startDate: null, endDate: null, notes: '' }),
    );
    expect(item.agency).toEqual({ masked: true });
    await movesOps['kompotten:add-request'](w, { direction: 'sent', counterpartCode: '2584', caseId: c.id, date: '2026-03-02', outcome: 'pending', notes: '' });
    await movesOps['kompotten:add-request'](w, { direction: 'sent', counterpartCode: '1980', caseId: null, date: '2026-03-02', outcome: 'pending', notes: '' });
    const ledger = await movesOps['kompotten:requests'](w, { caseId: null });
    expect(ledger.find((r) => r.caseId === c.id)).toMatchObject({ counterpartCode: { masked: true }, counterpartName: { masked: true } });
    expect(ledger.find((r) => r.caseId === null)).toMatchObject({ counterpartName: 'Västerås' });

    await reveal(c.id);
    expect(unmasked((await movesOps['moves:list'](w, { caseId: c.id }))[0]?.to ?? null)).toMatchObject({ name: 'Kiruna' });
    expect((await housingOps['housing:list'](w, { caseId: c.id }))[0]?.shelterName).toBe('Boendet Hemlig');
    expect((await housingOps['support:list'](w, { caseId: c.id }))[0]?.agency).toBe('Skolan i Kiruna');
    expect((await movesOps['kompotten:requests'](w, { caseId: c.id }))[0]?.counterpartName).toBe('Kiruna');
  });
});

describe('writing while masked', () => {
  it('keeps the protected fields a change leaves out, and refuses one that sets them unrevealed', async () => {
    const c = await protectedCase();
    const renamed = await casesOps['cases:update'](w, updateInput(c, {}, { name: 'Nytt Namn' }));
    expect(renamed.survivor.name).toBe('Nytt Namn');
    const refusal = await failureOf(casesOps['cases:update'](w, updateInput(c, { districtSlug: null }, { safeContact: '' })));
    expect(refusal.code).toBe('reveal_required');
    expect((await failureOf(casesOps['cases:update'](w, updateInput(c, { districtSlug: 'skarholmen' })))).code).toBe('reveal_required');

    const child = defined(c.children[0]);
    const childChange = UpdateChildInputSchema.parse({ id: child.id, name: 'Barn Nytt', birthYear: 2016, needs: 'Nya behov' });
    await casesOps['people:update-child'](w, childChange);
    expect((await failureOf(casesOps['people:update-child'](w, { ...childChange, school: '' }))).code).toBe('reveal_required');

    await reveal(c.id);
    const after = await get(c.id);
    expect(after.survivor).toMatchObject({ name: 'Nytt Namn', safeContact: 'Endast via skyddade boendets telefon' });
    expect(after.districtSlug).toBe('skarholmen');
    expect(after.children[0]).toMatchObject({ name: 'Barn Nytt', needs: 'Nya behov', school: 'Hemliga skolan', placement: 'Hos mostern' });

    // Revealed, the same change goes through.
    const moved = await casesOps['cases:update'](w, updateInput(c, { districtSlug: 'hasselby-vallingby' }, { safeContact: 'Ny kontakt' }));
    expect(moved).toMatchObject({ districtSlug: 'hasselby-vallingby', survivor: { safeContact: 'Ny kontakt' } });
  });

  it('keeps a housing step’s shelter and place and a support item’s agency when a change leaves them out', async () => {
    const c = await protectedCase();
    const step = await housingOps['housing:add-step'](
      w,
      AddStepInputSchema.parse({
        caseId: c.id,
        childId: null,
        kind: 'transitional',
        startDate: '2026-03-01',
        endDate: null,
        provider: 'Hyresvärden AB',
        shelterId: null,
        place: { kind: 'district', code: 'skarholmen' },
        costPerDay: null,
        outcome: 'ongoing',
        obstacles: [],
        obstacleNote: '',
        parallel: false,
      }),
    );
    const stepChange = {
      id: step.id,
      childId: null,
      kind: 'transitional',
      startDate: '2026-03-01',
      endDate: '2026-04-01',
      costPerDay: null,
      outcome: 'moved_on',
      obstacles: [],
      obstacleNote: '',
      parallel: false,
    };
    expect(await housingOps['housing:update-step'](w, UpdateStepInputSchema.parse(stepChange))).toMatchObject({
      endDate: '2026-04-01',
      place: { masked: true },
    });
    expect((await failureOf(housingOps['housing:update-step'](w, UpdateStepInputSchema.parse({ ...stepChange, place: null })))).code).toBe('reveal_required');

    const item = await housingOps['support:add'](
      w,
      AddSupportInputSchema.parse({ caseId: c.id, kind: 'legal', agency: 'Advokatbyrån', status: 'needed', startDate: null, endDate: null, notes: '' }),
    );
    const itemChange = { id: item.id, kind: 'legal', status: 'done', startDate: null, endDate: null, notes: 'Klart' };
    expect(await housingOps['support:update'](w, UpdateSupportInputSchema.parse(itemChange))).toMatchObject({ status: 'done', agency: { masked: true } });
    expect((await failureOf(housingOps['support:update'](w, UpdateSupportInputSchema.parse({ ...itemChange, agency: '' })))).code).toBe('reveal_required');

    await reveal(c.id);
    expect((await housingOps['housing:list'](w, { caseId: c.id }))[0]).toMatchObject({
      provider: 'Hyresvärden AB',
      place: { code: 'skarholmen' },
      outcome: 'moved_on',
    });
    expect((await housingOps['support:list'](w, { caseId: c.id }))[0]).toMatchObject({ agency: 'Advokatbyrån', notes: 'Klart' });
  });
});

describe('the case list', () => {
  const list = (changes: Partial<ListCasesInput>) => casesOps['cases:list'](w, listInput({ sort: 'case_number', direction: 'asc', limit: 100, ...changes }));

  it('masks the district and does not let a district filter, search or sort tell it', async () => {
    const hidden = await protectedCase();
    const open = await createCase(w, { districtSlug: 'skarholmen' });
    const all = await list({});
    expect(all.rows.find((r) => r.id === hidden.id)?.districtName).toEqual({ masked: true });
    expect(all.rows.find((r) => r.id === open.id)?.districtName).toBe('Skärholmen');

    expect((await list({ districtSlug: 'skarholmen' })).rows.map((r) => r.id)).toEqual([open.id]);
    expect((await list({ query: 'Skärholmen' })).rows.map((r) => r.id)).toEqual([open.id]);
    // Sorted by district, the protected case sorts with the cases without one.
    const other = await createCase(w, { districtSlug: 'hasselby-vallingby' });
    expect((await list({ sort: 'district', direction: 'asc' })).rows.map((r) => r.id)).toEqual([other.id, open.id, hidden.id]);

    await reveal(hidden.id);
    expect((await list({ districtSlug: 'skarholmen' })).rows.map((r) => r.id)).toEqual([hidden.id, open.id]);
    expect((await list({})).rows.find((r) => r.id === hidden.id)?.districtName).toBe('Skärholmen');
  });
});
