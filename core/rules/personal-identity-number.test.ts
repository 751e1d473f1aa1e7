import { describe, expect, it } from 'vitest';
import { checkPersonalIdentityNumber } from './personal-identity-number';

// Made-up numbers with valid check digits; none belongs to a real person as far as we know.
describe('personal identity number', () => {
  it('accepts valid numbers in the long and short forms', () => {
    expect(checkPersonalIdentityNumber('19900101-0017')).toEqual({ ok: true, normalized: '19900101-0017' });
    expect(checkPersonalIdentityNumber('900101-0017', new Date('2026-01-01'))).toEqual({ ok: true, normalized: '19900101-0017' });
    expect(checkPersonalIdentityNumber('199001010017').ok).toBe(true);
  });
  it('rejects a wrong check digit, a bad date and a bad format', () => {
    expect(checkPersonalIdentityNumber('19900101-0018')).toEqual({ ok: false, reason: 'check_digit' });
    expect(checkPersonalIdentityNumber('abc')).toEqual({ ok: false, reason: 'format' });
    expect(checkPersonalIdentityNumber('19901301-0016')).toMatchObject({ ok: false });
  });
  it('accepts coordination numbers (day + 60)', () => {
    expect(checkPersonalIdentityNumber('19900161-0014').ok).toBe(true);
  });
});
