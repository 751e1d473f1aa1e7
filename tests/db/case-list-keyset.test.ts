import { Kysely, SqliteDialect } from 'kysely';
import { readable } from '../../db/handles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SORTS, type CaseListCursor, type ListCasesInput } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { casesOps } from '../../app/cases';
import { caseListPageQuery, listCases } from '../../db/repositories/case-list';
import type { DB } from '../../db/schema';
import { addUser, defined, freshWorker, listInput, loginAs } from '../helpers/casework';

// Issue 7: a page next to a loaded one is found by its cursor (the sort key and id of the loaded
// page's bound) instead of an OFFSET walk, and the list is counted only when asked. Keyset pages
// must be exactly the OFFSET pages, whatever the ties, and hold the same cases for a team lead.

const N = 1200;
const LIMIT = 37;
/** Names that tie, also under NOCASE (anna/Anna), in runs longer than a page. */
const NAMES = ['Anna Fiktiv', 'anna fiktiv', 'ANNA FIKTIV', 'Åsa Test', 'Bodil', 'bodil', 'Zelda Påhittad'];
const KEYSET_SORTS = ['updated', 'case_number', 'name'] as const;
const OFFSET_SORTS = CASE_SORTS.filter((s) => !(KEYSET_SORTS as readonly string[]).includes(s));

let w: WorkerState;
let cleanup: () => void;
let lead: number;
let kim: number;
let hiddenIds: Set<number>;
let namedProtectedIds: Set<number>;

type ListAnswer = Awaited<ReturnType<(typeof casesOps)['cases:list']>>;

const input = (q: Partial<ListCasesInput>) => listInput({ limit: LIMIT, ...q });
const list = (q: Partial<ListCasesInput>): Promise<ListAnswer> => casesOps['cases:list'](w, input(q));

/** Every page of a list by OFFSET, without a count. */
async function offsetPages(q: Partial<ListCasesInput>): Promise<ListAnswer[]> {
  const pages: ListAnswer[] = [];
  for (let offset = 0; ; offset += LIMIT) {
    const page = await list({ ...q, offset, withTotal: false });
    pages.push(page);
    if (page.rows.length < LIMIT) return pages;
  }
}

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  kim = await addUser(w, 'kim', 'caseworker');
  lead = await addUser(w, 'lea', 'team_lead');
  await loginAs(w, 'lea');
  const { sqlite } = w.active.requireSession();
  const insertCase = sqlite.prepare(
    `INSERT INTO cases (id, case_number, status, survivor_name, survivor_gender, protection_level, honour_context, district_slug, assigned_user_id, created_by, created_at, updated_at, risk_level, next_review_date)
     VALUES (?, ?, ?, ?, 'woman', ?, 0, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const share = sqlite.prepare(`INSERT INTO case_shares (case_id, user_id, granted_by, granted_at) VALUES (?, ?, 1, '2024-01-01T00:00:00.000Z')`);
  hiddenIds = new Set();
  namedProtectedIds = new Set();
  sqlite.transaction(() => {
    for (let i = 1; i <= N; i++) {
      const protectedCase = i % 5 === 0;
      // Protected cases: some on the lead (or shared with her), the others hidden from her.
      const assigned = protectedCase ? (i % 3 === 0 ? lead : kim) : i % 7 === 0 ? null : kim;
      if (protectedCase && i % 3 !== 0) {
        if (i % 4 === 0) namedProtectedIds.add(i);
        else hiddenIds.add(i);
      } else if (protectedCase) namedProtectedIds.add(i);
      // Runs of up to 60 cases share a timestamp; the ids run against the time in places.
      const minute = i < 400 ? Math.floor(i / 60) : i < 800 ? Math.floor((1200 - i) / 3) : Math.floor(i / 2);
      const updatedAt = new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString();
      const risk = i % 4 === 0 ? null : (['low', 'medium', 'high'] as const)[i % 3];
      const review = i % 3 === 0 ? null : `2025-0${(i % 9) + 1}-01`;
      insertCase.run(
        i,
        `RVT-2024-${String((i * 7919) % 10_007).padStart(5, '0')}`,
        i % 4 === 1 ? 'closed' : 'open',
        NAMES[i % NAMES.length] ?? 'Anna Fiktiv',
        protectedCase ? 'skyddad_folkbokforing' : 'none',
        i % 2 === 0 ? 'skarholmen' : null,
        assigned,
        updatedAt,
        updatedAt,
        risk,
        review,
      );
      if (protectedCase && i % 4 === 0 && i % 3 !== 0) share.run(i, lead);
    }
  })();
});
afterAll(() => cleanup());

describe('keyset pages of the case list', () => {
  const variants = (): Partial<ListCasesInput>[] => [
    { status: 'all' },
    { status: 'open' },
    { status: 'open', protectedOnly: true },
    { status: 'all', assignedUserId: lead },
  ];

  for (const sort of KEYSET_SORTS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`equal the OFFSET pages, forwards and backwards: ${sort} ${direction}`, async () => {
        for (const variant of variants()) {
          const q = { ...variant, sort, direction };
          const pages = await offsetPages(q);
          const all = pages.flatMap((p) => p.rows);
          // The lead's list: every case but the protected ones she is not named on.
          expect(all.some((r) => hiddenIds.has(r.id))).toBe(false);
          if (variant.status === 'all' && variant.assignedUserId === undefined) {
            expect(all).toHaveLength(N - hiddenIds.size);
            expect(all.filter((r) => namedProtectedIds.has(r.id))).toHaveLength(namedProtectedIds.size);
          }
          expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
          expect(pages.length).toBeGreaterThan(1);

          // Forwards: each page after the one before, by its last row.
          let bounds = defined(pages[0]?.bounds, 'bounds');
          for (let k = 1; k < pages.length; k++) {
            const page = await list({ ...q, offset: k * LIMIT, withTotal: false, cursor: { side: 'after', ...bounds.last } });
            expect(page).toEqual(pages[k]);
            if (page.bounds) bounds = page.bounds;
          }
          // Backwards: from the last page, each page before the one after it, by its first row.
          const lastFull = pages.findLastIndex((p) => p.rows.length > 0);
          bounds = defined(pages[lastFull]?.bounds, 'bounds');
          for (let k = lastFull - 1; k >= 0; k--) {
            const page = await list({ ...q, offset: k * LIMIT, withTotal: false, cursor: { side: 'before', ...bounds.first } });
            expect(page.rows).toEqual(pages[k]?.rows);
            bounds = defined(page.bounds, 'bounds');
          }
        }
      });
    }
  }

  it('mask the district of a protected case on a keyset page as on an OFFSET page', async () => {
    const pages = await offsetPages({ sort: 'name', direction: 'asc' });
    // A protected case with a district, past the first page.
    const protectedRow = defined(
      pages
        .slice(1)
        .flatMap((p) => p.rows)
        .find((r) => r.protectionLevel !== 'none' && r.id % 2 === 0),
    );
    expect(protectedRow.districtName).toEqual({ masked: true });
    const k = pages.findIndex((p) => p.rows.some((r) => r.id === protectedRow.id));
    const page = await list({ sort: 'name', direction: 'asc', offset: k * LIMIT, cursor: { side: 'after', ...defined(pages[k - 1]?.bounds).last } });
    expect(page.rows.find((r) => r.id === protectedRow.id)?.districtName).toEqual({ masked: true });
  });

  it('give the list a caseworker may see only, whatever cursor is sent', async () => {
    await loginAs(w, 'kim');
    try {
      // A made-up cursor before every name: her own cases from the first, as by offset.
      const byOffset = await list({ sort: 'name', direction: 'asc', limit: 500 });
      const byCursor = await list({ sort: 'name', direction: 'asc', limit: 500, offset: 37, cursor: { side: 'after', key: '', id: 1 } });
      expect(byCursor.rows).toEqual(byOffset.rows);
      expect(byCursor.rows.length).toBeGreaterThan(0);
      // Cases hidden from the lead but on Kim's list are there; nobody else's.
      const { sqlite } = w.active.requireSession();
      const own = sqlite
        .prepare(`SELECT count(*) AS n FROM cases WHERE assigned_user_id = ? OR (assigned_user_id IS NULL AND created_by = ?)`)
        .get(kim, kim) as { n: number };
      expect(byCursor.rows).toHaveLength(Math.min(500, own.n));
    } finally {
      await loginAs(w, 'lea');
    }
  });

  it('are not used where the order takes no cursor: the other sorts and a search go by offset and give no bounds', async () => {
    const cursor = { side: 'after' as const, key: 'RVT-2024-00001', id: 1 };
    for (const sort of OFFSET_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const byOffset = await list({ sort, direction, offset: LIMIT * 3, withTotal: false });
        expect(byOffset.bounds).toBeUndefined();
        expect(byOffset.rows).toHaveLength(LIMIT);
        expect(await list({ sort, direction, offset: LIMIT * 3, withTotal: false, cursor })).toEqual(byOffset);
      }
    }
    // risk_level and next_review keep their NULLs last, page after page, by offset.
    const risk = (await offsetPages({ sort: 'risk_level', direction: 'desc' })).flatMap((p) => p.rows);
    const firstUnassessed = risk.findIndex((r) => r.riskLevel === null);
    expect(firstUnassessed).toBeGreaterThan(0);
    expect(risk.slice(firstUnassessed).every((r) => r.riskLevel === null)).toBe(true);

    const search = await list({ query: 'anna', sort: 'name', direction: 'asc', offset: LIMIT, cursor });
    expect(search.bounds).toBeUndefined();
    expect(search.rows).toEqual((await list({ query: 'anna', sort: 'name', direction: 'asc', offset: LIMIT })).rows);
  });

  it('a cursor without a key (no row of these orders has none) goes by offset', async () => {
    const byOffset = await list({ offset: LIMIT * 2 });
    expect(await list({ offset: LIMIT * 2, cursor: { side: 'before', key: null, id: 5 } })).toEqual(byOffset);
  });
});

describe('the count of the case list', () => {
  /** listCases on a connection that records its statements. */
  async function listRecording(q: Partial<ListCasesInput>) {
    const { sqlite } = w.active.requireSession();
    const statements: string[] = [];
    const db = readable(
      new Kysely<DB>({
        dialect: new SqliteDialect({ database: sqlite }),
        log: (event) => {
          statements.push(event.query.sql);
        },
      }),
    );
    const answer = await listCases(db, input(q), '2026-11-27', { id: lead, role: 'team_lead' });
    return { answer, counts: statements.filter((s) => /count\(\*\) AS n FROM cases c WHERE/.test(s) && !/protection_level <> 'none' AND NOT/.test(s)) };
  }

  it('is counted when asked for (the default), and not counted at all when not', async () => {
    const counted = await listRecording({ offset: LIMIT });
    expect(counted.answer.total).toBe(N - hiddenIds.size);
    expect(counted.counts).toHaveLength(1);

    const first = defined(counted.answer.bounds);
    const notCounted = await listRecording({ offset: LIMIT * 2, withTotal: false, cursor: { side: 'after', ...first.last } });
    expect(notCounted.answer.total).toBeUndefined();
    expect(notCounted.counts).toEqual([]);
    expect(notCounted.answer.rows).toHaveLength(LIMIT);

    // A search counts its matches (up to the cap) only when asked too.
    const search = await list({ query: 'anna', withTotal: false });
    expect(search.total).toBeUndefined();
    expect(search.capped).toBeUndefined();
    expect((await list({ query: 'anna' })).capped).toBe(true);
  });

  it('keeps the protected cases the lead is not named on with the first page, asked with or without a count', async () => {
    const first = await list({ withTotal: false });
    expect(first.total).toBeUndefined();
    expect(first.protectedNotNamedTotal).toBe(hiddenIds.size);
    const later = await list({ offset: LIMIT, withTotal: true, cursor: { side: 'after', ...defined(first.bounds).last } });
    expect(later.protectedNotNamed).toBeUndefined();
  });
});

describe('the keyset query plan', () => {
  function plan(q: Partial<ListCasesInput>, cursor: CaseListCursor): string {
    const { sqlite, db } = w.active.requireSession();
    const compiled = caseListPageQuery(input({ ...q, cursor: { side: 'after', ...cursor } }), '2026-11-27', { id: lead, role: 'team_lead' }).compile(db);
    const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[];
    return rows.map((r) => r.detail).join('\n');
  }

  it("seeks the order's index to the cursor, with no sort step", () => {
    const at = { key: '2024-01-01T05:00:00.000Z', id: 600 };
    const checks: [Partial<ListCasesInput>, CaseListCursor, RegExp][] = [
      [{ status: 'open', sort: 'updated', direction: 'desc' }, at, /SEARCH c USING INDEX cases_status_updated \(status=\? AND updated_at<\?\)/],
      [{ status: 'open', sort: 'updated', direction: 'asc' }, at, /SEARCH c USING INDEX cases_status_updated \(status=\? AND updated_at>\?\)/],
      [{ status: 'all', sort: 'updated', direction: 'desc' }, at, /SEARCH c USING (COVERING )?INDEX cases_(updated|search_all) \(updated_at<\?\)/],
      [{ status: 'all', sort: 'name', direction: 'asc' }, { key: 'Bodil', id: 600 }, /SEARCH c USING INDEX cases_name_key \(survivor_name_key>\?\)/],
      [
        { status: 'all', sort: 'case_number', direction: 'desc' },
        { key: 'RVT-2024-05000', id: 600 },
        /SEARCH c USING INDEX sqlite_autoindex_cases_1 \(case_number<\?\)/,
      ],
    ];
    for (const [q, cursor, expected] of checks) {
      const p = plan(q, cursor);
      if (process.env.SHOW_PLANS) console.log(p);
      expect(p, JSON.stringify(q)).toMatch(expected);
      expect(p, JSON.stringify(q)).not.toMatch(/TEMP B-TREE|SCAN c\b/);
    }
  });
});
