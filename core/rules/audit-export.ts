import type { AuditRow, CaseLogEntry, ChainHead } from '../contract/audit-review';
import type { ExportDocument } from './export-document';
import { actionName, entityName, localDateTime, outcomeName, roleName, type AuditLanguage } from '../i18n/audit-texts';
import { AUDIT_FILE_TEXTS } from '../i18n/export-texts';

/**
 * The file layout of a log review and of a case's log extract, in the same document shape as the
 * reports (so the CSV writer, with its formula guard, is shared). The meta lines name the audit
 * chain head at export time: whoever holds the file can later check that the log still reaches
 * that row with that hash, so a log cut back after the export is found out.
 */
const TEXTS = AUDIT_FILE_TEXTS;

/** The meta line naming the chain head. */
export function chainHeadLine(lang: AuditLanguage, head: ChainHead | null): string {
  const t = TEXTS[lang];
  return `${t.chainHead}: ${head === null ? t.chainEmpty : `${t.seqWord} ${head.seq}, hash ${head.hash}`}`;
}

/** A log review as a file document; `selection` describes the filters in words. */
export function auditReviewDocument(
  rows: readonly AuditRow[],
  opts: { language: AuditLanguage; teamName: string; selection: string; exportedAt: string; chainHead: ChainHead | null },
): ExportDocument {
  const lang = opts.language;
  const t = TEXTS[lang];
  return {
    title: t.reviewTitle,
    meta: [
      `${t.team}: ${opts.teamName}`,
      `${t.selection}: ${opts.selection}`,
      `${t.exported}: ${localDateTime(opts.exportedAt)}`,
      chainHeadLine(lang, opts.chainHead),
      `${t.rowsWord}: ${rows.length}`,
    ],
    sections: [
      {
        id: 'rows',
        title: t.rows,
        header: [...t.header],
        rows: rows.map((r) => ({
          label: String(r.seq),
          total: false,
          values: [
            localDateTime(r.at),
            r.user ? `${r.user.displayName} (${r.user.username})` : '',
            roleName(lang, r.role),
            actionName(lang, r.action),
            entityName(lang, r.entity),
            r.entityId ?? '',
            r.caseNumber ?? (r.caseId === null ? '' : t.purgedCase),
            outcomeName(lang, r.outcome),
            r.reason ?? '',
            r.review?.by.displayName ?? '',
            r.review ? localDateTime(r.review.at) : '',
            r.review?.comment ?? '',
          ],
        })),
      },
    ],
    footnote: t.reviewFootnote,
  };
}

/** A case's log extract as a file document (for the survivor: no logins, no ids). */
export function caseExtractDocument(
  entries: readonly CaseLogEntry[],
  opts: { language: AuditLanguage; teamName: string; caseNumber: string; exportedAt: string; chainHead: ChainHead | null },
): ExportDocument {
  const lang = opts.language;
  const t = TEXTS[lang];
  return {
    title: `${t.extractTitle} ${opts.caseNumber}`,
    meta: [
      `${t.team}: ${opts.teamName}`,
      `${t.extractCase}: ${opts.caseNumber}`,
      `${t.exported}: ${localDateTime(opts.exportedAt)}`,
      chainHeadLine(lang, opts.chainHead),
    ],
    sections: [
      {
        id: 'entries',
        title: t.rows,
        header: [...t.extractHeader],
        rows: entries.map((e) => ({
          label: String(e.seq),
          total: false,
          values: [
            localDateTime(e.at),
            e.userName ?? '',
            roleName(lang, e.role),
            actionName(lang, e.action),
            entityName(lang, e.entity),
            outcomeName(lang, e.outcome),
            e.reason ?? '',
          ],
        })),
      },
    ],
    footnote: t.extractFootnote,
  };
}

/** File name of a log export: logg-<what>-<date>.<ext>, ASCII only. */
export function auditFileName(what: string, exportedAt: string, format: 'csv' | 'pdf'): string {
  const safe =
    what
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'logg';
  return `logg-${safe}-${localDateTime(exportedAt).slice(0, 10)}.${format}`;
}

const SELECTION = {
  sv: {
    all: 'hela loggen',
    user: 'användare',
    case: 'ärende',
    actions: 'händelser',
    period: 'period',
    outcome: 'utfall',
    reviewedYes: 'endast granskade',
    reviewedNo: 'endast ej granskade',
    sample: (month: string, size: number, population: number) => `stickprov ${month}: ${size} av ${population} läsningar i ärenden`,
    protectedAccess: 'all åtkomst till ärenden med skyddade personuppgifter',
  },
  en: {
    all: 'the whole log',
    user: 'user',
    case: 'case',
    actions: 'actions',
    period: 'period',
    outcome: 'outcome',
    reviewedYes: 'reviewed only',
    reviewedNo: 'not yet reviewed only',
    sample: (month: string, size: number, population: number) => `sample ${month}: ${size} of ${population} reads of cases`,
    protectedAccess: 'every access to cases with protected personal details',
  },
} as const;

export interface SelectionParts {
  userName?: string;
  caseNumber?: string;
  actions?: readonly string[];
  from?: string;
  to?: string;
  outcome?: string;
  reviewed?: boolean;
}

/** The filters of a search in words, for the file's meta lines. */
export function describeSearch(lang: AuditLanguage, p: SelectionParts, protectedOnly = false): string {
  const s = SELECTION[lang];
  const parts: string[] = protectedOnly ? [s.protectedAccess] : [];
  if (p.userName !== undefined) parts.push(`${s.user} ${p.userName}`);
  if (p.caseNumber !== undefined) parts.push(`${s.case} ${p.caseNumber}`);
  if (p.actions !== undefined && p.actions.length > 0) parts.push(`${s.actions} ${p.actions.map((a) => actionName(lang, a)).join('/')}`);
  if (p.from !== undefined || p.to !== undefined) parts.push(`${s.period} ${p.from ?? '…'} – ${p.to ?? '…'}`);
  if (p.outcome !== undefined) parts.push(`${s.outcome} ${outcomeName(lang, p.outcome)}`);
  if (p.reviewed !== undefined) parts.push(p.reviewed ? s.reviewedYes : s.reviewedNo);
  return parts.length === 0 ? s.all : parts.join(', ');
}

/** A month's sample in words. */
export function describeSample(lang: AuditLanguage, month: string, size: number, population: number): string {
  return SELECTION[lang].sample(month, size, population);
}
