import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListRow } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

// Text pasted from some macOS programs arrives decomposed: Å as A + U+030A (combining ring). The
// API takes every text in NFC, so the name is stored, found and sorted as the same name typed.

let runtime: Runtime;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { username: 'tove', displayName: 'Tove Gruppledare', role: 'team_lead', passphrase: 'toves long passphrase' });
  await ok(runtime, 'session:unlock', { username: 'tove', passphrase: 'toves long passphrase' });
});
afterAll(async () => close());

const list = {
  query: '',
  status: 'all',
  assignedUserId: null,
  districtSlug: null,
  protectedOnly: false,
  honourOnly: false,
  openRemindersOnly: false,
  sort: 'updated',
  direction: 'desc',
  offset: 0,
  limit: 50,
};

describe('text in decomposed form through the API', () => {
  it('stores a decomposed name in NFC, and finds it by åsa, Åsa and ÅSA', async () => {
    const decomposed = 'A\u030Asa Fiktiv';
    expect(decomposed).not.toBe('Åsa Fiktiv');
    const child = { name: 'O\u0308rjan Fiktiv', birthYear: 2015, school: '', needs: '', placement: '' };
    const created = await ok<CaseDetail>(runtime, 'cases:create', {
      ...caseInput({ survivor: { ...caseInput().survivor, name: decomposed }, children: [child] }),
      vulnerabilityNote: 'Ra\u0308dd',
    });
    expect(created.survivor.name).toBe('Åsa Fiktiv');
    expect(created.children.map((c) => c.name)).toEqual(['Örjan Fiktiv']);
    expect(created.vulnerabilityNote).toBe('Rädd');
    await ok(runtime, 'cases:create', caseInput({ survivor: { ...caseInput().survivor, name: 'Asa Annan' } }));
    for (const query of ['åsa', 'Åsa', 'ÅSA', 'A\u030Asa']) {
      const page = await ok<{ total: number; rows: CaseListRow[] }>(runtime, 'cases:list', { ...list, query });
      expect(
        page.rows.map((r) => r.survivorName),
        query,
      ).toEqual(['Åsa Fiktiv']);
    }
  });

  it('refuses an object whose keys NFC makes one, and a lone surrogate, as before', async () => {
    const r = await runtime.invoke('cases:list', { ...list, ['qu\u00e9ry']: 1, ['que\u0301ry']: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.message).toBe('text_not_well_formed');
    const s = await runtime.invoke('cases:list', { ...list, query: 'a\uD800' });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error.issues).toEqual([{ path: ['query'], message: 'text_not_well_formed' }]);
  });
});
