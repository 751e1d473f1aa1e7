import { describe, expect, it } from 'vitest';
import { compareVersions, newestVersion } from './instrument-version';

describe('instrument versions', () => {
  it('compares part by part as numbers', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('1.9', '1.10')).toBe(-1);
    expect(compareVersions('2', '10')).toBe(-1);
    expect(compareVersions('2', '2.0')).toBe(0);
    expect(compareVersions('2.0.1', '2')).toBe(1);
  });

  it('finds the newest version', () => {
    expect(newestVersion(['1', '1.10', '1.9', '0.99'])).toBe('1.10');
    expect(newestVersion([])).toBeNull();
  });
});
