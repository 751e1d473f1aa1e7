import { useEffect, useId, useRef, useState } from 'react';
import type { Assessment, CaseDetail, RiskTemplate } from '../../../core/contract';
import type { ReviewDaySettings } from '../../../core/rules/review-date';
import { call } from '../api/client';
import { useQuery } from '../api/query';
import { formatMoment } from '../lib/format';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { ConfirmInline } from '../components/confirm-inline';
import { AssessmentForm } from './assessment-form';
import { AssessmentReadOnly } from './assessment-read-only';
import { instrumentTitle } from './format';
import { AssessmentStatusBadge } from './risk-badges';

interface Loaded {
  assessment: Assessment;
  template: RiskTemplate;
}

interface AssessmentPanelProps {
  assessmentId: number;
  caseDetail: CaseDetail;
  /** Whom it assesses, as the section names them. */
  personLabel: string;
  reviewDays: ReviewDaySettings;
  onClose: () => void;
}

/** One assessment, opened from the risk section: the form while it is a draft, else read-only. */
export function AssessmentPanel({ assessmentId, caseDetail, personLabel, reviewDays, onClose }: AssessmentPanelProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The assessment with the instrument version it was made with, read together.
  const loaded = useQuery(['risk:get', { id: assessmentId }], async (): Promise<Loaded> => {
    const assessment = await call('risk:get', { id: assessmentId });
    const template = await call('risk:instrument', { templateId: assessment.templateId, version: assessment.templateVersion });
    return { assessment, template };
  });
  const [completed, setCompleted] = useState<Assessment | null>(null);
  const [dirty, setDirty] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Back from "close without saving?" to the close button, so the keyboard user keeps their place.
  useEffect(() => {
    if (!confirmClose && wasConfirming.current) closeRef.current?.focus();
    wasConfirming.current = confirmClose;
  }, [confirmClose]);
  const assessment = completed ?? loaded.data?.assessment ?? null;
  const template = loaded.data?.template ?? null;
  const ready = assessment !== null;

  // Opening (and completing) moves focus to the panel's heading, so keyboard users start at its top.
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready, completed]);

  const editable = assessment?.status === 'draft' && caseDetail.status === 'open';

  return (
    <section className="risk-panel" aria-labelledby={titleId}>
      <div className="risk-panel-head">
        <h3 id={titleId} ref={headingRef} tabIndex={-1}>
          {assessment
            ? t('risk.panel_title', { person: personLabel, instrument: instrumentTitle(t, language, assessment.templateTitle, assessment.templateVersion) })
            : t('risk.panel_loading_title')}
        </h3>
        {confirmClose ? null : (
          <button ref={closeRef} type="button" className="button-secondary" onClick={() => (dirty ? setConfirmClose(true) : onClose())}>
            {t('risk.close')}
          </button>
        )}
      </div>
      {confirmClose ? (
        <ConfirmInline
          message={t('risk.close_unsaved')}
          confirmLabel={t('risk.close_discard')}
          onConfirm={onClose}
          onCancel={() => setConfirmClose(false)}
          danger
        />
      ) : null}
      <ApiErrorAlert error={loaded.error} />
      {!ready && loaded.error === null ? <p role="status">{t('risk.loading_assessment')}</p> : null}
      {assessment && template ? (
        <>
          <p className="risk-meta">
            <AssessmentStatusBadge status={assessment.status} />{' '}
            {t('risk.started_by', { name: assessment.startedByName, when: formatMoment(assessment.startedAt, language) })}
            {assessment.completedAt
              ? ` ${t('risk.completed_by', { name: assessment.completedByName ?? '–', when: formatMoment(assessment.completedAt, language) })}`
              : null}
            {assessment.copiedFromId !== null ? ` ${t('risk.copied_note')}` : null}
          </p>
          {completed ? <SuccessNotice>{t('risk.completed_notice')}</SuccessNotice> : null}
          {editable ? (
            <AssessmentForm
              key={assessment.id}
              assessment={assessment}
              template={template}
              caseDetail={caseDetail}
              reviewDays={reviewDays}
              onDirtyChange={setDirty}
              onCompleted={setCompleted}
            />
          ) : (
            <>
              {assessment.status === 'completed' ? (
                <p className="alert alert-info">{t('risk.read_only_note')}</p>
              ) : (
                <p className="alert alert-info">{t('risk.draft_case_closed')}</p>
              )}
              <AssessmentReadOnly assessment={assessment} template={template} caseDetail={caseDetail} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
