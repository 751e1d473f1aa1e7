import type { ApiError } from '../../../core/contract';
import { hasErrors } from '../forms/field-errors';
import { useT } from '../i18n/use-t';
import { DetailedErrorAlert, ErrorAlert } from './messages';

export interface FormFooterProps {
  /** What useFormSubmit returns about the last try. */
  form: { apiError: ApiError | null; issuesShown: boolean; errors: Readonly<Record<string, unknown>>; busy: boolean };
  submitLabel: string;
  cancelLabel: string;
  /** Left out where the form stays in place (adding to a list shown above it). */
  onCancel?: (() => void) | null;
  /** True for an error the form already shows at its fields, so the alert says nothing of it. */
  shownAtFields?: (error: ApiError, issuesShown: boolean) => boolean;
  /** Say that fields need correcting when the form's own check finds mistakes (long forms: some may be out of sight). */
  summary?: boolean;
  danger?: boolean;
}

/** For shownAtFields: the API's issues are at the fields, and the generic "some details need correcting" adds nothing. */
export function issuesAtFields(error: ApiError, issuesShown: boolean): boolean {
  return error.code === 'invalid_input' && issuesShown;
}

/** For shownAtFields: the API asks for a written reason, and the form shows that at its reason field. */
export function reasonAtField(error: ApiError): boolean {
  return error.code === 'reason_required';
}

/**
 * Under a form: what went wrong (with the API's own explanation when no field shows it), then save
 * and cancel. Both buttons wait while the form is saving.
 */
export function FormFooter({ form, submitLabel, cancelLabel, onCancel, shownAtFields, summary = false, danger = false }: FormFooterProps) {
  const t = useT();
  const { apiError, issuesShown, errors, busy } = form;
  const alert = apiError && !shownAtFields?.(apiError, issuesShown) ? apiError : null;
  return (
    <>
      {alert ? (
        <DetailedErrorAlert error={alert} issuesShown={issuesShown} />
      ) : summary && hasErrors(errors) ? (
        <ErrorAlert>{t('validation.summary')}</ErrorAlert>
      ) : null}
      <div className="actions">
        <button type="submit" className={danger ? 'button-danger' : undefined} disabled={busy}>
          {busy ? t('app.busy') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
        ) : null}
      </div>
    </>
  );
}
