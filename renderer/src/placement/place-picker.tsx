import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PlaceRef } from '../../../core/contract';
import { useT } from '../i18n/use-t';
import { fold, placeLabel } from './places';
import type { PlaceChoice, PlaceKind } from './places';

export interface PlacePickerProps {
  name: string;
  label: string;
  /** Every place there is (null while loading); the picker narrows them by `kinds` and `exclude`. */
  places: readonly PlaceChoice[] | null;
  value: PlaceRef | null;
  onChange: (place: PlaceRef | null) => void;
  kinds?: readonly PlaceKind[];
  /** Codes not to offer (for example municipalities that are already members). */
  exclude?: readonly string[];
  error?: string | undefined;
  hint?: string;
}

interface Option extends PlaceChoice {
  label: string;
  folded: string;
}

const BOTH: readonly PlaceKind[] = ['municipality', 'district'];

function matchesOf(options: readonly Option[], query: string): Option[] {
  const needle = fold(query.trim());
  if (needle === '') return [...options];
  const hits = options.filter((o) => o.folded.includes(needle) || o.code.startsWith(needle));
  // Names that begin with what was typed first: "Sol" puts Sollentuna before Bollebygd's neighbours.
  return [...hits.filter((o) => o.folded.startsWith(needle)), ...hits.filter((o) => !o.folded.startsWith(needle))];
}

/**
 * A searchable list of municipalities and Stockholm districts (an ARIA combobox): type to narrow,
 * arrows to move, Enter or Tab to choose, Escape to close. Leaving the field keeps the last choice
 * unless the text names a place exactly, or is empty (no place).
 */
export function PlacePicker({ name, label, places, value, onChange, kinds = BOTH, exclude = [], error, hint }: PlacePickerProps) {
  const t = useT();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const kindsKey = kinds.join(',');
  const excludeKey = exclude.join(',');
  const options = useMemo<Option[]>(() => {
    const allowedKinds = kindsKey.split(',');
    const excluded = new Set(excludeKey === '' ? [] : excludeKey.split(','));
    return (places ?? [])
      .filter((p) => allowedKinds.includes(p.kind) && !excluded.has(p.code))
      .map((p) => {
        const optionLabel = placeLabel(t, p);
        return { ...p, label: optionLabel, folded: fold(optionLabel) };
      });
  }, [places, kindsKey, excludeKey, t]);

  const selected = value === null ? undefined : (places ?? []).find((p) => p.kind === value.kind && p.code === value.code);
  const selectedLabel = selected ? placeLabel(t, selected) : '';
  const matches = useMemo(() => matchesOf(options, query ?? ''), [options, query]);
  const activeOption = open ? matches[active] : undefined;

  useEffect(() => {
    if (!open) return;
    const element = listRef.current?.children[active];
    if (element instanceof HTMLElement && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  const choose = (option: Option): void => {
    setQuery(null);
    setOpen(false);
    if (!selected || selected.kind !== option.kind || selected.code !== option.code) onChange({ kind: option.kind, code: option.code });
  };

  const openList = (): void => {
    const current = selected ? matches.findIndex((o) => o.kind === selected.kind && o.code === selected.code) : -1;
    setActive(Math.max(current, 0));
    setOpen(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList();
        else setActive((i) => Math.min(i + 1, matches.length - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((i) => Math.max(i - 1, 0));
        return;
      case 'Enter':
        if (open && activeOption) {
          event.preventDefault();
          choose(activeOption);
        }
        return;
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault();
          event.stopPropagation();
          if (open) setOpen(false);
          else setQuery(null);
        }
        return;
      case 'Tab':
        if (open && activeOption && query !== null && query.trim() !== '') choose(activeOption);
        return;
    }
  };

  const onBlur = (): void => {
    setOpen(false);
    if (query === null) return;
    const typed = fold(query.trim());
    setQuery(null);
    if (typed === '') {
      if (value !== null) onChange(null);
      return;
    }
    const exact = options.filter((o) => o.folded === typed || fold(o.name) === typed);
    if (exact.length === 1 && exact[0]) choose(exact[0]);
  };

  const loading = places === null;
  const noMatch = open && query !== null && matches.length === 0;
  const describedBy = [hintId, error ? errorId : null].filter((part) => part !== null).join(' ');

  return (
    <div className="field pl-place-picker">
      <label htmlFor={id}>{label}</label>
      <div className="pl-combobox">
        <input
          id={id}
          name={name}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${id}-option-${active}` : undefined}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          disabled={loading}
          value={query ?? selectedLabel}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
          onClick={() => {
            if (!open) openList();
          }}
        />
        <ul ref={listRef} id={listId} role="listbox" aria-label={label} className="pl-listbox" hidden={!open || matches.length === 0}>
          {open
            ? matches.map((option, index) => (
                <li
                  key={`${option.kind}:${option.code}`}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'pl-option pl-option-active' : 'pl-option'}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  {option.label}
                </li>
              ))
            : null}
        </ul>
      </div>
      <div id={hintId} className="field-hint">
        {loading ? t('place.loading') : (hint ?? t('place.hint'))}
      </div>
      <p className={noMatch ? 'field-hint' : 'visually-hidden'} role="status">
        {open && query !== null ? (noMatch ? t('place.no_match') : t('place.match_count', { count: matches.length })) : ''}
      </p>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
