import { describe, expect, it } from 'vitest';
import { svSortKey } from '../../core/rules/swedish-order';

const byKey = (a: string, b: string): number => {
  const x = svSortKey(a);
  const y = svSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

describe('svSortKey', () => {
  it('orders names as Intl.Collator("sv") does: A–Z, Å, Ä, Ö; é with e; any case', () => {
    const names = ['Örjan', 'Åsa', 'Ärla', 'Zelda', 'émile', 'Eva', 'adam', 'Bertil'];
    expect([...names].sort(byKey)).toEqual(['adam', 'Bertil', 'émile', 'Eva', 'Zelda', 'Åsa', 'Ärla', 'Örjan']);
    const more = [
      'Ærø',
      'Øst',
      'Ödla',
      'Züri',
      'Yngve',
      'ü',
      'Zoë',
      'Zoe',
      'ß',
      'ss',
      'st',
      'Łukasz',
      'Lukas',
      'Lund',
      'Anna-Lena',
      'Anna Lena',
      'Annalena',
      'emile',
      'Emile',
      'Émile',
      '1a',
    ];
    expect([...more].sort(byKey)).toEqual([...more].sort(new Intl.Collator('sv').compare));
  });

  it('agrees with Intl.Collator("sv") on every pair of random names from the letters that differ (a fixed seed)', () => {
    const collator = new Intl.Collator('sv');
    const letters = [
      'a',
      'A',
      'e',
      'é',
      'É',
      'E',
      'è',
      'ê',
      'ë',
      'ç',
      'c',
      'ñ',
      'n',
      'o',
      'O',
      'z',
      'Z',
      'å',
      'Å',
      'ä',
      'Ä',
      'ö',
      'Ö',
      'ø',
      'æ',
      'ü',
      'y',
      's',
      'ß',
      ' ',
      '-',
    ];
    let seed = 20261207;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const name = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => letters[Math.floor(next() * letters.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const a = name();
      const b = name();
      expect(Math.sign(byKey(a, b)), JSON.stringify([a, b])).toBe(Math.sign(collator.compare(a, b)));
    }
  });

  it('gives decomposed and composed text the same key', () => {
    expect(svSortKey('A\u030Asa')).toBe(svSortKey('Åsa'));
  });
});
