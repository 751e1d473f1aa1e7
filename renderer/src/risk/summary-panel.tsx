import { useId } from 'react';
import type { Answer, Perpetrator, RiskTemplate } from '../../../core/contract';
import { summarizeRisk } from '../../../core/rules/risk-summary';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { localize, perpetratorNameById } from './format';

/**
 * The supporting summary: how many factors are present, unknown or not answered, per section and
 * per perpetrator. Labelled as support on every showing; it never says or suggests a level.
 */
export function SummaryPanel({
  template,
  answers,
  perpetrators,
}: {
  template: RiskTemplate;
  answers: readonly Answer[];
  perpetrators: readonly Perpetrator[];
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const summary = summarizeRisk(
    template,
    answers,
    perpetrators.map((p) => p.id),
  );
  const perPerpetratorItems = template.sections.some((s) => s.items.some((i) => i.perPerpetrator && i.kind !== 'text'));
  return (
    <aside className="risk-summary" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('risk.summary_title')}</h4>
      <p className="risk-summary-note">{t('risk.summary_note')}</p>
      <p className="risk-summary-total" data-testid="risk-summary-total">
        {t('risk.summary_present', { present: summary.present, factors: summary.factors })}
      </p>
      <p className="muted">{t('risk.summary_other', { unknown: summary.unknown, unanswered: summary.unanswered })}</p>
      <div className="table-scroll">
        <table className="risk-summary-table">
          <caption className="visually-hidden">{t('risk.summary_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.summary_col_section')}</th>
              <th scope="col">{t('risk.summary_col_present')}</th>
              <th scope="col">{t('risk.summary_col_unknown')}</th>
              <th scope="col">{t('risk.summary_col_unanswered')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.sections
              .filter((s) => s.factors > 0)
              .map((s) => (
                <tr key={s.sectionId}>
                  <th scope="row">{localize(s.title, language)}</th>
                  <td>{t('risk.summary_of', { count: s.present, total: s.factors })}</td>
                  <td>{s.unknown}</td>
                  <td>{s.unanswered}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {perPerpetratorItems && summary.perPerpetrator.length > 0 ? (
        <ul className="risk-summary-perpetrators">
          {summary.perPerpetrator.map((p) => (
            <li key={p.perpetratorId}>
              {t('risk.summary_perpetrator', { name: perpetratorNameById(t, perpetrators, p.perpetratorId), present: p.present, unknown: p.unknown })}
            </li>
          ))}
        </ul>
      ) : null}
    </aside>
  );
}
