import { CreateReminderInputSchema, ListCasesInputSchema, ReportInputSchema, type ListCasesInput } from '../../core/contract';
import type { SqliteDb } from '../../db/connection/open';
import { SeededRandom } from '../../seeds/demo/random';
import { REPORT_YEAR } from './config';

/** One operation call, in-process or through the worker: the same workload runs over both. */
export type Call = (op: string, input: unknown) => Promise<unknown>;

/** The row of the table for opening a case, as the case view does it: one request for the case and every section. */
export const OPEN_CASE = 'open a case (one request: case and all sections)';
/** The year report as the app makes it: parts of its facts read on a second thread (the worker run). */
export const REPORT_AS_APP = 'year report';
/** The reports view opening (reports.prepare): the worker starts the report's second thread. */
export const REPORTS_VIEW_OPENS = 'reports view opens (second reader starts)';
/** The first year report of a session through the worker: both connections' caches are cold. */
export const REPORT_FIRST = 'year report, the first of its session';
/** The year report on one connection: the in-process runs, where encrypted and plain compare alike. */
export const REPORT_ONE_CONNECTION = 'year report, one connection';

/** What the workload draws from: case ids, open case ids, words to type, districts and users to filter on. */
export interface WorkloadData {
  caseIds: number[];
  /** Cases the bench user (a team lead named on no protected case) may open, in random order. */
  openableCaseIds: number[];
  openCaseIds: number[];
  words: string[];
  districts: string[];
  userIds: number[];
}

/** Reads the ids and words the workload needs, the same from either database. */
export function workloadData(sqlite: SqliteDb, seed: number): WorkloadData {
  const rnd = new SeededRandom(seed + 7);
  const max = Number((sqlite.prepare('SELECT max(id) AS n FROM cases').get() as { n: number }).n);
  const caseIds = Array.from({ length: 2000 }, () => rnd.int(1, max));
  const openCaseIds = (sqlite.prepare("SELECT id FROM cases WHERE status = 'open' ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  const names = caseIds.slice(0, 250).map((id) => (sqlite.prepare('SELECT survivor_name AS n FROM cases WHERE id = ?').get(id) as { n: string }).n);
  // What a caseworker types: part of a first name or surname, or of a case number's running count.
  const words = names.map((n, i) => {
    if (i % 10 === 9) return String(rnd.int(1, 9999)).padStart(4, '0');
    const parts = n.split(' ');
    const word = (rnd.chance(0.5) ? parts[0] : parts[parts.length - 1]) ?? n;
    const from = rnd.chance(0.7) ? 0 : rnd.int(0, Math.max(0, word.length - 4));
    return word.slice(from).toLocaleLowerCase('sv-SE');
  });
  const districts = (sqlite.prepare('SELECT slug FROM districts ORDER BY slug').all() as { slug: string }[]).map((r) => r.slug);
  const userIds = (sqlite.prepare("SELECT id FROM users WHERE role IN ('caseworker', 'team_lead') ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  // The worker refuses a protected case the lead is not named on, as it would in the app.
  const openable = (sqlite.prepare("SELECT id FROM cases WHERE protection_level = 'none' ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  const pick = new SeededRandom(seed + 11);
  const openableCaseIds = Array.from({ length: 2000 }, () => openable[pick.int(0, Math.max(0, openable.length - 1))] ?? 1);
  return { caseIds, openableCaseIds, openCaseIds, words, districts, userIds };
}

const LIST_DEFAULTS: ListCasesInput = {
  query: '',
  status: 'open',
  assignedUserId: null,
  districtSlug: null,
  protectedOnly: false,
  honourOnly: false,
  openRemindersOnly: false,
  riskLevel: null,
  overdueReviewOnly: false,
  sort: 'updated',
  direction: 'desc',
  offset: 0,
  // The case list asks for pages of 200 rows (renderer/src/casework/case-pages.ts).
  limit: 200,
};

/** The search box: 1 to 4 letters of each word, as typed, over every case. */
export function searchInputs(data: WorkloadData, count: number, status: 'open' | 'all') {
  const out: ReturnType<typeof ListCasesInputSchema.parse>[] = [];
  for (const word of data.words) {
    for (let n = 1; n <= 4 && out.length < count; n++) out.push(ListCasesInputSchema.parse({ ...LIST_DEFAULTS, status, query: word.slice(0, n) }));
  }
  while (out.length < count) out.push(out[out.length % Math.max(1, data.words.length * 4)] ?? ListCasesInputSchema.parse({ ...LIST_DEFAULTS, query: 'a' }));
  return out.slice(0, count);
}

/** The case list's first page under the filters people use, in turn. */
export function filteredListInput(data: WorkloadData, i: number) {
  const district = data.districts[i % Math.max(1, data.districts.length)] ?? null;
  const user = data.userIds[i % Math.max(1, data.userIds.length)] ?? null;
  const variants: Partial<ListCasesInput>[] = [
    {},
    { districtSlug: district },
    { riskLevel: 'high', sort: 'risk_level' },
    { protectedOnly: true, sort: 'name', direction: 'asc' },
    { assignedUserId: user },
    { honourOnly: true, districtSlug: district },
    { openRemindersOnly: true, sort: 'next_due', direction: 'asc' },
    { overdueReviewOnly: true, sort: 'next_review', direction: 'asc' },
    { status: 'all', sort: 'case_number' },
    { status: 'closed', districtSlug: district },
  ];
  return ListCasesInputSchema.parse({ ...LIST_DEFAULTS, ...variants[i % variants.length] });
}

/** Opens one case the way the case view does: the case and all its sections in one request (cases:open). */
export async function openCase(call: Call, caseId: number): Promise<void> {
  await call('cases:open', { id: caseId });
}

export const YEAR_REPORT = ReportInputSchema.parse({ period: { kind: 'year', year: REPORT_YEAR }, districtSlugs: [] });

/** One small write: a reminder on an open case (its own transaction and audit row, synchronous=FULL). */
export function smallWriteInput(data: WorkloadData, i: number) {
  const caseId = data.openCaseIds[(i * 7919) % Math.max(1, data.openCaseIds.length)] ?? 1;
  return CreateReminderInputSchema.parse({ caseId, kind: 'follow_up', dueDate: '2026-02-01', note: 'Benchmark (fiktivt)' });
}
