import { useId, useRef, useState } from 'react';
import { channels } from '../../../core/contract';
import type { Answer, Assessment, CaseDetail, Judgement, OutputField, RiskLevel, RiskTemplate, TemplateItem } from '../../../core/contract';
import { completionGaps, headlineLevel, headlineOutput } from '../../../core/rules/risk-completion';
import { defaultReviewDate, reviewDaysFor } from '../../../core/rules/review-date';
import type { ReviewDaySettings } from '../../../core/rules/review-date';
import { issuesOf } from '../api/client';
import { caseDetailKey, caseSectionKey } from '../api/case-queries';
import { useMutation } from '../api/query';
import { ConfirmInline } from '../components/confirm-inline';
import { formatDay, today } from '../lib/format';
import { DateField } from '../components/date-field';
import { DetailedErrorAlert, ErrorAlert, SuccessNotice } from '../components/messages';
import { TextAreaField } from '../components/text-area-field';
import { hasErrors } from '../forms/field-errors';
import { messageAt } from '../forms/path-errors';
import type { PathErrors } from '../forms/path-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { ChoiceGroup } from './choice-group';
import type { Choice } from './choice-group';
import { EMPTY_JUDGEMENT, answersOf, gapErrors, initialDraft, issuesToErrors, judgementName, judgementsOf } from './draft-state';
import type { DraftState, JudgementDraft } from './draft-state';
import { LEVELS, answerKey, answerName, localize, perpetratorName } from './format';
import { SummaryPanel } from './summary-panel';

interface AssessmentFormProps {
  assessment: Assessment;
  template: RiskTemplate;
  caseDetail: CaseDetail;
  reviewDays: ReviewDaySettings;
  onCompleted: (assessment: Assessment) => void;
  /** Told when the form gets changes not yet saved, and when they are saved. */
  onDirtyChange: (dirty: boolean) => void;
}

type Errors = PathErrors;

function ItemFields({
  item,
  draft,
  caseDetail,
  errors,
  setAnswer,
}: {
  item: TemplateItem;
  draft: DraftState;
  caseDetail: CaseDetail;
  errors: Errors;
  setAnswer: (itemId: string, perpetratorId: number | null, value: string) => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const label = localize(item.label, language);
  const help = item.help ? localize(item.help, language) : undefined;
  const choices: Choice[] =
    item.kind === 'scale'
      ? (item.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, language) }))
      : [
          { value: 'yes', label: t('risk.answer_yes') },
          { value: 'no', label: t('risk.answer_no') },
          { value: 'unknown', label: t('risk.answer_unknown') },
        ];

  const one = (perpetratorId: number | null, legend: string, hint: string | undefined) => {
    const name = answerName(item.id, perpetratorId);
    const value = draft.answers[answerKey(item.id, perpetratorId)] ?? '';
    if (item.kind === 'text') {
      return (
        <TextAreaField
          key={name}
          name={name}
          label={legend}
          hint={hint}
          value={value}
          onChange={(v) => setAnswer(item.id, perpetratorId, v)}
          error={messageAt(t, errors, name)}
        />
      );
    }
    return (
      <ChoiceGroup
        key={name}
        name={name}
        legend={legend}
        hint={hint}
        choices={choices}
        value={value === '' ? null : value}
        onChange={(v) => setAnswer(item.id, perpetratorId, v)}
        clearLabel={t('risk.clear_answer')}
        onClear={() => setAnswer(item.id, perpetratorId, '')}
        error={messageAt(t, errors, name)}
        className={perpetratorId === null ? undefined : 'risk-choice-perpetrator'}
      />
    );
  };

  if (!item.perPerpetrator) return one(null, label, help);
  return (
    <fieldset className="risk-item-per">
      <legend>{label}</legend>
      {help ? <div className="field-hint">{help}</div> : null}
      <p className="risk-per-note">{t('risk.per_perpetrator_note')}</p>
      {caseDetail.perpetrators.length === 0 ? (
        <p className="muted">{t('risk.no_perpetrators')}</p>
      ) : (
        caseDetail.perpetrators.map((p) => one(p.id, perpetratorName(t, p), undefined))
      )}
    </fieldset>
  );
}

function JudgementFields({
  output,
  value,
  errors,
  onChange,
}: {
  output: OutputField;
  value: JudgementDraft;
  errors: Errors;
  onChange: (change: Partial<JudgementDraft>) => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const label = localize(output.label, language);
  const help = output.help ? localize(output.help, language) : undefined;
  if (output.kind === 'text') {
    const name = judgementName(output.id, 'text');
    return (
      <TextAreaField
        name={name}
        label={label}
        hint={help}
        value={value.text}
        onChange={(text) => onChange({ text })}
        error={messageAt(t, errors, name)}
        required
      />
    );
  }
  return (
    <div className="risk-judgement">
      <ChoiceGroup
        name={judgementName(output.id, 'level')}
        legend={output.headline ? t('risk.judgement_headline_legend', { label }) : label}
        hint={help}
        choices={LEVELS.map((level) => ({ value: level, label: t(`risk.level_${level}`) }))}
        value={value.level}
        onChange={(level) => onChange({ level: level as RiskLevel })}
        error={messageAt(t, errors, judgementName(output.id, 'level'))}
        className="risk-choice-level"
      />
      <TextAreaField
        name={judgementName(output.id, 'reason')}
        label={t('risk.judgement_reason', { label })}
        hint={t('risk.judgement_reason_hint')}
        value={value.reason}
        onChange={(reason) => onChange({ reason })}
        error={messageAt(t, errors, judgementName(output.id, 'reason'))}
        required
      />
    </div>
  );
}

/**
 * A draft assessment: the template's sections and items, the supporting summary beside them, the
 * caseworker's judgement of every output, the survivor's own view, and the next review date.
 */
export function AssessmentForm({ assessment, template, caseDetail, reviewDays, onCompleted, onDirtyChange }: AssessmentFormProps) {
  const caseId = caseDetail.id;
  // A draft saved changes the case's list of assessments; completing one also the case header's
  // level and its reminders (the review it leaves).
  const saveAndList = useMutation('risk:save-draft', () => [caseSectionKey('risk:list', caseId)]);
  const saveBeforeComplete = useMutation('risk:save-draft');
  const completeAssessment = useMutation('risk:complete', () => [
    caseSectionKey('risk:list', caseId),
    caseDetailKey(caseId),
    caseSectionKey('reminders:list', caseId),
    ['reminders:due'],
  ]);
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const judgementId = useId();
  const [draft, setDraft] = useState<DraftState>(() => initialDraft(assessment));
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const sent = useRef<{ answers: Answer[]; judgements: Judgement[] }>({ answers: [], judgements: [] });
  const form = useFormSubmit<string>((issues) => issuesToErrors(issues, sent.current.answers, sent.current.judgements));
  const { formRef, busy, apiError, issuesShown, submit } = form;
  // A field changed since the last check no longer shows that check's message (the next check looks again).
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const errors: Errors = Object.fromEntries(Object.entries(form.errors).filter(([name]) => !edited.has(name)));
  const check = (): void => setEdited(new Set());

  const answers = answersOf(template, draft.answers, caseDetail.perpetrators);
  const judgements = judgementsOf(template, draft.judgements);
  const headline = headlineOutput(template);
  const level = headlineLevel(template, judgements);
  const defaultDate = level === null ? null : defaultReviewDate(today(), level, reviewDays);
  const reviewValue = draft.review.touched ? draft.review.value : (defaultDate ?? '');
  const forChild = assessment.childId !== null;

  const [dirty, setDirty] = useState(false);
  const markDirty = (value: boolean): void => {
    setDirty(value);
    onDirtyChange(value);
  };
  const change = (name: string, next: (d: DraftState) => DraftState): void => {
    setNotice(null);
    if (!dirty) markDirty(true);
    setEdited((previous) => (previous.has(name) ? previous : new Set(previous).add(name)));
    setDraft(next);
  };
  const setAnswer = (itemId: string, perpetratorId: number | null, value: string): void =>
    change(answerName(itemId, perpetratorId), (d) => ({ ...d, answers: { ...d.answers, [answerKey(itemId, perpetratorId)]: value } }));
  const setJudgement = (outputId: string, part: Partial<JudgementDraft>): void => {
    const field = part.level !== undefined ? 'level' : part.reason !== undefined ? 'reason' : 'text';
    change(judgementName(outputId, field), (d) => ({
      ...d,
      judgements: { ...d.judgements, [outputId]: { ...(d.judgements[outputId] ?? EMPTY_JUDGEMENT), ...part } },
    }));
  };

  const input = () => {
    const typed = draft.review.value.trim();
    const nextReviewDate = draft.review.touched && typed !== '' ? typed : null;
    return { id: assessment.id, answers, judgements, survivorView: draft.survivorView, nextReviewDate };
  };

  const schemaErrors = (): Errors => {
    const i = input();
    sent.current = { answers: i.answers, judgements: i.judgements };
    // The schema's paths use indexes; the form's fields use item and output ids.
    const parsed = channels['risk:save-draft'].input.safeParse(i);
    return parsed.success ? {} : issuesToErrors(issuesOf(parsed.error), i.answers, i.judgements);
  };

  const saveDraft = (): void => {
    check();
    setConfirming(false);
    setNotice(null);
    const i = input();
    void submit(schemaErrors(), async () => {
      await saveAndList(i);
      markDirty(false);
      setNotice(t('risk.draft_saved'));
    });
  };

  const askComplete = (): void => {
    check();
    setNotice(null);
    const i = input();
    const errs: Errors = { ...schemaErrors(), ...gapErrors(completionGaps(template, i.judgements)) };
    if (i.nextReviewDate !== null && errs.nextReviewDate === undefined && i.nextReviewDate < today()) errs.nextReviewDate = 'validation.review_date_past';
    if (hasErrors(errs)) {
      setConfirming(false);
      void submit(errs, async () => undefined);
      return;
    }
    form.reset();
    setConfirming(true);
  };

  const complete = (): void => {
    check();
    const i = input();
    sent.current = { answers: i.answers, judgements: i.judgements };
    void submit({}, async () => {
      await saveBeforeComplete(i);
      markDirty(false);
      onCompleted(await completeAssessment({ id: assessment.id }));
    }).then(() => setConfirming(false));
  };

  const alert = apiError && !(apiError.code === 'invalid_input' && issuesShown) ? apiError : null;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => event.preventDefault()}
      // Escape leaves the case; not from a draft with unsaved changes.
      onKeyDown={(event) => {
        if (event.key === 'Escape' && dirty) event.preventDefault();
      }}
      className="risk-form"
      aria-label={t('risk.form_label')}
    >
      {template.description ? <p className="muted">{localize(template.description, language)}</p> : null}
      {template.sections.map((section) => (
        <section key={section.id} className="risk-form-section">
          <h4>{localize(section.title, language)}</h4>
          {section.items.map((item) => (
            <ItemFields key={item.id} item={item} draft={draft} caseDetail={caseDetail} errors={errors} setAnswer={setAnswer} />
          ))}
        </section>
      ))}
      <SummaryPanel template={template} answers={answers} perpetrators={caseDetail.perpetrators} />
      <section className="risk-form-section risk-judgements" aria-labelledby={judgementId}>
        <h4 id={judgementId}>{t('risk.judgement_title')}</h4>
        <p>{t('risk.judgement_intro')}</p>
        {template.outputs.map((output) => (
          <JudgementFields
            key={output.id}
            output={output}
            value={draft.judgements[output.id] ?? EMPTY_JUDGEMENT}
            errors={errors}
            onChange={(part) => setJudgement(output.id, part)}
          />
        ))}
      </section>
      <section className="risk-form-section">
        <h4>{t(forChild ? 'risk.own_view_title_child' : 'risk.own_view_title')}</h4>
        <TextAreaField
          name="survivorView"
          label={t(forChild ? 'risk.own_view_child' : 'risk.own_view')}
          hint={t('risk.own_view_hint')}
          value={draft.survivorView}
          onChange={(survivorView) => change('survivorView', (d) => ({ ...d, survivorView }))}
          error={messageAt(t, errors, 'survivorView')}
          rows={4}
        />
      </section>
      <section className="risk-form-section">
        <h4>{t('risk.review_title')}</h4>
        <DateField
          name="nextReviewDate"
          label={t('risk.review_date')}
          value={reviewValue}
          onChange={(value) => change('nextReviewDate', (d) => ({ ...d, review: { touched: true, value } }))}
          error={messageAt(t, errors, 'nextReviewDate')}
          hint={
            level === null || defaultDate === null
              ? t('risk.review_hint_no_level', {
                  output: headline ? localize(headline.label, language) : '',
                  high: reviewDays.reviewDaysHigh,
                  medium: reviewDays.reviewDaysMedium,
                  low: reviewDays.reviewDaysLow,
                })
              : t(draft.review.touched ? 'risk.review_hint_changed' : 'risk.review_hint_default', {
                  level: t(`risk.level_${level}`),
                  days: reviewDaysFor(level, reviewDays),
                  date: formatDay(defaultDate, language),
                })
          }
        />
        {draft.review.touched ? (
          <button type="button" className="button-link" onClick={() => change('nextReviewDate', (d) => ({ ...d, review: { touched: false, value: '' } }))}>
            {t('risk.review_use_default')}
          </button>
        ) : null}
        <p className="muted">{t('risk.review_reminder_note')}</p>
      </section>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {alert ? <DetailedErrorAlert error={alert} issuesShown={issuesShown} /> : hasErrors(errors) ? <ErrorAlert>{t('risk.fix_marked')}</ErrorAlert> : null}
      {confirming ? (
        <ConfirmInline
          message={t('risk.complete_confirm')}
          confirmLabel={t('risk.complete_yes')}
          onConfirm={complete}
          onCancel={() => setConfirming(false)}
          busy={busy}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button-secondary" onClick={saveDraft} disabled={busy}>
            {busy ? t('app.busy') : t('risk.save_draft')}
          </button>
          <button type="button" onClick={askComplete} disabled={busy} data-risk-complete>
            {t('risk.complete')}
          </button>
        </div>
      )}
    </form>
  );
}
