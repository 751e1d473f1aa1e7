import type { ReactNode } from 'react';
import { TextField } from './text-field';

export interface DateFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** How to write the date (each feature says it in its own words). */
  hint: ReactNode;
  error?: string | undefined;
}

/** A date typed as YYYY-MM-DD, the format caseworkers use in journals. */
export function DateField({ name, label, value, onChange, hint, error }: DateFieldProps) {
  return (
    <TextField
      name={name}
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={hint}
      className="field-date"
      autoComplete="off"
      spellCheck={false}
    />
  );
}
