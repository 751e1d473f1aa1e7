import type { ApiError } from '../../../core/contract';
import { LOCAL_ERROR } from '../bridge';
import { describeError } from '../api/error-text';
import { ErrorAlert } from '../components/messages';
import { useT } from '../i18n/use-t';

const LOCAL_MESSAGES: readonly string[] = Object.values(LOCAL_ERROR);

/** Codes whose message from the API says what to do: the workflow's refusal, the clashing step, and so on. */
const EXPLAINED: readonly ApiError['code'][] = ['not_allowed', 'overlap', 'reason_required', 'not_found', 'invalid_input'];

/**
 * An API error in the user's language, followed by the API's own explanation when it has one
 * (which step clashes, which statuses are allowed next). Field issues are shown at the fields instead.
 */
export function DetailedErrorAlert({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  const detail =
    EXPLAINED.includes(error.code) && !LOCAL_MESSAGES.includes(error.message) && error.message !== error.code && (error.issues ?? []).length === 0
      ? error.message
      : null;
  return (
    <ErrorAlert>
      <p>{describeError(t, error)}</p>
      {detail ? <p className="pl-error-detail">{detail}</p> : null}
    </ErrorAlert>
  );
}
