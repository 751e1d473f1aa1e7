import { useState } from 'react';
import type { ApiError } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { leaveDemo } from '../session/session-actions';
import { useSessionStore } from '../session/session-store';
import { ApiErrorAlert } from './messages';

/** Shown on every screen while the fictional demo database is open, so no one mistakes it for real work. */
export function DemoBanner() {
  const t = useT();
  const demo = useSessionStore((state) => state.status?.demo ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!demo) return null;

  const onLeave = (): void => {
    setBusy(true);
    setError(null);
    leaveDemo().catch((thrown: unknown) => {
      setError(toApiError(thrown));
      setBusy(false);
    });
  };

  return (
    <div className="demo-banner" role="region" aria-label={t('demo.banner')}>
      <p>
        <strong>{t('demo.banner')}</strong>
      </p>
      <button type="button" className="button-secondary" onClick={onLeave} disabled={busy}>
        {t('demo.leave')}
      </button>
      <ApiErrorAlert error={error} />
    </div>
  );
}
