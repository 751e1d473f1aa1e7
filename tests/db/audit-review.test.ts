import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditExportInputSchema,
  AuditSampleInputSchema,
  AuditSearchInputSchema,
  CreateNoteInputSchema,
  type AuditExportInput,
  type AuditSearchInput,
  type Role,
} from '../../core/contract';
import { withAuditCase } from '../../db/audit/context';
import type { WorkerState } from '../../worker/worker-state';
import { auditReviewOps } from '../../app/audit-review';
import { casesOps } from '../../app/cases';
import { journalOps } from '../../app/journal';
import { appendAudit } from '../../db/repositories/audit-log';
import { chainHead } from '../../db/repositories/audit-review';
import { pdfText } from '../helpers/pdf-text';
import { addUser, auditTail, caseInput, createCase, failureOf, freshWorker, loginAs } from '../helpers/casework';

// Names and note text that must never reach a log file or a log answer.
const CANARY_NAME = 'Kanarie Hemligsdotter';
const CANARY_PROTECTED = 'Skyddad Kanariesson';
const CANARY_NOTE = 'KANARIE-ANTECKNING bor på Hemliga gatan 7';

let w: WorkerState;
let cleanup: () => void;
let plain: { id: number; caseNumber: string };
let hidden: { id: number; caseNumber: string };
let ids: { kim: number; lea: number; gun: number };

type Op = typeof auditReviewOps;
const search = (input: AuditSearchInput) => auditReviewOps['audit:search'](w, AuditSearchInputSchema.parse(input) as Parameters<Op['audit:search']>[1]);
const sample = (month: string, size?: number) => auditReviewOps['audit:sample'](w, AuditSampleInputSchema.parse({ month, size }));
const exportLog = async (input: AuditExportInput) => {
  const file = await auditReviewOps['audit:export'](w, AuditExportInputSchema.parse(input) as Parameters<Op['audit:export']>[1]);
  return { file, bytes: Buffer.from(file.base64, 'base64') };
};

/** Writes a read of a case at a given time, as the worker would for a request about that case. */
async function readAt(userId: number, role: Role, caseId: number, at: string): Promise<number> {
  return appendAudit(w.active.requireSession().db, { userId, role, action: 'read', entity: 'case', entityId: caseId, caseId, at: new Date(at) });
}

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  ids = {
    kim: await addUser(w, 'kim', 'caseworker', 'Kim Handläggare'),
    lea: await addUser(w, 'lea', 'team_lead', 'Lea Ledare'),
    gun: await addUser(w, 'gun', 'auditor', 'Gun Granskare'),
  };
  const a = await createCase(w, { survivor: { ...caseInput().survivor, name: CANARY_NAME } });
  const b = await createCase(w, { protectionLevel: 'skyddad_folkbokforing', survivor: { ...caseInput().survivor, name: CANARY_PROTECTED } });
  plain = { id: a.id, caseNumber: a.caseNumber };
  hidden = { id: b.id, caseNumber: b.caseNumber };
  await loginAs(w, 'kim');
  // The access work makes the worker run each case request inside withAuditCase; done by hand here.
  await withAuditCase(plain.id, async () => {
    await casesOps['cases:get'](w, { id: plain.id });
    await journalOps['journal:create'](w, CreateNoteInputSchema.parse({ caseId: plain.id, noteDate: '2026-03-02', body: CANARY_NOTE, correctsNoteId: null }));
  });
  await withAuditCase(hidden.id, async () => {
    await casesOps['cases:get'](w, { id: hidden.id });
  });
  const db = w.active.requireSession().db;
  await appendAudit(db, {
    userId: ids.kim,
    role: 'caseworker',
    action: 'reveal',
    entity: 'protected_identity',
    entityId: hidden.id,
    caseId: hidden.id,
    reason: 'Behövde ringa boendet',
  });
  await appendAudit(db, {
    userId: ids.kim,
    role: 'caseworker',
    action: 'update',
    entity: 'move',
    entityId: 1,
    caseId: plain.id,
    reason: 'Avståndsvarning åsidosatt: utövaren bor i Kanarieby',
  });
  // March 2025: 30 reads of cases, 2 reads of no case; April 2025: 3 reads.
  for (let i = 0; i < 30; i++)
    await readAt(ids.kim, 'caseworker', i % 2 === 0 ? plain.id : hidden.id, `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`);
  await appendAudit(db, { userId: ids.kim, role: 'caseworker', action: 'read', entity: 'case_list', at: new Date('2025-03-05T10:00:00') });
  await appendAudit(db, { userId: ids.kim, role: 'caseworker', action: 'read', entity: 'reminders_due', at: new Date('2025-03-06T10:00:00') });
  for (let i = 0; i < 3; i++) await readAt(ids.kim, 'caseworker', plain.id, `2025-04-1${i}T10:00:00`);
  await loginAs(w, 'lea');
});
afterAll(() => cleanup());

describe('audit:search', () => {
  it('filters by user, case, action, period and outcome, newest first', async () => {
    const byUser = await search({ userId: ids.kim, limit: 500 });
    expect(byUser.rows.length).toBeGreaterThan(30);
    expect(byUser.rows.every((r) => r.user?.id === ids.kim)).toBe(true);
    expect(byUser.rows.map((r) => r.seq)).toEqual([...byUser.rows.map((r) => r.seq)].sort((x, y) => y - x));
    expect(byUser.rows[0]?.user).toEqual({ id: ids.kim, displayName: 'Kim Handläggare', username: 'kim' });

    const byCase = await search({ caseNumber: plain.caseNumber, actions: ['create', 'update'] });
    expect(byCase.rows.map((r) => [r.action, r.entity])).toEqual([
      ['update', 'move'],
      ['create', 'journal_note'],
      // Creating a case names it too.
      ['create', 'case'],
    ]);
    expect(byCase.rows.every((r) => r.caseNumber === plain.caseNumber && r.caseId === plain.id)).toBe(true);
    expect((await search({ caseId: plain.id, actions: ['create', 'update'] })).rows).toEqual(byCase.rows);

    const april = await search({ from: '2025-04-01', to: '2025-04-30' });
    expect(april.rows).toHaveLength(3);
    const march5 = await search({ from: '2025-03-05', to: '2025-03-05', actions: ['read'] });
    expect(march5.rows.map((r) => r.entity).sort()).toEqual(['case', 'case_list']);
    expect((await search({ outcome: 'failed', userId: ids.kim })).rows).toEqual([]);
    expect((await search({ caseNumber: 'NO-SUCH-CASE' })).rows).toEqual([]);
  });

  it('pages with a cursor and covers every row exactly once', async () => {
    const all = await search({ userId: ids.kim, limit: 500 });
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await search({ userId: ids.kim, limit: 7, ...(before === undefined ? {} : { before }) });
      seen.push(...page.rows.map((r) => r.seq));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(all.rows.map((r) => r.seq));
  });

  it('answers with who, when and what but no case content', async () => {
    const all = JSON.stringify(await search({ limit: 500 }));
    for (const canary of [CANARY_NAME, CANARY_PROTECTED, CANARY_NOTE]) expect(all).not.toContain(canary);
  });

  it('records the search, against the case when one was searched for', async () => {
    await search({ caseId: hidden.id });
    const [row] = await auditTail(w, 1);
    expect(row).toMatchObject({ action: 'read', entity: 'audit_log', user_id: ids.lea, case_id: hidden.id });
  });

  it('refuses caseworkers and administrators', async () => {
    await loginAs(w, 'kim');
    expect((await failureOf(search({}))).code).toBe('forbidden');
    await loginAs(w, 'admin');
    expect((await failureOf(search({}))).code).toBe('forbidden');
    await loginAs(w, 'lea');
  });
});

describe('audit:sample', () => {
  it('draws N reads of cases from the month, the same for every reviewer', async () => {
    const first = await sample('2025-03', 10);
    expect(first.population).toBe(30);
    expect(first.rows).toHaveLength(10);
    expect(first.rows.every((r) => r.action === 'read' && r.caseId !== null && r.at.startsWith('2025-03'))).toBe(true);
    expect(new Set(first.rows.map((r) => r.seq)).size).toBe(10);
    await loginAs(w, 'gun');
    const again = await sample('2025-03', 10);
    expect(again.rows.map((r) => r.seq)).toEqual(first.rows.map((r) => r.seq));
    await loginAs(w, 'lea');
  });

  it('keeps a smaller sample inside a larger one, and takes all when N exceeds the month', async () => {
    const small = (await sample('2025-03', 5)).rows.map((r) => r.seq);
    const large = (await sample('2025-03', 20)).rows.map((r) => r.seq);
    expect(large).toEqual(expect.arrayContaining(small));
    expect((await sample('2025-04', 20)).rows).toHaveLength(3);
    expect((await sample('2024-01')).rows).toEqual([]);
  });

  it('is not simply the first or last reads of the month', async () => {
    const seqs = (await sample('2025-03', 10)).rows.map((r) => r.seq);
    const month = (await search({ from: '2025-03-01', to: '2025-03-31', actions: ['read'], limit: 500 })).rows
      .filter((r) => r.caseId !== null)
      .map((r) => r.seq)
      .sort((a, b) => a - b);
    expect(seqs).not.toEqual(month.slice(0, 10));
    expect(seqs).not.toEqual(month.slice(-10));
  });

  it('takes the default size of 20 and refuses sizes outside 1..500', () => {
    expect(AuditSampleInputSchema.parse({ month: '2025-03' }).size).toBe(20);
    expect(AuditSampleInputSchema.safeParse({ month: '2025-03', size: 0 }).success).toBe(false);
    expect(AuditSampleInputSchema.safeParse({ month: '2025-03', size: 501 }).success).toBe(false);
    expect(AuditSampleInputSchema.safeParse({ month: '2025-13' }).success).toBe(false);
  });
});

describe('audit:protected-access', () => {
  it('lists every row about a protected-identity case and nothing else', async () => {
    const page = await auditReviewOps['audit:protected-access'](w, { limit: 500 });
    expect(page.rows.length).toBeGreaterThan(15);
    expect(page.rows.every((r) => r.caseId === hidden.id && r.protectionLevel === 'skyddad_folkbokforing')).toBe(true);
    const reveal = page.rows.find((r) => r.action === 'reveal');
    expect(reveal?.reason).toBe('Behövde ringa boendet');
    const direct = await search({ caseId: hidden.id, limit: 500 });
    expect(page.rows.map((r) => r.seq)).toEqual(direct.rows.map((r) => r.seq));
  });
});

describe('audit:mark-reviewed', () => {
  it('marks rows with a comment, shows the mark, and records the review', async () => {
    const rows = (await sample('2025-04', 3)).rows.map((r) => r.seq);
    expect(await auditReviewOps['audit:mark-reviewed'](w, { seqs: rows, comment: 'Planerat uppföljningsbesök' })).toEqual({ marked: 3 });
    const [row] = await auditTail(w, 1);
    expect(row).toMatchObject({ action: 'review', entity: 'audit_log', entity_id: [...rows].sort((a, b) => a - b).join(','), user_id: ids.lea });
    const marked = (await sample('2025-04', 3)).rows;
    expect(marked.every((r) => r.review?.comment === 'Planerat uppföljningsbesök' && r.review.by.displayName === 'Lea Ledare')).toBe(true);
    expect((await search({ from: '2025-04-01', to: '2025-04-30', reviewed: false })).rows).toEqual([]);
    expect((await search({ from: '2025-04-01', to: '2025-04-30', reviewed: true })).rows).toHaveLength(3);
  });

  it('lets a later review replace the comment and reviewer', async () => {
    const [first] = (await sample('2025-04', 1)).rows;
    if (!first) throw new Error('no row');
    await loginAs(w, 'gun');
    await auditReviewOps['audit:mark-reviewed'](w, { seqs: [first.seq], comment: 'Kontrollerad igen' });
    const again = (await search({ from: '2025-04-01', to: '2025-04-30', limit: 10 })).rows.find((r) => r.seq === first.seq);
    expect(again?.review).toMatchObject({ by: { id: ids.gun, displayName: 'Gun Granskare' }, comment: 'Kontrollerad igen' });
    await loginAs(w, 'lea');
  });

  it('refuses rows that do not exist, writing nothing', async () => {
    const before = await chainHead(w.active.requireSession().db);
    expect((await failureOf(auditReviewOps['audit:mark-reviewed'](w, { seqs: [1, 99_999_999], comment: '' }))).code).toBe('not_found');
    expect(await chainHead(w.active.requireSession().db)).toEqual(before);
    const one = (await search({ limit: 500 })).rows.find((r) => r.seq === 1);
    expect(one?.review).toBeNull();
  });
});

describe('audit:export', () => {
  it('writes a CSV with BOM and `;`, naming the filters and the chain head, without case content', async () => {
    const { file, bytes } = await exportLog({ view: 'search', filters: { userId: ids.kim, caseId: plain.id }, format: 'csv', language: 'sv' });
    expect(file.fileName).toMatch(/^logg-sokning-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    for (const canary of [CANARY_NAME, CANARY_PROTECTED, CANARY_NOTE]) expect(text).not.toContain(canary);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Loggkontroll');
    // The selection names several filters, separated by commas, so the field is quoted.
    expect(lines.some((l) => l.startsWith('"Urval: ') && l.includes('användare Kim Handläggare') && l.includes(`ärende ${plain.caseNumber}`))).toBe(true);
    const [exportRow] = await auditTail(w, 1);
    expect(exportRow).toMatchObject({ action: 'export', entity: 'audit_log', entity_id: 'search:csv', case_id: plain.id });
    expect(lines).toContain(`"Loggkedjans senaste rad vid exporten: sekvensnummer ${exportRow?.seq}, hash ${exportRow?.hash}"`);
    const header = lines.find((l) => l.startsWith('Nr;'));
    expect(header?.split(';')).toHaveLength(13);
    const noteRow = lines.find((l) => l.includes('journalanteckning'));
    expect(noteRow?.split(';').slice(2, 8)).toEqual([
      'Kim Handläggare (kim)',
      'Handläggare',
      'Skapade',
      'journalanteckning',
      expect.any(String),
      plain.caseNumber,
    ]);
  });

  it('guards against formulas in free text', async () => {
    const db = w.active.requireSession().db;
    await appendAudit(db, {
      userId: ids.kim,
      role: 'caseworker',
      action: 'reveal',
      entity: 'protected_identity',
      caseId: hidden.id,
      reason: '=HYPERLINK("http://x")',
    });
    const text = (await exportLog({ view: 'protected', format: 'csv', language: 'en' })).bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain('Selection: every access to cases with protected personal details');
  });

  it("exports a month's sample and a PDF that holds the rows and the chain head", async () => {
    const { bytes: csv } = await exportLog({ view: 'sample', month: '2025-03', size: 5, format: 'csv', language: 'sv' });
    expect(csv.toString('utf8')).toContain('stickprov 2025-03: 5 av 30 läsningar i ärenden');
    const { file, bytes } = await exportLog({ view: 'search', filters: { caseId: hidden.id }, format: 'pdf', language: 'sv' });
    expect(file.mimeType).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    const [exportRow] = await auditTail(w, 1);
    expect(text).toContain('Loggkontroll');
    expect(text).toContain(`sekvensnummer ${exportRow?.seq}`);
    expect(text.replace(/\n/g, '')).toContain(exportRow?.hash);
    expect(text).toContain('Behövde');
    for (const canary of [CANARY_NAME, CANARY_PROTECTED, CANARY_NOTE]) expect(text).not.toContain(canary);
  });
});

describe('audit:case-extract', () => {
  it('lists who accessed the case, when and what, with reveal reasons only', async () => {
    await loginAs(w, 'kim');
    const extract = await auditReviewOps['audit:case-extract'](w, { caseId: plain.id });
    expect(extract.caseNumber).toBe(plain.caseNumber);
    expect(extract.entries.every((e) => e.reason === null)).toBe(true);
    expect(extract.entries.map((e) => e.entity)).toEqual(expect.arrayContaining(['case', 'journal_note', 'move']));
    expect(extract.entries.find((e) => e.entity === 'journal_note')).toMatchObject({ userName: 'Kim Handläggare', role: 'caseworker', action: 'create' });
    const json = JSON.stringify(extract);
    for (const canary of [CANARY_NAME, CANARY_NOTE, 'Kanarieby', '"kim"']) expect(json).not.toContain(canary);
    const [row] = await auditTail(w, 1);
    expect(row).toMatchObject({ action: 'read', entity: 'case_log_extract', case_id: plain.id });
    expect(extract.chainHead).toEqual({ seq: row?.seq, hash: row?.hash });

    const other = await auditReviewOps['audit:case-extract'](w, { caseId: hidden.id });
    expect(other.entries.find((e) => e.action === 'reveal')?.reason).toBe('Behövde ringa boendet');
    expect(other.entries.some((e) => e.entity === 'journal_note')).toBe(false);
  });

  it('exports the extract as CSV and PDF, audited against the case', async () => {
    const csv = await auditReviewOps['audit:case-extract-export'](w, { caseId: plain.id, format: 'csv', language: 'sv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toContain(`Loggutdrag för ärende ${plain.caseNumber}`);
    expect(text).toContain('Kim Handläggare;Handläggare;Skapade;journalanteckning');
    for (const canary of [CANARY_NAME, CANARY_NOTE, 'Kanarieby']) expect(text).not.toContain(canary);
    const [row] = await auditTail(w, 1);
    expect(row).toMatchObject({ action: 'export', entity: 'case_log_extract', entity_id: 'csv', case_id: plain.id });
    expect(text).toContain(`sekvensnummer ${row?.seq}, hash ${row?.hash}`);
    const pdf = await auditReviewOps['audit:case-extract-export'](w, { caseId: hidden.id, format: 'pdf', language: 'en' });
    const pdfTextContent = await pdfText(Buffer.from(pdf.base64, 'base64'));
    expect(pdfTextContent).toContain(`Log extract for case ${hidden.caseNumber}`);
    expect(pdfTextContent).toContain('Behövde ringa boendet');
    expect(pdfTextContent).not.toContain(CANARY_PROTECTED);
  });

  it('answers not_found for a case that does not exist', async () => {
    expect((await failureOf(auditReviewOps['audit:case-extract'](w, { caseId: 99_999 }))).code).toBe('not_found');
    await loginAs(w, 'lea');
  });
});

describe('audit:record-print', () => {
  it('records a print against its case, for the roles that can see the thing', async () => {
    await loginAs(w, 'lea');
    await auditReviewOps['audit:record-print'](w, { entity: 'case_log_extract', entityId: String(plain.id), caseId: plain.id });
    const [row] = await auditTail(w, 1);
    expect(row).toMatchObject({ action: 'print', entity: 'case_log_extract', case_id: plain.id, user_id: ids.lea, outcome: 'ok' });
    // Kim is not named on the case: the print is refused, and the refusal is the row written.
    await loginAs(w, 'kim');
    expect((await failureOf(auditReviewOps['audit:record-print'](w, { entity: 'case_log_extract', entityId: String(plain.id), caseId: plain.id }))).code).toBe(
      'forbidden',
    );
    const [denied] = await auditTail(w, 1);
    expect(denied).toMatchObject({ action: 'print', entity: 'case_log_extract', case_id: plain.id, user_id: ids.kim, outcome: 'denied' });
    expect((await failureOf(auditReviewOps['audit:record-print'](w, { entity: 'case_log_extract' }))).code).toBe('invalid_input');
    expect((await failureOf(auditReviewOps['audit:record-print'](w, { entity: 'report', caseId: plain.id }))).code).toBe('forbidden');
    expect((await failureOf(auditReviewOps['audit:record-print'](w, { entity: 'report' }))).code).toBe('forbidden');
    expect((await failureOf(auditReviewOps['audit:record-print'](w, { entity: 'audit_review' }))).code).toBe('forbidden');
    expect((await failureOf(auditReviewOps['audit:record-print'](w, { entity: 'case_log_extract', caseId: 99_999 }))).code).toBe('not_found');
    await loginAs(w, 'lea');
  });
});
