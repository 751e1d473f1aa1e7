import type { RiskLevel } from '../../../core/contract';
import { useT } from '../i18n/use-t';

/** A judged level: its word and its colour, never colour alone. `label` names the output it judges. */
export function RiskLevelBadge({ level, label }: { level: RiskLevel | null; label?: string }) {
  const t = useT();
  const word = level === null ? t('risk.level_none') : t(`risk.level_${level}`);
  return <span className={`badge risk-badge risk-${level ?? 'none'}`}>{label ? t('risk.badge_labelled', { label, level: word }) : word}</span>;
}

export function AssessmentStatusBadge({ status }: { status: 'draft' | 'completed' }) {
  const t = useT();
  return <span className={`badge ${status === 'draft' ? 'badge-draft' : 'badge-signed'}`}>{t(`risk.status_${status}`)}</span>;
}

/** `short` where the column already says it is about the review (the case list). */
export function ReviewOverdueBadge({ short = false }: { short?: boolean }) {
  const t = useT();
  return <span className="badge badge-overdue">{t(short ? 'reminders.overdue_badge' : 'risk.review_overdue')}</span>;
}
