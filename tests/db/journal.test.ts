import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateNoteInputSchema, type CaseDetail } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { casesOps } from '../../app/cases';
import { journalOps } from '../../app/journal';
import { signNote, updateDraft } from '../../db/repositories/journal-notes';
import { addUser, auditCount, auditTail, createCase, failureOf, freshWorker, loginAs } from '../helpers/casework';

let w: WorkerState;
let cleanup: () => void;
let c: CaseDetail;
let other: CaseDetail;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await addUser(w, 'kim', 'caseworker', 'Kim (fiktiv)');
  c = await createCase(w);
  other = await createCase(w);
});
afterAll(() => cleanup());

const create = (body: string, noteDate = '2026-03-02', caseId = c.id, correctsNoteId: number | null = null) =>
  journalOps['journal:create'](w, CreateNoteInputSchema.parse({ caseId, noteDate, body, correctsNoteId }));

describe('journal notes', () => {
  it('writes a draft by the current user, edits it, and signs it', async () => {
    const draft = await create('  Samtal med klienten.  ');
    expect(draft).toMatchObject({
      caseId: c.id,
      status: 'draft',
      body: 'Samtal med klienten.',
      authorName: 'Test Administratör',
      signedAt: null,
      correctsNoteId: null,
      correctedByNoteIds: [],
    });
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'create', entity: 'journal_note', entity_id: String(draft.id) });

    const edited = await journalOps['journal:update-draft'](w, { id: draft.id, noteDate: '2026-03-03', body: 'Samtal med klienten, uppföljning.' });
    expect(edited).toMatchObject({ noteDate: '2026-03-03', body: 'Samtal med klienten, uppföljning.', status: 'draft' });

    const signed = await journalOps['journal:sign'](w, { id: draft.id });
    expect(signed.status).toBe('signed');
    expect(Date.now() - Date.parse(signed.signedAt ?? '')).toBeLessThan(60_000);
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'sign', entity: 'journal_note', entity_id: String(draft.id) });
  });

  it('never changes a signed note: refused by the operation and, underneath, by the database', async () => {
    const note = await journalOps['journal:sign'](w, { id: (await create('Signeras')).id });
    const before = await auditCount(w);
    expect((await failureOf(journalOps['journal:update-draft'](w, { id: note.id, noteDate: '2026-03-02', body: 'ändrad' }))).code).toBe('not_allowed');
    expect((await failureOf(journalOps['journal:sign'](w, { id: note.id }))).code).toBe('not_allowed');
    expect(await auditCount(w)).toBe(before);

    // Bypassing the operation's check reaches the trigger, which is mapped, never shown as SQL.
    const db = w.active.requireSession().db;
    for (const attempt of [updateDraft(db, note.id, '2026-01-01', 'ändrad'), signNote(db, note.id, new Date())]) {
      const f = await failureOf(attempt);
      expect(f.code).toBe('not_allowed');
      expect(f.message).not.toMatch(/journal_notes|trigger|SQL|read-only/i);
    }
    const { sqlite } = w.active.requireSession();
    expect(() => sqlite.prepare('DELETE FROM journal_notes WHERE id = ?').run(note.id)).toThrow();
    const after = (await journalOps['journal:list'](w, { caseId: c.id })).find((n) => n.id === note.id);
    expect(after).toMatchObject({ body: 'Signeras', status: 'signed', signedAt: note.signedAt });
  });

  it('only the author edits or signs a draft', async () => {
    const draft = await create('Administratörens utkast');
    await loginAs(w, 'kim');
    try {
      const edit = await failureOf(journalOps['journal:update-draft'](w, { id: draft.id, noteDate: '2026-03-02', body: 'kapad' }));
      expect(edit).toEqual({ code: 'not_allowed', message: 'Only the author of a draft can change it.' });
      expect((await failureOf(journalOps['journal:sign'](w, { id: draft.id }))).code).toBe('not_allowed');
      const own = await create('Kims anteckning');
      expect(own.authorName).toBe('Kim (fiktiv)');
      expect((await journalOps['journal:sign'](w, { id: own.id })).status).toBe('signed');
    } finally {
      await loginAs(w, 'admin');
    }
    expect((await journalOps['journal:list'](w, { caseId: c.id })).find((n) => n.id === draft.id)?.body).toBe('Administratörens utkast');
  });

  it('corrects only a signed note of the same case, and links both ways', async () => {
    const original = await journalOps['journal:sign'](w, { id: (await create('Fel datum angivet', '2026-02-01')).id });
    const draft = await create('Ännu ett utkast');
    const elsewhere = await journalOps['journal:sign'](w, { id: (await create('Annat ärende', '2026-02-01', other.id)).id });
    expect(await failureOf(create('rättelse', '2026-03-05', c.id, draft.id))).toEqual({
      code: 'not_allowed',
      message: expect.stringMatching(/signed note of the same case/),
    });
    expect((await failureOf(create('rättelse', '2026-03-05', c.id, elsewhere.id))).code).toBe('not_allowed');
    expect((await failureOf(create('rättelse', '2026-03-05', c.id, 999_999))).code).toBe('not_allowed');

    const fix = await create('Rättelse: rätt datum är 2 februari.', '2026-03-05', c.id, original.id);
    expect(fix.correctsNoteId).toBe(original.id);
    const fix2 = await journalOps['journal:sign'](w, { id: (await create('Andra rättelsen', '2026-03-06', c.id, original.id)).id });
    const list = await journalOps['journal:list'](w, { caseId: c.id });
    expect(list.find((n) => n.id === original.id)?.correctedByNoteIds).toEqual([fix.id, fix2.id]);
    expect(list.find((n) => n.id === fix.id)?.correctedByNoteIds).toEqual([]);
  });

  it('lists by note date, newest first, then newest written, and audits the read', async () => {
    const fresh = await createCase(w);
    const a = await create('a', '2026-01-10', fresh.id);
    const b = await create('b', '2026-01-12', fresh.id);
    const d = await create('d', '2026-01-10', fresh.id);
    const before = await auditCount(w);
    const list = await journalOps['journal:list'](w, { caseId: fresh.id });
    expect(list.map((n) => n.id)).toEqual([b.id, d.id, a.id]);
    expect(await auditCount(w)).toBe(before + 1);
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'journal', entity_id: String(fresh.id) });
    expect((await failureOf(journalOps['journal:list'](w, { caseId: 999_999 }))).code).toBe('not_found');
  });

  it('takes no new notes or edits on a closed case', async () => {
    const closing = await createCase(w);
    const draft = await create('Utkast före avslut', '2026-01-10', closing.id);
    await casesOps['cases:close'](w, { id: closing.id, reason: 'Avslutat' });
    expect((await failureOf(create('efter', '2026-01-11', closing.id))).code).toBe('not_allowed');
    expect((await failureOf(journalOps['journal:update-draft'](w, { id: draft.id, noteDate: '2026-01-10', body: 'x' }))).code).toBe('not_allowed');
    expect((await failureOf(journalOps['journal:sign'](w, { id: draft.id }))).code).toBe('not_allowed');
    await casesOps['cases:reopen'](w, { id: closing.id });
    expect((await journalOps['journal:sign'](w, { id: draft.id })).status).toBe('signed');
    expect((await failureOf(journalOps['journal:sign'](w, { id: 999_999 }))).code).toBe('not_found');
  });
});
