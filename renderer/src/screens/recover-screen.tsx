import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { ApiErrorAlert, ErrorAlert } from '../components/messages';
import { UsernameField } from '../components/credential-fields';
import { TextField } from '../components/text-field';
import { NewPassphraseFields } from '../components/new-passphrase-fields';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { formatSeconds } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { recover } from '../session/session-actions';
import { useCountdown } from '../session/use-countdown';
import { PublicFrame } from './public-frame';

const FIELDS = ['recoveryKey', 'username', 'newPassphrase', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY: Record<Field, string> = { recoveryKey: '', username: '', newPassphrase: '', confirm: '' };

/** Sets a new passphrase for one user with the organisation recovery key, then unlocks. */
export function RecoverScreen({ onBack }: { onBack: () => void }) {
  const t = useT();
  const [values, setValues] = useState(EMPTY);
  const { formRef, errors: fieldErrors, apiError, busy, submit } = useFormSubmit(FIELDS);
  const countdown = useCountdown(0);
  const throttled = countdown.remaining > 0;
  const set = (field: Field) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  const error = (field: Field) => fieldMessage(t, fieldErrors, field);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (throttled) return;
    const input = { recoveryKey: values.recoveryKey, username: values.username, newPassphrase: values.newPassphrase };
    const errors = validateInput('session:recover', input, FIELDS);
    if (values.confirm !== values.newPassphrase) errors.confirm = 'validation.passphrase_mismatch';
    void submit(
      errors,
      () => recover(input),
      (apiError) => {
        if (apiError.code === 'wrong_recovery_key') return { focus: 'recoveryKey' };
        if (apiError.code === 'not_found') return { focus: 'username' };
        if (apiError.code === 'too_many_attempts') countdown.start(apiError.retryAfterSeconds ?? 0);
        return undefined;
      },
    );
  };

  return (
    <PublicFrame>
      <div className="card">
        <h1>{t('recover.title')}</h1>
        <p>{t('recover.intro')}</p>
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <TextField
            name="recoveryKey"
            className="field-mono"
            label={t('field.recovery_key')}
            value={values.recoveryKey}
            onChange={set('recoveryKey')}
            error={error('recoveryKey')}
            invalid={apiError?.code === 'wrong_recovery_key'}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
          <UsernameField value={values.username} onChange={set('username')} error={error('username')} invalid={apiError?.code === 'not_found'} />
          <NewPassphraseFields
            name="newPassphrase"
            label="field.new_passphrase"
            passphrase={values.newPassphrase}
            confirm={values.confirm}
            onPassphrase={set('newPassphrase')}
            onConfirm={set('confirm')}
            passphraseError={error('newPassphrase')}
            confirmError={error('confirm')}
          />
          {throttled ? (
            <>
              <ErrorAlert>{t('error.too_many_attempts')}</ErrorAlert>
              <p className="countdown" role="timer">
                {t('unlock.retry_in', { time: formatSeconds(countdown.remaining) })}
              </p>
            </>
          ) : (
            <ApiErrorAlert error={apiError} />
          )}
          <div className="actions">
            <button type="submit" disabled={busy || throttled}>
              {busy ? t('app.busy') : t('recover.submit')}
            </button>
            <button type="button" className="button-link" onClick={onBack}>
              {t('recover.back')}
            </button>
          </div>
        </form>
      </div>
    </PublicFrame>
  );
}
