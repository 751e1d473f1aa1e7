import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Settings } from '../../../core/contract';
import { useChannel, useMutation } from '../api/query';
import { CheckboxField } from '../components/checkbox-field';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';

const FIELDS = ['retentionYears', 'retentionKeepBirthDays', 'researchMunicipality'] as const;

function RetentionFields({ initial }: { initial: Settings }) {
  const t = useT();
  const [years, setYears] = useState(String(initial.retentionYears));
  const [keepBirthDays, setKeepBirthDays] = useState(initial.retentionKeepBirthDays);
  const [research, setResearch] = useState(initial.researchMunicipality);
  const [saved, setSaved] = useState(false);
  const { formRef, errors, apiError, busy, submit } = useFormSubmit(FIELDS);
  // The answer is the team's settings as saved: every view showing them takes it without asking.
  const update = useMutation('settings:update', undefined, (_input, saved) => [[['settings:get', {}], saved]]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSaved(false);
    // An empty box is "no number", not zero, so the message says what is missing.
    const input = {
      retentionYears: years.trim() === '' ? Number.NaN : Number(years.trim()),
      retentionKeepBirthDays: keepBirthDays,
      researchMunicipality: research,
    };
    void submit(validateInput('settings:update', input, FIELDS), async () => {
      const settings = await update(input);
      setYears(String(settings.retentionYears));
      setKeepBirthDays(settings.retentionKeepBirthDays);
      setResearch(settings.researchMunicipality);
      setSaved(true);
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <TextField
        name="retentionYears"
        type="number"
        inputMode="numeric"
        label={t('settings.retention_years')}
        hint={t('settings.retention_years_hint')}
        value={years}
        onChange={setYears}
        error={fieldMessage(t, errors, 'retentionYears')}
        className="field-short"
      />
      <CheckboxField
        name="retentionKeepBirthDays"
        label={t('settings.retention_keep_birth_days')}
        hint={t('settings.retention_keep_birth_days_hint')}
        checked={keepBirthDays}
        onChange={setKeepBirthDays}
      />
      <CheckboxField
        name="researchMunicipality"
        label={t('settings.research_municipality')}
        hint={t('settings.research_municipality_hint')}
        checked={research}
        onChange={setResearch}
      />
      <ApiErrorAlert error={apiError} />
      {saved ? <SuccessNotice>{t('settings.retention_saved')}</SuccessNotice> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('app.busy') : t('settings.retention_submit')}
        </button>
      </div>
    </form>
  );
}

/** The retention rules (gallring); administrators only, like the other team settings. */
export function RetentionSettingsForm() {
  const t = useT();
  const titleId = useId();
  const settings = useChannel('settings:get', {});
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings.retention_title')}</h2>
      <ApiErrorAlert error={settings.error} />
      {settings.data ? <RetentionFields initial={settings.data} /> : null}
    </section>
  );
}
