import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListCasesInputSchema } from '../../core/contract';
import { WorkerState } from '../../worker/worker-state';
import { casesOps } from '../../app/cases';
import { verifyAuditChain } from '../../db/repositories/audit-log';
import { createDemoDatabase, DEMO_CASE_COUNT, DEMO_CREDENTIALS } from '../../seeds/demo/demo-database';
import { SURNAMES } from '../../seeds/demo/fictional-names';
import { tempDir, TEST_ENV } from '../helpers/temp';
import { defined } from '../helpers/casework';

let w: WorkerState;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const dir = path.join(t.dir, 'demo');
  await createDemoDatabase(dir, TEST_ENV, (demoDir, env) => new WorkerState(demoDir, path.join(demoDir, 'unused'), env));
  w = new WorkerState(dir, path.join(dir, 'unused'), TEST_ENV);
  await w.real.unlock(DEMO_CREDENTIALS.username, DEMO_CREDENTIALS.passphrase);
});
afterAll(() => {
  w.real.lock('shutdown');
  cleanup();
});

describe('fictional demo data', () => {
  it('holds about 200 cases with everything around them', async () => {
    const { sqlite } = w.real.requireSession();
    const count = (table: string): number => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('cases')).toBe(DEMO_CASE_COUNT);
    for (const table of [
      'children',
      'perpetrators',
      'perpetrator_areas',
      'moves',
      'move_transitions',
      'housing_steps',
      'support_items',
      'journal_notes',
      'reminders',
      'shelters',
      'kompotten_members',
      'kompotten_requests',
    ]) {
      expect(count(table), table).toBeGreaterThan(0);
    }
    expect(count('cases WHERE honour_context = 1')).toBeGreaterThan(10);
    expect(count("moves WHERE status = 'completed'")).toBeGreaterThan(0);
    expect(count("journal_notes WHERE status = 'signed'")).toBeGreaterThan(0);
  });

  it('holds risk assessments with realistic histories', () => {
    const { sqlite } = w.real.requireSession();
    const count = (sql: string): number => (sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
    expect(count("assessments WHERE status = 'completed' AND child_id IS NULL")).toBeGreaterThan(150);
    expect(count("assessments WHERE status = 'draft'")).toBeGreaterThan(0);
    expect(count("assessments WHERE child_id IS NOT NULL AND status = 'completed'")).toBeGreaterThan(10);
    expect(count("assessments WHERE template_id = 'fristad-screening'")).toBeGreaterThan(10);
    // Histories: people assessed more than once, with the judged level changing over time.
    const changed = sqlite
      .prepare(
        `SELECT count(*) AS n FROM (SELECT case_id FROM assessments WHERE status = 'completed' AND child_id IS NULL AND template_id = 'fristad-spj-adult'
         GROUP BY case_id HAVING count(*) >= 2 AND count(DISTINCT headline_level) >= 2)`,
      )
      .get() as { n: number };
    expect(changed.n).toBeGreaterThan(10);
    // Honour cases are answered per perpetrator.
    const perPerpetrator = count(`assessments a JOIN cases c ON c.id = a.case_id WHERE c.honour_context = 1 AND a.answers_json GLOB '*"perpetratorId":[0-9]*'`);
    expect(perPerpetrator).toBeGreaterThan(10);
    // The case columns follow the latest survivor assessment, each with a review date and reminder.
    expect(count('cases WHERE risk_level IS NOT NULL')).toBeGreaterThan(120);
    expect(count('cases WHERE risk_level IS NOT NULL AND next_review_date IS NULL')).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const overdue = count(`cases WHERE next_review_date < '${today}'`);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(count('cases WHERE risk_level IS NOT NULL') / 2);
    expect(
      count(
        `cases c WHERE c.risk_assessment_id <> (SELECT a.id FROM assessments a WHERE a.case_id = c.id AND a.child_id IS NULL AND a.status = 'completed' ORDER BY a.completed_at DESC, a.id DESC LIMIT 1)`,
      ),
    ).toBe(0);
    expect(count("reminders WHERE kind = 'review' AND done_at IS NULL")).toBeGreaterThan(120);
  });

  it('uses only obviously fictional names', () => {
    const { sqlite } = w.real.requireSession();
    const names = (
      sqlite.prepare('SELECT survivor_name AS n FROM cases UNION ALL SELECT name FROM children UNION ALL SELECT name FROM perpetrators').all() as {
        n: string;
      }[]
    ).map((r) => r.n);
    for (const name of names)
      expect(
        SURNAMES.some((s) => name.endsWith(s)),
        name,
      ).toBe(true);
    const shelters = (sqlite.prepare('SELECT name FROM shelters').all() as { name: string }[]).map((r) => r.name);
    for (const s of shelters) expect(s).toMatch(/fiktiv/);
  });

  it('keeps a verifiable audit chain', async () => {
    expect((await verifyAuditChain(w.real.requireSession().db)).ok).toBe(true);
  });
});

describe('fictional demo shelters', () => {
  it('never hold more open adult placements than their capacity', () => {
    const { sqlite } = w.real.requireSession();
    const today = new Date().toISOString().slice(0, 10);
    const rows = sqlite
      .prepare(
        `SELECT s.capacity_adults AS capacity,
                (SELECT count(*) FROM housing_steps h WHERE h.shelter_id = s.id AND h.child_id IS NULL AND h.start_date <= ? AND (h.end_date IS NULL OR h.end_date >= ?)) AS occupied
         FROM shelters s`,
      )
      .all(today, today) as { capacity: number; occupied: number }[];
    for (const r of rows) expect(r.occupied).toBeLessThanOrEqual(r.capacity);
  });
});

describe('the demo login', () => {
  it('is a team lead who sees the team’s cases, some protected ones shared with them and the rest by number only', async () => {
    const { user } = w.real.requireSession();
    expect(user.role).toBe('team_lead');
    const page = await casesOps['cases:list'](
      w,
      ListCasesInputSchema.parse({
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
        limit: 500,
      }),
    );
    expect(page.total).toBeGreaterThan(DEMO_CASE_COUNT / 2);
    expect(page.rows.some((r) => r.protectionLevel !== 'none')).toBe(true);
    expect(page.protectedNotNamed?.length ?? 0).toBeGreaterThan(0);
    expect(defined(page.total) + (page.protectedNotNamed?.length ?? 0)).toBe(DEMO_CASE_COUNT);
  });
});
