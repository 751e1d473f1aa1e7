import type { ApiError, RefusalParams, RefusalReason } from '../../../core/contract';
import { LOCAL_ERROR } from '../bridge';
import { formatDate } from '../i18n/format';
import type { Language } from '../i18n/language-store';
import { isMessageKey, localeOf } from '../i18n/translate';
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

/** Params whose values are enum members, with the catalogue prefix of their labels. */
const ENUM_LABELS: Readonly<Record<string, string>> = { from: 'moves.status_', to: 'moves.status_', allowed: 'moves.status_', kind: 'housing.kind_' };
/** Params that carry an ISO date, shown as the user's locale writes it. */
const DATE_PARAMS: ReadonlySet<string> = new Set(['date', 'start', 'end']);

function paramLabel(t: Translate, name: string, value: string): string {
  const key = `${ENUM_LABELS[name] ?? ''}${value}`;
  return name in ENUM_LABELS && isMessageKey(key) ? t(key) : value;
}

function paramText(t: Translate, language: Language, name: string, value: string | number | string[]): string | number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) {
    return new Intl.ListFormat(localeOf(language), { type: 'disjunction' }).format(value.map((v) => paramLabel(t, name, v)));
  }
  return DATE_PARAMS.has(name) ? formatDate(value, language) : paramLabel(t, name, value);
}

/**
 * Why the API refused, in the user's language (`refusal.<reason>` filled from its params), or null
 * when the refusal names no reason. Not when the form already shows what is wrong at its fields
 * (`issuesShown`, from useFormSubmit). The API's English `message` is never shown: it is for developers.
 */
export function errorDetail(t: Translate, language: Language, error: ApiError, issuesShown: boolean): string | null {
  if (issuesShown || error.reason === undefined) return null;
  return refusalText(t, language, error.reason, error.params);
}

/** A refusal's reason said in the user's language, filled from its params; null for a reason the catalogue lacks. */
export function refusalText(t: Translate, language: Language, reason: RefusalReason, params: RefusalParams = {}): string | null {
  const key = `refusal.${reason}`;
  if (!isMessageKey(key)) return null;
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) vars[name] = paramText(t, language, name, value);
  return t(key, vars);
}
