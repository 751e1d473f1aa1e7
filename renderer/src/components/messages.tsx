import type { ReactNode } from 'react';
import type { ApiError } from '../../../core/contract';
import { describeError } from '../api/error-text';
import { useT } from '../i18n/use-t';

/** An error the user must notice; announced as soon as it appears. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-error" role="alert">
      {children}
    </div>
  );
}

/** An API error in the user's language, or nothing. */
export function ApiErrorAlert({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return <ErrorAlert>{describeError(t, error)}</ErrorAlert>;
}

/** A calm confirmation that something worked; announced politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-success" role="status">
      {children}
    </p>
  );
}
