import { useState } from 'react';
import type { ApiError } from '../../../core/contract';
import { toApiError } from '../api/client';
import { formatDate } from '../i18n/format';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { acknowledgeRollback } from '../session/session-actions';
import { useSessionStore } from '../session/session-store';
import { ApiErrorAlert } from './messages';

/**
 * Shown on every screen while the database is older than the audit chain head witnessed outside the
 * data folder (files put back), until an administrator acknowledges it.
 */
export function RollbackBanner() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const warning = useSessionStore((state) => state.status?.rollbackWarning ?? null);
  const isAdmin = useSessionStore((state) => state.status?.user?.role === 'administrator');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!warning) return null;

  const vars = {
    witnessed: warning.witnessedSequence ?? '–',
    found: warning.foundSequence,
    seenAt: warning.witnessedAt ? formatDate(warning.witnessedAt, language) : '–',
  };
  const onAcknowledge = (): void => {
    setBusy(true);
    setError(null);
    acknowledgeRollback()
      .catch((thrown: unknown) => setError(toApiError(thrown)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="demo-banner" role="alert">
      <p>
        <strong>{t('rollback.title')}</strong>
      </p>
      <p>{t(`rollback.${warning.kind}`, vars)}</p>
      <p>{t('rollback.advice')}</p>
      {isAdmin ? (
        <button type="button" className="button-secondary" onClick={onAcknowledge} disabled={busy}>
          {t('rollback.acknowledge')}
        </button>
      ) : null}
      <ApiErrorAlert error={error} />
    </div>
  );
}
