// Swedish alphabetical order as a key that sorts by plain byte comparison (SQLite's BINARY), for
// an index to serve: SQLite's NOCASE folds ASCII only and orders by code point (Ä before Å, É after
// Z, lower case after every capital), and better-sqlite3 cannot register a collation.
//
// The key has three levels, as a collation does (Unicode's, CLDR's Swedish tailoring): the letters
// (A–Z, then Å, Ä, Ö; é with e, ü with y, æ with ä, ø with ö, ß as ss), then the accents, then
// the case (lower first). Between the levels a U+0001, below any character a name holds, so a
// shorter name sorts before the longer one that starts with it.

/** Å, Ä, Ö after Z: U+007F (above every ASCII letter, below every non-ASCII character) and a rank. */
const AFTER_Z: Readonly<Record<string, string>> = { å: '\u007f\u0002', ä: '\u007f\u0003', ö: '\u007f\u0004' };

/** Letters with no decomposition that Swedish order files with others (their secondary weight: U+0004). */
const FILED_AS: Readonly<Record<string, string>> = {
  æ: 'ä',
  ø: 'ö',
  ü: 'y',
  ű: 'y',
  ß: 'ss',
  œ: 'oe',
  ð: 'd',
  đ: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

const MARKS = /[\u0300-\u036f]/g;
/** The common accents in the order Unicode's collation weighs them (acute before grave, …); others after, by code point. */
const MARK_ORDER = '\u0301\u0300\u0306\u0302\u030c\u030a\u0308\u030b\u0303\u0307\u0327\u0328\u0304';
const markWeights = (marks: string): string => [...marks].map((m) => (MARK_ORDER.includes(m) ? String.fromCharCode(0x10 + MARK_ORDER.indexOf(m)) : m)).join('');
const LEVELS = '\u0001';
const PLAIN = '\u0002';
const UPPER = '\u0003';
const OTHER = '\u0004';

/** A key whose byte order (code point order of its UTF-8) is the Swedish alphabetical order of `name`. */
export function svSortKey(name: string): string {
  let primary = '';
  let accents = '';
  let cases = '';
  for (const ch of name.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const caseMark = lower !== ch ? UPPER : PLAIN;
    // Å, Ä, Ö are letters of their own, not a, o with a mark.
    const own = AFTER_Z[lower];
    if (own !== undefined) {
      primary += own;
      accents += PLAIN;
      cases += caseMark;
      continue;
    }
    const filed = FILED_AS[lower];
    const decomposed = lower.normalize('NFD');
    const base = filed ?? decomposed.replace(MARKS, '');
    const marks = filed !== undefined ? OTHER : markWeights(decomposed.slice(base.length)) || PLAIN;
    for (const unit of base === '' ? lower : base) {
      primary += AFTER_Z[unit] ?? unit;
      accents += marks;
      cases += caseMark;
    }
  }
  return primary + LEVELS + accents + LEVELS + cases;
}
