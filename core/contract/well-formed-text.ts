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
