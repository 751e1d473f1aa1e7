import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { OpenDemoButton } from '../components/open-demo-button';
import { UsernameField } from '../components/credential-fields';
import { TextField } from '../components/text-field';
import { ApiErrorAlert } from '../components/messages';
import { NewPassphraseFields } from '../components/new-passphrase-fields';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { setUp } from '../session/session-actions';
import { PublicFrame } from './public-frame';

const FIELDS = ['teamName', 'username', 'displayName', 'passphrase', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY: Record<Field, string> = { teamName: '', username: '', displayName: '', passphrase: '', confirm: '' };

/** First run: names the team and creates the first administrator. */
export function SetupScreen() {
  const t = useT();
  const [values, setValues] = useState(EMPTY);
  const { formRef, errors: fieldErrors, apiError, busy, submit } = useFormSubmit(FIELDS);
  const set = (field: Field) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  const error = (field: Field) => fieldMessage(t, fieldErrors, field);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = {
      teamName: values.teamName,
      username: values.username,
      displayName: values.displayName,
      passphrase: values.passphrase,
    };
    const errors = validateInput('session:setup', input, FIELDS);
    if (values.confirm !== values.passphrase) errors.confirm = 'validation.passphrase_mismatch';
    void submit(errors, () => setUp(input));
  };

  return (
    <PublicFrame>
      <div className="card">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <TextField
            name="teamName"
            label={t('field.team_name')}
            hint={t('field.team_name_hint')}
            value={values.teamName}
            onChange={set('teamName')}
            error={error('teamName')}
            autoComplete="organization"
            autoFocus
          />
          <UsernameField hint={t('field.username_hint')} value={values.username} onChange={set('username')} error={error('username')} />
          <TextField
            name="displayName"
            label={t('field.display_name')}
            value={values.displayName}
            onChange={set('displayName')}
            error={error('displayName')}
            autoComplete="name"
          />
          <NewPassphraseFields
            name="passphrase"
            label="field.passphrase"
            passphrase={values.passphrase}
            confirm={values.confirm}
            onPassphrase={set('passphrase')}
            onConfirm={set('confirm')}
            passphraseError={error('passphrase')}
            confirmError={error('confirm')}
          />
          <ApiErrorAlert error={apiError} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? t('app.busy') : t('setup.submit')}
            </button>
          </div>
        </form>
      </div>
      <div className="card card-quiet">
        <OpenDemoButton />
      </div>
    </PublicFrame>
  );
}
