import { useId } from 'react';
import { GENDERS, PROTECTION_LEVELS, VULNERABILITIES } from '../../../core/contract';
import { CheckboxField, CheckboxGroup } from '../components/checkbox-field';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { messageAt, pathOf } from '../forms/path-errors';
import type { PathErrors } from '../forms/path-errors';
import { useT } from '../i18n/use-t';
import { MaskableField } from '../protect/masked';
import { useCasework } from './casework-context';
import type { CaseFieldValues, SurvivorValues } from './case-values';

interface PartProps<V> {
  values: V;
  onChange: (values: V) => void;
  errors: PathErrors;
}

/** The survivor: who she is, and how to reach her without putting her at risk. */
export function SurvivorFields({ values, onChange, errors, prefix, masked = false }: PartProps<SurvivorValues> & { prefix: string; masked?: boolean }) {
  const t = useT();
  const legendId = useId();
  const set =
    <K extends keyof SurvivorValues>(field: K) =>
    (value: SurvivorValues[K]) =>
      onChange({ ...values, [field]: value });
  const at = (field: string): string => pathOf(prefix, field);
  return (
    <fieldset className="form-group" aria-labelledby={legendId}>
      <legend id={legendId}>{t('case.survivor_title')}</legend>
      <TextField
        name={at('name')}
        label={t('case.survivor_name')}
        value={values.name}
        onChange={set('name')}
        error={messageAt(t, errors, at('name'))}
        autoComplete="off"
      />
      <TextField
        name={at('personalIdentityNumber')}
        label={t('case.pin')}
        hint={t('case.pin_hint')}
        value={values.personalIdentityNumber}
        onChange={set('personalIdentityNumber')}
        error={messageAt(t, errors, at('personalIdentityNumber'))}
        autoComplete="off"
        spellCheck={false}
        className="field-mono"
      />
      <div className="field-row">
        <SelectField
          name={at('gender')}
          label={t('case.gender')}
          value={values.gender}
          options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          onChange={set('gender')}
        />
        <TextField
          name={at('birthYear')}
          label={t('case.birth_year')}
          inputMode="numeric"
          value={values.birthYear}
          onChange={set('birthYear')}
          error={messageAt(t, errors, at('birthYear'))}
          className="field-short"
          autoComplete="off"
        />
      </div>
      <div className="field-row">
        <TextField
          name={at('language')}
          label={t('case.language')}
          value={values.language}
          onChange={set('language')}
          error={messageAt(t, errors, at('language'))}
          autoComplete="off"
        />
        <CheckboxField
          name={at('interpreterNeeded')}
          label={t('case.interpreter_needed')}
          checked={values.interpreterNeeded}
          onChange={set('interpreterNeeded')}
        />
      </div>
      <MaskableField masked={masked} label={t('case.safe_contact')}>
        <TextAreaField
          name={at('safeContact')}
          label={t('case.safe_contact')}
          hint={t('case.safe_contact_hint')}
          value={values.safeContact}
          onChange={set('safeContact')}
          error={messageAt(t, errors, at('safeContact'))}
          rows={2}
        />
      </MaskableField>
    </fieldset>
  );
}

/** Protected personal data, honour context and particular vulnerabilities. */
export function FlagsFields({ values, onChange, errors }: PartProps<CaseFieldValues>) {
  const t = useT();
  const legendId = useId();
  return (
    <fieldset className="form-group" aria-labelledby={legendId}>
      <legend id={legendId}>{t('case.flags_title')}</legend>
      <SelectField
        name="protectionLevel"
        label={t('case.protection_level')}
        hint={t('case.protection_hint')}
        value={values.protectionLevel}
        options={PROTECTION_LEVELS.map((level) => ({ value: level, label: t(`protection.${level}`) }))}
        onChange={(protectionLevel) => onChange({ ...values, protectionLevel })}
      />
      <CheckboxField
        name="honourContext"
        label={t('case.honour_context')}
        hint={t('case.honour_context_hint')}
        checked={values.honourContext}
        onChange={(honourContext) => onChange({ ...values, honourContext })}
      />
      <CheckboxGroup
        name="vulnerabilities"
        legend={t('case.vulnerabilities')}
        options={VULNERABILITIES.map((v) => ({ value: v, label: t(`vulnerability.${v}`) }))}
        value={values.vulnerabilities}
        onChange={(vulnerabilities) => onChange({ ...values, vulnerabilities })}
      />
      <TextAreaField
        name="vulnerabilityNote"
        label={t('case.vulnerability_note')}
        value={values.vulnerabilityNote}
        onChange={(vulnerabilityNote) => onChange({ ...values, vulnerabilityNote })}
        error={messageAt(t, errors, 'vulnerabilityNote') ?? messageAt(t, errors, 'vulnerabilities')}
        rows={2}
      />
    </fieldset>
  );
}

/** Who is responsible: the district and the assigned caseworker. */
export function ResponsibilityFields({
  values,
  onChange,
  errors,
  currentAssignee,
  districtMasked = false,
}: PartProps<CaseFieldValues> & { currentAssignee?: { id: number; displayName: string } | null; districtMasked?: boolean }) {
  const t = useT();
  const legendId = useId();
  const { districts, assignees, user } = useCasework();
  const people = currentAssignee && !assignees.some((a) => a.id === currentAssignee.id) ? [...assignees, currentAssignee] : assignees;
  const assigneeOptions = [
    { value: '', label: t('case.unassigned') },
    ...people.map((p) => ({ value: String(p.id), label: p.id === user.id ? t('case.assignee_me', { name: p.displayName }) : p.displayName })),
  ];
  const districtOptions = [{ value: '', label: t('case.no_district') }, ...districts.map((d) => ({ value: d.slug, label: d.name }))];
  return (
    <fieldset className="form-group" aria-labelledby={legendId}>
      <legend id={legendId}>{t('case.responsibility_title')}</legend>
      <div className="field-row">
        <MaskableField masked={districtMasked} label={t('case.district')}>
          <SelectField
            name="districtSlug"
            label={t('case.district')}
            value={values.districtSlug}
            options={districtOptions}
            onChange={(districtSlug) => onChange({ ...values, districtSlug })}
            error={messageAt(t, errors, 'districtSlug')}
          />
        </MaskableField>
        <SelectField
          name="assignedUserId"
          label={t('case.assigned')}
          value={values.assignedUserId}
          options={assigneeOptions}
          onChange={(assignedUserId) => onChange({ ...values, assignedUserId })}
          error={messageAt(t, errors, 'assignedUserId')}
        />
      </div>
    </fieldset>
  );
}
