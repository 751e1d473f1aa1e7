import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Role, User } from '../../../core/contract';
import { useMutation } from '../api/query';
import { ApiErrorAlert } from '../components/messages';
import { SelectField } from '../components/select-field';
import { UsernameField } from '../components/credential-fields';
import { TextField } from '../components/text-field';
import { NewPassphraseFields } from '../components/new-passphrase-fields';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';

const FIELDS = ['username', 'displayName', 'role', 'passphrase', 'confirm'] as const;
type TextFieldName = Exclude<(typeof FIELDS)[number], 'role'>;

interface Values {
  username: string;
  displayName: string;
  role: Role;
  passphrase: string;
  confirm: string;
}

const EMPTY: Values = { username: '', displayName: '', role: 'caseworker', passphrase: '', confirm: '' };

export function CreateUserForm({ roles, onCreated, onBeginChange }: { roles: readonly Role[]; onCreated: (user: User) => void; onBeginChange: () => void }) {
  const t = useT();
  const [values, setValues] = useState<Values>(EMPTY);
  const { formRef, errors: fieldErrors, apiError, busy, submit } = useFormSubmit(FIELDS);
  const createUser = useMutation('users:create', () => [['users:list'], ['users:assignees']]);
  const titleId = useId();
  const set = (field: TextFieldName) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onBeginChange();
    const input = { username: values.username, displayName: values.displayName, role: values.role, passphrase: values.passphrase };
    const errors = validateInput('users:create', input, FIELDS);
    if (values.confirm !== values.passphrase) errors.confirm = 'validation.passphrase_mismatch';
    void submit(
      errors,
      async () => {
        const user = await createUser(input);
        setValues(EMPTY);
        onCreated(user);
      },
      (error) => (error.code === 'user_exists' ? { fields: { username: 'error.user_exists' } } : undefined),
    );
  };

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('users.create_title')}</h2>
      <p>{t('users.create_intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <UsernameField
          hint={t('field.username_hint')}
          value={values.username}
          onChange={set('username')}
          error={fieldMessage(t, fieldErrors, 'username')}
          autoComplete="off"
        />
        <TextField
          name="displayName"
          label={t('field.display_name')}
          value={values.displayName}
          onChange={set('displayName')}
          error={fieldMessage(t, fieldErrors, 'displayName')}
          autoComplete="off"
        />
        <SelectField
          name="role"
          label={t('field.role')}
          value={values.role}
          options={roleOptions}
          onChange={(role) => setValues((previous) => ({ ...previous, role }))}
        />
        <NewPassphraseFields
          name="passphrase"
          label="field.initial_passphrase"
          passphrase={values.passphrase}
          confirm={values.confirm}
          onPassphrase={set('passphrase')}
          onConfirm={set('confirm')}
          passphraseError={fieldMessage(t, fieldErrors, 'passphrase')}
          confirmError={fieldMessage(t, fieldErrors, 'confirm')}
        />
        <ApiErrorAlert error={apiError?.code === 'user_exists' ? null : apiError} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('app.busy') : t('users.create_submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
