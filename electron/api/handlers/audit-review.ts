import { LOG_REVIEW_ROLES, type auditReviewChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

/**
 * Log review, the survivor's log extract and print auditing. Administrators are not log
 * reviewers here (they keep audit:verify): see LOG_REVIEW_ROLES. The operations check again.
 * A case's extract follows the case's access: it names who works on the case and the reasons
 * typed for reveals, so only who may open the case gets it; a log reviewer reads any case's log
 * through the log review (audit:search by case), audited as a review.
 */
export const auditReviewHandlers: HandlerMap<keyof typeof auditReviewChannels> = {
  'audit:users': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.users', i, a) },
  'audit:search': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.search', i, a) },
  'audit:sample': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.sample', i, a) },
  'audit:protected-access': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.protected-access', i, a) },
  'audit:mark-reviewed': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.mark-reviewed', i, a) },
  'audit:export': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.export', i, a) },
  'audit:case-extract': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('audit.case-extract', i, a) },
  'audit:case-extract-export': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('audit.case-extract-export', i, a) },
  'audit:record-print': { access: 'unlocked', run: (h, i, a) => h.call('audit.record-print', i, a) },
};
