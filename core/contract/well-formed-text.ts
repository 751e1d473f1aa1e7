// A lone UTF-16 surrogate cannot be stored as UTF-8: SQLite would keep U+FFFD instead, so the text
// read back differs from the text written (and an audit row's hash over it would no longer hold).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** The text as UTF-8 storage keeps it: each lone surrogate becomes U+FFFD. */
export function toWellFormedText(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * The path of the first string (value or object key) in `value` holding a lone surrogate, or
 * null when every string is well formed. Deeper than `maxDepth` nothing is looked at: the
 * schemas refuse such nesting anyway.
 */
export function findIllFormedText(value: unknown, maxDepth = 32): (string | number)[] | null {
  const walk = (v: unknown, path: (string | number)[], depth: number): (string | number)[] | null => {
    if (typeof v === 'string') return LONE_SURROGATE.test(v) ? path : null;
    if (depth >= maxDepth || v === null || typeof v !== 'object') return null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const found = walk(v[i], [...path, i], depth + 1);
        if (found) return found;
      }
      return null;
    }
    for (const key of Object.keys(v)) {
      if (LONE_SURROGATE.test(key)) return [...path, key];
      const found = walk((v as Record<string, unknown>)[key], [...path, key], depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(value, [], 0);
}

/** The input with every string in NFC, or the path of the first string that cannot be stored as typed. */
export type NormalizedInput = { ok: true; value: unknown } | { ok: false; path: (string | number)[] };

/**
 * Fields whose text is a secret, kept as typed: a key was derived from the passphrase as it was
 * set, and normalising it now could lock its user out of the data for good.
 */
const SECRET_FIELDS = new Set(['passphrase', 'currentPassphrase', 'newPassphrase', 'recoveryKey']);

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with every string (values and object keys) in Unicode normal form C, walked
 * once: the same letter typed or pasted decomposed (A + combining ring) and composed (Å) is then
 * the same text, stored, searched and sorted alike. Refused (the path, as findIllFormedText
 * gives it): a string with a lone surrogate, or two keys of one object that NFC makes equal.
 * Deeper than `maxDepth`, and inside anything but arrays and plain objects, values are kept as
 * they are: the schemas refuse such input anyway. Secrets (SECRET_FIELDS) are checked but kept as typed.
 */
export function normalizeInputText(value: unknown, maxDepth = 32): NormalizedInput {
  let broken: (string | number)[] | null = null;
  const walk = (v: unknown, path: (string | number)[], depth: number, secret = false): unknown => {
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) broken = path;
      return secret ? v : v.normalize('NFC');
    }
    if (depth >= maxDepth || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (let i = 0; i < v.length && broken === null; i++) out.push(walk(v[i], [...path, i], depth + 1));
      return out;
    }
    if (!isPlainObject(v)) return v;
    const entries: [string, unknown][] = [];
    const seen = new Set<string>();
    for (const key of Object.keys(v)) {
      const nfc = key.normalize('NFC');
      if (LONE_SURROGATE.test(key) || seen.has(nfc)) {
        broken = [...path, key];
        break;
      }
      seen.add(nfc);
      entries.push([nfc, walk(v[key], [...path, key], depth + 1, SECRET_FIELDS.has(nfc))]);
      if (broken !== null) break;
    }
    // fromEntries defines own properties: a "__proto__" key stays a key, as JSON.parse made it.
    return Object.fromEntries(entries);
  };
  const out = walk(value, [], 0);
  return broken === null ? { ok: true, value: out } : { ok: false, path: broken };
}
