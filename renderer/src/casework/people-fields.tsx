import { RELATIONS } from '../../../core/contract';
import { CheckboxField } from '../components/checkbox-field';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { messageAt, pathOf } from '../forms/path-errors';
import type { PathErrors } from '../forms/path-errors';
import { useT } from '../i18n/use-t';
import { MaskableField } from '../protect/masked';
import { useCasework } from './casework-context';
import { emptyArea } from './case-values';
import type { AreaValues, ChildValues, PerpetratorValues } from './case-values';
import { useFocusRequest } from './use-focus-request';

interface RowProps<V> {
  values: V;
  onChange: (values: V) => void;
  errors: PathErrors;
  /** Path of this row's fields in the form ('children.0', or '' in a form of its own). */
  prefix: string;
}

/** One child: a person in their own right, with their own school, needs and placement. */
export function ChildFields({ values, onChange, errors, prefix, masked = false }: RowProps<ChildValues> & { masked?: boolean }) {
  const t = useT();
  const set = (field: Exclude<keyof ChildValues, 'key'>) => (value: string) => onChange({ ...values, [field]: value });
  const at = (field: string): string => pathOf(prefix, field);
  return (
    <>
      <div className="field-row">
        <TextField
          name={at('name')}
          label={t('child.name')}
          value={values.name}
          onChange={set('name')}
          error={messageAt(t, errors, at('name'))}
          autoComplete="off"
        />
        <TextField
          name={at('birthYear')}
          label={t('child.birth_year')}
          inputMode="numeric"
          value={values.birthYear}
          onChange={set('birthYear')}
          error={messageAt(t, errors, at('birthYear'))}
          className="field-short"
          autoComplete="off"
        />
      </div>
      <MaskableField masked={masked} label={t('child.school')}>
        <TextField
          name={at('school')}
          label={t('child.school')}
          value={values.school}
          onChange={set('school')}
          error={messageAt(t, errors, at('school'))}
          autoComplete="off"
        />
      </MaskableField>
      <TextAreaField
        name={at('needs')}
        label={t('child.needs')}
        value={values.needs}
        onChange={set('needs')}
        error={messageAt(t, errors, at('needs'))}
        rows={2}
      />
      <MaskableField masked={masked} label={t('child.placement')}>
        <TextField
          name={at('placement')}
          label={t('child.placement')}
          hint={t('child.placement_hint')}
          value={values.placement}
          onChange={set('placement')}
          error={messageAt(t, errors, at('placement'))}
          autoComplete="off"
        />
      </MaskableField>
    </>
  );
}

/** The places a perpetrator is known to be: a municipality and/or a Stockholm district, and a few words. */
function AreasEditor({
  areas,
  onChange,
  errors,
  prefix,
  perpetratorLabel,
}: {
  areas: AreaValues[];
  onChange: (areas: AreaValues[]) => void;
  errors: PathErrors;
  prefix: string;
  perpetratorLabel: string;
}) {
  const t = useT();
  const { municipalities, districts } = useCasework();
  const municipalityOptions = [{ value: '', label: t('area.no_municipality') }, ...municipalities.map((m) => ({ value: m.code, label: m.name }))];
  const districtOptions = [{ value: '', label: t('area.no_district') }, ...districts.map((d) => ({ value: d.slug, label: d.name }))];
  const replace = (index: number, area: AreaValues): void => onChange(areas.map((a, i) => (i === index ? area : a)));
  const listError = messageAt(t, errors, pathOf(prefix, 'areas'));
  const { containerRef, focusName, focusSelector } = useFocusRequest();
  const add = (): void => {
    onChange([...areas, emptyArea()]);
    focusName(pathOf(prefix, 'areas', areas.length, 'municipalityCode'));
  };
  const remove = (index: number): void => {
    onChange(areas.filter((_, i) => i !== index));
    focusSelector('[data-add-area]');
  };
  return (
    <div className="areas" ref={containerRef}>
      <h4 className="group-title">{t('area.title')}</h4>
      {areas.length === 0 ? <p className="muted">{t('area.none')}</p> : null}
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {areas.map((area, index) => {
        const at = (field: string): string => pathOf(prefix, 'areas', index, field);
        const label = t('area.label', { number: index + 1, person: perpetratorLabel });
        return (
          <fieldset key={area.key} className="area-row">
            <legend>{label}</legend>
            <div className="field-row">
              <SelectField
                name={at('municipalityCode')}
                label={t('area.municipality')}
                value={area.municipalityCode}
                options={municipalityOptions}
                onChange={(municipalityCode) => replace(index, { ...area, municipalityCode })}
                error={messageAt(t, errors, at('municipalityCode'))}
              />
              <SelectField
                name={at('districtSlug')}
                label={t('area.district')}
                value={area.districtSlug}
                options={districtOptions}
                onChange={(districtSlug) => replace(index, { ...area, districtSlug })}
                error={messageAt(t, errors, at('districtSlug'))}
              />
            </div>
            <TextField
              name={at('description')}
              label={t('area.description')}
              hint={t('area.description_hint')}
              value={area.description}
              onChange={(description) => replace(index, { ...area, description })}
              error={messageAt(t, errors, at('description'))}
              autoComplete="off"
            />
            <button type="button" className="button-secondary" onClick={() => remove(index)}>
              {t('area.remove', { label })}
            </button>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" className="button-secondary" data-add-area onClick={add} disabled={areas.length >= 10}>
          {t('area.add', { person: perpetratorLabel })}
        </button>
      </div>
    </div>
  );
}

/** One perpetrator; in an honour context often one of several acting together. */
export function PerpetratorFields({ values, onChange, errors, prefix, label }: RowProps<PerpetratorValues> & { label: string }) {
  const t = useT();
  const at = (field: string): string => pathOf(prefix, field);
  return (
    <>
      <div className="field-row">
        <TextField
          name={at('name')}
          label={t('perpetrator.name')}
          hint={t('perpetrator.name_hint')}
          value={values.name}
          onChange={(name) => onChange({ ...values, name })}
          error={messageAt(t, errors, at('name'))}
          autoComplete="off"
        />
        <SelectField
          name={at('relation')}
          label={t('perpetrator.relation')}
          value={values.relation}
          options={RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
          onChange={(relation) => onChange({ ...values, relation })}
        />
      </div>
      <CheckboxField
        name={at('collective')}
        label={t('perpetrator.collective')}
        hint={t('perpetrator.collective_hint')}
        checked={values.collective}
        onChange={(collective) => onChange({ ...values, collective })}
      />
      <TextAreaField
        name={at('notes')}
        label={t('perpetrator.notes')}
        value={values.notes}
        onChange={(notes) => onChange({ ...values, notes })}
        error={messageAt(t, errors, at('notes'))}
        rows={2}
      />
      <AreasEditor areas={values.areas} onChange={(areas) => onChange({ ...values, areas })} errors={errors} prefix={prefix} perpetratorLabel={label} />
    </>
  );
}
