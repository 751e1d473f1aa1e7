import type { Ref } from 'react';
import { useT } from '../i18n/use-t';
import { TextField } from './text-field';

interface UsernameFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Marks it invalid without a message of its own (the form's alert says why). */
  invalid?: boolean;
  /** Shown where a new username is chosen. */
  hint?: string;
  /** `off` where an administrator types someone else's. */
  autoComplete?: 'username' | 'off';
  autoFocus?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** The username, the same on every screen that asks for it: no spelling help, the browser's username hint. */
export function UsernameField({ value, onChange, error, invalid, hint, autoComplete = 'username', autoFocus, ref }: UsernameFieldProps) {
  const t = useT();
  return (
    <TextField
      ref={ref}
      name="username"
      label={t('field.username')}
      hint={hint}
      value={value}
      onChange={onChange}
      error={error}
      invalid={invalid}
      autoComplete={autoComplete}
      spellCheck={false}
      autoFocus={autoFocus}
    />
  );
}

interface SignInFieldsProps {
  username: string;
  passphrase: string;
  onUsername: (value: string) => void;
  onPassphrase: (value: string) => void;
  usernameError?: string | undefined;
  passphraseError?: string | undefined;
  usernameInvalid?: boolean;
  passphraseInvalid?: boolean;
  usernameRef?: Ref<HTMLInputElement>;
}

/** Username and current passphrase: unlocking, and proving who restores a damaged database. */
export function SignInFields({
  username,
  passphrase,
  onUsername,
  onPassphrase,
  usernameError,
  passphraseError,
  usernameInvalid,
  passphraseInvalid,
  usernameRef,
}: SignInFieldsProps) {
  const t = useT();
  return (
    <>
      <UsernameField ref={usernameRef} value={username} onChange={onUsername} error={usernameError} invalid={usernameInvalid} autoFocus />
      <TextField
        name="passphrase"
        type="password"
        label={t('field.passphrase')}
        value={passphrase}
        onChange={onPassphrase}
        error={passphraseError}
        invalid={passphraseInvalid}
        autoComplete="current-password"
      />
    </>
  );
}
