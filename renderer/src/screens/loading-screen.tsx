import { useEffect, useState } from 'react';
import type { ApiError } from '../../../core/contract';
import { toApiError } from '../api/client';
import { ApiErrorAlert } from '../components/messages';
import { useT } from '../i18n/use-t';
import { loadStatus } from '../session/session-actions';
import { PublicFrame } from './public-frame';

/** Asks the API where we are (first run, locked, unlocked); the app routes on the answer. */
export function LoadingScreen() {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    loadStatus().catch((thrown: unknown) => setError(toApiError(thrown)));
  }, [attempt]);

  return (
    <PublicFrame>
      {error ? (
        <div className="card">
          <ApiErrorAlert error={error} />
          <button
            type="button"
            onClick={() => {
              setError(null);
              setAttempt((previous) => previous + 1);
            }}
          >
            {t('app.retry')}
          </button>
        </div>
      ) : (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      )}
    </PublicFrame>
  );
}
