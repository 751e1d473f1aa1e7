import { channels } from '../../../core/contract';
import type { ApiIssue, Channel, ChannelInput } from '../../../core/contract';
import { issuesOf } from '../api/client';
import { FIELD_MESSAGE_VARS, validationKey } from './field-errors';
import type { MessageKey, Translate } from '../i18n/translate';

/**
 * Field messages keyed by the whole path of the issue ('survivor.personalIdentityNumber',
 * 'children.1.name'), for forms with nested and repeated fields. The keys are also the inputs'
 * names, so useFormSubmit can focus the first invalid one.
 */
export type PathErrors = Partial<Record<string, MessageKey>>;

export function pathOf(...parts: readonly (string | number)[]): string {
  return parts.filter((part) => part !== '').join('.');
}

export function pathErrorsFromIssues(issues: readonly ApiIssue[] | undefined, prefix = ''): PathErrors {
  const errors: PathErrors = {};
  for (const issue of issues ?? []) {
    const key = pathOf(prefix, ...issue.path);
    // An issue about the input as a whole has no field to show it at.
    if (key !== '' && errors[key] === undefined) errors[key] = validationKey(issue.message);
  }
  return errors;
}

/** Checks input with the channel's own schema; issue paths are prefixed when the form names its fields so. */
export function validatePaths<C extends Channel>(channel: C, input: ChannelInput<C>, prefix = ''): PathErrors {
  const result = channels[channel].input.safeParse(input);
  return result.success ? {} : pathErrorsFromIssues(issuesOf(result.error), prefix);
}

/** The translated message at a path, or undefined. */
export function messageAt(t: Translate, errors: PathErrors, path: string): string | undefined {
  const key = errors[path];
  return key === undefined ? undefined : t(key, FIELD_MESSAGE_VARS);
}
