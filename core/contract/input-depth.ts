/**
 * How deeply any API input may nest arrays and objects. The deepest input the contract has is
 * five levels (`cases:create`); tests/host/input-depth.test.ts derives that from the schemas and
 * checks it stays under this bound. Anything deeper is refused before it is parsed or walked, so
 * a hostile body of a million brackets costs one linear scan instead of seconds of parsing.
 */
export const INPUT_MAX_DEPTH = 32;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when JSON text nests arrays/objects more than `max` deep. One pass, no allocation; brackets
 * inside strings (escapes honoured) do not count. It does not validate the JSON: JSON.parse does that after.
 */
export function jsonTextDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}

/**
 * True when a value (as structured clone delivers it over IPC) nests arrays/objects more than
 * `max` deep. The walk never goes below `max + 1` levels, so a cyclic value counts as too deep.
 */
export function exceedsDepth(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (max <= 0) return true;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    if (exceedsDepth(child, max - 1)) return true;
  }
  return false;
}
