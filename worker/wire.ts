/**
 * How a result crosses from the database worker to the host thread. Structured clone rebuilds a
 * large result object by object on the receiving thread: a case list page with its ids took 50 ms
 * of the host's event loop at city scale (the benchmark), where JSON.parse of the same data takes about
 * 6 ms (a string crosses as one copy). So a large result goes as JSON text, and only when JSON
 * gives back exactly the same value; anything else (a Date, a Buffer, undefined, a non-finite
 * number) goes by structured clone as before. The encoding costs the worker, never the host.
 */

/** Results smaller than this (in JSON characters) are cloned: too small to matter either way. */
export const JSON_WIRE_MIN_CHARS = 16 * 1024;

/** A result as it travels: the value itself, or its JSON text. */
export type WireResult = { result: unknown } | { json: string };

class NotPlainJson extends Error {}

// Throws for any value JSON would not give back unchanged (the replacer sees every value once).
function strictReplacer(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  switch (typeof original) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(original) || Object.is(original, -0)) throw new NotPlainJson();
      return value;
    case 'object': {
      if (original === null) return value;
      const proto = Object.getPrototypeOf(original) as unknown;
      if (Array.isArray(original) ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) throw new NotPlainJson();
      if (typeof (original as { toJSON?: unknown }).toJSON === 'function') throw new NotPlainJson();
      return value;
    }
    default:
      // undefined, functions, symbols, bigint.
      throw new NotPlainJson();
  }
}

/** Encodes a result for the host: JSON text when it is large and plain data, else the value itself. */
export function encodeResult(result: unknown, minChars = JSON_WIRE_MIN_CHARS): WireResult {
  let text: string;
  try {
    text = JSON.stringify({ v: result }, strictReplacer);
  } catch {
    return { result };
  }
  return text.length >= minChars ? { json: text } : { result };
}

/** The result a wire value carries. */
export function decodeResult(wire: WireResult): unknown {
  return 'json' in wire ? (JSON.parse(wire.json) as { v: unknown }).v : wire.result;
}
