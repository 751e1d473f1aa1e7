import type { Report, ReportInput } from '../../core/contract';
import { REPORT_THRESHOLD_DEFAULT } from '../../core/contract/reports';
import { localIsoDate } from '../../core/rules/calendar';
import { aggregateReport } from '../../core/rules/report-aggregate';
import { resolvePeriod } from '../../core/rules/report-period';
import { effectiveThreshold, publishTables } from '../../core/rules/suppression';
import { DbError } from '../errors';
import type { WorkerState } from '../host/worker-state';
import { appendAudit } from '../repositories/audit-log';
import { districtsOf, readReportFacts } from '../repositories/report-facts';
import { getSetting } from '../repositories/settings';

/** Who may produce reports to socialnämnden (the handler says the same; checked here too). */
export const REPORT_ROLES = ['team_lead', 'administrator'] as const;

type GenerateInput = { period: ReportInput['period']; districtSlugs: string[] };

/**
 * Reports to socialnämnden: facts for the period and the one before, aggregated in core, then
 * suppressed (threshold from the settings, never below 3). The audit row says a report was read,
 * with no content. `today` exists for tests; the worker never passes it.
 */
export const reportsOps = {
  'reports.generate': async (w: WorkerState, input: GenerateInput, today: Date = new Date()): Promise<Report> => {
    const s = w.active.requireSession(REPORT_ROLES);
    const { current, previous } = resolvePeriod(input.period);
    return s.db.transaction().execute(async (trx) => {
      if (input.districtSlugs.length > 0) {
        const known = await districtsOf(trx, input.districtSlugs);
        if (known.length !== input.districtSlugs.length) throw new DbError('invalid_input', 'A chosen district does not exist. Choose again.');
      }
      const threshold = effectiveThreshold(await getSetting<number | null>(trx, 'report_threshold', REPORT_THRESHOLD_DEFAULT));
      const facts = await readReportFacts(trx, { from: previous.from, to: current.to }, input.districtSlugs);
      const { tables, links } = aggregateReport(facts, current, previous);
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'report' });
      return {
        period: { kind: input.period.kind, from: current.from, to: current.to, previousFrom: previous.from, previousTo: previous.to },
        districtSlugs: [...input.districtSlugs],
        threshold,
        generatedOn: localIsoDate(today),
        tables: publishTables(tables, threshold, links),
      };
    });
  },
} as const;
