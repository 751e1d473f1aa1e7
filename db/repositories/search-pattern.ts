/**
 * A GLOB pattern matching text that contains `query`, ignoring case for every letter.
 * SQLite's LIKE folds only ASCII, so "åsa" would miss "Åsa"; GLOB with a class per letter
 * ([åÅ]) folds any alphabet. Wildcards typed by the user (* ? [) are bracketed so they match
 * themselves; % and _ mean nothing to GLOB.
 */
export function containsGlob(query: string): string {
  let pattern = '*';
  for (const ch of query.normalize('NFC')) {
    if (ch === '*' || ch === '?' || ch === '[') {
      pattern += `[${ch}]`;
      continue;
    }
    const lower = ch.toLocaleLowerCase('sv-SE');
    const upper = ch.toLocaleUpperCase('sv-SE');
    // Letters whose other case is more than one character (ß → SS) match as typed.
    pattern += lower !== upper && [...lower].length === 1 && [...upper].length === 1 ? `[${lower}${upper}]` : ch;
  }
  return `${pattern}*`;
}

/**
 * The query as an FTS5 phrase for the trigram index of migration 0005 (a substring match, case
 * folded), or null when it is shorter than a trigram. Quoted, so no character is FTS5 syntax.
 */
export function trigramPhrase(query: string): string | null {
  const text = query.normalize('NFC');
  if ([...text].length < 3) return null;
  return `"${text.replace(/"/g, '""')}"`;
}
