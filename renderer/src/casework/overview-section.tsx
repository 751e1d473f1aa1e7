import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { ApiError, CaseDetail } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useCaseChange } from '../api/use-case-change';
import { FormFooter, issuesAtFields } from '../components/form-footer';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { TextAreaField } from '../components/text-area-field';
import { messageAt, pathErrorsFromIssues, validatePaths } from '../forms/path-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { FlagsFields, ResponsibilityFields, SurvivorFields } from './case-fields';
import { CaseSection } from '../components/case-section';
import { caseFieldsOf, caseUpdateInput } from './case-values';
import { isMasked } from '../../../core/contract';
import { Shown } from '../protect/masked';
import type { CaseFieldValues } from './case-values';
import { ConfirmInline } from '../components/confirm-inline';
import { formatMoment } from '../lib/format';
import { useFocusRequest } from './use-focus-request';

interface OverviewProps {
  id: string;
  detail: CaseDetail;
}

function EditCaseForm({ detail, onSaved, onCancel }: { detail: CaseDetail; onSaved: (detail: CaseDetail) => void; onCancel: () => void }) {
  const t = useT();
  const [values, setValues] = useState<CaseFieldValues>(() => caseFieldsOf(detail));
  const form = useFormSubmit(pathErrorsFromIssues);
  const { formRef, errors, submit } = form;
  const update = useCaseChange('cases:update');

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = caseUpdateInput(detail, values);
    void submit(validatePaths('cases:update', input), async () => onSaved(await update(input)));
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="case-edit-form">
      <SurvivorFields
        prefix="survivor"
        values={values.survivor}
        onChange={(survivor) => setValues((previous) => ({ ...previous, survivor }))}
        errors={errors}
        masked={isMasked(detail.survivor.safeContact)}
      />
      <FlagsFields values={values} onChange={setValues} errors={errors} />
      <ResponsibilityFields
        values={values}
        onChange={setValues}
        errors={errors}
        currentAssignee={detail.assignedUser}
        districtMasked={isMasked(detail.districtSlug)}
      />
      <FormFooter form={form} submitLabel={t('casework.save')} onCancel={onCancel} cancelLabel={t('casework.cancel')} summary />
    </form>
  );
}

function CloseCaseForm({ detail, onClosed, onCancel }: { detail: CaseDetail; onClosed: (detail: CaseDetail) => void; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const form = useFormSubmit(pathErrorsFromIssues);
  const { formRef, errors, submit } = form;
  const close = useCaseChange('cases:close');
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { id: detail.id, reason };
    void submit(validatePaths('cases:close', input), async () => onClosed(await close(input)));
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="close-case-form">
      <TextAreaField
        name="reason"
        label={t('case.close_reason')}
        hint={t('case.close_hint')}
        value={reason}
        onChange={setReason}
        error={messageAt(t, errors, 'reason')}
        rows={2}
      />
      <FormFooter
        form={form}
        submitLabel={t('case.close_submit')}
        onCancel={onCancel}
        danger
        cancelLabel={t('casework.cancel')}
        shownAtFields={issuesAtFields}
      />
    </form>
  );
}

/** The case's own details; changing them, closing with a reason, reopening. */
export function OverviewSection({ id, detail }: OverviewProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [mode, setMode] = useState<'view' | 'edit' | 'close' | 'reopen'>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { containerRef: focusRef, focusName, focusSelector } = useFocusRequest();
  const reopenCase = useCaseChange('cases:reopen');
  const s = detail.survivor;
  const open = detail.status === 'open';

  const finish = (message: string): void => {
    setMode('view');
    setNotice(message);
    focusSelector('[data-overview-action]');
  };

  const reopen = (): void => {
    setBusy(true);
    setError(null);
    reopenCase({ id: detail.id }).then(
      () => {
        setBusy(false);
        finish(t('case.reopened'));
      },
      (thrown: unknown) => {
        setBusy(false);
        setMode('view');
        setError(toApiError(thrown));
      },
    );
  };

  const begin = (next: typeof mode): void => {
    setNotice(null);
    setError(null);
    setMode(next);
    if (next === 'edit') focusName('survivor.name');
    else if (next === 'close') focusName('reason');
    else if (next === 'view') focusSelector('[data-overview-action]');
  };

  const yesNo = (value: boolean): string => t(value ? 'casework.yes' : 'casework.no');

  return (
    <CaseSection id={id} title={t('case.overview_title')}>
      <div ref={focusRef}>
        {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
        <ApiErrorAlert error={error} />
        {!open ? (
          <div className="alert alert-info">
            <p>{t('case.closed_info', { date: detail.closedAt ? formatMoment(detail.closedAt, language) : '–' })}</p>
            {detail.closedReason ? <p className="preserve-lines">{t('case.closed_reason', { reason: detail.closedReason })}</p> : null}
          </div>
        ) : null}
        {mode === 'edit' ? (
          <EditCaseForm detail={detail} onSaved={() => finish(t('case.saved'))} onCancel={() => begin('view')} />
        ) : (
          <>
            <dl className="facts">
              <dt>{t('case.survivor_name')}</dt>
              <dd>{s.name}</dd>
              <dt>{t('case.pin_short')}</dt>
              <dd className={s.personalIdentityNumber ? 'mono' : undefined}>{s.personalIdentityNumber ?? t('casework.not_given')}</dd>
              <dt>{t('case.gender')}</dt>
              <dd>{t(`gender.${s.gender}`)}</dd>
              <dt>{t('case.birth_year')}</dt>
              <dd>{s.birthYear ?? t('casework.not_given')}</dd>
              <dt>{t('case.language')}</dt>
              <dd>
                {s.language || t('casework.not_given')}
                {s.interpreterNeeded ? ` – ${t('case.interpreter_needed')}` : ''}
              </dd>
              <dt>{t('case.safe_contact')}</dt>
              <dd className="preserve-lines">
                <Shown value={s.safeContact}>{(contact) => contact || t('casework.not_given')}</Shown>
              </dd>
              <dt>{t('case.protection_level')}</dt>
              <dd>{t(`protection.${detail.protectionLevel}`)}</dd>
              <dt>{t('case.honour_context')}</dt>
              <dd>{yesNo(detail.honourContext)}</dd>
              <dt>{t('case.vulnerabilities')}</dt>
              <dd>
                {detail.vulnerabilities.length === 0 ? t('casework.none') : detail.vulnerabilities.map((v) => t(`vulnerability.${v}`)).join(', ')}
                {detail.vulnerabilityNote ? <span className="preserve-lines block">{detail.vulnerabilityNote}</span> : null}
              </dd>
            </dl>
            {mode === 'close' ? (
              <CloseCaseForm detail={detail} onClosed={() => finish(t('case.closed_done'))} onCancel={() => begin('view')} />
            ) : mode === 'reopen' ? (
              <ConfirmInline message={t('case.reopen_confirm')} confirmLabel={t('case.reopen')} busy={busy} onConfirm={reopen} onCancel={() => begin('view')} />
            ) : (
              <div className="actions">
                {open ? (
                  <>
                    <button type="button" data-overview-action onClick={() => begin('edit')}>
                      {t('case.edit')}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => begin('close')}>
                      {t('case.close')}
                    </button>
                  </>
                ) : (
                  <button type="button" data-overview-action onClick={() => begin('reopen')}>
                    {t('case.reopen')}
                  </button>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </CaseSection>
  );
}
