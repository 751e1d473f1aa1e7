import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  channels,
  type Assessment,
  type CaseDetail,
  type CaseListRow,
  type CaseShares,
  type Channel,
  type HousingStep,
  type JournalNote,
  type KompottenRequest,
  type Move,
  type ProtectedNotNamed,
  type Reminder,
  type Role,
  type Shelter,
  type SupportItem,
} from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { UNSCOPED_CASEWORK } from '../../core/contract/unscoped-channels';
import { caseInput, defined } from '../helpers/casework';
import { ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let dataDir: string;
let close: () => Promise<void>;

const PASS = (username: string) => `${username} long passphrase`;
const USERS = { team_lead: 'lea', caseworker: 'kim', auditor: 'gun' } as const;
const ids: Record<string, number> = {};

async function as(username: string): Promise<void> {
  await ok(runtime, 'session:unlock', { username, passphrase: username === 'admin' ? ADMIN.passphrase : PASS(username) });
}
async function asRole(role: Role): Promise<void> {
  await as(role === 'administrator' ? 'admin' : USERS[role]);
}

/** Every id a channel's input can name, all of one case. */
interface Fixture {
  caseId: number;
  caseNumber: string;
  childId: number;
  perpetratorId: number;
  noteId: number;
  reminderId: number;
  moveId: number;
  stepId: number;
  supportId: number;
  assessmentId: number;
  requestId: number;
  shelterId: number;
}

/** A case with one of everything, made through the API by the current user. */
async function buildFixture(overrides: Parameters<typeof caseInput>[0] = {}): Promise<Fixture> {
  const c = await ok<CaseDetail>(
    runtime,
    'cases:create',
    caseInput({
      children: [{ name: 'Barn Påhittat', birthYear: 2016, school: '', needs: '', placement: '' }],
      perpetrators: [
        {
          name: 'Förövare Påhittad',
          relation: 'former_partner',
          collective: false,
          notes: '',
          areas: [{ municipalityCode: '1480', districtSlug: null, description: '' }],
        },
      ],
      ...overrides,
    }),
  );
  const note = await ok<JournalNote>(runtime, 'journal:create', { caseId: c.id, noteDate: '2026-03-02', body: 'Samtal (fiktivt).', correctsNoteId: null });
  const reminder = await ok<Reminder>(runtime, 'reminders:create', { caseId: c.id, kind: 'follow_up', dueDate: '2026-01-01', note: '' });
  const move = await ok<Move>(runtime, 'moves:create', {
    caseId: c.id,
    from: null,
    to: { kind: 'municipality', code: '1980' },
    route: 'kompotten',
    receivingContact: '',
    notes: '',
    plannedDate: '2026-02-01',
  });
  const step = await ok<HousingStep>(runtime, 'housing:add-step', { caseId: c.id, ...STEP });
  const support = await ok<SupportItem>(runtime, 'support:add', { caseId: c.id, ...SUPPORT });
  const assessment = await ok<Assessment>(runtime, 'risk:start', { caseId: c.id, childId: null, templateId: 'fristad-spj-adult', copyFromId: null });
  const request = await ok<KompottenRequest>(runtime, 'kompotten:add-request', {
    direction: 'sent',
    counterpartCode: '1980',
    caseId: c.id,
    date: '2026-02-03',
    outcome: 'pending',
    notes: '',
  });
  return {
    caseId: c.id,
    caseNumber: c.caseNumber,
    childId: defined(c.children[0]).id,
    perpetratorId: defined(c.perpetrators[0]).id,
    noteId: note.id,
    reminderId: reminder.id,
    moveId: move.id,
    stepId: step.id,
    supportId: support.id,
    assessmentId: assessment.id,
    requestId: request.id,
    shelterId: defined(ids.shelter),
  };
}

const STEP = {
  childId: null,
  kind: 'transitional',
  startDate: '2026-01-01',
  endDate: '2026-01-10',
  provider: '',
  shelterId: null,
  place: null,
  costPerDay: null,
  outcome: 'moved_on',
  obstacles: [],
  obstacleNote: '',
  parallel: true,
} as const;
const SUPPORT = { kind: 'legal', agency: '', status: 'needed', startDate: null, endDate: null, notes: '' } as const;
const SHELTER = {
  name: 'Påhittade boendet',
  operator: '',
  municipalityCode: '1980',
  ivoKind: 'permit',
  ivoNumber: 'IVO-1',
  ivoValidUntil: '2030-12-31',
  capacityAdults: 4,
  capacityChildren: 6,
  specialisations: [],
  languages: '',
  contact: '',
} as const;
const CHILD = { name: 'Barn Påhittat', birthYear: 2016, school: '', needs: '', placement: '' };
const PERPETRATOR = { name: 'Förövare Påhittad', relation: 'former_partner', collective: false, notes: '', areas: [] };
const LIST = {
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
} as const;
const PERIOD = { kind: 'year', year: new Date().getFullYear() } as const;
const BACKUP_FILE = 'fristad-20200101-000000.fbak';

/**
 * A valid input for every channel of the contract, naming the fixture's case. Typed by Channel,
 * so a new channel does not compile until it has one here (and a row in ALLOWED).
 */
const INPUTS: { [C in Channel]: (f: Fixture) => unknown } = {
  'session:status': () => ({}),
  'session:setup': () => ({ ...ADMIN }),
  'session:unlock': () => ({ username: 'admin', passphrase: ADMIN.passphrase }),
  'session:lock': () => ({}),
  'session:change-passphrase': () => ({ currentPassphrase: 'not the passphrase', newPassphrase: 'a brand new long passphrase' }),
  'session:recover': () => ({ recoveryKey: 'x', username: 'admin', newPassphrase: 'a brand new long passphrase' }),
  'session:open-demo': () => ({}),
  'session:leave-demo': () => ({}),
  'session:damaged-backups': () => ({}),
  'session:restore-damaged': () => ({}),
  'session:acknowledge-rollback': () => ({}),
  'users:assignees': () => ({}),
  'users:list': () => ({}),
  'users:create': () => ({
    username: `new-${Math.random().toString(36).slice(2, 8)}`,
    displayName: 'Ny Påhittad',
    role: 'caseworker',
    passphrase: 'a brand new long passphrase',
  }),
  'users:disable': () => ({ username: 'nobody-here' }),
  'reference:counties': () => ({}),
  'reference:municipalities': () => ({}),
  'reference:districts': () => ({}),
  'audit:verify': () => ({}),
  'audit:users': () => ({}),
  'audit:search': () => ({}),
  'audit:sample': () => ({ month: '2026-01' }),
  'audit:protected-access': () => ({}),
  'audit:mark-reviewed': () => ({ seqs: [1], comment: '' }),
  'audit:export': () => ({ view: 'sample', month: '2026-01', format: 'csv', language: 'sv' }),
  'audit:case-extract': (f) => ({ caseId: f.caseId }),
  'audit:case-extract-export': (f) => ({ caseId: f.caseId, format: 'csv', language: 'sv' }),
  'audit:record-print': (f) => ({ entity: 'case_log_extract', caseId: f.caseId }),
  'settings:get': () => ({}),
  'settings:update': () => ({ teamName: ADMIN.teamName }),
  'cases:list': () => LIST,
  'cases:get': (f) => ({ id: f.caseId }),
  'cases:open': (f) => ({ id: f.caseId }),
  'cases:create': () => caseInput(),
  'cases:update': (f) => {
    const { children: _c, perpetrators: _p, ...fields } = caseInput();
    return { id: f.caseId, ...fields, assignedUserId: defined(ids.kim) };
  },
  'cases:close': (f) => ({ id: f.caseId, reason: 'Avslutat (fiktivt)' }),
  'cases:reopen': (f) => ({ id: f.caseId }),
  'cases:shares': (f) => ({ caseId: f.caseId }),
  'cases:reveal': (f) => ({ caseId: f.caseId, reason: 'Behöver ringa boendet (fiktivt).' }),
  'cases:share': (f) => ({ caseId: f.caseId, userId: defined(ids.lea) }),
  'cases:unshare': (f) => ({ caseId: f.caseId, userId: defined(ids.lea) }),
  'people:add-child': (f) => ({ caseId: f.caseId, ...CHILD }),
  'people:update-child': (f) => ({ id: f.childId, ...CHILD }),
  'people:remove-child': (f) => ({ id: f.childId }),
  'people:add-perpetrator': (f) => ({ caseId: f.caseId, ...PERPETRATOR }),
  'people:update-perpetrator': (f) => ({ id: f.perpetratorId, ...PERPETRATOR }),
  'people:remove-perpetrator': (f) => ({ id: f.perpetratorId }),
  'moves:list': (f) => ({ caseId: f.caseId }),
  'moves:check-destination': (f) => ({ caseId: f.caseId, to: { kind: 'municipality', code: '1980' } }),
  'moves:create': (f) => ({
    caseId: f.caseId,
    from: null,
    to: { kind: 'municipality', code: '1980' },
    route: 'kompotten',
    receivingContact: '',
    notes: '',
    plannedDate: '2026-02-01',
  }),
  'moves:transition': (f) => ({ id: f.moveId, to: 'requested', date: '2026-02-02' }),
  'kompotten:members': () => ({}),
  'kompotten:set-member': () => ({ municipalityCode: '1980', member: true, contact: '' }),
  'kompotten:requests': (f) => ({ caseId: f.caseId }),
  'kompotten:add-request': (f) => ({ direction: 'sent', counterpartCode: '1980', caseId: f.caseId, date: '2026-02-03', outcome: 'pending', notes: '' }),
  'kompotten:update-request': (f) => ({ id: f.requestId, outcome: 'accepted', notes: '' }),
  'housing:list': (f) => ({ caseId: f.caseId }),
  'housing:add-step': (f) => ({ caseId: f.caseId, ...STEP }),
  'housing:update-step': (f) => ({ id: f.stepId, ...STEP }),
  'shelters:list': () => ({}),
  'shelters:create': () => SHELTER,
  'shelters:update': (f) => ({ id: f.shelterId, ...SHELTER }),
  'support:list': (f) => ({ caseId: f.caseId }),
  'support:add': (f) => ({ caseId: f.caseId, ...SUPPORT }),
  'support:update': (f) => ({ id: f.supportId, ...SUPPORT }),
  'journal:list': (f) => ({ caseId: f.caseId }),
  'journal:create': (f) => ({ caseId: f.caseId, noteDate: '2026-03-02', body: 'Samtal (fiktivt).', correctsNoteId: null }),
  'journal:update-draft': (f) => ({ id: f.noteId, noteDate: '2026-03-02', body: 'Samtal (fiktivt), ändrat.' }),
  'journal:sign': (f) => ({ id: f.noteId }),
  'reminders:list': (f) => ({ caseId: f.caseId }),
  'reminders:create': (f) => ({ caseId: f.caseId, kind: 'follow_up', dueDate: '2026-01-01', note: '' }),
  'reminders:complete': (f) => ({ id: f.reminderId }),
  'reminders:due': () => ({ scope: 'mine' }),
  'risk:instruments': () => ({}),
  'risk:instrument': () => ({ templateId: 'fristad-spj-adult', version: '1' }),
  'risk:import-instrument': () => ({ json: '{}' }),
  'risk:list': (f) => ({ caseId: f.caseId }),
  'risk:get': (f) => ({ id: f.assessmentId }),
  'risk:start': (f) => ({ caseId: f.caseId, childId: null, templateId: 'fristad-spj-adult', copyFromId: null }),
  'risk:save-draft': (f) => ({ id: f.assessmentId, answers: [], judgements: [], survivorView: '', nextReviewDate: null }),
  'risk:complete': (f) => ({ id: f.assessmentId }),
  'risk:compare': (f) => ({ leftId: f.assessmentId, rightId: f.assessmentId }),
  'reports:prepare': () => ({}),
  'reports:generate': () => ({ period: PERIOD, districtSlugs: [] }),
  'reports:export': () => ({ period: PERIOD, districtSlugs: [], format: 'csv', language: 'sv', labels: {} }),
  'retention:preview': () => ({}),
  'retention:decide': () => ({ caseNumber: 'RVT-1999-0001', decision: 'keep', comment: '' }),
  'retention:purge': () => ({ caseNumbers: ['RVT-1999-0001'], confirm: true }),
  'backup:status': () => ({}),
  'backup:create': () => ({}),
  'backup:settings': () => ({ folder: path.join(dataDir, 'backups'), keep: 7 }),
  'backup:verify': () => ({ fileName: BACKUP_FILE }),
  'backup:restore': () => ({ fileName: BACKUP_FILE }),
  'backup:progress': () => ({}),
  'backup:leftovers': () => ({}),
  'backup:remove-leftover': () => ({ name: 'fristad.db.pre-migration-v1-2020-01-01T00-00-00-000Z.bak' }),
};

const ALL: readonly Role[] = ['administrator', 'team_lead', 'caseworker', 'auditor'];
const CASE: readonly Role[] = ['caseworker', 'team_lead'];
const ADMIN_ONLY: readonly Role[] = ['administrator'];
const LEAD_AND_ADMIN: readonly Role[] = ['team_lead', 'administrator'];

/** Who may call each channel (the README's table in "Roles and per-case access"). 'public' channels run without a session (setting up, unlocking). */
const ALLOWED: { [C in Channel]: readonly Role[] | 'public' } = {
  'session:status': 'public',
  'session:setup': 'public',
  'session:unlock': 'public',
  'session:lock': 'public',
  'session:recover': 'public',
  'session:open-demo': 'public',
  'session:leave-demo': 'public',
  'session:damaged-backups': 'public',
  'session:restore-damaged': 'public',
  'session:change-passphrase': ALL,
  'session:acknowledge-rollback': ADMIN_ONLY,
  'reference:counties': ALL,
  'reference:municipalities': ALL,
  'reference:districts': ALL,
  'settings:get': ALL,
  'settings:update': ADMIN_ONLY,
  'retention:preview': LEAD_AND_ADMIN,
  'retention:decide': ['team_lead'],
  'retention:purge': ['team_lead'],
  'backup:status': ADMIN_ONLY,
  'backup:create': ADMIN_ONLY,
  'backup:settings': ADMIN_ONLY,
  'backup:verify': ADMIN_ONLY,
  'backup:restore': ADMIN_ONLY,
  'backup:progress': ADMIN_ONLY,
  'backup:leftovers': ADMIN_ONLY,
  'backup:remove-leftover': ADMIN_ONLY,
  'users:list': LEAD_AND_ADMIN,
  'users:create': LEAD_AND_ADMIN,
  'users:disable': LEAD_AND_ADMIN,
  'users:assignees': CASE,
  'audit:verify': ['administrator', 'team_lead', 'auditor'],
  'audit:users': ['team_lead', 'auditor'],
  'audit:search': ['team_lead', 'auditor'],
  'audit:sample': ['team_lead', 'auditor'],
  'audit:protected-access': ['team_lead', 'auditor'],
  'audit:mark-reviewed': ['team_lead', 'auditor'],
  'audit:export': ['team_lead', 'auditor'],
  'audit:case-extract': CASE,
  'audit:case-extract-export': CASE,
  'audit:record-print': CASE,
  'reports:prepare': LEAD_AND_ADMIN,
  'reports:generate': LEAD_AND_ADMIN,
  'reports:export': LEAD_AND_ADMIN,
  'risk:instruments': ['caseworker', 'team_lead', 'administrator'],
  'risk:instrument': ['caseworker', 'team_lead', 'administrator'],
  'risk:import-instrument': LEAD_AND_ADMIN,
  'cases:list': CASE,
  'cases:get': CASE,
  'cases:open': CASE,
  'cases:create': CASE,
  'cases:update': CASE,
  'cases:close': CASE,
  'cases:reopen': CASE,
  'cases:shares': CASE,
  'cases:reveal': CASE,
  'cases:share': CASE,
  'cases:unshare': CASE,
  'people:add-child': CASE,
  'people:update-child': CASE,
  'people:remove-child': CASE,
  'people:add-perpetrator': CASE,
  'people:update-perpetrator': CASE,
  'people:remove-perpetrator': CASE,
  'moves:list': CASE,
  'moves:check-destination': CASE,
  'moves:create': CASE,
  'moves:transition': CASE,
  'kompotten:members': CASE,
  'kompotten:set-member': CASE,
  'kompotten:requests': CASE,
  'kompotten:add-request': CASE,
  'kompotten:update-request': CASE,
  'housing:list': CASE,
  'housing:add-step': CASE,
  'housing:update-step': CASE,
  'shelters:list': CASE,
  'shelters:create': CASE,
  'shelters:update': CASE,
  'support:list': CASE,
  'support:add': CASE,
  'support:update': CASE,
  'journal:list': CASE,
  'journal:create': CASE,
  'journal:update-draft': CASE,
  'journal:sign': CASE,
  'reminders:list': CASE,
  'reminders:create': CASE,
  'reminders:complete': CASE,
  'reminders:due': CASE,
  'risk:list': CASE,
  'risk:get': CASE,
  'risk:start': CASE,
  'risk:save-draft': CASE,
  'risk:complete': CASE,
  'risk:compare': CASE,
};

/** Channels that would end the session or switch databases: their rule is checked, not called. */
const NOT_CALLED: readonly Channel[] = [
  'session:setup',
  'session:unlock',
  'session:lock',
  'session:recover',
  'session:open-demo',
  'session:leave-demo',
  'session:damaged-backups',
  'session:restore-damaged',
];

const SCOPED = CHANNEL_NAMES.filter((c) => channels[c].caseScope !== undefined);

async function codeOf(channel: Channel, input: unknown): Promise<string> {
  const r = await runtime.invoke(channel, input);
  return r.ok ? 'ok' : r.error.code;
}

async function auditRowCount(): Promise<number> {
  return (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;
}

let matrixCase: Fixture;
let kimsCase: Fixture;
let caselessRequest: KompottenRequest;

beforeAll(async () => {
  const t = await testRuntime();
  ({ runtime, close, dataDir } = t);
  await ok(runtime, 'session:setup', ADMIN);
  for (const [role, username] of [...Object.entries(USERS), ['caseworker', 'kia']] as const) {
    ids[username] = (await ok<{ id: number }>(runtime, 'users:create', { username, displayName: `${username} (fiktiv)`, role, passphrase: PASS(username) })).id;
  }
  await as('kim');
  ids.shelter = (await ok<Shelter>(runtime, 'shelters:create', SHELTER)).id;
  const assigned = { assignedUserId: defined(ids.kim) };
  matrixCase = await buildFixture(assigned);
  kimsCase = await buildFixture(assigned);
  caselessRequest = await ok<KompottenRequest>(runtime, 'kompotten:add-request', {
    direction: 'received',
    counterpartCode: '1980',
    caseId: null,
    date: '2026-02-04',
    outcome: 'pending',
    notes: '',
  });
});
afterAll(async () => close());

describe('roles: every channel as every role', () => {
  it('has a rule and an input for every channel, and public channels need no session', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) {
      const rule = channels[channel].access;
      if (ALLOWED[channel] === 'public') expect(rule, channel).toBe('public');
      else expect(rule, channel).not.toBe('public');
    }
  });

  for (const role of ALL) {
    it(`answers a ${role} as the table says`, async () => {
      await asRole(role);
      const wrong: string[] = [];
      for (const channel of CHANNEL_NAMES) {
        const allowed = ALLOWED[channel];
        if (allowed === 'public' && NOT_CALLED.includes(channel)) continue;
        const code = await codeOf(channel, INPUTS[channel](matrixCase));
        const expected = allowed === 'public' || allowed.includes(role) ? 'allowed' : 'forbidden';
        const got = code === 'forbidden' ? 'forbidden' : 'allowed';
        if (got !== expected) wrong.push(`${channel}: expected ${expected}, got ${code}`);
        // A refusal to work with case content is the only reason a role-allowed call may fail here for access.
        expect(code, channel).not.toBe('locked');
        expect(code, channel).not.toBe('internal');
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('every case-content channel declares its case, or says why it needs none', () => {
  it('has a scope or an entry in UNSCOPED_CASEWORK, never both', () => {
    const missing: string[] = [];
    for (const channel of CHANNEL_NAMES) {
      const rule = channels[channel].access;
      const caseRoleReaches = rule === 'unlocked' || (Array.isArray(rule) && rule.some((r) => r === 'caseworker' || r === 'team_lead'));
      if (!caseRoleReaches) continue;
      const scoped = channels[channel].caseScope !== undefined;
      const listed = UNSCOPED_CASEWORK[channel] !== undefined;
      if (scoped === listed) missing.push(`${channel}: ${scoped ? 'both scoped and listed' : 'neither scoped nor listed'}`);
    }
    expect(missing).toEqual([]);
    // Scoped channels are for case roles only: administrators and auditors see no case content.
    for (const channel of SCOPED) expect([...(channels[channel].access as readonly Role[])].sort(), channel).toEqual(['caseworker', 'team_lead']);
  });
});

/**
 * Every key path of a zod input schema (zod 4 internals: objects, wrappers, unions, arrays), so
 * the test sees what a channel's input can name without a hand-kept list going stale.
 */
function keyPaths(schema: unknown, prefix = ''): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return [];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => [prefix + k, ...keyPaths(v, `${prefix}${k}.`)]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return keyPaths(def.innerType, prefix);
    case 'pipe':
      return keyPaths(def.in, prefix);
    case 'union':
      return (def.options as unknown[]).flatMap((o) => keyPaths(o, prefix));
    case 'intersection':
      return [...keyPaths(def.left, prefix), ...keyPaths(def.right, prefix)];
    case 'array':
      return keyPaths(def.element, `${prefix}[].`);
    default:
      return [];
  }
}

/** A key that names something by id or case number: `id`, `…Id`, `…Ids`, `caseNumber(s)`. */
const ID_KEY = /(^|\.)(id|\w+Id|\w+Ids|caseNumbers?)$/;
/**
 * Id keys that name no case and no row of one, with what they name. Anything else an input
 * names by id is taken as a case or a case's row: it needs a case scope, or a `namesCase` reason.
 */
const NOT_CASE_IDS: Record<string, string> = {
  userId: 'a user account',
  assignedUserId: 'a user account',
  'filters.userId': 'a user account',
  templateId: 'an instrument template',
  shelterId: 'the shelter register',
  'answers.[].itemId': 'an item of the instrument template',
  'judgements.[].outputId': 'an output of the instrument template',
  'shelters:update id': 'the shelter register',
};

/** The channels whose input names a case or a case's row, with the keys that do. */
function caseIdChannels(): Map<Channel, string[]> {
  const found = new Map<Channel, string[]>();
  for (const channel of CHANNEL_NAMES) {
    const keys = [...new Set(keyPaths(channels[channel].input))].filter(
      (k) => ID_KEY.test(k) && NOT_CASE_IDS[k] === undefined && NOT_CASE_IDS[`${channel} ${k}`] === undefined,
    );
    if (keys.length > 0) found.set(channel, keys);
  }
  return found;
}

describe('every channel whose input names a case is scoped to it, or says why not', () => {
  it('reads the input schemas (the walker finds the ids it must)', () => {
    const found = caseIdChannels();
    expect(found.get('cases:get')).toEqual(['id']);
    expect(found.get('audit:case-extract')).toEqual(['caseId']);
    expect(found.get('audit:export')).toEqual(['filters.caseId', 'filters.caseNumber']);
    expect(found.get('risk:start')).toEqual(['caseId', 'childId', 'copyFromId']);
    expect(found.has('shelters:update')).toBe(false);
  });

  it('checks a scoped channel’s other case ids against its case in the operation', () => {
    // The scope finds the case from one id; the operation refuses the others unless they are of
    // the same case (requireChildOfCase, the note corrected, the assessment copied or compared).
    const SAME_CASE_CHECKED: Partial<Record<Channel, string[]>> = {
      'housing:add-step': ['caseId', 'childId'],
      'housing:update-step': ['childId', 'id'],
      'journal:create': ['caseId', 'correctsNoteId'],
      'risk:start': ['caseId', 'childId', 'copyFromId'],
      'risk:save-draft': ['answers.[].perpetratorId', 'id'],
      'risk:compare': ['leftId', 'rightId'],
    };
    const several = Object.fromEntries(
      [...caseIdChannels()].filter(([c, keys]) => channels[c].caseScope !== undefined && keys.length > 1).map(([c, keys]) => [c, [...keys].sort()]),
    );
    expect(several).toEqual(SAME_CASE_CHECKED);
  });

  it('has a case scope, or an UNSCOPED_CASEWORK entry with a namesCase reason', () => {
    const unscoped: string[] = [];
    for (const [channel, keys] of caseIdChannels()) {
      if (channels[channel].caseScope !== undefined) continue;
      if (UNSCOPED_CASEWORK[channel]?.namesCase !== undefined) continue;
      unscoped.push(`${channel}: takes ${keys.join(', ')} without a case scope`);
    }
    expect(unscoped).toEqual([]);
  });
});

describe('per-case access', () => {
  it('refuses a caseworker every scoped channel of a colleague’s case, audited as denied, until it is shared', async () => {
    await as('kia');
    for (const channel of SCOPED) expect(await codeOf(channel, INPUTS[channel](kimsCase)), channel).toBe('forbidden');
    const r = await runtime.invoke('cases:get', { id: kimsCase.caseId });
    expect(r).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This case is not shared with you. Ask its caseworker or your team lead.', reason: 'access_not_named' },
    });

    // Each refusal wrote exactly one row (the team lead counts them).
    await as('lea');
    const before = await auditRowCount();
    await as('kia');
    expect(await codeOf('journal:list', { caseId: kimsCase.caseId })).toBe('forbidden');
    await as('lea');
    // The first verify's own row, the denial, and a lock and an unlock row for each of the two switches.
    expect(await auditRowCount()).toBe(before + 1 + 1 + 4);

    await as('kim');
    const shared = await ok<CaseShares>(runtime, 'cases:share', { caseId: kimsCase.caseId, userId: defined(ids.kia) });
    expect(shared).toMatchObject({
      assignee: { id: ids.kim },
      creator: null,
      shares: [{ userId: ids.kia, role: 'caseworker', grantedByName: 'kim (fiktiv)' }],
    });
    await as('kia');
    const answered: Record<string, string> = {};
    // Removing the case's people would leave nothing for the refusals below to name.
    for (const channel of SCOPED.filter((c) => !c.startsWith('people:remove-'))) answered[channel] = await codeOf(channel, INPUTS[channel](kimsCase));
    expect(Object.entries(answered).filter(([, code]) => code === 'forbidden')).toEqual([]);
    expect(answered['cases:get']).toBe('ok');
    expect(answered['journal:list']).toBe('ok');

    await as('kim');
    await ok(runtime, 'cases:unshare', { caseId: kimsCase.caseId, userId: defined(ids.kia) });
    await as('kia');
    for (const channel of SCOPED) expect(await codeOf(channel, INPUTS[channel](kimsCase)), channel).toBe('forbidden');
  });

  it('keeps shares when a case is reassigned, and names only active caseworkers and team leads', async () => {
    await as('kim');
    const c = await ok<CaseDetail>(runtime, 'cases:create', caseInput({ assignedUserId: defined(ids.kim) }));
    await ok(runtime, 'cases:share', { caseId: c.id, userId: defined(ids.kia) });
    for (const userId of [1, defined(ids.gun), 999_999]) {
      const r = await runtime.invoke('cases:share', { caseId: c.id, userId });
      expect(r.ok ? 'ok' : r.error.code, String(userId)).toBe('invalid_input');
    }
    const { children: _c, perpetrators: _p, ...fields } = caseInput();
    await ok(runtime, 'cases:update', { id: c.id, ...fields, assignedUserId: defined(ids.lea) });
    // Kim is no longer named: the case is Lea's now.
    expect(await codeOf('cases:get', { id: c.id })).toBe('forbidden');
    await as('kia');
    expect(await codeOf('cases:get', { id: c.id })).toBe('ok');
    const shares = await ok<CaseShares>(runtime, 'cases:shares', { caseId: c.id });
    expect(shares.assignee?.id).toBe(ids.lea);
    expect(shares.shares.map((s) => s.userId)).toEqual([ids.kia]);
  });

  it('lets a caseworker see an unassigned case they created, and not one they gave away', async () => {
    await as('kia');
    const mine = await ok<CaseDetail>(runtime, 'cases:create', caseInput());
    const given = await ok<CaseDetail>(runtime, 'cases:create', caseInput({ assignedUserId: defined(ids.kim) }));
    expect(await codeOf('cases:get', { id: mine.id })).toBe('ok');
    expect(await codeOf('cases:get', { id: given.id })).toBe('forbidden');
  });

  it('filters the lists to the cases the user may open', async () => {
    await as('kia');
    const page = await ok<{ total: number; rows: CaseListRow[]; protectedNotNamed?: ProtectedNotNamed[] }>(runtime, 'cases:list', LIST);
    const listed = page.rows.map((r) => r.id);
    expect(listed).not.toContain(kimsCase.caseId);
    expect(listed).not.toContain(matrixCase.caseId);
    expect(page.total).toBe(page.rows.length);
    expect(page.protectedNotNamed).toBeUndefined();
    const requests = await ok<KompottenRequest[]>(runtime, 'kompotten:requests', { caseId: null });
    expect(requests.map((r) => r.id)).toContain(caselessRequest.id);
    expect(requests.every((r) => r.caseId === null || listed.includes(r.caseId))).toBe(true);
    const due = await ok<{ overdue: Reminder[]; thisWeek: Reminder[] }>(runtime, 'reminders:due', { scope: 'mine' });
    expect([...due.overdue, ...due.thisWeek].every((r) => listed.includes(r.caseId))).toBe(true);

    await as('kim');
    const kims = await ok<{ rows: CaseListRow[] }>(runtime, 'cases:list', LIST);
    expect(kims.rows.map((r) => r.id)).toEqual(expect.arrayContaining([kimsCase.caseId, matrixCase.caseId]));
    expect((await ok<KompottenRequest[]>(runtime, 'kompotten:requests', { caseId: null })).map((r) => r.id)).toContain(kimsCase.requestId);
  });
});

describe('protected identities', () => {
  let secret: CaseDetail;

  beforeAll(async () => {
    await as('kim');
    secret = await ok<CaseDetail>(
      runtime,
      'cases:create',
      caseInput({
        survivor: { ...caseInput().survivor, name: 'Hemliga Påhittadsson' },
        protectionLevel: 'skyddad_folkbokforing',
        districtSlug: 'skarholmen',
        assignedUserId: defined(ids.kim),
      }),
    );
    await ok(runtime, 'reminders:create', { caseId: secret.id, kind: 'follow_up', dueDate: '2026-01-02', note: '' });
  });

  it('hides a protected case from a team lead who is not named: refused, and listed by number only', async () => {
    await as('lea');
    expect(await codeOf('cases:get', { id: secret.id })).toBe('forbidden');
    const r = await runtime.invoke('journal:list', { caseId: secret.id });
    expect(r.ok ? null : r.error.message).toMatch(/protected identity/);
    const page = await ok<{ rows: CaseListRow[]; protectedNotNamed?: ProtectedNotNamed[] }>(runtime, 'cases:list', LIST);
    expect(page.rows.map((row) => row.id)).not.toContain(secret.id);
    expect(page.protectedNotNamed).toEqual([{ id: secret.id, caseNumber: secret.caseNumber }]);
    expect(JSON.stringify(page)).not.toMatch(/Hemliga|Skärholmen/);
    // A filter could match on what the lead may not see, so with one the marker list is left out.
    const searched = await ok<{ protectedNotNamed?: ProtectedNotNamed[] }>(runtime, 'cases:list', { ...LIST, query: 'Hemliga' });
    expect(searched.protectedNotNamed).toBeUndefined();
    const team = await ok<{ overdue: Reminder[]; thisWeek: Reminder[] }>(runtime, 'reminders:due', { scope: 'team' });
    expect([...team.overdue, ...team.thisWeek].map((x) => x.caseId)).not.toContain(secret.id);
    // The open case of a colleague is the team lead's to see.
    expect(await codeOf('cases:get', { id: kimsCase.caseId })).toBe('ok');
  });

  it('opens it to a team lead once named, and closes it again when the name is taken off', async () => {
    await as('kim');
    await ok(runtime, 'cases:share', { caseId: secret.id, userId: defined(ids.lea) });
    await as('lea');
    expect(await codeOf('cases:get', { id: secret.id })).toBe('ok');
    const page = await ok<{ rows: CaseListRow[]; protectedNotNamed?: ProtectedNotNamed[] }>(runtime, 'cases:list', LIST);
    expect(page.rows.map((row) => row.id)).toContain(secret.id);
    expect(page.protectedNotNamed).toBeUndefined();
    await ok(runtime, 'cases:unshare', { caseId: secret.id, userId: defined(ids.lea) });
    expect(await codeOf('cases:get', { id: secret.id })).toBe('forbidden');
  });

  it('never opens case content to an administrator or auditor', async () => {
    for (const username of ['admin', 'gun']) {
      await as(username);
      for (const channel of [...SCOPED, 'cases:list', 'reminders:due', 'kompotten:requests'] as Channel[]) {
        expect(await codeOf(channel, INPUTS[channel](kimsCase)), `${username} ${channel}`).toBe('forbidden');
      }
    }
  });
});

describe('a case’s log extract follows the case', () => {
  const EXTRACT_CALLS = (caseId: number) =>
    [
      ['audit:case-extract', { caseId }],
      ['audit:case-extract-export', { caseId, format: 'csv', language: 'sv' }],
      ['audit:record-print', { entity: 'case_log_extract', entityId: String(caseId), caseId }],
    ] as const;
  let secretCase: CaseDetail;

  beforeAll(async () => {
    await as('kim');
    secretCase = await ok<CaseDetail>(runtime, 'cases:create', caseInput({ protectionLevel: 'sekretessmarkering', assignedUserId: defined(ids.kim) }));
  });

  async function deniedRows(caseId: number): Promise<{ action: string; entity: string; user: string | undefined }[]> {
    await as('gun');
    const page = await ok<{ rows: { action: string; entity: string; outcome: string; user: { username: string } | null }[] }>(runtime, 'audit:search', {
      caseId,
      outcome: 'denied',
      limit: 500,
    });
    return page.rows.map((r) => ({ action: r.action, entity: r.entity, user: r.user?.username }));
  }

  it('refuses a caseworker not named on the case, unprotected and protected, and audits each refusal', async () => {
    for (const c of [kimsCase.caseId, secretCase.id]) {
      const before = (await deniedRows(c)).length;
      await as('kia');
      for (const [channel, input] of EXTRACT_CALLS(c)) expect(await codeOf(channel, input), `${channel} ${c}`).toBe('forbidden');
      const after = await deniedRows(c);
      expect(after.length, String(c)).toBe(before + 3);
      expect(after.slice(0, 3).map((r) => r.user)).toEqual(['kia', 'kia', 'kia']);
      expect(
        after
          .slice(0, 3)
          .map((r) => `${r.action} ${r.entity}`)
          .sort(),
      ).toEqual(['export audit.case-extract-export', 'print case_log_extract', 'read audit.case-extract']);
    }
  });

  it('refuses a team lead the extract of a protected case they are not named on; the log review still reaches it', async () => {
    await as('lea');
    for (const [channel, input] of EXTRACT_CALLS(secretCase.id)) expect(await codeOf(channel, input), channel).toBe('forbidden');
    for (const [channel, input] of EXTRACT_CALLS(kimsCase.caseId)) expect(await codeOf(channel, input), channel).toBe('ok');
    // The log review is the reviewers' way to a case's log, audited as a review of the log.
    for (const username of ['lea', 'gun']) {
      await as(username);
      const page = await ok<{ rows: { caseId: number | null }[] }>(runtime, 'audit:search', { caseId: secretCase.id, limit: 500 });
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.rows.every((r) => r.caseId === secretCase.id)).toBe(true);
      const own = await ok<{ rows: { action: string; entity: string; caseId: number | null; user: { username: string } | null }[] }>(runtime, 'audit:search', {
        caseId: secretCase.id,
        limit: 1,
      });
      expect(own.rows[0]).toMatchObject({ action: 'read', entity: 'audit_log', caseId: secretCase.id, user: { username } });
    }
  });

  it('gives the extract, its file and its print to the people named on the case, and to nobody without a case role', async () => {
    await as('kim');
    for (const [channel, input] of EXTRACT_CALLS(secretCase.id)) expect(await codeOf(channel, input), channel).toBe('ok');
    for (const username of ['admin', 'gun']) {
      await as(username);
      for (const [channel, input] of EXTRACT_CALLS(kimsCase.caseId)) expect(await codeOf(channel, input), `${username} ${channel}`).toBe('forbidden');
    }
  });
});

describe('user accounts', () => {
  it('lets a team lead manage caseworkers and team leads, not administrators or auditors', async () => {
    await as('lea');
    expect(await codeOf('users:create', { username: 'nils', displayName: 'Nils (fiktiv)', role: 'caseworker', passphrase: PASS('nils') })).toBe('ok');
    for (const role of ['administrator', 'auditor']) {
      expect(await codeOf('users:create', { username: `x-${role}`, displayName: 'X (fiktiv)', role, passphrase: PASS('x') }), role).toBe('forbidden');
    }
    expect(await codeOf('users:disable', { username: 'admin' })).toBe('forbidden');
    expect(await codeOf('users:disable', { username: 'gun' })).toBe('forbidden');
    expect(await codeOf('users:disable', { username: 'nils' })).toBe('ok');
  });
});
