import type { MessageKey } from '../i18n/sv';
import { useT } from '../i18n/use-t';
import { PassphraseHint } from './passphrase-hint';
import { TextField } from './text-field';

interface NewPassphraseFieldsProps {
  /** Field name of the passphrase in the form's input ('passphrase' or 'newPassphrase'). */
  name: string;
  label: MessageKey;
  passphrase: string;
  confirm: string;
  onPassphrase: (value: string) => void;
  onConfirm: (value: string) => void;
  passphraseError: string | undefined;
  confirmError: string | undefined;
}

/** A new passphrase with its strength hint, and the repeat that must match it. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        name={props.name}
        type="password"
        label={t(props.label)}
        hint={<PassphraseHint passphrase={props.passphrase} />}
        value={props.passphrase}
        onChange={props.onPassphrase}
        error={props.passphraseError}
        autoComplete="new-password"
      />
      <TextField
        name="confirm"
        type="password"
        label={t('field.confirm_passphrase')}
        value={props.confirm}
        onChange={props.onConfirm}
        error={props.confirmError}
        autoComplete="new-password"
      />
    </>
  );
}
