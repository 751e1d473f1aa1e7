import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListCasesInputSchema, UpdateCaseInputSchema, type ListCasesInput } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { casesOps } from '../../app/cases';
import { caseSearchIdsQuery } from '../../db/repositories/case-list';
import { trigramPhrase } from '../../db/repositories/search-pattern';
import { addUser, caseInput, createCase, freshWorker, loginAs } from '../helpers/casework';

let w: WorkerState;
let cleanup: () => void;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  // Casework is a team lead's here: administrators see no case content.
  await addUser(w, 'lead', 'team_lead');
  await loginAs(w, 'lead');
  for (const name of ['Åsa Övningsdal', 'Emma Åsadotter', 'Sara "Tess" Test', 'Li Wu']) await createCase(w, { survivor: { ...caseInput().survivor, name } });
});
afterAll(() => cleanup());

const input = (query: string, more: Partial<ListCasesInput> = {}) =>
  ListCasesInputSchema.parse({
    query,
    status: 'all',
    assignedUserId: null,
    districtSlug: null,
    protectedOnly: false,
    honourOnly: false,
    openRemindersOnly: false,
    sort: 'name',
    direction: 'asc',
    offset: 0,
    limit: 50,
    ...more,
  });
const names = async (query: string): Promise<string[]> => (await casesOps['cases:list'](w, input(query))).rows.map((r) => r.survivorName);

describe('search through the trigram index (migration 0005)', () => {
  it('finds three letters or more anywhere in a name, folding case for Å and Ö', async () => {
    expect(await names('åsa')).toEqual(['Emma Åsadotter', 'Åsa Övningsdal']);
    expect(await names('ÅSA')).toEqual(['Emma Åsadotter', 'Åsa Övningsdal']);
    expect(await names('VNING')).toEqual(['Åsa Övningsdal']);
    expect(await names('a ö')).toEqual(['Åsa Övningsdal']);
  });

  it('still finds one or two letters without the index', async () => {
    expect(await names('wu')).toEqual(['Li Wu']);
    expect(await names('ö')).toEqual(['Åsa Övningsdal']);
  });

  it('treats quotes and FTS5 syntax as text', async () => {
    expect(await names('"Tess"')).toEqual(['Sara "Tess" Test']);
    expect(await names('Tess" OR "Åsa')).toEqual([]);
    expect(await names('a*b')).toEqual([]);
    expect(trigramPhrase('ab')).toBeNull();
    expect(trigramPhrase('a"b')).toBe('"a""b"');
  });

  it('follows a renamed survivor: the old name is no longer found, the new one is', async () => {
    const [row] = (await casesOps['cases:list'](w, input('Li Wu'))).rows;
    const detail = await casesOps['cases:get'](w, { id: row?.id ?? 0 });
    await casesOps['cases:update'](
      w,
      UpdateCaseInputSchema.parse({
        id: detail.id,
        survivor: { ...detail.survivor, name: 'Noor Påhittad', personalIdentityNumber: '' },
        protectionLevel: detail.protectionLevel,
        honourContext: detail.honourContext,
        vulnerabilities: detail.vulnerabilities,
        vulnerabilityNote: detail.vulnerabilityNote,
        districtSlug: detail.districtSlug,
        assignedUserId: detail.assignedUser?.id ?? null,
      }),
    );
    expect(await names('Li Wu')).toEqual([]);
    expect(await names('påhitt')).toEqual(['Noor Påhittad']);
  });

  it('plans a search on the trigram index or on a covering index, never reading rows of cases', () => {
    const session = w.active.requireSession();
    const plan = (query: string, more: Partial<ListCasesInput>, how: Parameters<typeof caseSearchIdsQuery>[5]): string => {
      const compiled = caseSearchIdsQuery(input(query, more), '2026-01-01', session.user, [], [], how).compile(session.db);
      return (session.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    };
    const candidates = plan('åsa', { sort: 'updated', direction: 'desc' }, { kind: 'candidates', phrase: '"åsa"' });
    expect(candidates).toMatch(/cases_search VIRTUAL TABLE/);
    expect(candidates).toMatch(/SEARCH c USING COVERING INDEX cases_search_ids \(id=\?\)/);
    // Newest first, the walk needs no sort: the index is in the list's order.
    const all = plan('wu', { sort: 'updated', direction: 'desc' }, { kind: 'walk' });
    expect(all).toMatch(/SCAN c USING COVERING INDEX cases_search_all/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    const open = plan('wu', { sort: 'updated', direction: 'asc', status: 'open' }, { kind: 'walk' });
    expect(open).toMatch(/SEARCH c USING COVERING INDEX cases_search_status \(status=\?\)/);
    expect(open).not.toMatch(/TEMP B-TREE/);
    // Too many candidates to read: the walk tests membership among them, still in the index's order.
    const narrowed = plan('åsa', { sort: 'updated', direction: 'desc', status: 'open' }, { kind: 'walk', phrase: '"åsa"' });
    expect(narrowed).toMatch(/SEARCH c USING COVERING INDEX cases_search_status \(status=\?\)/);
    expect(narrowed).toMatch(/cases_search VIRTUAL TABLE/);
    expect(narrowed).not.toMatch(/TEMP B-TREE/);
  });

  it('finds the same cases in the same order whichever way it is planned', async () => {
    const session = w.active.requireSession();
    const ids = async (query: string, more: Partial<ListCasesInput>, how: Parameters<typeof caseSearchIdsQuery>[5]): Promise<number[]> =>
      (await caseSearchIdsQuery(input(query, more), '2026-01-01', session.user, [], [], how).execute(session.db)).rows.map((r) => r.id);
    for (const [query, more] of [
      ['åsa', { sort: 'updated', direction: 'desc' }],
      ['ÅSA', { sort: 'updated', direction: 'asc', status: 'open' }],
      ['tes', { sort: 'name', direction: 'asc' }],
      ['dal', { sort: 'case_number', direction: 'desc', status: 'closed' }],
    ] as const) {
      const phrase = trigramPhrase(query) ?? '';
      const walked = await ids(query, more, { kind: 'walk' });
      expect({ query, ids: await ids(query, more, { kind: 'walk', phrase }) }).toEqual({ query, ids: walked });
      expect({ query, ids: await ids(query, more, { kind: 'candidates', phrase }) }).toEqual({ query, ids: walked });
    }
    expect(await ids('åsa', { sort: 'name', direction: 'asc' }, { kind: 'walk', phrase: '"åsa"' })).toHaveLength(2);
  });
});
