import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseView } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { DbProbe } from '../helpers/db-probe';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

// cases:open reads the case and every section of the case view in one transaction. It must answer
// exactly what the sections' own channels answer (masked the same way) and log each part as they do.

let runtime: Runtime;
let dataDir: string;
let close: () => Promise<void>;
let probe: DbProbe;

const LEAD = { username: 'tove', passphrase: 'toves long passphrase' };
const KIM = { username: 'kim', passphrase: 'kims long passphrase' };

/** A case with something in every section. */
async function populatedCase(overrides: Parameters<typeof caseInput>[0] = {}): Promise<CaseDetail> {
  const c = await ok<CaseDetail>(
    runtime,
    'cases:create',
    caseInput({ children: [{ name: 'Barn Påhittat', birthYear: 2016, school: '', needs: '', placement: '' }], ...overrides }),
  );
  const caseId = c.id;
  await ok(runtime, 'journal:create', { caseId, noteDate: '2026-03-02', body: 'Samtal (fiktivt).', correctsNoteId: null });
  await ok(runtime, 'reminders:create', { caseId, kind: 'follow_up', dueDate: '2026-01-01', note: '' });
  await ok(runtime, 'moves:create', {
    caseId,
    from: null,
    to: { kind: 'municipality', code: '1980' },
    route: 'kompotten',
    receivingContact: 'Mottagare (fiktiv)',
    notes: '',
    plannedDate: '2026-02-01',
  });
  await ok(runtime, 'housing:add-step', {
    caseId,
    childId: null,
    kind: 'transitional',
    startDate: '2026-01-01',
    endDate: '2026-01-10',
    provider: 'Påhittat boende',
    shelterId: null,
    place: { kind: 'municipality', code: '1980' },
    costPerDay: null,
    outcome: 'moved_on',
    obstacles: [],
    obstacleNote: '',
    parallel: true,
  });
  await ok(runtime, 'support:add', { caseId, kind: 'legal', agency: 'Påhittad byrå', status: 'needed', startDate: null, endDate: null, notes: '' });
  await ok(runtime, 'risk:start', { caseId, childId: null, templateId: 'fristad-spj-adult', copyFromId: null });
  await ok(runtime, 'kompotten:add-request', { direction: 'sent', counterpartCode: '1980', caseId, date: '2026-02-03', outcome: 'pending', notes: '' });
  return c;
}

/** What the case view loaded one channel at a time before cases:open. */
async function oneByOne(id: number): Promise<CaseView> {
  const caseId = { caseId: id };
  return {
    detail: await ok(runtime, 'cases:get', { id }),
    assessments: await ok(runtime, 'risk:list', caseId),
    moves: await ok(runtime, 'moves:list', caseId),
    kompottenRequests: await ok(runtime, 'kompotten:requests', caseId),
    housing: await ok(runtime, 'housing:list', caseId),
    support: await ok(runtime, 'support:list', caseId),
    journal: await ok(runtime, 'journal:list', caseId),
    reminders: await ok(runtime, 'reminders:list', caseId),
    shares: await ok(runtime, 'cases:shares', caseId),
  };
}

beforeAll(async () => {
  ({ runtime, dataDir, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { ...LEAD, displayName: 'Tove Gruppledare', role: 'team_lead' });
  await ok(runtime, 'users:create', { ...KIM, displayName: 'Kim Handläggare', role: 'caseworker' });
  await ok(runtime, 'session:unlock', LEAD);
  probe = await DbProbe.open(dataDir, LEAD.username, LEAD.passphrase);
});
afterAll(async () => {
  probe.close();
  await close();
});

describe('cases:open', () => {
  it('answers what the sections’ own channels answer, every section filled', async () => {
    const c = await populatedCase();
    const view = await ok<CaseView>(runtime, 'cases:open', { id: c.id });
    expect(view).toEqual(await oneByOne(c.id));
    for (const part of ['assessments', 'moves', 'kompottenRequests', 'housing', 'support', 'journal', 'reminders'] as const) expect(view[part]).toHaveLength(1);
    expect(view.detail.children).toHaveLength(1);
  });

  it('masks a protected case exactly as the sections’ channels do until it is revealed', async () => {
    const c = await populatedCase({ protectionLevel: 'skyddad_folkbokforing' });
    const masked = await ok<CaseView>(runtime, 'cases:open', { id: c.id });
    expect(masked.detail.reveal.masked).toBe(true);
    expect(masked).toEqual(await oneByOne(c.id));
    expect(JSON.stringify(masked)).not.toContain('Mottagare (fiktiv)');
    await ok(runtime, 'cases:reveal', { caseId: c.id, reason: 'Planering av flytt i testet' });
    const revealed = await ok<CaseView>(runtime, 'cases:open', { id: c.id });
    expect(revealed.detail.reveal.masked).toBe(false);
    expect(revealed).toEqual(await oneByOne(c.id));
    expect(JSON.stringify(revealed)).toContain('Mottagare (fiktiv)');
  });

  it('logs each part as its own channel does, all in one commit', async () => {
    const c = await populatedCase();
    const before = probe.fingerprint().auditSeq;
    await ok(runtime, 'cases:open', { id: c.id });
    const rows = probe.auditSince(before);
    expect(rows.map((r) => `${r.action} ${r.entity} ${r.outcome}`)).toEqual(
      ['case', 'assessments', 'moves', 'kompotten_requests', 'housing_steps', 'support_items', 'journal', 'reminders', 'case_shares'].map(
        (e) => `read ${e} ok`,
      ),
    );
    expect((await ok<{ ok: boolean }>(runtime, 'audit:verify')).ok).toBe(true);
  });

  it('refuses an unknown case and a case the user may not open, and reads nothing then', async () => {
    const c = await populatedCase();
    const before = probe.fingerprint().auditSeq;
    expect(await errorCode(runtime, 'cases:open', { id: 999_999 })).toBe('not_found');
    await ok(runtime, 'session:unlock', KIM);
    expect(await errorCode(runtime, 'cases:open', { id: c.id })).toBe('forbidden');
    await ok(runtime, 'session:unlock', LEAD);
    expect(probe.auditSince(before).filter((r) => r.action === 'read' && r.outcome === 'ok')).toEqual([]);
  });
});
