import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { isMasked, OBSTACLES, STEP_KINDS, STEP_OUTCOMES } from '../../../core/contract';
import type { Child, HousingStep, PlaceRef, Shelter } from '../../../core/contract';
import { permitStatusOn } from '../../../core/rules/shelter-permit';
import { caseSectionKey } from '../api/case-queries';
import { useMutation } from '../api/query';
import type { QueryKey } from '../api/query';
import { CheckboxField, CheckboxGroup } from '../components/checkbox-field';
import { DateField } from '../components/date-field';
import { FormFooter, reasonAtField } from '../components/form-footer';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import type { FieldErrors } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { MaskableField } from '../protect/masked';
import { formatDay, today } from '../lib/format';
import { optionalDate, parseAmount } from './format';
import { useFocusOnMount } from './focus';
import { PlacePicker } from './place-picker';
import type { PlaceChoice } from './places';

const FIELDS = [
  'childId',
  'kind',
  'startDate',
  'endDate',
  'provider',
  'shelterId',
  'place',
  'costPerDay',
  'outcome',
  'obstacles',
  'obstacleNote',
  'parallel',
  'permitOverrideReason',
] as const;
type Field = (typeof FIELDS)[number];

type StepKind = HousingStep['kind'];
type Outcome = HousingStep['outcome'];
type Obstacle = HousingStep['obstacles'][number];

const HOUSEHOLD = 'household';
const NO_SHELTER = 'none';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Values {
  kind: StepKind;
  child: string;
  startDate: string;
  endDate: string;
  shelter: string;
  provider: string;
  place: PlaceRef | null;
  cost: string;
  outcome: Outcome;
  obstacles: Obstacle[];
  obstacleNote: string;
  parallel: boolean;
  reason: string;
}

function initialValues(step: HousingStep | null, language: 'sv' | 'en'): Values {
  if (step === null) {
    return {
      kind: 'protected_shelter',
      child: HOUSEHOLD,
      startDate: today(),
      endDate: '',
      shelter: NO_SHELTER,
      provider: '',
      place: null,
      cost: '',
      outcome: 'ongoing',
      obstacles: [],
      obstacleNote: '',
      parallel: false,
      reason: '',
    };
  }
  return {
    kind: step.kind,
    child: step.childId === null ? HOUSEHOLD : String(step.childId),
    startDate: step.startDate,
    endDate: step.endDate ?? '',
    // Masked values start empty; the form leaves them out of the change (kept as stored).
    shelter: step.shelterId === null || isMasked(step.shelterId) ? NO_SHELTER : String(step.shelterId),
    provider: isMasked(step.provider) ? '' : step.provider,
    place: step.place === null || isMasked(step.place) ? null : { kind: step.place.kind, code: step.place.code },
    cost: step.costPerDay === null ? '' : String(step.costPerDay).replace('.', language === 'sv' ? ',' : '.'),
    outcome: step.outcome,
    obstacles: [...step.obstacles],
    obstacleNote: step.obstacleNote,
    parallel: step.parallel,
    reason: step.permitOverrideReason ?? '',
  };
}

export interface HousingStepFormProps {
  caseId: number;
  /** The step being changed, or null for a new one. */
  step: HousingStep | null;
  caseChildren: readonly Child[];
  shelters: readonly Shelter[] | null;
  places: readonly PlaceChoice[] | null;
  onSaved: (step: HousingStep) => void;
  onCancel: () => void;
}

/**
 * Adds or changes one step of a housing chain: the household's or one child's. A protected shelter
 * comes from the register; one without a valid IVO permit on the start date needs a written reason.
 */
export function HousingStepForm({ caseId, step, caseChildren, shelters, places, onSaved, onCancel }: HousingStepFormProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [values, setValues] = useState<Values>(() => initialValues(step, language));
  const [apiAsksReason, setApiAsksReason] = useState(false);
  const form = useFormSubmit(FIELDS);
  // Occupancy of the shelter register changes with placements.
  const changed = (): QueryKey[] => [caseSectionKey('housing:list', caseId), ['shelters:list']];
  const addStep = useMutation('housing:add-step', changed);
  const updateStep = useMutation('housing:update-step', changed);
  const { formRef, errors, submit } = form;
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));

  const inShelter = values.kind === 'protected_shelter';
  const shelter = inShelter && values.shelter !== NO_SHELTER ? shelters?.find((s) => String(s.id) === values.shelter) : undefined;
  const startDay = values.startDate.trim();
  // Judged on the start date, as the API will; until that reads as a date, the status the API gave for today.
  const permit = shelter ? (ISO_DAY.test(startDay) ? permitStatusOn(shelter, startDay) : shelter.permitStatus) : 'valid';
  // The step's shelter, provider and place were masked: they are not shown and not sent.
  const masked = step !== null && isMasked(step.shelterId);
  const needsReason = (inShelter && values.shelter !== NO_SHELTER && (permit !== 'valid' || apiAsksReason)) || (masked && apiAsksReason);

  const shelterOptions = [
    { value: NO_SHELTER, label: t('housing.shelter_none') },
    ...(shelters ?? []).map((s) => ({
      value: String(s.id),
      label:
        s.permitStatus === 'valid'
          ? t('housing.shelter_option', { name: s.name, municipality: s.municipalityName })
          : t('housing.shelter_option_permit', { name: s.name, municipality: s.municipalityName, permit: t(`shelters.permit_${s.permitStatus}`) }),
    })),
  ];
  const childOptions = [
    { value: HOUSEHOLD, label: t('housing.child_household') },
    ...caseChildren.map((child) => ({ value: String(child.id), label: t('housing.child_own', { name: child.name }) })),
  ];

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const costPerDay = parseAmount(values.cost);
    const fields = {
      childId: values.child === HOUSEHOLD ? null : Number(values.child),
      kind: values.kind,
      startDate: values.startDate.trim(),
      endDate: optionalDate(values.endDate),
      provider: inShelter && values.shelter !== NO_SHELTER ? '' : values.provider,
      shelterId: inShelter && values.shelter !== NO_SHELTER ? Number(values.shelter) : null,
      place: values.place,
      costPerDay,
      outcome: values.outcome,
      obstacles: values.obstacles,
      obstacleNote: values.obstacleNote,
      parallel: values.parallel,
      ...(needsReason || (masked && values.reason.trim() !== '') ? { permitOverrideReason: values.reason } : {}),
    };
    const { provider, shelterId, place, ...unprotected } = fields;
    const update = masked ? unprotected : { ...unprotected, provider, shelterId, place };
    const clientErrors: FieldErrors<Field> =
      step === null
        ? validateInput('housing:add-step', { caseId, ...fields }, FIELDS)
        : validateInput('housing:update-step', { id: step.id, ...update }, FIELDS);
    if (costPerDay !== null && Number.isNaN(costPerDay)) clientErrors.costPerDay = 'validation.amount_format';
    if (clientErrors.startDate === undefined && clientErrors.endDate === undefined && fields.endDate !== null && fields.endDate < fields.startDate) {
      clientErrors.endDate = 'validation.end_before_start';
    }
    if (needsReason && values.reason.trim() === '') clientErrors.permitOverrideReason = 'validation.reason_required';
    void submit(
      clientErrors,
      async () => {
        onSaved(step === null ? await addStep({ caseId, ...fields }) : await updateStep({ id: step.id, ...update }));
      },
      (error) => {
        if (error.code === 'reason_required') {
          setApiAsksReason(true);
          return { fields: { permitOverrideReason: 'validation.reason_required' }, focus: 'permitOverrideReason' };
        }
        if (error.code === 'overlap') return { fields: { startDate: 'validation.overlap' }, focus: 'startDate' };
        return undefined;
      },
    );
  };

  return (
    <section className="pl-panel" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {step === null ? t('housing.add_title') : t('housing.edit_title', { kind: t(`housing.kind_${step.kind}`), date: formatDay(step.startDate, language) })}
      </h3>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <div className="pl-form-grid">
          <SelectField
            name="kind"
            label={t('housing.field_kind')}
            value={values.kind}
            options={STEP_KINDS.map((k) => ({ value: k, label: t(`housing.kind_${k}`) }))}
            onChange={set('kind')}
          />
          <SelectField name="childId" label={t('housing.field_child')} value={values.child} options={childOptions} onChange={set('child')} />
          <DateField
            name="startDate"
            label={t('housing.field_start')}
            value={values.startDate}
            onChange={set('startDate')}
            error={fieldMessage(t, errors, 'startDate')}
            hint={t('place.date_hint')}
          />
          <DateField
            name="endDate"
            label={t('housing.field_end')}
            value={values.endDate}
            onChange={set('endDate')}
            error={fieldMessage(t, errors, 'endDate')}
            hint={t('place.date_hint_optional')}
          />
        </div>
        {masked ? (
          <>
            <MaskableField masked label={t('housing.field_shelter')}>
              {null}
            </MaskableField>
            <MaskableField masked label={t('housing.field_place')}>
              {null}
            </MaskableField>
          </>
        ) : null}
        {inShelter && !masked ? (
          <MaskableField masked={false} label={t('housing.field_shelter')}>
            <SelectField name="shelterId" label={t('housing.field_shelter')} value={values.shelter} options={shelterOptions} onChange={set('shelter')} />
          </MaskableField>
        ) : null}
        {inShelter && shelters === null ? <p className="field-hint">{t('housing.shelters_loading')}</p> : null}
        {needsReason && shelter ? (
          <div className="alert alert-warning" role="alert">
            <p>
              <strong>
                {permit === 'valid'
                  ? t('housing.permit_warning_api', { name: shelter.name })
                  : t(`housing.permit_warning_${permit}`, {
                      name: shelter.name,
                      date: shelter.ivoValidUntil ? formatDay(shelter.ivoValidUntil, language) : '',
                    })}
              </strong>
            </p>
            <p>{t('housing.permit_advice')}</p>
          </div>
        ) : null}
        {needsReason ? (
          <TextAreaField
            name="permitOverrideReason"
            label={t('housing.field_permit_reason')}
            value={values.reason}
            onChange={set('reason')}
            required
            error={fieldMessage(t, errors, 'permitOverrideReason')}
          />
        ) : null}
        {!masked && (!inShelter || values.shelter === NO_SHELTER) ? (
          <MaskableField masked={false} label={t('housing.field_provider')}>
            <TextField
              name="provider"
              label={inShelter ? t('housing.field_provider_unregistered') : t('housing.field_provider')}
              value={values.provider}
              onChange={set('provider')}
              error={fieldMessage(t, errors, 'provider')}
              autoComplete="off"
            />
          </MaskableField>
        ) : null}
        {masked ? null : (
          <MaskableField masked={false} label={t('housing.field_place')}>
            <PlacePicker
              name="place"
              label={t('housing.field_place')}
              places={places}
              value={values.place}
              onChange={set('place')}
              error={fieldMessage(t, errors, 'place')}
            />
          </MaskableField>
        )}
        <div className="pl-form-grid">
          <TextField
            name="costPerDay"
            label={t('housing.field_cost')}
            hint={t('housing.field_cost_hint')}
            value={values.cost}
            onChange={set('cost')}
            error={fieldMessage(t, errors, 'costPerDay')}
            inputMode="decimal"
            autoComplete="off"
            className="field-short"
          />
          <SelectField
            name="outcome"
            label={t('housing.field_outcome')}
            value={values.outcome}
            options={STEP_OUTCOMES.map((o) => ({ value: o, label: t(`housing.outcome_${o}`) }))}
            onChange={set('outcome')}
          />
        </div>
        <CheckboxGroup
          className="pl-fieldset"
          name="obstacles"
          legend={t('housing.field_obstacles')}
          options={OBSTACLES.map((o) => ({ value: o, label: t(`housing.obstacle_${o}`) }))}
          value={values.obstacles}
          onChange={set('obstacles')}
        />
        <TextAreaField
          name="obstacleNote"
          label={t('housing.field_obstacle_note')}
          value={values.obstacleNote}
          onChange={set('obstacleNote')}
          error={fieldMessage(t, errors, 'obstacleNote')}
          rows={2}
        />
        <CheckboxField
          name="parallel"
          label={t('housing.field_parallel')}
          hint={t('housing.field_parallel_hint')}
          checked={values.parallel}
          onChange={set('parallel')}
        />
        <FormFooter
          form={form}
          submitLabel={step === null ? t('housing.add_submit') : t('housing.edit_submit')}
          onCancel={onCancel}
          cancelLabel={t('place.cancel')}
          shownAtFields={reasonAtField}
        />
      </form>
    </section>
  );
}
