import { useId } from 'react';
import type { HTMLAttributes, ReactNode, Ref } from 'react';
import { FieldMessages, describedBy } from './field-messages';

export interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'number' | 'search';
  /** Translated message shown under the field; also marks it invalid. */
  error?: string | undefined;
  /** Marks the field invalid without a message of its own (the form's alert explains). */
  invalid?: boolean;
  hint?: ReactNode;
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  spellCheck?: boolean;
  className?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({
  name,
  label,
  value,
  onChange,
  type = 'text',
  error,
  invalid = false,
  hint,
  autoComplete,
  autoFocus,
  inputMode,
  spellCheck,
  className,
  ref,
}: TextFieldProps) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        name={name}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error) || invalid}
        aria-describedby={describedBy(id, hint, error)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        inputMode={inputMode}
        spellCheck={spellCheck}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
