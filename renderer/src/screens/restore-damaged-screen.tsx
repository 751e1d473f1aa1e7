import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { BackupEntry } from '../../../core/contract';
import { call } from '../api/client';
import { ApiErrorAlert, ErrorAlert, SuccessNotice } from '../components/messages';
import { SignInFields } from '../components/credential-fields';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { formatSeconds } from '../i18n/format';
import { useLanguageStore } from '../i18n/language-store';
import { formatMegabytes, formatMoment } from '../lib/format';
import { useT } from '../i18n/use-t';
import { applyStatus } from '../session/session-actions';
import { useCountdown } from '../session/use-countdown';
import { PublicFrame } from './public-frame';

const FIELDS = ['username', 'passphrase', 'folder'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Restores a backup over a damaged database, from the unlock screen: an administrator's username
 * and passphrase (checked against the key file), then a backup from the folder, newest first.
 */
export function RestoreDamagedScreen({ onBack }: { onBack: () => void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [values, setValues] = useState<Record<Field, string>>({ username: '', passphrase: '', folder: '' });
  const [found, setFound] = useState<{ folder: string; backups: BackupEntry[] } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const { formRef, errors, apiError, busy, submit } = useFormSubmit(FIELDS);
  const countdown = useCountdown(0);
  const throttled = countdown.remaining > 0;

  const set = (field: Field) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    // Other credentials or another folder: the list shown no longer belongs to them.
    setFound(null);
    setChosen(null);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (throttled) return;
    const credentials = { username: values.username, passphrase: values.passphrase, folder: values.folder.trim() === '' ? null : values.folder };
    const onError = (error: { code: string; retryAfterSeconds?: number }) => {
      if (error.code === 'wrong_credentials') {
        setValues((previous) => ({ ...previous, passphrase: '' }));
        setFound(null);
        return { focus: 'passphrase' as const };
      }
      if (error.code === 'too_many_attempts') countdown.start(error.retryAfterSeconds ?? 0);
      return undefined;
    };
    if (found && chosen) {
      const input = { ...credentials, fileName: chosen };
      void submit(
        validateInput('session:restore-damaged', input, FIELDS),
        async () => {
          applyStatus(await call('session:restore-damaged', input));
          setRestored(true);
          setValues({ username: '', passphrase: '', folder: '' });
        },
        onError,
      );
      return;
    }
    void submit(
      validateInput('session:damaged-backups', credentials, FIELDS),
      async () => {
        const result = await call('session:damaged-backups', credentials);
        setFound(result);
        setChosen(result.backups[0]?.fileName ?? null);
      },
      onError,
    );
  };

  if (restored) {
    return (
      <PublicFrame>
        <div className="card">
          <h1>{t('damaged.restore_title')}</h1>
          <SuccessNotice>{t('damaged.restored')}</SuccessNotice>
          <div className="actions">
            <button type="button" onClick={onBack} autoFocus>
              {t('damaged.to_unlock')}
            </button>
          </div>
        </div>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame>
      <div className="card">
        <h1>{t('damaged.restore_title')}</h1>
        <p>{t('damaged.restore_intro')}</p>
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <SignInFields
            username={values.username}
            passphrase={values.passphrase}
            onUsername={set('username')}
            onPassphrase={set('passphrase')}
            usernameError={fieldMessage(t, errors, 'username')}
            passphraseError={fieldMessage(t, errors, 'passphrase')}
            usernameInvalid={apiError?.code === 'wrong_credentials' || apiError?.code === 'forbidden'}
            passphraseInvalid={apiError?.code === 'wrong_credentials'}
          />
          <TextField
            name="folder"
            label={t('damaged.folder')}
            value={values.folder}
            onChange={set('folder')}
            error={fieldMessage(t, errors, 'folder')}
            hint={t('damaged.folder_hint')}
            spellCheck={false}
          />
          {found ? (
            found.backups.length === 0 ? (
              <p role="status">{t('damaged.none', { folder: found.folder })}</p>
            ) : (
              <fieldset className="form-group">
                <legend>{t('damaged.choose')}</legend>
                {found.backups.map((entry, index) => {
                  const label = t('damaged.entry', { date: formatMoment(entry.createdAt, language), size: formatMegabytes(entry.sizeBytes, language) });
                  return (
                    <label key={entry.fileName} className="checkbox-field">
                      <input type="radio" name="backup" value={entry.fileName} checked={chosen === entry.fileName} onChange={() => setChosen(entry.fileName)} />{' '}
                      {index === 0 ? `${label} – ${t('damaged.newest')}` : label}
                    </label>
                  );
                })}
                <p className="alert alert-info">{t('damaged.warning')}</p>
              </fieldset>
            )
          ) : null}
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
            <button type="submit" disabled={busy || throttled || (found !== null && chosen === null)}>
              {busy ? t('app.busy') : found && chosen ? t('damaged.restore_submit') : t('damaged.show_backups')}
            </button>
            <button type="button" className="button-link" onClick={onBack}>
              {t('damaged.back')}
            </button>
          </div>
        </form>
      </div>
    </PublicFrame>
  );
}
