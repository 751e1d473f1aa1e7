import type { CaseDetail } from '../../../core/contract';
import { formatDay, formatMoment, today } from '../lib/format';
import { formatDate } from '../i18n/format';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { ReviewOverdueBadge } from './risk-badges';

/**
 * The case header's risk line: the latest judged level of the survivor and when it was judged, and
 * the next review. Always shown, so nobody mistakes "not assessed" for "low".
 */
export function CaseRiskHeader({ latestRisk }: { latestRisk: CaseDetail['latestRisk'] }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  if (latestRisk === null) {
    return (
      <p className="risk-header">
        <span className="badge risk-badge risk-none">{t('risk.header_none')}</span>
      </p>
    );
  }
  const overdue = latestRisk.nextReviewDate !== null && latestRisk.nextReviewDate < today();
  return (
    <p className="risk-header">
      <span className={`badge risk-badge risk-header-badge risk-${latestRisk.level}`}>
        {t('risk.header_level', { level: t(`risk.level_${latestRisk.level}`) })}
      </span>
      <span className="risk-header-date" title={formatMoment(latestRisk.assessedAt, language)}>
        {t('risk.header_assessed', { date: formatDate(latestRisk.assessedAt, language) })}
      </span>
      {latestRisk.nextReviewDate !== null ? (
        <span className="risk-header-review">
          {t('risk.header_review', { date: formatDay(latestRisk.nextReviewDate, language) })}
          {overdue ? <ReviewOverdueBadge /> : null}
        </span>
      ) : null}
    </p>
  );
}
