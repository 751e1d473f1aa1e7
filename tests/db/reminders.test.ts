import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { insertCaseShare } from '../../db/repositories/case-shares';
import { casesOps } from '../../app/cases';
import { journalOps } from '../../app/journal';
import { addUser, auditCount, auditTail, createCase, defined, failureOf, freshWorker, loginAs } from '../helpers/casework';

let w: WorkerState;
let cleanup: () => void;
let kim: number;
let lena: number;

/** Local dates computed here independently of the code under test. */
function localDate(offsetDays: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const daysToSunday = (7 - new Date().getDay()) % 7;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  kim = await addUser(w, 'kim', 'caseworker', 'Kim (fiktiv)');
  lena = await addUser(w, 'lena', 'team_lead', 'Lena (fiktiv)');
  // The cases are made by another team lead: administrators do no casework.
  await addUser(w, 'tove', 'team_lead', 'Tove (fiktiv)');
  await loginAs(w, 'tove');
});
afterAll(() => cleanup());

const remind = (c: CaseDetail, dueDate: string, note = '') => journalOps['reminders:create'](w, { caseId: c.id, kind: 'follow_up', dueDate, note });

describe('reminders per case', () => {
  it('creates, lists open ones by due date before done ones, and completes idempotently', async () => {
    const c = await createCase(w, { assignedUserId: kim });
    const late = await remind(c, '2026-05-01', 'Uppföljning');
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'create', entity: 'reminder', entity_id: String(late.id) });
    const early = await remind(c, '2026-04-01');
    const done = await remind(c, '2026-01-01');
    expect(late).toMatchObject({
      caseId: c.id,
      caseNumber: c.caseNumber,
      kind: 'follow_up',
      dueDate: '2026-05-01',
      note: 'Uppföljning',
      doneAt: null,
      createdByName: 'Tove (fiktiv)',
      assignedUserName: 'Kim (fiktiv)',
    });

    const completed = await journalOps['reminders:complete'](w, { id: done.id });
    expect(completed.doneAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    const again = await journalOps['reminders:complete'](w, { id: done.id });
    expect(again.doneAt).toBe(completed.doneAt);

    const before = await auditCount(w);
    const list = await journalOps['reminders:list'](w, { caseId: c.id });
    expect(list.map((r) => r.id)).toEqual([early.id, late.id, done.id]);
    expect(await auditCount(w)).toBe(before + 1);
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'reminders', entity_id: String(c.id) });
  });

  it('refuses unknown cases and reminders, and new reminders on closed cases', async () => {
    expect((await failureOf(journalOps['reminders:create'](w, { caseId: 999_999, kind: 'review', dueDate: '2026-01-01', note: '' }))).code).toBe('not_found');
    expect((await failureOf(journalOps['reminders:complete'](w, { id: 999_999 }))).code).toBe('not_found');
    expect((await failureOf(journalOps['reminders:list'](w, { caseId: 999_999 }))).code).toBe('not_found');
    const c = await createCase(w);
    await casesOps['cases:close'](w, { id: c.id, reason: 'Klart' });
    expect((await failureOf(remind(c, '2026-01-01'))).code).toBe('not_allowed');
  });

  it('answers a repeated completion as it stands, even once the case is closed, and audits it as a read', async () => {
    const c = await createCase(w);
    const r = await remind(c, '2026-02-01');
    const done = await journalOps['reminders:complete'](w, { id: r.id });
    const open = await remind(c, '2026-02-02');
    await casesOps['cases:close'](w, { id: c.id, reason: 'Klart' });
    expect(await journalOps['reminders:complete'](w, { id: r.id })).toEqual(done);
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'reminder', entity_id: String(r.id) });
    expect((await failureOf(journalOps['reminders:complete'](w, { id: open.id }))).code).toBe('not_allowed');
  });
});

describe('reminders:due', () => {
  let ids: Record<string, number>;

  beforeAll(async () => {
    // A fresh picture: complete every earlier reminder.
    const { db } = w.active.requireSession();
    await db.updateTable('reminders').set({ done_at: new Date().toISOString() }).where('done_at', 'is', null).execute();
    const kimsCase = await createCase(w, { assignedUserId: kim });
    const lenasCase = await createCase(w, { assignedUserId: lena });
    const closedCase = await createCase(w, { assignedUserId: kim });
    ids = {
      overdue: (await remind(kimsCase, localDate(-1))).id,
      longOverdue: (await remind(lenasCase, localDate(-40))).id,
      today: (await remind(kimsCase, localDate(0))).id,
      sunday: (await remind(lenasCase, localDate(daysToSunday))).id,
      nextWeek: (await remind(kimsCase, localDate(daysToSunday + 1))).id,
      doneOverdue: (await remind(kimsCase, localDate(-2))).id,
      onClosed: (await remind(closedCase, localDate(-3))).id,
    };
    await journalOps['reminders:complete'](w, { id: defined(ids.doneOverdue) });
    await casesOps['cases:close'](w, { id: closedCase.id, reason: 'Klart' });
    // Lena's case is shared with Kim, who sets a reminder on it: it is Kim's too.
    await insertCaseShare(w.active.requireSession().db, { caseId: lenasCase.id, userId: kim, grantedBy: lena, at: new Date() });
    await loginAs(w, 'kim');
    ids.kimOnLenas = (await remind(lenasCase, localDate(0))).id;
    await loginAs(w, 'tove');
  });

  it('splits the team view into overdue and the rest of this week (Monday to Sunday)', async () => {
    await loginAs(w, 'lena');
    try {
      const before = await auditCount(w);
      const due = await journalOps['reminders:due'](w, { scope: 'team' });
      expect(await auditCount(w)).toBe(before + 1);
      expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'reminders_due', entity_id: null });
      expect(due.overdue.map((r) => r.id)).toEqual([ids.longOverdue, ids.overdue]);
      expect(due.thisWeek.map((r) => r.id)).toEqual(daysToSunday === 0 ? [ids.today, ids.sunday, ids.kimOnLenas] : [ids.today, ids.kimOnLenas, ids.sunday]);
      expect(due.thisWeek.find((r) => r.id === ids.sunday)).toMatchObject({ assignedUserName: 'Lena (fiktiv)', createdByName: 'Tove (fiktiv)' });
    } finally {
      await loginAs(w, 'tove');
    }
  });

  it('shows "mine" as reminders of my cases or made by me, and refuses a caseworker the team view', async () => {
    await loginAs(w, 'kim');
    try {
      const mine = await journalOps['reminders:due'](w, { scope: 'mine' });
      expect(mine.overdue.map((r) => r.id)).toEqual([ids.overdue]);
      expect(mine.thisWeek.map((r) => r.id)).toEqual([ids.today, ids.kimOnLenas]);
      const before = await auditCount(w);
      expect(await failureOf(journalOps['reminders:due'](w, { scope: 'team' }))).toEqual({ code: 'forbidden', message: expect.any(String) });
      expect(await auditCount(w)).toBe(before);
    } finally {
      await loginAs(w, 'tove');
    }
    const toveMine = await journalOps['reminders:due'](w, { scope: 'mine' });
    // Tove created them all, so "mine" covers every open case's reminders.
    expect(toveMine.overdue.map((r) => r.id)).toEqual([ids.longOverdue, ids.overdue]);
    expect((await journalOps['reminders:due'](w, { scope: 'team' })).overdue).toHaveLength(2);
  });

  it('ends the week on Sunday, whatever day it is today', async () => {
    const c = await createCase(w);
    const due = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-15', '2026-03-16'];
    const byDate = new Map<number, string>();
    for (const d of due) byDate.set((await remind(c, d)).id, d);
    const view = async (now: Date) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(now);
      try {
        const r = await journalOps['reminders:due'](w, { scope: 'team' });
        const dates = (list: { id: number }[]) => list.filter((x) => byDate.has(x.id)).map((x) => byDate.get(x.id));
        return { overdue: dates(r.overdue), thisWeek: dates(r.thisWeek) };
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await view(new Date(2026, 2, 8, 23, 30))).toEqual({ overdue: ['2026-03-07'], thisWeek: ['2026-03-08'] }); // Sunday night
    expect(await view(new Date(2026, 2, 9, 0, 30))).toEqual({ overdue: ['2026-03-07', '2026-03-08'], thisWeek: ['2026-03-09', '2026-03-15'] }); // Monday
    expect(await view(new Date(2026, 2, 11, 12))).toEqual({ overdue: ['2026-03-07', '2026-03-08', '2026-03-09'], thisWeek: ['2026-03-15'] }); // Wednesday
  });
});
