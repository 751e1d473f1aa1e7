import type { ReactNode } from 'react';
import type { ApiError } from '../../../core/contract';
import { describeError, errorDetail } from '../api/error-text';
import { useLanguageStore } from '../i18n/language-store';
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

/**
 * An API error in the user's language, followed by why it was refused (in the same language) when the fields do not
 * already show what is wrong (`issuesShown`, from useFormSubmit). For the answers to forms and actions.
 */
export function DetailedErrorAlert({ error, issuesShown = false }: { error: ApiError | null; issuesShown?: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  if (!error) return null;
  const detail = errorDetail(t, language, error, issuesShown);
  return (
    <ErrorAlert>
      <p>{describeError(t, error)}</p>
      {detail ? <p className="error-detail">{detail}</p> : null}
    </ErrorAlert>
  );
}

/** A calm confirmation that something worked; announced politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-success" role="status">
      {children}
    </p>
  );
}
