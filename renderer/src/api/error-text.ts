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
  const key = `error.${error.code}`;
  return isMessageKey(key) ? t(key) : error.message;
}
