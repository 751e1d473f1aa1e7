import { useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceGroupProps {
  /** The radios' name, also the path of the group's error. */
  name: string;
  legend: ReactNode;
  choices: readonly Choice[];
  value: string | null;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  /** Offered when the group is answered: takes the answer back (radios alone cannot). */
  clearLabel?: string;
  onClear?: () => void;
  className?: string;
}

/**
 * One answer as a radio group: arrow keys move between the choices, the hint and the error are
 * announced with the group, and an answer can be taken back.
 */
export function ChoiceGroup({ name, legend, choices, value, onChange, hint, error, clearLabel, onClear, className }: ChoiceGroupProps) {
  const id = useId();
  const optionsRef = useRef<HTMLDivElement>(null);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null).join(' ') || undefined;
  return (
    <fieldset
      className={`risk-choice${className ? ` ${className}` : ''}${error ? ' is-invalid' : ''}`}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={described}
    >
      <legend id={`${id}-legend`}>{legend}</legend>
      {hint ? (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      ) : null}
      <div className="risk-choice-options" ref={optionsRef}>
        {choices.map((choice) => (
          <label key={choice.value} className="risk-choice-option">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-invalid={error ? true : undefined}
            />
            {choice.label}
          </label>
        ))}
        {value !== null && onClear && clearLabel ? (
          <button
            type="button"
            className="button-link risk-choice-clear"
            onClick={() => {
              // The button goes with the answer: the keyboard user stays in the group.
              optionsRef.current?.querySelector('input')?.focus();
              onClear();
            }}
          >
            {clearLabel}
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
