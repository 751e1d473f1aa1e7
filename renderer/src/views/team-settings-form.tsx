import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Settings } from '../../../core/contract';
import { call } from '../api/client';
import { useLoader } from '../api/use-loader';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { updateTeamSettings } from '../session/session-actions';

const FIELDS = ['teamName', 'idleLockMinutes'] as const;

function loadSettings(): Promise<Settings> {
  return call('settings:get', {});
}

/** An empty box is "no number", not zero, so the message says what is missing. */
function parseMinutes(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

function TeamSettingsFields({ initial }: { initial: Settings }) {
  const t = useT();
  const [teamName, setTeamName] = useState(initial.teamName);
  const [minutes, setMinutes] = useState(String(initial.idleLockMinutes));
  const [saved, setSaved] = useState(false);
  const { formRef, errors: fieldErrors, apiError, busy, submit } = useFormSubmit(FIELDS);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSaved(false);
    const input = { teamName, idleLockMinutes: parseMinutes(minutes) };
    void submit(validateInput('settings:update', input, FIELDS), async () => {
      const settings = await call('settings:update', input);
      setTeamName(settings.teamName);
      setMinutes(String(settings.idleLockMinutes));
      updateTeamSettings(settings.teamName, settings.idleLockMinutes);
      setSaved(true);
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <TextField
        name="teamName"
        label={t('field.team_name')}
        value={teamName}
        onChange={setTeamName}
        error={fieldMessage(t, fieldErrors, 'teamName')}
        autoComplete="organization"
      />
      <TextField
        name="idleLockMinutes"
        type="number"
        inputMode="numeric"
        label={t('field.idle_lock_minutes')}
        hint={t('field.idle_lock_minutes_hint')}
        value={minutes}
        onChange={setMinutes}
        error={fieldMessage(t, fieldErrors, 'idleLockMinutes')}
        className="field-short"
      />
      <ApiErrorAlert error={apiError} />
      {saved ? <SuccessNotice>{t('settings.team_saved')}</SuccessNotice> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('app.busy') : t('settings.team_submit')}
        </button>
      </div>
    </form>
  );
}

/** Team name and idle-lock minutes; administrators only. */
export function TeamSettingsForm() {
  const t = useT();
  const titleId = useId();
  const settings = useLoader(loadSettings);
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings.team_title')}</h2>
      <ApiErrorAlert error={settings.error} />
      {settings.data ? (
        <TeamSettingsFields initial={settings.data} />
      ) : settings.error === null ? (
        <p role="status">{t('settings.team_loading')}</p>
      ) : null}
    </section>
  );
}
