import { ADMIN, CASEWORK, LOG_REVIEWERS, REPORTERS } from '../core/contract';
import { type ReadDb, writable } from '../db/handles';
import type { AuditFile, AuditFilters, AuditPage, AuditRow, AuditSample, AuditUser, CaseLogExtract, PRINT_ENTITIES, Role } from '../core/contract';
import { auditFileName, auditReviewDocument, caseExtractDocument, describeSample, describeSearch } from '../core/rules/audit-export';
import { reportCsv } from '../core/rules/report-csv';
import type { ExportDocument } from '../core/rules/export-document';
import { EXPORT_MIME } from '../core/rules/report-export';
import { caseAccess, DENIED_REASONS, deniedMessage } from '../db/access/case-access';
import { DbError } from '../db/errors';
import { auditPdf } from '../export/audit-pdf';
import type { Empty, WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import { appendAudit } from '../db/repositories/audit-log';
import {
  allMatching,
  caseIdByNumber,
  caseLogEntries,
  chainHead,
  existingSeqs,
  markReviewed,
  sampleKey,
  sampleReads,
  searchLog,
  type LogQuery,
} from '../db/repositories/audit-review';
import { listUsers } from '../db/repositories/users';
import { getSetting } from '../db/repositories/settings';

/** Who may print what: the roles that can open it on screen (a case's extract: also its case). */
const PRINT_ROLES: Record<(typeof PRINT_ENTITIES)[number], readonly Role[]> = {
  report: REPORTERS,
  case_log_extract: CASEWORK,
  audit_review: LOG_REVIEWERS,
  recovery_key: ADMIN,
};

/** The most rows one export holds; a larger selection must be narrowed first. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

type Page = { before?: number | undefined; limit: number };
type ExportFormat = 'csv' | 'pdf';
type Language = 'sv' | 'en';
type ExportInput =
  | { view: 'search'; filters: AuditFilters; format: ExportFormat; language: Language }
  | { view: 'sample'; month: string; size: number; format: ExportFormat; language: Language }
  | { view: 'protected'; from?: string | undefined; to?: string | undefined; reviewed?: boolean | undefined; format: ExportFormat; language: Language };

const REVIEW_WEIGHTS = [4, 10, 12, 7, 9, 9, 5, 9, 6, 12, 9, 9, 12];
const EXTRACT_WEIGHTS = [4, 11, 14, 9, 14, 14, 8, 26];

async function fileOf(doc: ExportDocument, format: ExportFormat, language: Language, weights: readonly number[]): Promise<Uint8Array> {
  return format === 'csv' ? Buffer.from(reportCsv(doc, language), 'utf8') : auditPdf(doc, weights);
}

function toFile(fileName: string, format: ExportFormat, bytes: Uint8Array): AuditFile {
  return { fileName, mimeType: EXPORT_MIME[format], base64: Buffer.from(bytes).toString('base64') };
}

/** A search's filters with the case number resolved to the case it names, for the audit row. */
async function caseOfFilters(db: ReadDb, f: AuditFilters): Promise<number | null> {
  if (f.caseId !== undefined) return f.caseId;
  if (f.caseNumber !== undefined) return caseIdByNumber(db, f.caseNumber);
  return null;
}

async function requireCase(db: ReadDb, caseId: number): Promise<{ case_number: string }> {
  const row = await db.selectFrom('cases').select('case_number').where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new DbError('not_found', 'That case does not exist (it may have been purged).').because('case_missing');
  return row;
}

/**
 * The case a print names must be one the user may see it for: a case's log extract only for a case
 * the user may open (refused as forbidden and audited as denied otherwise, like a case-scoped
 * channel); a log review print may name the case it was searched by; other prints name no case.
 */
async function checkPrintedCase(
  db: ReadDb,
  user: { id: number; role: Role },
  input: { entity: (typeof PRINT_ENTITIES)[number]; caseId?: number | undefined },
): Promise<void> {
  if (input.entity === 'case_log_extract') {
    if (input.caseId === undefined)
      throw new DbError('invalid_input', 'A log extract print must name its case. Reload and try again.').because('extract_needs_case');
    await requireCase(db, input.caseId);
    const access = await caseAccess(db, user, input.caseId);
    if (access !== 'open') {
      await appendAudit(db, {
        userId: user.id,
        role: user.role,
        action: 'print',
        entity: input.entity,
        entityId: input.caseId,
        outcome: 'denied',
        caseId: input.caseId,
      });
      throw new DbError('forbidden', deniedMessage(access)).because(DENIED_REASONS[access]);
    }
    return;
  }
  if (input.caseId === undefined) return;
  if (input.entity !== 'audit_review') throw new DbError('invalid_input', 'This print names no case. Reload and try again.').because('print_without_case');
  await requireCase(db, input.caseId);
}

async function rowsForExport(db: ReadDb, q: LogQuery): Promise<AuditRow[]> {
  const rows = await allMatching(db, q, AUDIT_EXPORT_MAX_ROWS);
  if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
    throw new DbError(
      'not_allowed',
      `More than ${AUDIT_EXPORT_MAX_ROWS} rows match. Narrow the selection (a shorter period, one user or one case) and export again.`,
    ).because('audit_export_too_many', { max: AUDIT_EXPORT_MAX_ROWS });
  }
  return rows;
}

/** The review's rows and its export's audit row, in one transaction; the file is made after it. */
const reviewDocument = inTransaction(async ({ w, trx, session, audit }, input: ExportInput): Promise<{ doc: ExportDocument; what: string; at: string }> => {
  const lang = input.language;
  let rows: AuditRow[];
  let selection: string;
  let what: string;
  let caseId: number | null = null;
  if (input.view === 'sample') {
    const sample = await sampleReads(trx, sampleKey(session.dataKey, session.keyfile.installationId), input.month, input.size);
    rows = sample.rows;
    selection = describeSample(lang, input.month, rows.length, sample.population);
    what = `stickprov-${input.month}`;
  } else if (input.view === 'protected') {
    const q: LogQuery = { from: input.from, to: input.to, reviewed: input.reviewed, protectedOnly: true };
    rows = await rowsForExport(trx, q);
    selection = describeSearch(lang, q, true);
    what = 'skyddade';
  } else {
    const f = input.filters;
    rows = await rowsForExport(trx, f);
    caseId = await caseOfFilters(trx, f);
    const userName =
      f.userId === undefined
        ? undefined
        : ((await trx.selectFrom('users').select('display_name').where('id', '=', f.userId).executeTakeFirst())?.display_name ?? `#${f.userId}`);
    const caseNumber =
      f.caseNumber ??
      (f.caseId === undefined
        ? undefined
        : ((await trx.selectFrom('cases').select('case_number').where('id', '=', f.caseId).executeTakeFirst())?.case_number ?? `#${f.caseId}`));
    selection = describeSearch(lang, { ...f, userName, caseNumber });
    what = 'sokning';
  }
  const exportedAt = w.active.clock();
  await audit({
    action: 'export',
    entity: 'audit_log',
    entityId: `${input.view}:${input.format}`,
    caseId,
    at: exportedAt,
  });
  const teamName = await getSetting<string>(trx, 'team_name', '');
  const head = await chainHead(trx);
  const at = exportedAt.toISOString();
  return { doc: auditReviewDocument(rows, { language: lang, teamName, selection, exportedAt: at, chainHead: head }), what, at };
}, LOG_REVIEWERS);

/** A case's log extract and its export's audit row, in one transaction; the file is made after it. */
const extractDocument = inTransaction(
  async (
    { w, trx, audit },
    input: { caseId: number; format: ExportFormat; language: Language },
  ): Promise<{ doc: ExportDocument; caseNumber: string; at: string }> => {
    const c = await requireCase(trx, input.caseId);
    const entries = await caseLogEntries(trx, input.caseId);
    const exportedAt = w.active.clock();
    await audit({
      action: 'export',
      entity: 'case_log_extract',
      entityId: input.format,
      caseId: input.caseId,
      at: exportedAt,
    });
    const teamName = await getSetting<string>(trx, 'team_name', '');
    const head = await chainHead(trx);
    return {
      doc: caseExtractDocument(entries, {
        language: input.language,
        teamName,
        caseNumber: c.case_number,
        exportedAt: exportedAt.toISOString(),
        chainHead: head,
      }),
      caseNumber: c.case_number,
      at: exportedAt.toISOString(),
    };
  },
  CASEWORK,
);

/** Log review (team leads, auditors), the survivor's log extract, and print auditing. */
export const auditReviewOps = {
  /** Everyone who can appear in the log, for the reviewers' user filter (users:list is for administrators). */
  'audit:users': inTransaction(async ({ trx, audit }, _: Empty): Promise<AuditUser[]> => {
    const users = await listUsers(trx);
    await audit({ action: 'read', entity: 'users' });
    return users.map((u) => ({ id: u.id, displayName: u.display_name, username: u.username, role: u.role, disabled: u.disabled_at !== null }));
  }, LOG_REVIEWERS),

  /** One page of the log, newest first. Searching by case is itself recorded against that case. */
  'audit:search': inTransaction(async ({ trx, audit }, input: AuditFilters & Page): Promise<AuditPage> => {
    const page = await searchLog(trx, input, { before: input.before, limit: input.limit });
    await audit({ action: 'read', entity: 'audit_log', caseId: await caseOfFilters(trx, input) });
    return page;
  }, LOG_REVIEWERS),

  'audit:sample': inTransaction(async ({ trx, session, audit }, input: { month: string; size: number }): Promise<AuditSample> => {
    const { population, rows } = await sampleReads(trx, sampleKey(session.dataKey, session.keyfile.installationId), input.month, input.size);
    await audit({ action: 'read', entity: 'audit_sample', entityId: input.month, caseId: null });
    return { month: input.month, size: input.size, population, rows };
  }, LOG_REVIEWERS),

  /** Every row about a case whose survivor has a protected identity (by the case's level now). */
  'audit:protected-access': inTransaction(
    async ({ trx, audit }, input: { from?: string | undefined; to?: string | undefined; reviewed?: boolean | undefined } & Page): Promise<AuditPage> => {
      const page = await searchLog(
        trx,
        { from: input.from, to: input.to, reviewed: input.reviewed, protectedOnly: true },
        { before: input.before, limit: input.limit },
      );
      await audit({ action: 'read', entity: 'audit_protected', caseId: null });
      return page;
    },
    LOG_REVIEWERS,
  ),

  'audit:mark-reviewed': inTransaction(async ({ w, trx, user, audit }, input: { seqs: number[]; comment: string }): Promise<{ marked: number }> => {
    const found = await existingSeqs(trx, input.seqs);
    if (found.length !== input.seqs.length)
      throw new DbError('not_found', 'Some of the chosen log rows do not exist. Search again and choose anew.').because('audit_rows_missing');
    await markReviewed(trx, input.seqs, user.id, w.active.clock(), input.comment);
    const seqs = [...input.seqs].sort((a, b) => a - b);
    await audit({ action: 'review', entity: 'audit_log', entityId: seqs.join(','), caseId: null, at: w.active.clock() });
    return { marked: seqs.length };
  }, LOG_REVIEWERS),

  /**
   * The review as a file (CSV or PDF) holding the rows of the chosen view. The export's own audit
   * row is written first, so the chain head the file names includes it.
   */
  'audit:export': async (w: WorkerState, input: ExportInput): Promise<AuditFile> => {
    const lang = input.language;
    const { doc, what, at } = await reviewDocument(w, input);
    const bytes = await fileOf(doc, input.format, lang, REVIEW_WEIGHTS);
    return toFile(auditFileName(what, at, input.format), input.format, bytes);
  },

  /** Who accessed a case, when and what: for the survivor who asks. Reading it is recorded against the case. */
  'audit:case-extract': inTransaction(async ({ w, trx, audit }, input: { caseId: number }): Promise<CaseLogExtract> => {
    const c = await requireCase(trx, input.caseId);
    const entries = await caseLogEntries(trx, input.caseId);
    const at = w.active.clock();
    await audit({ action: 'read', entity: 'case_log_extract', entityId: input.caseId, caseId: input.caseId, at });
    return { caseId: input.caseId, caseNumber: c.case_number, generatedAt: at.toISOString(), chainHead: await chainHead(trx), entries };
  }, CASEWORK),

  'audit:case-extract-export': async (w: WorkerState, input: { caseId: number; format: ExportFormat; language: Language }): Promise<AuditFile> => {
    const { doc, caseNumber, at } = await extractDocument(w, input);
    const bytes = await fileOf(doc, input.format, input.language, EXTRACT_WEIGHTS);
    return toFile(auditFileName(`utdrag-${caseNumber}`, at, input.format), input.format, bytes);
  },

  /**
   * Recorded just before the renderer opens the print dialog: printing puts data on paper, beyond
   * the log's reach afterwards, so the intent to print is what can be recorded.
   */
  'audit:record-print': async (
    w: WorkerState,
    input: { entity: (typeof PRINT_ENTITIES)[number]; entityId?: string | undefined; caseId?: number | undefined },
  ): Promise<{ ok: true }> => {
    // Only who may see a thing can say they print it, so the log holds no invented prints.
    const s = w.active.requireSession(PRINT_ROLES[input.entity]);
    // Checked before the print row's transaction, so a refusal's denied row is kept.
    await checkPrintedCase(s.db, s.user, input);
    await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      await appendAudit(trx, {
        userId: s.user.id,
        role: s.user.role,
        action: 'print',
        entity: input.entity,
        entityId: input.entityId ?? null,
        caseId: input.caseId ?? null,
        at: w.active.clock(),
      });
    });
    return { ok: true };
  },
} as const;
