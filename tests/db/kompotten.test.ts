import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AddRequestInputSchema, CreateMoveInputSchema, SetMemberInputSchema, UpdateRequestInputSchema, type KompottenRequest } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { movesOps } from '../../app/moves';
import type { DB } from '../../db/schema';
import { closeCaseFixture, insertCaseFixture } from '../helpers/case-fixture';
import { auditRows, codeOf, unlockedWorkerState } from '../helpers/worker-fixture';

let w: WorkerState;
let db: Kysely<DB>;
let userId: number;
let cleanup: () => void;

beforeEach(async () => {
  ({ w, db, userId, cleanup } = await unlockedWorkerState({ asTeamLead: true }));
});
afterEach(() => cleanup());

const setMember = (municipalityCode: string, member: boolean, contact = '') =>
  movesOps['kompotten:set-member'](w, SetMemberInputSchema.parse({ municipalityCode, member, contact }));

const addRequest = (
  overrides: Partial<{ direction: 'sent' | 'received'; counterpartCode: string; caseId: number | null; date: string; outcome: string; notes: string }> = {},
): Promise<KompottenRequest> =>
  movesOps['kompotten:add-request'](
    w,
    AddRequestInputSchema.parse({ direction: 'sent', counterpartCode: '1980', caseId: null, date: '2026-01-15', outcome: 'pending', notes: '', ...overrides }),
  );

describe('Kompotten members: the team’s own list', () => {
  it('adds members with contacts, lists them by name in Swedish order, updates a contact and removes a member', async () => {
    await setMember('1980', true, 'Växeln, fråga efter Kompotten');
    await setMember('0380', true);
    const members = await setMember('2480', true, 'Umeå kontakt');
    expect(members).toEqual([
      { municipalityCode: '2480', municipalityName: 'Umeå', contact: 'Umeå kontakt' },
      { municipalityCode: '0380', municipalityName: 'Uppsala', contact: '' },
      { municipalityCode: '1980', municipalityName: 'Västerås', contact: 'Växeln, fråga efter Kompotten' },
    ]);
    const updated = await setMember('0380', true, 'Ny kontakt');
    expect(updated.find((m) => m.municipalityCode === '0380')?.contact).toBe('Ny kontakt');
    expect(updated).toHaveLength(3);

    const removed = await setMember('1980', false);
    expect(removed.map((m) => m.municipalityCode)).toEqual(['2480', '0380']);
    expect(await movesOps['kompotten:members'](w, {})).toEqual(removed);

    const audit = (await auditRows(db)).filter((r) => r.entity === 'kompotten_member');
    expect(audit.map((r) => [r.action, r.entity_id])).toEqual([
      ['update', '1980'],
      ['update', '0380'],
      ['update', '2480'],
      ['update', '0380'],
      ['delete', '1980'],
    ]);
  });

  it('refuses a municipality that is not in the reference data', async () => {
    expect(await codeOf(setMember('0000', true))).toBe('invalid_input');
    expect(await movesOps['kompotten:members'](w, {})).toEqual([]);
  });
});

describe('Kompotten requests ledger', () => {
  it('records requests sent and received, with or without a case, and filters by case', async () => {
    const a = await insertCaseFixture(db, userId);
    const b = await insertCaseFixture(db, userId);
    const sent = await addRequest({ caseId: a.caseId, date: '2026-01-10', notes: 'Skickad via säker e-post' });
    expect(sent).toMatchObject({
      direction: 'sent',
      counterpartCode: '1980',
      counterpartName: 'Västerås',
      caseId: a.caseId,
      caseNumber: a.caseNumber,
      date: '2026-01-10',
      outcome: 'pending',
      notes: 'Skickad via säker e-post',
    });
    const received = await addRequest({ direction: 'received', counterpartCode: '0380', date: '2026-01-20' });
    expect(received).toMatchObject({ caseId: null, caseNumber: null, counterpartName: 'Uppsala' });
    const forB = await addRequest({ caseId: b.caseId, date: '2026-01-05' });

    expect((await movesOps['kompotten:requests'](w, { caseId: a.caseId })).map((r) => r.id)).toEqual([sent.id]);
    // The whole ledger, newest first.
    expect((await movesOps['kompotten:requests'](w, { caseId: null })).map((r) => r.id)).toEqual([received.id, sent.id, forB.id]);

    const reads = (await auditRows(db)).filter((r) => r.entity === 'kompotten_requests');
    expect(reads).toEqual([
      { action: 'read', entity: 'kompotten_requests', entity_id: String(a.caseId), user_id: userId },
      { action: 'read', entity: 'kompotten_requests', entity_id: null, user_id: userId },
    ]);
  });

  it('updates the outcome and notes, and audits adds and updates', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const r = await addRequest({ caseId });
    const updated = await movesOps['kompotten:update-request'](
      w,
      UpdateRequestInputSchema.parse({ id: r.id, outcome: 'accepted', notes: 'Lägenhet erbjuden' }),
    );
    expect(updated).toMatchObject({ id: r.id, outcome: 'accepted', notes: 'Lägenhet erbjuden', caseId, counterpartCode: '1980' });
    const audit = (await auditRows(db)).filter((x) => x.entity === 'kompotten_request');
    expect(audit.map((x) => [x.action, x.entity_id])).toEqual([
      ['create', String(r.id)],
      ['update', String(r.id)],
    ]);
  });

  it('refuses unknown municipalities, cases and requests, and changes that touch a closed case', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    expect(await codeOf(addRequest({ counterpartCode: '0000' }))).toBe('invalid_input');
    expect(await codeOf(addRequest({ caseId: caseId + 100 }))).toBe('not_found');
    expect(await codeOf(movesOps['kompotten:update-request'](w, { id: 4242, outcome: 'declined', notes: '' }))).toBe('not_found');
    expect(await codeOf(movesOps['kompotten:requests'](w, { caseId: caseId + 100 }))).toBe('not_found');

    const r = await addRequest({ caseId });
    await closeCaseFixture(db, caseId);
    expect(await codeOf(addRequest({ caseId }))).toBe('not_allowed');
    expect(await codeOf(movesOps['kompotten:update-request'](w, { id: r.id, outcome: 'declined', notes: '' }))).toBe('not_allowed');
    // A request without a case is the team's own and stays editable.
    const loose = await addRequest();
    expect((await movesOps['kompotten:update-request'](w, { id: loose.id, outcome: 'withdrawn', notes: '' })).outcome).toBe('withdrawn');
  });

  it('keeps the ledger apart from moves: a Kompotten move adds no request by itself', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    await movesOps['moves:create'](
      w,
      CreateMoveInputSchema.parse({
        caseId,
        from: null,
        to: { kind: 'municipality', code: '1980' },
        route: 'kompotten',
        receivingContact: '',
        notes: '',
        plannedDate: '2026-02-01',
      }),
    );
    expect(await movesOps['kompotten:requests'](w, { caseId: null })).toEqual([]);
  });

  it('keeps a request when its case is removed, without the case link', async () => {
    const { caseId } = await insertCaseFixture(db, userId);
    const r = await addRequest({ caseId });
    await db.deleteFrom('cases').where('id', '=', caseId).execute();
    expect(await movesOps['kompotten:requests'](w, { caseId: null })).toEqual([{ ...r, caseId: null, caseNumber: null }]);
  });
});
