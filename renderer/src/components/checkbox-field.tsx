import { useId } from 'react';
import type { ReactNode } from 'react';
import type { SelectOption } from './select-field';

export interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}

/** One checkbox with its label to the right and an optional hint. */
export function CheckboxField({ name, label, checked, onChange, hint }: CheckboxFieldProps) {
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

export interface CheckboxGroupProps<V extends string> {
  /** Each box is named `name.value`. */
  name: string;
  legend: string;
  options: readonly SelectOption<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  /** The fieldset's look: plain by default. */
  className?: string;
}

/** A set of checkboxes under one legend; the value is the chosen options in their given order. */
export function CheckboxGroup<V extends string>({ name, legend, options, value, onChange, className = 'checkbox-group' }: CheckboxGroupProps<V>) {
  const toggle = (option: V, checked: boolean): void => {
    onChange(options.map((o) => o.value).filter((v) => (v === option ? checked : value.includes(v))));
  };
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
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
