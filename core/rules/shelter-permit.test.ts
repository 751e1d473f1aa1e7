import { describe, expect, it } from 'vitest';
import { permitStatusOn } from './shelter-permit';

describe('IVO permit on a day', () => {
  it('counts only a permit as valid', () => {
    expect(permitStatusOn({ ivoKind: 'permit', ivoValidUntil: null }, '2026-03-01')).toBe('valid');
    expect(permitStatusOn({ ivoKind: 'registration', ivoValidUntil: null }, '2026-03-01')).toBe('missing');
    expect(permitStatusOn({ ivoKind: 'none', ivoValidUntil: null }, '2026-03-01')).toBe('missing');
  });

  it('keeps a permit valid through its last day and expired after it', () => {
    const permit = { ivoKind: 'permit', ivoValidUntil: '2026-03-31' };
    expect(permitStatusOn(permit, '2026-03-30')).toBe('valid');
    expect(permitStatusOn(permit, '2026-03-31')).toBe('valid');
    expect(permitStatusOn(permit, '2026-04-01')).toBe('expired');
  });

  it('never lets an open-ended permit expire', () => {
    expect(permitStatusOn({ ivoKind: 'permit', ivoValidUntil: null }, '2099-12-31')).toBe('valid');
  });

  it('ignores an end date on a registration: it is still no permit', () => {
    expect(permitStatusOn({ ivoKind: 'registration', ivoValidUntil: '2099-12-31' }, '2026-03-01')).toBe('missing');
  });
});
