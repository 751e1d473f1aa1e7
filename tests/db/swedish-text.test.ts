import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListCursor, ListCasesInput } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { casesOps } from '../../app/cases';
import { FOLDED_LETTERS } from '../../db/repositories/search-pattern';
import { addUser, caseInput, createCase, defined, freshWorker, listInput, loginAs } from '../helpers/casework';

// Names sort in Swedish order (A–Z, Å, Ä, Ö; é with e; any case) and a search folds accents on
// letters that are not Swedish letters of their own: "emile" finds "Émile", "asa" not "Åsa".

const NAMES = ['Örjan', 'Åsa', 'Ärla', 'Zelda', 'émile', 'Eva', 'adam', 'Bertil'];
const OTHERS = ['Émile Durand', 'Zoë Fiktiv', 'Asa Annan', 'Oskar Øst'];

let w: WorkerState;
let cleanup: () => void;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await addUser(w, 'lea', 'team_lead');
  await loginAs(w, 'lea');
  for (const name of [...NAMES, ...OTHERS]) await createCase(w, { survivor: { ...caseInput().survivor, name } });
});
afterAll(() => cleanup());

type ListAnswer = Awaited<ReturnType<(typeof casesOps)['cases:list']>>;
const list = (q: Partial<ListCasesInput>): Promise<ListAnswer> => casesOps['cases:list'](w, listInput(q));
const names = (page: ListAnswer) => page.rows.map((r) => r.survivorName);

describe('the case list sorted by name', () => {
  it('follows Swedish order, as Intl.Collator("sv") does', async () => {
    const oracle = [...NAMES].sort(new Intl.Collator('sv').compare);
    expect(oracle).toEqual(['adam', 'Bertil', 'émile', 'Eva', 'Zelda', 'Åsa', 'Ärla', 'Örjan']);
    const query = { sort: 'name', direction: 'asc' } as const;
    const all = names(await list(query)).filter((n) => NAMES.includes(n));
    expect(all).toEqual(oracle);
    const desc = names(await list({ ...query, direction: 'desc' })).filter((n) => NAMES.includes(n));
    expect(desc).toEqual([...oracle].reverse());
  });

  it('pages by cursor across the Z/Å boundary without gaps or duplicates, both ways and in both directions', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const whole = names(await list({ sort: 'name', direction }));
      expect(whole).toHaveLength(NAMES.length + OTHERS.length);
      // Forwards, page by page, each from the last bound of the one before.
      const forwards: string[] = [];
      let cursor: CaseListCursor | null = null;
      for (let offset = 0; offset < whole.length; offset += 3) {
        const page: ListAnswer = await list({
          sort: 'name',
          direction,
          limit: 3,
          offset,
          withTotal: false,
          cursor: cursor ? { side: 'after', ...cursor } : null,
        });
        forwards.push(...names(page));
        cursor = page.bounds ? page.bounds.last : null;
        if (page.rows.length < 3) break;
      }
      expect(forwards, direction).toEqual(whole);
      // Backwards from the last page, each from the first bound of the one after.
      const last = await list({ sort: 'name', direction, limit: 3, offset: whole.length - 3, withTotal: false });
      const backwards = [...names(last)];
      let before = defined(last.bounds).first;
      for (let offset = whole.length - 6; offset > -3; offset -= 3) {
        const page = await list({ sort: 'name', direction, limit: 3, offset: Math.max(offset, 0), withTotal: false, cursor: { side: 'before', ...before } });
        backwards.unshift(...names(page));
        if (!page.bounds) break;
        before = page.bounds.first;
      }
      expect(backwards, direction).toEqual(whole);
    }
  });
});

describe('the search', () => {
  const found = async (query: string) => names(await list({ query }));

  it('folds accents of letters that are not Swedish letters of their own', async () => {
    for (const query of ['emile', 'EMILE', 'Émile', 'émile', 'mile d', 'Emile Durand']) expect(await found(query), query).toContain('Émile Durand');
    expect(await found('zoe')).toEqual(['Zoë Fiktiv']);
    expect(await found('ZOË')).toEqual(['Zoë Fiktiv']);
  });

  it('keeps Å, Ä, Ö apart from A and O, and Ø as a letter of its own', async () => {
    expect(await found('asa')).toEqual(['Asa Annan']);
    expect(await found('åsa')).toEqual(['Åsa']);
    expect(await found('ÅSA')).toEqual(['Åsa']);
    expect(await found('rla')).toEqual(['Ärla']);
    expect(await found('arla')).toEqual([]);
    expect(await found('ärla')).toEqual(['Ärla']);
    expect(await found('orjan')).toEqual([]);
    expect(await found('ost')).toEqual([]);
    expect(await found('øst')).toEqual(['Oskar Øst']);
  });

  it('uses a trigram index whose candidates hold every letter the search folds (so no match is lost)', () => {
    const { sqlite } = w.active.requireSession();
    const created = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases_search'").get() as { sql: string }).sql;
    const tokenize = defined(/tokenize='([^']+)'/.exec(created)?.[1], 'the tokenizer');
    const probe = new Database(':memory:');
    try {
      probe.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='${tokenize}')`);
      const insert = probe.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
      const match = probe.prepare('SELECT rowid FROM t WHERE t MATCH ?');
      let id = 0;
      const expected = new Map<number, string>();
      for (const [base, letters] of FOLDED_LETTERS) {
        for (const letter of [...letters, ...letters.map((l) => l.toUpperCase())]) {
          insert.run(++id, `q${letter}${letter}${letter}q`);
          expected.set(id, base);
        }
      }
      expect(id).toBeGreaterThan(100);
      for (const [rowid, base] of expected) {
        const hits = (match.all(`"${base}${base}${base}"`) as { rowid: number }[]).map((r) => r.rowid);
        expect(hits, base).toContain(rowid);
      }
    } finally {
      probe.close();
    }
  });
});
