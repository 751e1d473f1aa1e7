import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { call } from '../api/client';
import { ApiErrorAlert, ErrorAlert } from '../components/messages';
import { OpenDemoButton } from '../components/open-demo-button';
import { SignInFields } from '../components/credential-fields';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { formatSeconds } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { unlock } from '../session/session-actions';
import { useSessionStore } from '../session/session-store';
import type { LockReason } from '../session/session-store';
import { useCountdown } from '../session/use-countdown';
import { DemoNotice } from './demo-notice';
import { PublicFrame } from './public-frame';

const FIELDS = ['username', 'passphrase'] as const;

const REASON_KEYS = {
  manual: null,
  idle: 'unlock.locked_idle',
  expired: 'unlock.locked_expired',
  lock_failed: 'unlock.lock_failed',
  // The damaged-database notice below says it all.
  damaged: null,
} as const satisfies Record<LockReason, string | null>;

export function UnlockScreen({ onForgot, onRestore }: { onForgot: () => void; onRestore: () => void }) {
  const t = useT();
  const teamName = useSessionStore((state) => state.status?.teamName ?? null);
  const demo = useSessionStore((state) => state.status?.demo ?? false);
  const initialRetry = useSessionStore((state) => state.status?.retryAfterSeconds ?? 0);
  // The status names the demo login whenever the demo is open (also when started with --demo).
  const demoCredentials = useSessionStore((state) => state.status?.demoLogin ?? state.demoCredentials);
  const lockReason = useSessionStore((state) => state.lockReason);
  const [username, setUsername] = useState(demoCredentials?.username ?? '');
  const [passphrase, setPassphrase] = useState(demoCredentials?.passphrase ?? '');
  const usernameRef = useRef<HTMLInputElement>(null);
  const { formRef, errors: fieldErrors, apiError, busy, submit } = useFormSubmit(FIELDS);
  const countdown = useCountdown(initialRetry);
  const throttled = countdown.remaining > 0;
  const wrongCredentials = apiError?.code === 'wrong_credentials';
  const reasonKey = lockReason ? REASON_KEYS[lockReason] : null;
  const damaged = useSessionStore((state) => state.status?.damaged === true) || apiError?.code === 'database_damaged';

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (throttled) return;
    const input = { username, passphrase };
    void submit(
      validateInput('session:unlock', input, FIELDS),
      () => unlock(input),
      (error) => {
        if (error.code === 'wrong_credentials') {
          setPassphrase('');
          return { focus: 'passphrase' };
        }
        if (error.code === 'too_many_attempts') {
          if (error.retryAfterSeconds !== undefined) countdown.start(error.retryAfterSeconds);
          else
            call('session:status', {}).then(
              (status) => countdown.start(status.retryAfterSeconds),
              () => undefined,
            );
        }
        return undefined;
      },
    );
  };

  const onDemoOpened = (): void => {
    const { status, demoCredentials: opened } = useSessionStore.getState();
    const credentials = status?.demoLogin ?? opened;
    if (!credentials) return;
    setUsername(credentials.username);
    setPassphrase(credentials.passphrase);
    usernameRef.current?.focus();
  };

  return (
    <PublicFrame>
      <div className="card">
        <h1>{t('unlock.title')}</h1>
        {teamName ? <p className="team-name">{teamName}</p> : null}
        {reasonKey ? (
          <p className="alert alert-info" role="status">
            {t(reasonKey)}
          </p>
        ) : null}
        {damaged ? (
          <section className="alert alert-error" role="alert" aria-labelledby="damaged-title">
            <h2 id="damaged-title">{t('damaged.title')}</h2>
            <p>{t('damaged.explain')}</p>
            <button type="button" onClick={onRestore}>
              {t('damaged.restore_button')}
            </button>
          </section>
        ) : null}
        {demoCredentials ? <DemoNotice credentials={demoCredentials} /> : null}
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <SignInFields
            usernameRef={usernameRef}
            username={username}
            passphrase={passphrase}
            onUsername={setUsername}
            onPassphrase={setPassphrase}
            usernameError={fieldMessage(t, fieldErrors, 'username')}
            passphraseError={fieldMessage(t, fieldErrors, 'passphrase')}
            usernameInvalid={wrongCredentials}
            passphraseInvalid={wrongCredentials}
          />
          {throttled ? (
            <>
              <ErrorAlert>{t('error.too_many_attempts')}</ErrorAlert>
              <p className="countdown" role="timer">
                {t('unlock.retry_in', { time: formatSeconds(countdown.remaining) })}
              </p>
            </>
          ) : (
            <ApiErrorAlert error={apiError?.code === 'too_many_attempts' || apiError?.code === 'database_damaged' ? null : apiError} />
          )}
          <div className="actions">
            <button type="submit" disabled={busy || throttled}>
              {busy ? t('app.busy') : t('unlock.submit')}
            </button>
            <button type="button" className="button-link" onClick={onForgot}>
              {t('unlock.forgot')}
            </button>
          </div>
        </form>
      </div>
      {demo ? null : (
        <div className="card card-quiet">
          <OpenDemoButton onOpened={onDemoOpened} />
        </div>
      )}
    </PublicFrame>
  );
}
