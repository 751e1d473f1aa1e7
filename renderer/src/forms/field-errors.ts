import { PASSPHRASE_MIN_LENGTH, channels } from '../../../core/contract';
import type { ApiIssue, Channel, ChannelInput } from '../../../core/contract';
import { issuesOf } from '../api/client';
import { isMessageKey } from '../i18n/translate';
import type { MessageKey } from '../i18n/translate';

/** Per field, the message to show; absent when the field is fine. */
export type FieldErrors<F extends string> = Partial<Record<F, MessageKey>>;

/** Placeholder values any field message may use. */
export const FIELD_MESSAGE_VARS = { min: PASSPHRASE_MIN_LENGTH } as const;

/** Zod messages are keys such as 'username_format'; unknown ones get a generic text rather than English internals. */
export function validationKey(message: string): MessageKey {
  const key = `validation.${message}`;
  return isMessageKey(key) ? key : 'validation.generic';
}

/** The first issue of each top-level field, so each field shows one clear message. */
export function fieldErrorsFromIssues<F extends string>(issues: readonly ApiIssue[] | undefined, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues ?? []) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field !== undefined && errors[field] === undefined) errors[field] = validationKey(issue.message);
  }
  return errors;
}

/** Checks a form's input with the channel's own schema, as the handler will. */
export function validateInput<C extends Channel, F extends string>(channel: C, input: ChannelInput<C>, fields: readonly F[]): FieldErrors<F> {
  const result = channels[channel].input.safeParse(input);
  return result.success ? {} : fieldErrorsFromIssues(issuesOf(result.error), fields);
}

export function hasErrors(errors: Readonly<Record<string, unknown>>): boolean {
  return Object.values(errors).some((value) => value !== undefined);
}

/** The translated message of one field, or undefined when it has none. */
export function fieldMessage<F extends string>(
  t: (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string,
  errors: FieldErrors<F>,
  field: F,
): string | undefined {
  const key = errors[field];
  return key === undefined ? undefined : t(key, FIELD_MESSAGE_VARS);
}
