import type { Assessment, CaseDetail, RiskTemplate, TemplateItem } from '../../../core/contract';
import { formatDay } from '../lib/format';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { answerText, localize, perpetratorNameById } from './format';
import { RiskLevelBadge } from './risk-badges';
import { SummaryPanel } from './summary-panel';

function AnswerRows({ item, assessment, caseDetail }: { item: TemplateItem; assessment: Assessment; caseDetail: CaseDetail }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const label = localize(item.label, language);
  if (!item.perPerpetrator) {
    const value = assessment.answers.find((a) => a.itemId === item.id && a.perpetratorId === null)?.value;
    return (
      <>
        <dt>{label}</dt>
        <dd className={item.kind === 'text' ? 'pl-prewrap' : undefined}>{answerText(t, language, item, value)}</dd>
      </>
    );
  }
  // Everyone answered for, also perpetrators removed from the case since: the record stays as it was made.
  const ids = [
    ...new Set([
      ...caseDetail.perpetrators.map((p) => p.id),
      ...assessment.answers.filter((a) => a.itemId === item.id && a.perpetratorId !== null).map((a) => a.perpetratorId as number),
    ]),
  ];
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {ids.length === 0 ? (
          t('risk.no_perpetrators')
        ) : (
          <ul className="risk-per-answers">
            {ids.map((id) => (
              <li key={id}>
                {t('risk.per_answer', {
                  name: perpetratorNameById(t, caseDetail.perpetrators, id),
                  answer: answerText(t, language, item, assessment.answers.find((a) => a.itemId === item.id && a.perpetratorId === id)?.value),
                })}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

/** A completed assessment (or a draft of a closed case): everything as recorded, nothing to change. */
export function AssessmentReadOnly({ assessment, template, caseDetail }: { assessment: Assessment; template: RiskTemplate; caseDetail: CaseDetail }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const judgement = (outputId: string) => assessment.judgements.find((j) => j.outputId === outputId);
  const forChild = assessment.childId !== null;
  return (
    <div className="risk-read-only">
      <section className="risk-form-section risk-judgements">
        <h4>{t('risk.judgement_title')}</h4>
        <dl className="risk-judgement-list">
          {template.outputs.map((output) => {
            const j = judgement(output.id);
            const label = localize(output.label, language);
            return output.kind === 'level' ? (
              <div key={output.id} className="risk-judgement-read">
                <dt>{label}</dt>
                <dd>
                  <RiskLevelBadge level={j?.level ?? null} />
                  <p className="pl-prewrap">{j?.reason ? t('risk.reason_read', { reason: j.reason }) : t('risk.no_reason')}</p>
                </dd>
              </div>
            ) : (
              <div key={output.id} className="risk-judgement-read">
                <dt>{label}</dt>
                <dd className="pl-prewrap">{j?.text || t('risk.not_answered')}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section className="risk-form-section">
        <h4>{t(forChild ? 'risk.own_view_title_child' : 'risk.own_view_title')}</h4>
        <p className="pl-prewrap">{assessment.survivorView.trim() === '' ? t('risk.own_view_none') : assessment.survivorView}</p>
      </section>
      <section className="risk-form-section">
        <h4>{t('risk.review_title')}</h4>
        <p>{assessment.nextReviewDate ? t('risk.review_read', { date: formatDay(assessment.nextReviewDate, language) }) : t('risk.review_none')}</p>
      </section>
      <SummaryPanel template={template} answers={assessment.answers} perpetrators={caseDetail.perpetrators} />
      {template.sections.map((section) => (
        <section key={section.id} className="risk-form-section">
          <h4>{localize(section.title, language)}</h4>
          <dl className="facts risk-answers">
            {section.items.map((item) => (
              <AnswerRows key={item.id} item={item} assessment={assessment} caseDetail={caseDetail} />
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
