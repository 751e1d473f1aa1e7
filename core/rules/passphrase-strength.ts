import { PASSPHRASE_MIN_LENGTH } from '../contract/common';

export type PassphraseHint = 'too_short' | 'add_words' | 'mix_characters' | 'avoid_repeats' | 'avoid_common';

export interface PassphraseStrength {
  /** 0 (unacceptable) to 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  hints: PassphraseHint[];
}

const COMMON = ['password', 'lösenord', 'losenord', 'qwerty', '123456', 'fristad', 'stockholm', 'sommar', 'vinter', 'hemligt'];

/** A rough strength estimate used only as a hint beside the minimum-length rule. */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const hints: PassphraseHint[] = [];
  const length = [...passphrase].length;
  if (length < PASSPHRASE_MIN_LENGTH) return { score: 0, hints: ['too_short'] };

  let score = 1;
  if (length >= 16) score++;
  if (length >= 24) score++;
  const classes = [/[a-zåäö]/, /[A-ZÅÄÖ]/, /[0-9]/, /[^a-zA-ZåäöÅÄÖ0-9]/].filter((re) => re.test(passphrase)).length;
  if (classes >= 3) score++;
  else hints.push('mix_characters');
  const words = passphrase
    .trim()
    .split(/[\s\-_.]+/)
    .filter((w) => w.length >= 3);
  if (words.length < 3 && length < 24) hints.push('add_words');
  if (/(.)\1{3,}/.test(passphrase)) {
    score--;
    hints.push('avoid_repeats');
  }
  const lower = passphrase.toLowerCase();
  if (COMMON.some((c) => lower.includes(c))) {
    score--;
    hints.push('avoid_common');
  }
  const clamped = Math.max(1, Math.min(4, score)) as 1 | 2 | 3 | 4;
  return { score: clamped, hints };
}
