import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphrase-strength';

describe('passphraseStrength', () => {
  it('rejects anything under the minimum length', () => {
    expect(passphraseStrength('short')).toEqual({ score: 0, hints: ['too_short'] });
  });
  it('rates a long multi-word passphrase higher than a short one-word one', () => {
    const weak = passphraseStrength('abcdefghijkl');
    const strong = passphraseStrength('Blå tåg vid 7 Lindö-kanal!');
    expect(strong.score).toBeGreaterThan(weak.score);
    expect(weak.hints).toContain('mix_characters');
  });
  it('marks common words and repeats', () => {
    expect(passphraseStrength('password1234567').hints).toContain('avoid_common');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').hints).toContain('avoid_repeats');
  });
});
