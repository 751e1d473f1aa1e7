import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Settings } from '../../../core/contract';
import { useChannel, useMutation } from '../api/query';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { updateTeamSettings } from '../session/session-actions';

const FIELDS = [
  'teamName',
  'idleLockMinutes',
  'casePrefix',
  'minimumDistanceKm',
  'minimumDistanceWithinCityKm',
  'reportThreshold',
  'revealMinutes',
  'reviewDaysHigh',
  'reviewDaysMedium',
  'reviewDaysLow',
] as const;
const NUMBER_FIELDS = ['minimumDistanceKm', 'minimumDistanceWithinCityKm', 'reportThreshold', 'revealMinutes'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
const NUMBER_LABELS = {
  minimumDistanceKm: 'settings.minimum_distance_km',
  minimumDistanceWithinCityKm: 'settings.minimum_distance_within_city_km',
  reportThreshold: 'settings.report_threshold',
  revealMinutes: 'settings.reveal_minutes',
} as const;
const NUMBER_HINTS = {
  minimumDistanceKm: 'settings.minimum_distance_km_hint',
  minimumDistanceWithinCityKm: 'settings.minimum_distance_within_city_km_hint',
  reportThreshold: 'settings.report_threshold_hint',
  revealMinutes: 'settings.reveal_minutes_hint',
} as const;
const REVIEW_FIELDS = ['reviewDaysHigh', 'reviewDaysMedium', 'reviewDaysLow'] as const;
type ReviewField = (typeof REVIEW_FIELDS)[number];
const REVIEW_LABELS = {
  reviewDaysHigh: 'risk.settings_days_high',
  reviewDaysMedium: 'risk.settings_days_medium',
  reviewDaysLow: 'risk.settings_days_low',
} as const;

/** An empty box is "no number", not zero, so the message says what is missing. */
function parseMinutes(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

function TeamSettingsFields({ initial }: { initial: Settings }) {
  const t = useT();
  const [teamName, setTeamName] = useState(initial.teamName);
  const [minutes, setMinutes] = useState(String(initial.idleLockMinutes));
  const [reviewDays, setReviewDays] = useState<Record<ReviewField, string>>({
    reviewDaysHigh: String(initial.reviewDaysHigh),
    reviewDaysMedium: String(initial.reviewDaysMedium),
    reviewDaysLow: String(initial.reviewDaysLow),
  });
  const [casePrefix, setCasePrefix] = useState(initial.casePrefix);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    minimumDistanceKm: String(initial.minimumDistanceKm),
    minimumDistanceWithinCityKm: String(initial.minimumDistanceWithinCityKm),
    reportThreshold: String(initial.reportThreshold),
    revealMinutes: String(initial.revealMinutes),
  });
  const reviewId = useId();
  const [saved, setSaved] = useState(false);
  const { formRef, errors: fieldErrors, apiError, busy, submit } = useFormSubmit(FIELDS);
  // The answer is the team's settings as saved: every view showing them takes it without asking.
  const update = useMutation('settings:update', undefined, (_input, saved) => [[['settings:get', {}], saved]]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSaved(false);
    const input = {
      teamName,
      idleLockMinutes: parseMinutes(minutes),
      casePrefix: casePrefix.trim(),
      minimumDistanceKm: parseMinutes(numbers.minimumDistanceKm),
      minimumDistanceWithinCityKm: parseMinutes(numbers.minimumDistanceWithinCityKm),
      reportThreshold: parseMinutes(numbers.reportThreshold),
      revealMinutes: parseMinutes(numbers.revealMinutes),
      reviewDaysHigh: parseMinutes(reviewDays.reviewDaysHigh),
      reviewDaysMedium: parseMinutes(reviewDays.reviewDaysMedium),
      reviewDaysLow: parseMinutes(reviewDays.reviewDaysLow),
    };
    void submit(validateInput('settings:update', input, FIELDS), async () => {
      const settings = await update(input);
      setTeamName(settings.teamName);
      setMinutes(String(settings.idleLockMinutes));
      setCasePrefix(settings.casePrefix);
      setNumbers({
        minimumDistanceKm: String(settings.minimumDistanceKm),
        minimumDistanceWithinCityKm: String(settings.minimumDistanceWithinCityKm),
        reportThreshold: String(settings.reportThreshold),
        revealMinutes: String(settings.revealMinutes),
      });
      setReviewDays({
        reviewDaysHigh: String(settings.reviewDaysHigh),
        reviewDaysMedium: String(settings.reviewDaysMedium),
        reviewDaysLow: String(settings.reviewDaysLow),
      });
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
      <TextField
        name="casePrefix"
        label={t('settings.case_prefix')}
        hint={t('settings.case_prefix_hint')}
        value={casePrefix}
        onChange={(value) => setCasePrefix(value.toUpperCase())}
        error={fieldMessage(t, fieldErrors, 'casePrefix')}
        className="field-short"
        autoComplete="off"
      />
      {NUMBER_FIELDS.map((field) => (
        <TextField
          key={field}
          name={field}
          type="number"
          inputMode="numeric"
          label={t(NUMBER_LABELS[field])}
          hint={t(NUMBER_HINTS[field])}
          value={numbers[field]}
          onChange={(value) => setNumbers((previous) => ({ ...previous, [field]: value }))}
          error={fieldMessage(t, fieldErrors, field)}
          className="field-short"
        />
      ))}
      <fieldset className="form-group" aria-describedby={`${reviewId}-hint`}>
        <legend>{t('risk.settings_review_title')}</legend>
        <p id={`${reviewId}-hint`} className="field-hint">
          {t('risk.settings_review_hint')}
        </p>
        <div className="field-row">
          {REVIEW_FIELDS.map((field) => (
            <TextField
              key={field}
              name={field}
              type="number"
              inputMode="numeric"
              label={t(REVIEW_LABELS[field])}
              value={reviewDays[field]}
              onChange={(value) => setReviewDays((previous) => ({ ...previous, [field]: value }))}
              error={fieldMessage(t, fieldErrors, field)}
              className="field-short"
            />
          ))}
        </div>
      </fieldset>
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

/** Team name, idle-lock minutes and how long a judged risk level lasts before review; administrators only. */
export function TeamSettingsForm() {
  const t = useT();
  const titleId = useId();
  const settings = useChannel('settings:get', {});
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings.team_title')}</h2>
      <ApiErrorAlert error={settings.error} />
      {settings.data ? <TeamSettingsFields initial={settings.data} /> : settings.error === null ? <p role="status">{t('settings.team_loading')}</p> : null}
    </section>
  );
}
