/**
 * How deeply any API input may nest arrays and objects. The deepest input the contract has is
 * five levels (`cases:create`); tests/host/input-depth.test.ts derives that from the schemas and
 * checks it stays under this bound. Anything deeper is refused before it is parsed or walked, so
 * a hostile body of a million brackets costs one linear scan instead of seconds of parsing.
 */
export const INPUT_MAX_DEPTH = 32;

/**
 * How many arrays, objects and separated elements any API input may hold. The widest legal input
 * is the gallring purge's list of case numbers (RETENTION_PURGE_MAX, 50 000); a risk draft holds
 * about 10 000 values. A shallow body of millions of tiny values cost JSON.parse and the checks
 * half a second on the host's event loop, so it is refused by the same scan instead.
 */
export const INPUT_MAX_VALUES = 200_000;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const COMMA = 0x2c;

/**
 * What makes JSON text too costly to parse: nesting deeper than `maxDepth`, or more than
 * `maxValues` arrays, objects and commas; null when neither. One pass, no allocation; brackets and
 * commas inside strings (escapes honoured) do not count. It does not validate the JSON: JSON.parse does that after.
 */
export function jsonTextTooComplex(text: string, maxDepth: number, maxValues: number): 'depth' | 'values' | null {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > maxDepth) return 'depth';
      if (++values > maxValues) return 'values';
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    } else if (c === COMMA) {
      if (++values > maxValues) return 'values';
    }
  }
  return null;
}

/** True when JSON text nests arrays/objects more than `max` deep (see jsonTextTooComplex). */
export function jsonTextDepthExceeds(text: string, max: number): boolean {
  return jsonTextTooComplex(text, max, Infinity) === 'depth';
}

/**
 * True when a value (as structured clone delivers it over IPC) nests arrays/objects more than
 * `max` deep, or holds more than `maxValues` arrays, objects and elements in all. The walk never
 * goes below `max + 1` levels and stops at the budget, so a cyclic value, or one that reuses the
 * same objects many times over, counts as too complex.
 */
export function exceedsDepth(value: unknown, max: number, maxValues: number = INPUT_MAX_VALUES): boolean {
  const budget = { left: maxValues };
  return tooComplex(value, max, budget);
}

function tooComplex(value: unknown, max: number, budget: { left: number }): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (max <= 0) return true;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  budget.left -= 1 + children.length;
  if (budget.left < 0) return true;
  for (const child of children) {
    if (tooComplex(child, max - 1, budget)) return true;
  }
  return false;
}
