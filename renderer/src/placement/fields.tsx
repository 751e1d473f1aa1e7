import { useId } from 'react';
import type { ReactNode, Ref } from 'react';
import { TextField } from '../components/text-field';
import { useT } from '../i18n/use-t';

function describedBy(...ids: (string | null)[]): string | undefined {
  const joined = ids.filter((id) => id !== null).join(' ');
  return joined === '' ? undefined : joined;
}

export interface TextAreaFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field whose hint and error are announced with it. */
export function TextAreaField({ name, label, value, onChange, error, hint, required = false, rows = 3, ref }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field pl-field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-required={required || undefined}
        aria-describedby={describedBy(hint ? hintId : null, error ? errorId : null)}
      />
      {hint ? (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A date typed as YYYY-MM-DD, the format caseworkers use in journals. */
export function DateField(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  optional?: boolean;
}) {
  const t = useT();
  return (
    <TextField
      name={props.name}
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      hint={props.optional ? t('place.date_hint_optional') : t('place.date_hint')}
      className="field-short pl-date"
      autoComplete="off"
      spellCheck={false}
    />
  );
}

/** One checkbox with its label to the right and an optional hint. */
export function CheckboxField({ name, label, checked, onChange, hint }: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <div id={`${id}-hint`} className="field-hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** A set of checkboxes under one legend; the value is the chosen options in their given order. */
export function CheckboxGroup<V extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
}) {
  const toggle = (option: V, checked: boolean): void => {
    onChange(options.map((o) => o.value).filter((v) => (v === option ? checked : value.includes(v))));
  };
  return (
    <fieldset className="pl-fieldset">
      <legend>{legend}</legend>
      <div className="pl-checkbox-grid">
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            name={`${name}.${option.value}`}
            label={option.label}
            checked={value.includes(option.value)}
            onChange={(checked) => toggle(option.value, checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
