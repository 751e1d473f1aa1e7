import type { auditReviewChannels } from '../../../core/contract';
import { CASE_EXTRACT_ROLES, LOG_REVIEW_ROLES } from '../../../db/ops/audit-review';
import type { HandlerMap } from '../handler-types';

/**
 * Log review, the survivor's log extract and print auditing. Administrators are not log
 * reviewers here (they keep audit:verify): see LOG_REVIEW_ROLES. The operations check again.
 */
export const auditReviewHandlers: HandlerMap<keyof typeof auditReviewChannels> = {
  'audit:users': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.users', i, a) },
  'audit:search': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.search', i, a) },
  'audit:sample': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.sample', i, a) },
  'audit:protected-access': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.protected-access', i, a) },
  'audit:mark-reviewed': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.mark-reviewed', i, a) },
  'audit:export': { access: LOG_REVIEW_ROLES, run: (h, i, a) => h.call('audit.export', i, a) },
  'audit:case-extract': { access: CASE_EXTRACT_ROLES, run: (h, i, a) => h.call('audit.case-extract', i, a) },
  'audit:case-extract-export': { access: CASE_EXTRACT_ROLES, run: (h, i, a) => h.call('audit.case-extract-export', i, a) },
  'audit:record-print': { access: 'unlocked', run: (h, i, a) => h.call('audit.record-print', i, a) },
};
