import { REPORTERS } from '../core/contract';
import { type ReadDb, writable } from '../db/handles';
import type { Report, ReportExportFile, ReportExportFormat, ReportInput } from '../core/contract';
import { REPORT_THRESHOLD_DEFAULT } from '../core/contract/reports';
import { chainHeadLine } from '../core/rules/audit-export';
import { reportCsv } from '../core/rules/report-csv';
import { EXPORT_MIME, exportDocument, exportFileName } from '../core/rules/report-export';
import { localIsoDate } from '../core/rules/calendar';
import { aggregateReport } from '../core/rules/report-aggregate';
import { resolvePeriod } from '../core/rules/report-period';
import { effectiveThreshold, publishTables } from '../core/rules/suppression';
import { DbError } from '../db/errors';
import { reportPdf } from '../export/report-pdf';
import { reportXlsx } from '../export/report-xlsx';
import type { Empty, WorkerState } from './state';
import { appendAudit } from '../db/repositories/audit-log';
import { chainHead } from '../db/repositories/audit-review';
import { districtsOf, readReportFacts, type FactsElsewhere } from '../db/repositories/report-facts';
import { getSetting } from '../db/repositories/settings';

type GenerateInput = { period: ReportInput['period']; districtSlugs: string[] };

/**
 * Reports to socialnämnden: facts for the period and the one before, aggregated in core, then
 * suppressed (threshold from the settings, never below 3). The audit row says a report was read,
 * with no content. `today` exists for tests; the worker never passes it.
 */
type ExportInput = GenerateInput & { format: ReportExportFormat; language: 'sv' | 'en'; labels: Record<string, string> };

/** Aggregates and suppresses a report inside a transaction; the caller audits. */
async function buildReport(trx: ReadDb, input: GenerateInput, today: Date, elsewhere?: FactsElsewhere): Promise<Report> {
  const { current, previous } = resolvePeriod(input.period);
  if (input.districtSlugs.length > 0) {
    const known = await districtsOf(trx, input.districtSlugs);
    if (known.length !== input.districtSlugs.length)
      throw new DbError('invalid_input', 'A chosen district does not exist. Choose again.').because('report_district_unknown');
  }
  const threshold = effectiveThreshold(await getSetting<number | null>(trx, 'report_threshold', REPORT_THRESHOLD_DEFAULT));
  const facts = await readReportFacts(trx, current, previous, input.districtSlugs, elsewhere);
  const { tables, links } = aggregateReport(facts, current, previous);
  return {
    period: { kind: input.period.kind, from: current.from, to: current.to, previousFrom: previous.from, previousTo: previous.to },
    districtSlugs: [...input.districtSlugs],
    threshold,
    generatedOn: localIsoDate(today),
    tables: publishTables(tables, threshold, links),
  };
}

export const reportsOps = {
  /** Starts the session's second reader for reports (the reports view opens); true once its connection is open. */
  'reports:prepare': async (w: WorkerState, _: Empty): Promise<{ ready: boolean }> => {
    w.active.requireSession(REPORTERS);
    return { ready: await w.prepareFactReader() };
  },

  'reports:generate': async (w: WorkerState, input: GenerateInput, today: Date = new Date()): Promise<Report> => {
    const s = w.active.requireSession(REPORTERS);
    const elsewhere = w.factsElsewhere();
    return s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      const report = await buildReport(trx, input, today, elsewhere);
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'report' });
      return report;
    });
  },

  /**
   * A report as a file (CSV, XLSX or PDF). The report is generated here again — figures from the
   * renderer are never trusted; only the label texts come from it. One audit row, action 'export',
   * entity 'report', entity id the format; no content.
   */
  'reports:export': async (w: WorkerState, input: ExportInput, today: Date = new Date()): Promise<ReportExportFile> => {
    const s = w.active.requireSession(REPORTERS);
    const elsewhere = w.factsElsewhere();
    const { report, teamName, head } = await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      const r = await buildReport(trx, input, today, elsewhere);
      const team = await getSetting<string>(trx, 'team_name', '');
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'export', entity: 'report', entityId: input.format });
      return { report: r, teamName: team, head: await chainHead(trx) };
    });
    const doc = exportDocument(report, { labels: input.labels, language: input.language, teamName, chainHead: head });
    const bytes =
      input.format === 'csv' ? Buffer.from(reportCsv(doc, input.language), 'utf8') : input.format === 'xlsx' ? reportXlsx(doc) : await reportPdf(doc);
    return {
      fileName: exportFileName(teamName, input.period, input.format),
      mimeType: EXPORT_MIME[input.format],
      base64: Buffer.from(bytes).toString('base64'),
      chainHeadLine: chainHeadLine(input.language, head),
    };
  },
} as const;
