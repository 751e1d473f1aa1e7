import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { readable } from '../../db/handles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../core/rules/calendar';
import { resolvePeriod } from '../../core/rules/report-period';
import {
  countMoves,
  countRisk,
  countSteps,
  type AssessmentFact,
  type MoveFact,
  type Range,
  type ReportPeriod,
  type StepFact,
} from '../../core/rules/report-aggregate';
import type { WorkerState } from '../../worker/worker-state';
import { claimPart, FACT_PARTS, readFactPart, readReportFacts, snapshotMark, type FactPart, type PartsRead } from '../../db/repositories/report-facts';
import type { DB } from '../../db/schema';
import { freshWorker } from '../helpers/casework';
import { seedReportDataset } from '../helpers/report-dataset';

// The database counts moves, housing chains and risk itself (the rows are too many to hand over at
// city scale); these tests hold its counts to the rules in core, applied to every raw row.

let w: WorkerState;
let cleanup: () => void;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await seedReportDataset(w);
  const { sqlite } = w.active.requireSession();
  // A tie the rules care about: two changes of one move on the same day (the later id counts).
  const move = sqlite.prepare('SELECT id, recorded_by FROM move_transitions ORDER BY id DESC LIMIT 1').get() as { id: number; recorded_by: number } | undefined;
  if (move) {
    const t = sqlite.prepare('SELECT move_id, date FROM move_transitions WHERE id = ?').get(move.id) as { move_id: number; date: string };
    sqlite
      .prepare("INSERT INTO move_transitions (move_id, status, date, recorded_by, recorded_at) VALUES (?, 'cancelled', ?, ?, '2024-06-01T10:00:00.000Z')")
      .run(t.move_id, t.date, move.recorded_by);
  }
  // A move that began in 2024 and changed again in 2025: its status at the end of 2024 is not its latest.
  const spanning = sqlite
    .prepare(
      "SELECT t.move_id, t.recorded_by FROM move_transitions t GROUP BY t.move_id HAVING min(t.date) BETWEEN '2024-01-01' AND '2024-12-31' AND max(t.date) <= '2024-12-31' ORDER BY t.move_id LIMIT 1",
    )
    .get() as { move_id: number; recorded_by: number } | undefined;
  if (!spanning) throw new Error('the report dataset has no move that began in 2024');
  sqlite
    .prepare(
      "INSERT INTO move_transitions (move_id, status, date, recorded_by, recorded_at) VALUES (?, 'cancelled', '2025-01-15', ?, '2025-01-15T10:00:00.000Z')",
    )
    .run(spanning.move_id, spanning.recorded_by);
});
afterAll(() => cleanup());

const byKey = <T>(rows: readonly T[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

function rawFacts(sqlite: ReturnType<WorkerState['active']['requireSession']>['sqlite']) {
  const localDay = (iso: string): string => localIsoDate(new Date(iso));
  const cases = (sqlite.prepare('SELECT id, created_at, closed_at FROM cases').all() as { id: number; created_at: string; closed_at: string | null }[]).map(
    (c) => ({
      id: c.id,
      openedOn: localDay(c.created_at),
      closedOn: c.closed_at === null ? null : localDay(c.closed_at),
    }),
  );
  const steps: StepFact[] = (
    sqlite.prepare('SELECT id, case_id, kind, start_date, end_date, outcome, obstacles FROM housing_steps WHERE child_id IS NULL ORDER BY id').all() as {
      id: number;
      case_id: number;
      kind: string;
      start_date: string;
      end_date: string | null;
      outcome: string;
      obstacles: string;
    }[]
  ).map((s) => ({
    id: s.id,
    caseId: s.case_id,
    kind: s.kind,
    startDate: s.start_date,
    endDate: s.end_date,
    outcome: s.outcome,
    obstacles: JSON.parse(s.obstacles) as string[],
  }));
  const moves = new Map<number, MoveFact & { transitions: { status: string; date: string }[] }>();
  for (const r of sqlite
    .prepare(
      'SELECT m.id, m.case_id, m.route, m.to_kind, m.to_code, t.status, t.date FROM moves m JOIN move_transitions t ON t.move_id = m.id ORDER BY m.id, t.date, t.id',
    )
    .all() as { id: number; case_id: number; route: string; to_kind: string; to_code: string; status: string; date: string }[]) {
    const m = moves.get(r.id) ?? { caseId: r.case_id, route: r.route, withinCity: r.to_kind === 'district' || r.to_code === '0180', transitions: [] };
    m.transitions.push({ status: r.status, date: r.date });
    moves.set(r.id, m);
  }
  const assessments: AssessmentFact[] = (
    sqlite
      .prepare(
        "SELECT case_id, completed_at, headline_level, next_review_date FROM assessments WHERE status = 'completed' AND child_id IS NULL ORDER BY completed_at, id",
      )
      .all() as {
      case_id: number;
      completed_at: string;
      headline_level: string | null;
      next_review_date: string | null;
    }[]
  ).map((a) => ({ caseId: a.case_id, completedOn: localDay(a.completed_at), level: a.headline_level, nextReviewDate: a.next_review_date }));
  return { cases, steps, moves: [...moves.values()], assessments };
}

describe('report facts: the database counts as the rules in core do', () => {
  for (const year of [2023, 2024, 2025]) {
    it(`counts moves, housing chains and risk for ${year} and the year before`, async () => {
      const s = w.active.requireSession();
      const { current, previous } = resolvePeriod({ kind: 'year', year });
      const facts = await readReportFacts(s.db, current, previous, []);
      const raw = rawFacts(s.sqlite);
      // The chain reads the survivors' steps that had not ended before the span.
      const chainSteps = raw.steps.filter((x) => x.endDate === null || x.endDate >= previous.from);
      const expected = (['current', 'previous'] as ReportPeriod[]).map((period) => {
        const r: Range = period === 'current' ? current : previous;
        return { moves: countMoves(raw.moves, r, period), steps: countSteps(chainSteps, r, period), risk: countRisk(raw.cases, raw.assessments, r, period) };
      });
      if (year === 2024) {
        // The dataset has something of each kind in 2024, so the comparison below is not of empty lists.
        for (const list of [facts.movesBegun, facts.movesCompleted, facts.chainCohort, facts.stepsEnded, facts.obstacleCases, facts.risk])
          expect(list.length).toBeGreaterThan(0);
      }
      expect(byKey(facts.movesBegun)).toEqual(byKey(expected.flatMap((e) => e.moves.begun)));
      expect(byKey(facts.movesCompleted)).toEqual(byKey(expected.flatMap((e) => e.moves.completed)));
      expect(byKey(facts.chainCohort)).toEqual(byKey(expected.flatMap((e) => e.steps.cohort)));
      expect(byKey(facts.stepsEnded)).toEqual(byKey(expected.flatMap((e) => e.steps.ended)));
      expect(byKey(facts.obstacleCases.filter((o) => o.cases > 0))).toEqual(byKey(expected.flatMap((e) => e.steps.obstacles)));
      expect(byKey(facts.risk)).toEqual(byKey(expected.flatMap((e) => e.risk)));
      // Grouped cases stand for every case that was open in the span.
      const inSpan = raw.cases.filter((c) => c.openedOn <= current.to && (c.closedOn === null || c.closedOn >= previous.from));
      expect(facts.cases.reduce((a, c) => a + (c.count ?? 1), 0)).toBeGreaterThanOrEqual(inSpan.length);
    });
  }

  it('keeps each move’s summary of its changes as the changes themselves say (migration 0009)', () => {
    const { sqlite } = w.active.requireSession();
    const SUMMARY_FROM_CHANGES = `SELECT m.id, m.first_on, m.requested_on, m.completed_on, m.last_on, m.last_status,
        (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = m.id) AS first_want,
        (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = m.id AND t.status = 'requested') AS requested_want,
        (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = m.id AND t.status = 'completed') AS completed_want,
        (SELECT t.date FROM move_transitions t WHERE t.move_id = m.id ORDER BY t.date DESC, t.id DESC LIMIT 1) AS last_want,
        (SELECT t.status FROM move_transitions t WHERE t.move_id = m.id ORDER BY t.date DESC, t.id DESC LIMIT 1) AS status_want
      FROM moves m`;
    const mismatches = (): unknown[] =>
      (sqlite.prepare(SUMMARY_FROM_CHANGES).all() as Record<string, string | null>[]).filter(
        (r) =>
          r.first_on !== r.first_want ||
          r.requested_on !== r.requested_want ||
          r.completed_on !== r.completed_want ||
          r.last_on !== r.last_want ||
          r.last_status !== r.status_want,
      );
    expect((sqlite.prepare('SELECT count(*) AS n FROM moves WHERE first_on IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(5);
    expect(mismatches()).toEqual([]);
    // The report looks up the status at a period's end only for moves changed after it: some are.
    expect(
      (sqlite.prepare("SELECT count(*) AS n FROM moves WHERE first_on <= '2024-12-31' AND last_on > '2024-12-31'").get() as { n: number }).n,
    ).toBeGreaterThan(0);
    // A change dated before the others, one edited and one removed: the summary follows each.
    const t = sqlite.prepare('SELECT id, move_id, recorded_by FROM move_transitions ORDER BY id LIMIT 1 OFFSET 3').get() as {
      id: number;
      move_id: number;
      recorded_by: number;
    };
    const change = sqlite.transaction(() => {
      sqlite
        .prepare(
          "INSERT INTO move_transitions (move_id, status, date, recorded_by, recorded_at) VALUES (?, 'requested', '2001-01-01', ?, '2024-06-01T10:00:00.000Z')",
        )
        .run(t.move_id, t.recorded_by);
      sqlite.prepare("UPDATE move_transitions SET date = '2031-01-01', status = 'completed' WHERE id = ?").run(t.id);
      expect(mismatches()).toEqual([]);
      sqlite.prepare('DELETE FROM move_transitions WHERE id = ?').run(t.id);
      expect(mismatches()).toEqual([]);
      // Leave the dataset as it was for the other tests.
      throw new Error('roll back');
    });
    expect(() => change()).toThrow('roll back');
    expect(mismatches()).toEqual([]);
  });

  it('takes the parts a second connection claimed and read, and reads them itself when it answers none', async () => {
    const s = w.active.requireSession();
    const { current, previous } = resolvePeriod({ kind: 'year', year: 2024 });
    const q = { current, previous, slugs: [] };
    const alone = await readReportFacts(s.db, current, previous, []);
    expect(alone.stepsEnded.length).toBeGreaterThan(0);
    // Declines (null) or fails: every part is read here.
    const marks: string[] = [];
    const declined = await readReportFacts(s.db, current, previous, [], async (_q, _claims, mark) => {
      marks.push(mark);
      return null;
    });
    expect(declined).toEqual(alone);
    expect(marks).toEqual([await snapshotMark(s.db)]);
    expect(await readReportFacts(s.db, current, previous, [], () => Promise.reject(new Error('the thread ended')))).toEqual(alone);
    // Claims two parts, then fails without answering them: they are read here too.
    const claimedThenFailed: FactPart[] = [];
    const failed = await readReportFacts(s.db, current, previous, [], async (_q, claims) => {
      for (let i = 0; i < 2; i++) claimedThenFailed.push(claimPart(claims) as FactPart);
      return null;
    });
    expect(claimedThenFailed).toEqual(FACT_PARTS.slice(0, 2));
    expect(failed).toEqual(alone);
    // Claims the step lengths and answers them altered: its answer is the one used, and only for what it claimed.
    const taken = await readReportFacts(s.db, current, previous, [], async (_q, claims) => {
      // Claimed at once, before this connection claims anything.
      const mine: FactPart[] = [];
      while (!mine.includes('ended')) {
        const part = claimPart(claims);
        if (part === null) break;
        mine.push(part);
      }
      expect(mine).toContain('ended');
      const answer: PartsRead = {};
      for (const part of mine) answer[part] = part === 'ended' ? { stepsEnded: [] } : await readFactPart(s.db, q, part);
      // Parts it did not claim are not taken from it.
      return { ...answer, cases: { cases: [] } };
    });
    expect(taken).toEqual({ ...alone, stepsEnded: [] });
  });

  it('reads narrow indexes, never the wide tables (migrations 0008, 0009)', async () => {
    const s = w.active.requireSession();
    const queries: CompiledQuery[] = [];
    const db = readable(
      new Kysely<DB>({ dialect: new SqliteDialect({ database: s.sqlite }), log: (e) => void (e.level === 'query' && queries.push(e.query)) }),
    );
    const { current, previous } = resolvePeriod({ kind: 'year', year: 2024 });
    await readReportFacts(db, current, previous, []);
    const plans = queries.map((q) =>
      (s.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((p) => p.detail).join('\n'),
    );
    const all = plans.join('\n');
    for (const index of [
      'cases_report',
      'housing_steps_report',
      'housing_steps_chain',
      'moves_begun',
      'moves_completed',
      'move_transitions_report',
      'kompotten_requests_report',
      'assessments_latest',
    ]) {
      expect(all).toContain(`COVERING INDEX ${index}`);
    }
    // No full scan of a table with free text or answers in it.
    expect(all).not.toMatch(/SCAN (cases|housing_steps|moves|move_transitions|assessments|h|c|m|t|a)\b(?! USING)/);
  });
});
