import { useId, useState } from 'react';
import type { ApiError, AssessmentSummary, CaseDetail, ChannelOutput, RiskTemplate } from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { formatDay } from '../lib/format';
import { CheckboxField } from '../components/checkbox-field';
import { ApiErrorAlert, ErrorAlert } from '../components/messages';
import { SelectField } from '../components/select-field';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { answerText, findItem, instrumentTitle, localize, perpetratorNameById } from './format';
import { RiskLevelBadge } from './risk-badges';

type CompareResult = ChannelOutput<'risk:compare'>;

interface Compared {
  result: CompareResult;
  left: RiskTemplate | null;
  right: RiskTemplate | null;
}

async function templateOf(a: AssessmentSummary): Promise<RiskTemplate | null> {
  try {
    return await call('risk:instrument', { templateId: a.templateId, version: a.templateVersion });
  } catch {
    // Without the template a scale answer shows as its stored value; the comparison still stands.
    return null;
  }
}

const whenOf = (a: AssessmentSummary): string => (a.completedAt ?? a.startedAt).slice(0, 10);

/** Two assessments of one person side by side: the judged levels first, then every factor, changes marked. */
export function RiskCompare({
  assessments,
  caseDetail,
  personLabel,
}: {
  assessments: readonly AssessmentSummary[];
  caseDetail: CaseDetail;
  personLabel: string;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const id = useId();
  const newestFirst = [...assessments].sort((a, b) => whenOf(b).localeCompare(whenOf(a)) || b.id - a.id);
  const [leftId, setLeftId] = useState(String(newestFirst[1]?.id ?? newestFirst[0]?.id ?? ''));
  const [rightId, setRightId] = useState(String(newestFirst[0]?.id ?? ''));
  const [compared, setCompared] = useState<Compared | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sameChosen, setSameChosen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [onlyChanges, setOnlyChanges] = useState(false);

  const label = (a: AssessmentSummary): string =>
    t('risk.compare_option', {
      date: formatDay(whenOf(a), language),
      instrument: instrumentTitle(t, language, a.templateTitle, a.templateVersion),
      status: t(`risk.status_${a.status}`),
    });
  const options = newestFirst.map((a) => ({ value: String(a.id), label: label(a) }));

  const compare = (): void => {
    setSameChosen(leftId === rightId);
    if (leftId === rightId) return;
    setBusy(true);
    setError(null);
    call('risk:compare', { leftId: Number(leftId), rightId: Number(rightId) })
      .then(async (result) => {
        const [left, right] = await Promise.all([templateOf(result.left), templateOf(result.right)]);
        setCompared({ result, left, right });
      })
      .catch((thrown: unknown) => setError(toApiError(thrown)))
      .finally(() => setBusy(false));
  };

  const result = compared?.result ?? null;
  const rows = result ? result.rows.filter((r) => !onlyChanges || r.changed) : [];
  const changedCount = result ? result.rows.filter((r) => r.changed).length : 0;
  const sideHeading = (a: AssessmentSummary): string => t('risk.compare_side', { date: formatDay(whenOf(a), language), status: t(`risk.status_${a.status}`) });

  return (
    <section className="risk-compare" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('risk.compare_title', { person: personLabel })}</h4>
      <div className="field-row">
        <SelectField name="compareLeft" label={t('risk.compare_left')} value={leftId} options={options} onChange={setLeftId} />
        <SelectField name="compareRight" label={t('risk.compare_right')} value={rightId} options={options} onChange={setRightId} />
      </div>
      {sameChosen ? <ErrorAlert>{t('risk.compare_same')}</ErrorAlert> : null}
      <ApiErrorAlert error={error} />
      <div className="actions">
        <button type="button" onClick={compare} disabled={busy}>
          {busy ? t('app.busy') : t('risk.compare_run')}
        </button>
      </div>
      {result && compared ? (
        <div className="risk-compare-result" role="region" aria-label={t('risk.compare_result_label')}>
          <div className="table-scroll">
            <table className="risk-compare-table">
              <caption>{t('risk.compare_judgements_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('risk.compare_col_judgement')}</th>
                  <th scope="col">{sideHeading(result.left)}</th>
                  <th scope="col">{sideHeading(result.right)}</th>
                  <th scope="col">{t('risk.compare_col_change')}</th>
                </tr>
              </thead>
              <tbody>
                {result.judgements.map((j) => (
                  <tr key={j.outputId} className={j.changed ? 'is-changed' : undefined}>
                    <th scope="row">{localize(j.label, language)}</th>
                    <td>
                      <RiskLevelBadge level={j.left} />
                    </td>
                    <td>
                      <RiskLevelBadge level={j.right} />
                    </td>
                    <td>{j.changed ? <strong className="risk-changed-mark">{t('risk.changed')}</strong> : t('risk.unchanged')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p role="status">{t('risk.compare_count', { changed: changedCount, total: result.rows.length })}</p>
          <CheckboxField name="onlyChanges" label={t('risk.compare_only_changes')} checked={onlyChanges} onChange={setOnlyChanges} />
          <div className="table-scroll">
            <table className="risk-compare-table">
              <caption>{t('risk.compare_factors_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('risk.compare_col_factor')}</th>
                  <th scope="col">{t('risk.compare_col_perpetrator')}</th>
                  <th scope="col">{sideHeading(result.left)}</th>
                  <th scope="col">{sideHeading(result.right)}</th>
                  <th scope="col">{t('risk.compare_col_change')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{t('risk.compare_no_changes')}</td>
                  </tr>
                ) : (
                  rows.map((r) => (
                    <tr key={`${r.itemId}-${r.perpetratorId ?? ''}`} className={r.changed ? 'is-changed' : undefined}>
                      <th scope="row">{localize(r.label, language)}</th>
                      <td>{r.perpetratorId === null ? '–' : perpetratorNameById(t, caseDetail.perpetrators, r.perpetratorId)}</td>
                      <td className="pl-prewrap">{answerText(t, language, findItem(compared.left, r.itemId) ?? findItem(compared.right, r.itemId), r.left)}</td>
                      <td className="pl-prewrap">
                        {answerText(t, language, findItem(compared.right, r.itemId) ?? findItem(compared.left, r.itemId), r.right)}
                      </td>
                      <td>{r.changed ? <strong className="risk-changed-mark">{t('risk.changed')}</strong> : t('risk.unchanged')}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
