import { useId } from 'react';
import type { ReactNode } from 'react';
import { FieldMessages, describedBy } from './field-messages';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  name: string;
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  /** Translated message shown under the field; also marks it invalid. */
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
}

/** A labelled select whose hint and error are announced with it. */
export function SelectField<V extends string>({ name, label, value, options, onChange, error, hint, className }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
