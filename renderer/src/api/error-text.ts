import type { ApiError } from '../../../core/contract';
import { LOCAL_ERROR } from '../bridge';
import { isMessageKey } from '../i18n/translate';
import type { Translate } from '../i18n/translate';

/** The user's-language text for an API error: by code, or by the renderer's own markers. */
export function describeError(t: Translate, error: ApiError): string {
  switch (error.message) {
    case LOCAL_ERROR.linkInvalid:
      return t('error.link_invalid');
    case LOCAL_ERROR.unreachable:
      return t('error.unreachable');
    case LOCAL_ERROR.badAnswer:
      return t('error.bad_answer');
  }
  if (error.code === 'disk_full' && error.neededBytes !== undefined) {
    return t('error.disk_full_needed', { megabytes: Math.ceil(error.neededBytes / (1024 * 1024)) });
  }
  const key = `error.${error.code}`;
  return isMessageKey(key) ? t(key) : error.message;
}

const LOCAL_MESSAGES: readonly string[] = Object.values(LOCAL_ERROR);

/** Codes whose message from the API says what to do: the workflow's refusal, the clashing step, the value it does not know. */
const EXPLAINED: readonly ApiError['code'][] = ['invalid_input', 'not_allowed', 'overlap', 'reason_required', 'not_found'];

/**
 * The API's own explanation to show after the translated text (which step clashes, which statuses
 * may follow), or null. Not when the form already shows what is wrong at its fields
 * (`issuesShown`), and never the renderer's own markers or a bare code.
 */
export function errorDetail(error: ApiError, issuesShown: boolean): string | null {
  if (issuesShown || !EXPLAINED.includes(error.code)) return null;
  if (LOCAL_MESSAGES.includes(error.message) || error.message === error.code) return null;
  return error.message;
}
