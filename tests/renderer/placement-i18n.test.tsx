import { describe, expect, it } from 'vitest';
import type { Message } from '../../core/i18n';
import { caseworkSv } from '../../renderer/src/i18n/casework.sv';
import { placementEn } from '../../renderer/src/i18n/placement.en';
import { placementSv } from '../../renderer/src/i18n/placement.sv';
import { sv } from '../../renderer/src/i18n/sv';

describe('placement dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(placementEn).sort()).toEqual(Object.keys(placementSv).sort());
  });

  it('do not silently override another dictionary’s texts', () => {
    // sv.ts spreads the dictionaries into one; a shared key would replace the other's text.
    const others: Record<string, Message> = { ...caseworkSv };
    for (const [key, text] of Object.entries(placementSv)) {
      if (key in others) expect(others[key], key).toBe(text);
      expect(sv[key as keyof typeof sv], key).toBe(text);
    }
  });
});
