import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListRow, JournalNote, Reminder } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput, defined, TEST_PIN } from '../helpers/casework';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;
let created: CaseDetail;
let kim: number;

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  kim = (
    await ok<{ id: number }>(runtime, 'users:create', {
      username: 'kim',
      displayName: 'Kim Handläggare',
      role: 'caseworker',
      passphrase: 'kims long passphrase',
    })
  ).id;
  await ok(runtime, 'users:create', { username: 'gun', displayName: 'Gun Granskare', role: 'auditor', passphrase: 'guns long passphrase' });
  // Casework is a team lead's here: the administrator sees no case content.
  await ok(runtime, 'users:create', { username: 'tove', displayName: 'Tove Gruppledare', role: 'team_lead', passphrase: 'toves long passphrase' });
  await asLead();
});
afterAll(async () => close());

const as = (username: string, passphrase: string) => ok(runtime, 'session:unlock', { username, passphrase });
const asLead = () => as('tove', 'toves long passphrase');

/** Audit rows a call adds: audit:verify counts the rows before its own. */
async function auditedRows(call: () => Promise<unknown>): Promise<number> {
  const before = (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;
  await call();
  const after = (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;
  return after - before - 1;
}

const newCase = caseInput({
  survivor: { ...caseInput().survivor, name: 'Signe Påhittad', personalIdentityNumber: TEST_PIN },
  protectionLevel: 'fingerade_personuppgifter',
  honourContext: true,
  vulnerabilities: ['economic_violence'],
  districtSlug: 'spanga-tensta',
  children: [
    { name: 'Första Barnet', birthYear: 2014, school: 'Påhittade skolan', needs: '', placement: '' },
    { name: 'Andra Barnet', birthYear: 2020, school: '', needs: 'Förskola', placement: '' },
  ],
  perpetrators: [
    {
      name: 'Förövare A',
      relation: 'former_partner',
      collective: false,
      notes: '',
      areas: [{ municipalityCode: '1480', districtSlug: null, description: '' }],
    },
    {
      name: 'Förövare B',
      relation: 'sibling',
      collective: true,
      notes: '',
      areas: [
        { municipalityCode: '1280', districtSlug: null, description: '' },
        { municipalityCode: null, districtSlug: 'skarholmen', description: 'Hos släkten' },
      ],
    },
  ],
});

describe('cases through the API', () => {
  it('refuses an invalid personal identity number with an issue on the field', async () => {
    const r = await runtime.invoke('cases:create', { ...newCase, survivor: { ...newCase.survivor, personalIdentityNumber: '19121212-1213' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues).toContainEqual({ path: ['survivor', 'personalIdentityNumber'], message: 'pin_check_digit' });
    expect(JSON.stringify(r)).not.toContain('1213');
  });

  it('creates a case with two children and two perpetrators in different municipalities, audited once', async () => {
    expect(
      await auditedRows(async () => {
        created = await ok<CaseDetail>(runtime, 'cases:create', newCase);
      }),
    ).toBe(1);
    expect(created.caseNumber).toMatch(new RegExp(`^RVT-${new Date().getFullYear()}-0001$`));
    expect(created.children).toHaveLength(2);
    expect(created.perpetrators.map((p) => p.areas.map((a) => a.municipalityName))).toEqual([['Göteborg'], ['Malmö', 'Stockholm']]);
    expect(created.perpetrators[1]?.areas[1]).toMatchObject({ districtName: 'Skärholmen', municipalityCode: '0180' });
  });

  it('gets it, each read adding exactly one audit row', async () => {
    let got: CaseDetail | undefined;
    expect(
      await auditedRows(async () => {
        got = await ok<CaseDetail>(runtime, 'cases:get', { id: created.id });
      }),
    ).toBe(1);
    expect(got).toEqual(created);
    // Fingerade personuppgifter: the district is masked until revealed, with a reason, which is audited too.
    expect(got?.districtName).toEqual({ masked: true });
    expect(await errorCode(runtime, 'cases:reveal', { caseId: created.id, reason: 'kort' })).toBe('invalid_input');
    expect(await auditedRows(() => ok(runtime, 'cases:reveal', { caseId: created.id, reason: 'Planerar flytten med henne' }))).toBe(1);
    expect((await ok<CaseDetail>(runtime, 'cases:get', { id: created.id })).districtName).toBe('Spånga-Tensta');
    expect(await errorCode(runtime, 'cases:get', { id: 424_242 })).toBe('not_found');
  });

  it('lists and searches it', async () => {
    const list = {
      query: '',
      status: 'open',
      assignedUserId: null,
      districtSlug: null,
      protectedOnly: false,
      honourOnly: false,
      openRemindersOnly: false,
      sort: 'updated',
      direction: 'desc',
      offset: 0,
      limit: 50,
    };
    let page: { total: number; rows: CaseListRow[] } | undefined;
    expect(
      await auditedRows(async () => {
        page = await ok(runtime, 'cases:list', { ...list, query: 'påhitt' });
      }),
    ).toBe(1);
    expect(page?.total).toBe(1);
    expect(page?.rows[0]).toMatchObject({
      id: created.id,
      survivorName: 'Signe Påhittad',
      districtName: 'Spånga-Tensta',
      protectionLevel: 'fingerade_personuppgifter',
      honourContext: true,
      openReminders: 0,
      nextDue: null,
    });
    expect((await ok<{ total: number }>(runtime, 'cases:list', { ...list, query: 'SPÅNGA', protectedOnly: true, honourOnly: true })).total).toBe(1);
    expect((await ok<{ total: number }>(runtime, 'cases:list', { ...list, query: 'nobody' })).total).toBe(0);
    expect(await errorCode(runtime, 'cases:list', { ...list, limit: 10_000 })).toBe('invalid_input');
  });

  it('updates, closes and reopens', async () => {
    // `created` is the masked answer: its safe contact and district are left out, and so kept.
    const {
      id,
      caseNumber: _n,
      status: _s,
      closedReason: _r,
      closedAt: _a,
      createdAt: _c,
      updatedAt: _u,
      districtSlug: _ds,
      districtName: _d,
      assignedUser: _au,
      children: _ch,
      perpetrators: _p,
      latestRisk: _lr,
      reveal: _rv,
      ...fields
    } = created;
    const { safeContact: _sc, ...survivor } = fields.survivor;
    const input = { id, ...fields, survivor: { ...survivor, personalIdentityNumber: survivor.personalIdentityNumber ?? '' }, assignedUserId: null };
    const updated = await ok<CaseDetail>(runtime, 'cases:update', { ...input, survivor: { ...input.survivor, interpreterNeeded: true, language: 'arabiska' } });
    expect(updated.survivor).toMatchObject({ interpreterNeeded: true, language: 'arabiska', safeContact: 'Endast via skyddade boendets telefon' });
    expect(updated.districtName).toBe('Spånga-Tensta');
    expect(await errorCode(runtime, 'cases:close', { id, reason: '' })).toBe('invalid_input');
    const closed = await ok<CaseDetail>(runtime, 'cases:close', { id, reason: 'Egen bostad' });
    expect(closed.status).toBe('closed');
    const refused = await runtime.invoke('cases:update', input);
    expect(refused).toEqual({ ok: false, error: { code: 'not_allowed', message: expect.stringMatching(/Reopen the case/), reason: 'case_closed' } });
    expect(await errorCode(runtime, 'people:add-child', { caseId: id, name: 'Tredje', birthYear: null, school: '', needs: '', placement: '' })).toBe(
      'not_allowed',
    );
    expect((await ok<CaseDetail>(runtime, 'cases:reopen', { id })).status).toBe('open');
    const withChild = await ok<CaseDetail>(runtime, 'people:add-child', {
      caseId: id,
      name: 'Tredje Barnet',
      birthYear: 2023,
      school: '',
      needs: '',
      placement: '',
    });
    expect(withChild.children).toHaveLength(3);
    const removed = await ok<CaseDetail>(runtime, 'people:remove-perpetrator', { id: defined(created.perpetrators[0]).id });
    expect(removed.perpetrators).toHaveLength(1);
  });

  it('keeps a journal: draft, sign, correction; a signed note is never updated', async () => {
    const draft = await ok<JournalNote>(runtime, 'journal:create', {
      caseId: created.id,
      noteDate: '2026-03-02',
      body: 'Första samtalet.',
      correctsNoteId: null,
    });
    expect(draft.status).toBe('draft');
    const signed = await ok<JournalNote>(runtime, 'journal:sign', { id: draft.id });
    expect(signed.status).toBe('signed');
    const r = await runtime.invoke('journal:update-draft', { id: draft.id, noteDate: '2026-03-02', body: 'Ändrat i efterhand' });
    expect(r).toEqual({ ok: false, error: { code: 'not_allowed', message: expect.any(String), reason: 'note_signed_read_only' } });
    if (!r.ok) expect(r.error.message).not.toMatch(/journal_notes|trigger|Ändrat/);
    const fix = await ok<JournalNote>(runtime, 'journal:create', {
      caseId: created.id,
      noteDate: '2026-03-03',
      body: 'Rättelse av föregående.',
      correctsNoteId: draft.id,
    });
    await ok(runtime, 'journal:sign', { id: fix.id });
    let notes: JournalNote[] = [];
    expect(
      await auditedRows(async () => {
        notes = await ok<JournalNote[]>(runtime, 'journal:list', { caseId: created.id });
      }),
    ).toBe(1);
    expect(notes.map((n) => [n.id, n.status, n.correctedByNoteIds])).toEqual([
      [fix.id, 'signed', []],
      [draft.id, 'signed', [fix.id]],
    ]);
    expect(notes[0]).toMatchObject({ correctsNoteId: draft.id, authorName: 'Tove Gruppledare' });
  });

  it('tracks reminders and what is due, mine and the team’s', async () => {
    const today = new Date();
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const yesterday = iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1));
    const overdue = await ok<Reminder>(runtime, 'reminders:create', {
      caseId: created.id,
      kind: 'placement_end',
      dueDate: yesterday,
      note: 'Placeringen slutar',
    });
    const todays = await ok<Reminder>(runtime, 'reminders:create', { caseId: created.id, kind: 'follow_up', dueDate: iso(today), note: '' });
    expect(await auditedRows(() => ok(runtime, 'reminders:list', { caseId: created.id }))).toBe(1);

    let due: { overdue: Reminder[]; thisWeek: Reminder[] } | undefined;
    expect(
      await auditedRows(async () => {
        due = await ok(runtime, 'reminders:due', { scope: 'team' });
      }),
    ).toBe(1);
    expect(due?.overdue.map((r) => r.id)).toEqual([overdue.id]);
    expect(due?.thisWeek.map((r) => r.id)).toEqual([todays.id]);
    expect(due?.overdue[0]).toMatchObject({ caseNumber: created.caseNumber, kind: 'placement_end' });

    const listed = await ok<{ rows: CaseListRow[] }>(runtime, 'cases:list', {
      query: '',
      status: 'open',
      assignedUserId: null,
      districtSlug: null,
      protectedOnly: false,
      honourOnly: false,
      openRemindersOnly: true,
      sort: 'next_due',
      direction: 'asc',
      offset: 0,
      limit: 10,
    });
    expect(listed.rows[0]).toMatchObject({ id: created.id, openReminders: 2, nextDue: yesterday });

    const done = await ok<Reminder>(runtime, 'reminders:complete', { id: overdue.id });
    expect(done.doneAt).not.toBeNull();
    expect((await ok<Reminder>(runtime, 'reminders:complete', { id: overdue.id })).doneAt).toBe(done.doneAt);
    expect((await ok<{ overdue: Reminder[] }>(runtime, 'reminders:due', { scope: 'mine' })).overdue).toEqual([]);
  });

  it('lets a caseworker work on a case shared with them but not see the team’s deadlines; an auditor reads no case content', async () => {
    await ok(runtime, 'cases:share', { caseId: created.id, userId: kim });
    await as('kim', 'kims long passphrase');
    try {
      expect((await ok<CaseDetail>(runtime, 'cases:get', { id: created.id })).id).toBe(created.id);
      expect(await ok(runtime, 'reminders:due', { scope: 'mine' })).toEqual({ overdue: [], thisWeek: [] });
      expect(await errorCode(runtime, 'reminders:due', { scope: 'team' })).toBe('forbidden');
      const kimsDraft = await ok<JournalNote>(runtime, 'journal:create', {
        caseId: created.id,
        noteDate: '2026-03-04',
        body: 'Kims utkast',
        correctsNoteId: null,
      });
      await asLead();
      expect(await errorCode(runtime, 'journal:sign', { id: kimsDraft.id })).toBe('not_allowed');
      await as('gun', 'guns long passphrase');
      for (const [channel, input] of [
        ['cases:get', { id: created.id }],
        ['journal:list', { caseId: created.id }],
        ['reminders:due', { scope: 'mine' }],
      ] as const) {
        expect(await errorCode(runtime, channel, input)).toBe('forbidden');
      }
    } finally {
      await asLead();
    }
  });
});
