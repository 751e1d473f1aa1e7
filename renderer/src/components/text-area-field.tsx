import { useId } from 'react';
import type { ReactNode, Ref } from 'react';
import { FieldMessages, describedBy } from './field-messages';

export interface TextAreaFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Translated message shown under the field; also marks it invalid. */
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text whose hint and error are announced with it; line breaks are kept as typed. */
export function TextAreaField({ name, label, value, onChange, error, hint, required = false, rows = 3, ref }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="field field-wide">
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
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
