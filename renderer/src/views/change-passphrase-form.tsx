import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { call } from '../api/client';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { TextField } from '../components/text-field';
import { NewPassphraseFields } from '../components/new-passphrase-fields';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';

const FIELDS = ['currentPassphrase', 'newPassphrase', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY: Record<Field, string> = { currentPassphrase: '', newPassphrase: '', confirm: '' };

export function ChangePassphraseForm() {
  const t = useT();
  const titleId = useId();
  const [values, setValues] = useState(EMPTY);
  const [changed, setChanged] = useState(false);
  const { formRef, errors: fieldErrors, apiError, busy, submit } = useFormSubmit(FIELDS);
  const set = (field: Field) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  const wrongCurrent = apiError?.code === 'wrong_credentials';

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setChanged(false);
    const input = { currentPassphrase: values.currentPassphrase, newPassphrase: values.newPassphrase };
    const errors = validateInput('session:change-passphrase', input, FIELDS);
    if (values.confirm !== values.newPassphrase) errors.confirm = 'validation.passphrase_mismatch';
    void submit(
      errors,
      async () => {
        await call('session:change-passphrase', input);
        // Passphrases should not stay in memory longer than needed.
        setValues(EMPTY);
        setChanged(true);
      },
      (error) => (error.code === 'wrong_credentials' ? { focus: 'currentPassphrase' } : undefined),
    );
  };

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings.passphrase_title')}</h2>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <TextField
          name="currentPassphrase"
          type="password"
          label={t('field.current_passphrase')}
          value={values.currentPassphrase}
          onChange={set('currentPassphrase')}
          error={fieldMessage(t, fieldErrors, 'currentPassphrase')}
          invalid={wrongCurrent}
          autoComplete="current-password"
        />
        <NewPassphraseFields
          name="newPassphrase"
          label="field.new_passphrase"
          passphrase={values.newPassphrase}
          confirm={values.confirm}
          onPassphrase={set('newPassphrase')}
          onConfirm={set('confirm')}
          passphraseError={fieldMessage(t, fieldErrors, 'newPassphrase')}
          confirmError={fieldMessage(t, fieldErrors, 'confirm')}
        />
        <ApiErrorAlert error={apiError} />
        {changed ? <SuccessNotice>{t('settings.passphrase_changed')}</SuccessNotice> : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('app.busy') : t('settings.passphrase_submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
