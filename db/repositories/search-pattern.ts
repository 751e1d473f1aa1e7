const MARKS = /[\u0300-\u036f]/g;
/** Letters of their own in Swedish, never folded to A or O (nor A, O to them). */
const OWN_LETTERS = new Set(['å', 'ä', 'ö']);

/**
 * The Latin letters with one accent that the search folds to their base letter (é → e, ü → u,
 * ë → e), by base letter: every letter of Latin-1 and Latin Extended-A whose canonical
 * decomposition is a–z and one combining mark, except Å, Ä, Ö. Æ, Ø, ß, Ł have no decomposition
 * and stay letters of their own. The trigram index (migration 0011, remove_diacritics) folds each
 * of these the same way, so its candidates hold every match (a test checks).
 */
export const FOLDED_LETTERS: ReadonlyMap<string, readonly string[]> = (() => {
  const byBase = new Map<string, string[]>();
  for (let cp = 0xc0; cp <= 0x17f; cp++) {
    const ch = String.fromCodePoint(cp);
    const lower = ch.toLowerCase();
    if (lower !== ch || OWN_LETTERS.has(lower)) continue;
    const decomposed = lower.normalize('NFD');
    const base = decomposed.replace(MARKS, '');
    if (!/^[a-z]$/.test(base) || decomposed.length !== 2) continue;
    byBase.set(base, [...(byBase.get(base) ?? []), lower]);
  }
  return byBase;
})();

/** The letter the search matches `ch` as: its base letter when accented (É → e), else itself. */
function searchLetter(ch: string): string {
  const lower = ch.toLocaleLowerCase('sv-SE');
  if ([...lower].length !== 1 || OWN_LETTERS.has(lower)) return ch;
  const base = lower.normalize('NFD').replace(MARKS, '');
  return FOLDED_LETTERS.get(base)?.includes(lower) ? base : ch;
}

/**
 * A GLOB pattern matching text that contains `query`, ignoring case for every letter and accents
 * on letters that are not Swedish letters of their own: "emile" and "Émile" find "Émile", "zoe"
 * finds "Zoë", but "asa" does not find "Åsa". SQLite's LIKE folds only ASCII, so "åsa" would miss
 * "Åsa"; GLOB with a class per letter ([åÅ], [eEéÉèÈ…]) folds any alphabet. Wildcards typed by
 * the user (* ? [) are bracketed so they match themselves; % and _ mean nothing to GLOB.
 */
export function containsGlob(query: string): string {
  let pattern = '*';
  for (const ch of query.normalize('NFC')) {
    if (ch === '*' || ch === '?' || ch === '[') {
      pattern += `[${ch}]`;
      continue;
    }
    const letter = searchLetter(ch);
    const lower = letter.toLocaleLowerCase('sv-SE');
    const upper = letter.toLocaleUpperCase('sv-SE');
    // Letters whose other case is more than one character (ß → SS) match as typed.
    if (lower === upper || [...lower].length !== 1 || [...upper].length !== 1) {
      pattern += letter;
      continue;
    }
    const accented = (FOLDED_LETTERS.get(lower) ?? []).map((a) => a + a.toLocaleUpperCase('sv-SE')).join('');
    pattern += `[${lower}${upper}${accented}]`;
  }
  return `${pattern}*`;
}

/**
 * The query as an FTS5 phrase for the trigram index of migration 0011 (a substring match, case
 * and accents folded), or null when it is shorter than a trigram. Quoted, so no character is FTS5 syntax.
 */
export function trigramPhrase(query: string): string | null {
  const text = query.normalize('NFC');
  if ([...text].length < 3) return null;
  return `"${text.replace(/"/g, '""')}"`;
}
