// A full disk, made real with SQLite's max_page_count (the test-only FRISTAD_TEST_PAGE_LIMIT_FILE
// seam): writes and audited reads answer disk_full with the space wanted (never 'internal'),
// locking and unlocking still work (their audit rows wait beside the database), and writing
// resumes by itself once there is room.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CaseDetail, SessionStatus } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

const limitDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-page-limit-'));
const limitFile = path.join(limitDir, 'pages');
// Read by the worker at each request; the worker inherits this environment when it starts.
process.env.FRISTAD_TEST_PAGE_LIMIT_FILE = limitFile;

let runtime: Runtime;
let dataDir: string;
let close: () => Promise<void>;
const LEAD = { username: 'lead', passphrase: 'team lead long passphrase' };

beforeAll(async () => {
  ({ runtime, dataDir, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { ...LEAD, displayName: 'Test Teamledare', role: 'team_lead' });
});
afterAll(async () => {
  await close();
  fs.rmSync(limitDir, { recursive: true, force: true });
  delete process.env.FRISTAD_TEST_PAGE_LIMIT_FILE;
});

const fill = (): void => fs.writeFileSync(limitFile, '1'); // SQLite keeps at least the pages in use: no page more
const free = (): void => fs.writeFileSync(limitFile, String(1_000_000_000));

/** Repeats a call until it fails; returns the failure. */
async function untilRefused(call: () => Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
  for (let i = 0; i < 500; i++) {
    const r = await call();
    if (!r.ok) return r;
  }
  throw new Error('never refused');
}

describe('a full disk', () => {
  it('answers disk_full with the space wanted, lets the user lock and unlock, and resumes writing when there is room', async () => {
    await ok(runtime, 'session:unlock', LEAD);
    const first = await ok<CaseDetail>(runtime, 'cases:create', caseInput({ vulnerabilityNote: 'före' }));
    fill();

    const write = await untilRefused(() => runtime.invoke('cases:create', caseInput({ vulnerabilityNote: 'x'.repeat(480) })));
    expect(write).toMatchObject({ ok: false, error: { code: 'disk_full', neededBytes: expect.any(Number) } });
    if (!write.ok) {
      expect(write.error.neededBytes).toBeGreaterThanOrEqual(64 * 1024 * 1024);
      expect(write.error.message).toMatch(/free at least \d+ MB/i);
    }
    // A read whose audit row cannot be written is refused as disk_full too: the log is the only record of who saw what.
    const read = await untilRefused(() => runtime.invoke('cases:get', { id: first.id }));
    expect(read).toMatchObject({ ok: false, error: { code: 'disk_full' } });

    expect(await ok<SessionStatus>(runtime, 'session:lock')).toMatchObject({ state: 'locked' });
    expect(await ok<SessionStatus>(runtime, 'session:unlock', LEAD)).toMatchObject({ state: 'unlocked' });
    expect(await ok<SessionStatus>(runtime, 'session:status')).toMatchObject({ state: 'unlocked' });
    expect(fs.existsSync(path.join(dataDir, 'fristad.deferred-audit.jsonl'))).toBe(true);

    free();
    // Without locking again: the next write simply goes through.
    await ok<CaseDetail>(runtime, 'cases:create', caseInput({ vulnerabilityNote: 'efter' }));
    await ok(runtime, 'session:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    // The deferred lock and unlock rows are in the audit log now, and the chain holds.
    expect(fs.existsSync(path.join(dataDir, 'fristad.deferred-audit.jsonl'))).toBe(false);
    expect(await ok<{ ok: boolean }>(runtime, 'audit:verify')).toMatchObject({ ok: true });
    await ok(runtime, 'session:lock');
  });
});
