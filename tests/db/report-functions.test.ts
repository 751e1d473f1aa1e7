import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallied } from '../../db/connection/report-functions';
import type { WorkerState } from '../../worker/worker-state';
import { freshWorker } from '../helpers/casework';

// The report aggregates count as GROUP BY and count(DISTINCT) would, on the session's own
// (encrypted) connection; tests/db/report-facts.test.ts holds the report's counts to core's rules.

let w: WorkerState;
let cleanup: () => void;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
});
afterAll(() => cleanup());

const one = (sql: string): string | null => (w.active.requireSession().sqlite.prepare(sql).pluck().get() as string | null) ?? null;
const sorted = (pairs: [string, number][]) => [...pairs].sort((a, b) => a[0].localeCompare(b[0]));

describe('report aggregates', () => {
  it('tally counts rows by key, as GROUP BY would, and skips rows without a key', () => {
    const rows = `VALUES (json_array('current', 'own_lease', 3)), (json_array('current', 'own_lease', 3)), (json_array('previous', NULL, 3)), (NULL)`;
    expect(sorted(tallied(one(`SELECT tally(column1) FROM (${rows})`)))).toEqual([
      ['["current","own_lease",3]', 2],
      ['["previous",null,3]', 1],
    ]);
    expect(tallied(one(`SELECT tally(column1) FROM (${rows}) WHERE 0`))).toEqual([]);
    // A FILTER applies as to any aggregate.
    expect(tallied(one(`SELECT tally(column1) FILTER (WHERE column1 LIKE '%previous%') FROM (${rows})`))).toEqual([['["previous",null,3]', 1]]);
  });

  it('tally_listed counts distinct ids by each text of a JSON list, and lists nothing for anything else', () => {
    const rows = `VALUES ('["debts","other"]', 1), ('["debts"]', 1), ('["debts","debts"]', 2), ('["other",7,null,["debts"]]', 3), ('not json', 4), ('{"debts":1}', 5), ('"debts"', 6), ('["debts"]', NULL), (NULL, 7)`;
    expect(sorted(tallied(one(`SELECT tally_listed(column1, column2) FROM (${rows})`)))).toEqual([
      ['debts', 2],
      ['other', 2],
    ]);
    expect(tallied(one(`SELECT tally_listed(column1, column2) FROM (${rows}) WHERE 0`))).toEqual([]);
  });

  it('cannot be called from the schema (a trigger or view a damaged file could hold)', () => {
    const { sqlite } = w.active.requireSession();
    sqlite.exec(`CREATE VIEW main.tallied_view AS SELECT tally(json_array(1)) AS t`);
    expect(() => sqlite.prepare('SELECT t FROM tallied_view').get()).toThrow(/unsafe use of tally/);
    sqlite.exec('DROP VIEW tallied_view');
  });
});
