import { useState } from 'react';
import type { ApiError, AuditVerifyResult } from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { ApiErrorAlert, ErrorAlert, SuccessNotice } from '../components/messages';
import { ViewHeading } from '../components/view-heading';
import { LogReview } from '../audit/log-review';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../session/session-store';

/** Checks the hash chain of the audit log and says plainly whether it is intact; team leads and auditors also review the log here. */
export function AuditView() {
  const t = useT();
  const role = useSessionStore((state) => state.status?.user?.role ?? null);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = (): void => {
    setBusy(true);
    setError(null);
    setResult(null);
    call('audit:verify', {}).then(
      (answer) => {
        setResult(answer);
        setBusy(false);
      },
      (thrown: unknown) => {
        setError(toApiError(thrown));
        setBusy(false);
      },
    );
  };

  return (
    <section className="view">
      <ViewHeading>{t('audit.title')}</ViewHeading>
      <p>{t('audit.intro')}</p>
      <div className="actions">
        <button type="button" onClick={verify} disabled={busy}>
          {busy ? t('app.busy') : t('audit.verify')}
        </button>
      </div>
      <ApiErrorAlert error={error} />
      {result?.ok === true ? <SuccessNotice>{t('audit.ok', { rows: result.rows, head: String(result.headSequence) })}</SuccessNotice> : null}
      {result?.ok === false ? (
        <ErrorAlert>
          <h2 className="alarm-title">{t('audit.bad_title')}</h2>
          <p>{t('audit.bad', { sequence: String(result.firstBadSequence), rows: result.rows })}</p>
        </ErrorAlert>
      ) : null}
      {role === 'team_lead' || role === 'auditor' ? <LogReview /> : null}
    </section>
  );
}
