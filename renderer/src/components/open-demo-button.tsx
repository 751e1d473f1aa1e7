import { useState } from 'react';
import type { ApiError } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { openDemo } from '../session/session-actions';
import { ApiErrorAlert } from './messages';

/** Opens the separate, fictional demo database. */
export function OpenDemoButton({ onOpened }: { onOpened?: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onClick = (): void => {
    setBusy(true);
    setError(null);
    openDemo().then(
      () => {
        setBusy(false);
        onOpened?.();
      },
      (thrown: unknown) => {
        setError(toApiError(thrown));
        setBusy(false);
      },
    );
  };

  return (
    <div className="demo-open">
      <p>{t('demo.open_intro')}</p>
      <button type="button" className="button-secondary" onClick={onClick} disabled={busy}>
        {t('demo.open')}
      </button>
      <ApiErrorAlert error={error} />
    </div>
  );
}
