import { useEffect, useRef, useState } from 'react';
import type { ApiError, ApiIssue } from '../../../core/contract';
import { toApiError } from '../api/client';
import { fieldErrorsFromIssues, hasErrors } from './field-errors';
import type { FieldErrors } from './field-errors';

export interface ErrorOutcome<F extends string> {
  /** Field messages to show in addition to any the API sent as issues. */
  fields?: FieldErrors<F>;
  /** The field to focus; by default the first invalid one. */
  focus?: F;
}

/** Turns the API's issues into field messages: by top-level field name, or (forms/path-errors.ts) by whole path. */
export type IssueMapper<F extends string> = (issues: readonly ApiIssue[] | undefined) => FieldErrors<F>;

interface FocusRequest {
  name: string | null;
  serial: number;
}

/**
 * The shared life of a form: client errors first, then the call, then the API's errors mapped back
 * to the fields. Values stay in the form's own state, so a failed save never loses what was typed.
 * `fields` are the form's top-level field names, or a mapper for forms that name fields by path.
 */
export function useFormSubmit<F extends string>(fields: readonly F[] | IssueMapper<F>) {
  const formRef = useRef<HTMLFormElement>(null);
  const busyRef = useRef(false);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [apiError, setApiError] = useState<ApiError | null>(null);
  /** Whether any of the API's issues is shown at a field; if none is, the API's own message should be. */
  const [issuesShown, setIssuesShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<FocusRequest>({ name: null, serial: 0 });

  useEffect(() => {
    if (focusRequest.serial === 0) return;
    const form = formRef.current;
    if (!form) return;
    const target = focusRequest.name === null ? form.querySelector('[aria-invalid="true"]') : form.querySelector(`[name="${focusRequest.name}"]`);
    if (target instanceof HTMLElement) target.focus();
  }, [focusRequest]);

  const requestFocus = (name: string | null): void => {
    setFocusRequest((previous) => ({ name, serial: previous.serial + 1 }));
  };

  async function submit(clientErrors: FieldErrors<F>, action: () => Promise<void>, onError?: (error: ApiError) => ErrorOutcome<F> | undefined): Promise<void> {
    if (busyRef.current) return;
    if (hasErrors(clientErrors)) {
      setErrors(clientErrors);
      setApiError(null);
      setIssuesShown(false);
      requestFocus(null);
      return;
    }
    reset();
    busyRef.current = true;
    setBusy(true);
    try {
      await action();
    } catch (thrown) {
      const error = toApiError(thrown);
      const outcome = onError?.(error);
      const fromIssues = typeof fields === 'function' ? fields(error.issues) : fieldErrorsFromIssues(error.issues, fields);
      setApiError(error);
      setIssuesShown(hasErrors(fromIssues));
      setErrors({ ...fromIssues, ...outcome?.fields });
      requestFocus(outcome?.focus ?? null);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  function reset(): void {
    setErrors({});
    setApiError(null);
    setIssuesShown(false);
  }

  return { formRef, errors, apiError, issuesShown, busy, submit, reset };
}
