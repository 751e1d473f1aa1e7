import type { z } from 'zod';
import type { ByIdInput, CaseView } from '../core/contract';
import { inTransaction } from './unit-of-work';
import { appendAudits, auditBatch } from '../db/repositories/audit-log';
import { readCaseDetail } from './case-detail';
import { readJournalOfCase } from './journal';
import { readHousingOfCase, readSupportOfCase } from './housing';
import { readKompottenRequests, readMovesOfCase } from './moves';
import { readRemindersOfCase } from './reminders';
import { readAssessmentsOfCase } from './risk';
import { readCaseShares } from './sharing';

/**
 * Opening a case: the case and every section of the case view in one transaction. Read one by
 * one, each part was its own request with its own commit, and with synchronous=FULL each commit
 * is an fsync; here the audit rows (one per part, as the parts' own channels write them) are
 * appended together at the end, the chain's head read once, and share one commit.
 */
export const caseViewOps = {
  'cases:open': inTransaction(async ({ w, trx }, input: z.output<typeof ByIdInput>): Promise<CaseView> => {
    const { sink, entries } = auditBatch();
    // Refuses an unknown case (not_found) before anything else is read or logged.
    const detail = await readCaseDetail(w, trx, input.id, sink);
    const view: CaseView = {
      detail,
      assessments: await readAssessmentsOfCase(w, trx, input.id, sink),
      moves: await readMovesOfCase(w, trx, input.id, sink),
      kompottenRequests: await readKompottenRequests(w, trx, input.id, sink),
      housing: await readHousingOfCase(w, trx, input.id, sink),
      support: await readSupportOfCase(w, trx, input.id, sink),
      journal: await readJournalOfCase(w, trx, input.id, sink),
      reminders: await readRemindersOfCase(w, trx, input.id, sink),
      shares: await readCaseShares(w, trx, input.id, sink),
    };
    await appendAudits(trx, entries);
    return view;
  }),
};
