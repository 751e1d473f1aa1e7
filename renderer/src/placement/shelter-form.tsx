import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { IVO_KINDS, SPECIALISATIONS } from '../../../core/contract';
import type { Shelter } from '../../../core/contract';
import { useMutation } from '../api/query';
import { CheckboxGroup } from '../components/checkbox-field';
import { DateField } from '../components/date-field';
import { FormFooter } from '../components/form-footer';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useT } from '../i18n/use-t';
import { useFocusOnMount } from './focus';
import { optionalDate, parseWhole } from './format';
import { PlacePicker } from './place-picker';
import type { PlaceChoice } from './places';

const FIELDS = [
  'name',
  'operator',
  'municipalityCode',
  'ivoKind',
  'ivoNumber',
  'ivoValidUntil',
  'capacityAdults',
  'capacityChildren',
  'specialisations',
  'languages',
  'contact',
] as const;

type IvoKind = Shelter['ivoKind'];
type Specialisation = Shelter['specialisations'][number];
const CAPACITY_MAX = 500;

function capacityError(value: number): 'validation.capacity_range' | undefined {
  return Number.isInteger(value) && value >= 0 && value <= CAPACITY_MAX ? undefined : 'validation.capacity_range';
}

/** Adds a shelter to the register or changes one: its IVO permit or registration, places and specialisations. */
export function ShelterForm({
  shelter,
  places,
  onSaved,
  onCancel,
}: {
  shelter: Shelter | null;
  places: readonly PlaceChoice[] | null;
  onSaved: (s: Shelter) => void;
  onCancel: (() => void) | null;
}) {
  const t = useT();
  const titleId = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [name, setName] = useState(shelter?.name ?? '');
  const [operator, setOperator] = useState(shelter?.operator ?? '');
  const [municipality, setMunicipality] = useState<string | null>(shelter?.municipalityCode ?? null);
  const [ivoKind, setIvoKind] = useState<IvoKind>(shelter?.ivoKind ?? 'permit');
  const [ivoNumber, setIvoNumber] = useState(shelter?.ivoNumber ?? '');
  const [ivoValidUntil, setIvoValidUntil] = useState(shelter?.ivoValidUntil ?? '');
  const [adults, setAdults] = useState(shelter ? String(shelter.capacityAdults) : '');
  const [children, setChildren] = useState(shelter ? String(shelter.capacityChildren) : '');
  const [specialisations, setSpecialisations] = useState<Specialisation[]>(shelter ? [...shelter.specialisations] : []);
  const [languages, setLanguages] = useState(shelter?.languages ?? '');
  const [contact, setContact] = useState(shelter?.contact ?? '');
  const form = useFormSubmit(FIELDS);
  const createShelter = useMutation('shelters:create', () => [['shelters:list']]);
  const updateShelter = useMutation('shelters:update', () => [['shelters:list']]);
  const { formRef, errors, submit } = form;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const fields = {
      name,
      operator,
      municipalityCode: municipality ?? '',
      ivoKind,
      ivoNumber: ivoKind === 'none' ? '' : ivoNumber,
      ivoValidUntil: ivoKind === 'permit' ? optionalDate(ivoValidUntil) : null,
      capacityAdults: parseWhole(adults),
      capacityChildren: parseWhole(children),
      specialisations,
      languages,
      contact,
    };
    const clientErrors =
      shelter === null ? validateInput('shelters:create', fields, FIELDS) : validateInput('shelters:update', { id: shelter.id, ...fields }, FIELDS);
    clientErrors.capacityAdults = capacityError(fields.capacityAdults);
    clientErrors.capacityChildren = capacityError(fields.capacityChildren);
    void submit(clientErrors, async () => {
      onSaved(shelter === null ? await createShelter(fields) : await updateShelter({ id: shelter.id, ...fields }));
    });
  };

  return (
    <section className="pl-panel" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {shelter === null ? t('shelters.add_title') : t('shelters.edit_title', { name: shelter.name })}
      </h2>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <TextField name="name" label={t('shelters.field_name')} value={name} onChange={setName} error={fieldMessage(t, errors, 'name')} autoComplete="off" />
        <TextField
          name="operator"
          label={t('shelters.field_operator')}
          value={operator}
          onChange={setOperator}
          error={fieldMessage(t, errors, 'operator')}
          autoComplete="off"
        />
        <PlacePicker
          name="municipalityCode"
          label={t('shelters.field_municipality')}
          places={places}
          kinds={['municipality']}
          value={municipality === null ? null : { kind: 'municipality', code: municipality }}
          onChange={(place) => setMunicipality(place?.code ?? null)}
          error={fieldMessage(t, errors, 'municipalityCode')}
        />
        <fieldset className="pl-fieldset">
          <legend>{t('shelters.ivo_legend')}</legend>
          <p className="field-hint">{t('shelters.ivo_hint')}</p>
          <SelectField
            name="ivoKind"
            label={t('shelters.field_ivo_kind')}
            value={ivoKind}
            options={IVO_KINDS.map((k) => ({ value: k, label: t(`shelters.ivo_${k}`) }))}
            onChange={setIvoKind}
          />
          {ivoKind === 'none' ? null : (
            <TextField
              name="ivoNumber"
              label={ivoKind === 'permit' ? t('shelters.field_ivo_permit_number') : t('shelters.field_ivo_registration_number')}
              value={ivoNumber}
              onChange={setIvoNumber}
              error={fieldMessage(t, errors, 'ivoNumber')}
              autoComplete="off"
            />
          )}
          {ivoKind === 'permit' ? (
            <DateField
              name="ivoValidUntil"
              label={t('shelters.field_ivo_valid_until')}
              value={ivoValidUntil}
              onChange={setIvoValidUntil}
              error={fieldMessage(t, errors, 'ivoValidUntil')}
              hint={t('place.date_hint_optional')}
            />
          ) : null}
        </fieldset>
        <div className="pl-form-grid">
          <TextField
            name="capacityAdults"
            label={t('shelters.field_capacity_adults')}
            value={adults}
            onChange={setAdults}
            error={fieldMessage(t, errors, 'capacityAdults')}
            inputMode="numeric"
            className="field-short"
            autoComplete="off"
          />
          <TextField
            name="capacityChildren"
            label={t('shelters.field_capacity_children')}
            value={children}
            onChange={setChildren}
            error={fieldMessage(t, errors, 'capacityChildren')}
            inputMode="numeric"
            className="field-short"
            autoComplete="off"
          />
        </div>
        <CheckboxGroup
          className="pl-fieldset"
          name="specialisations"
          legend={t('shelters.field_specialisations')}
          options={SPECIALISATIONS.map((s) => ({ value: s, label: t(`shelters.spec_${s}`) }))}
          value={specialisations}
          onChange={setSpecialisations}
        />
        <TextField
          name="languages"
          label={t('shelters.field_languages')}
          hint={t('shelters.field_languages_hint')}
          value={languages}
          onChange={setLanguages}
          error={fieldMessage(t, errors, 'languages')}
          autoComplete="off"
        />
        <TextAreaField
          name="contact"
          label={t('shelters.field_contact')}
          hint={t('shelters.field_contact_hint')}
          value={contact}
          onChange={setContact}
          error={fieldMessage(t, errors, 'contact')}
          rows={2}
        />
        <FormFooter
          form={form}
          submitLabel={shelter === null ? t('shelters.add_submit') : t('shelters.edit_submit')}
          onCancel={onCancel}
          cancelLabel={t('place.cancel')}
        />
      </form>
    </section>
  );
}
