import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CaseDetail, HousingStep, Move } from '../../core/contract';
import { MOVE_STATUSES, type MoveStatus } from '../../core/rules/move-workflow';
import type { Runtime } from '../../electron/api/types';
import { caseInput } from '../helpers/casework';
import { DbProbe } from '../helpers/db-probe';
import { ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

/**
 * Issue 6: a model-based test of cases, moves and housing steps. fast-check runs random command
 * sequences against the real API (dispatch, worker, encrypted database) and against a small
 * in-memory model that implements the workflow rules on its own: a closed case refuses changes,
 * moves follow planned → requested → offered → accepted → completed (or declined/cancelled) with
 * dates that never go back and a reason to accept a move that is too close to a perpetrator, and
 * housing steps in one chain (the case's or one child's) must not overlap unless parallel. Each
 * command checks that the API refuses exactly when the model does, with the same code; after
 * each sequence the database, read back through the channels, equals the model, every accepted
 * change left exactly one audit row and the audit chain verifies.
 */

const WORKER = { username: 'model-worker', passphrase: 'model-worker long passphrase' };
/** Perpetrators live in Stockholm; Umeå is far beyond the 100 km minimum, Stockholm itself is not. */
const NEAR = '0180';
const FAR = '2480';

interface CaseModel {
  id: number;
  status: 'open' | 'closed';
  name: string;
  protectionLevel: 'none' | 'sekretessmarkering';
  childId: number | null;
  perpetratorNearby: boolean;
}
interface MoveModel {
  id: number;
  caseId: number;
  status: MoveStatus;
  lastDate: string;
  warning: boolean;
  transitions: number;
}
interface StepModel {
  id: number;
  caseId: number;
  childId: number | null;
  startDate: string;
  endDate: string | null;
  parallel: boolean;
}
interface Model {
  cases: CaseModel[];
  moves: MoveModel[];
  steps: StepModel[];
  /** Changes the API accepted: each must have left one audit row. */
  writes: number;
}
interface Real {
  runtime: Runtime;
}

/** The model's own copy of the workflow (not imported, so a change in the rules is a change the test sees). */
const NEXT: Record<MoveStatus, readonly MoveStatus[]> = {
  planned: ['requested', 'cancelled'],
  requested: ['offered', 'declined', 'cancelled'],
  offered: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  completed: [],
  declined: [],
  cancelled: [],
};

/** Where the commands steer moves: the real workflow's successors, so sequences get deep; NEXT judges. */
const ALLOWED: Record<MoveStatus, readonly MoveStatus[]> = {
  planned: ['requested', 'cancelled'],
  requested: ['offered', 'declined', 'cancelled'],
  offered: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  completed: [],
  declined: [],
  cancelled: [],
};

/** A day in January 2026: few enough values that steps and move dates collide often. */
const day = (n: number): string => `2026-01-${String(n).padStart(2, '0')}`;

function overlaps(a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }): boolean {
  return a.startDate < (b.endDate ?? '9999-12-31') && b.startDate < (a.endDate ?? '9999-12-31');
}

/** What the model expects: success, or refusal with this code. */
type Expect = 'ok' | 'not_allowed' | 'reason_required' | 'overlap' | 'invalid_input';

async function call<T>(real: Real, channel: string, input: unknown, expected: Expect): Promise<T | null> {
  const r: ApiResult<unknown> = await real.runtime.invoke(channel, input);
  const got = r.ok ? 'ok' : r.error.code;
  expect(got, `${channel} ${JSON.stringify(input)}${r.ok ? '' : `: ${r.error.message}`}`).toBe(expected);
  return r.ok ? (r.result as T) : null;
}

/**
 * A caseworker reveals a protected case, with a reason, before changing it: masked fields are never
 * overwritten. The reveal is audited as a reveal, not as a change, so the model does not count it.
 */
async function revealIfProtected(real: Real, c: CaseModel): Promise<void> {
  if (c.protectionLevel === 'none') return;
  await call(real, 'cases:reveal', { caseId: c.id, reason: 'Modelltest: ändrar ärendet.' }, 'ok');
}

function stepInput(childId: number | null, startDate: string, endDate: string | null, parallel: boolean) {
  return {
    childId,
    kind: 'other',
    startDate,
    endDate,
    provider: '',
    shelterId: null,
    place: null,
    costPerDay: null,
    outcome: endDate ? 'moved_on' : 'ongoing',
    obstacles: [],
    obstacleNote: '',
    parallel,
  };
}

class CreateCase implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly withChild: boolean,
    readonly perpetratorNearby: boolean,
    readonly name: string,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const input = caseInput({
      survivor: { ...caseInput().survivor, name: this.name },
      children: this.withChild ? [{ name: 'Modell Barn', birthYear: 2018, school: '', needs: '', placement: '' }] : [],
      perpetrators: this.perpetratorNearby
        ? [
            {
              name: 'Modell Förövare',
              relation: 'partner',
              collective: false,
              notes: '',
              areas: [{ municipalityCode: NEAR, districtSlug: null, description: '' }],
            },
          ]
        : [],
    });
    const c = await call<CaseDetail>(r, 'cases:create', input, 'ok');
    if (!c) return;
    expect(c.status).toBe('open');
    m.cases.push({
      id: c.id,
      status: 'open',
      name: this.name,
      protectionLevel: 'none',
      childId: c.children[0]?.id ?? null,
      perpetratorNearby: this.perpetratorNearby,
    });
    m.writes++;
  }
  toString = (): string => `CreateCase(${this.withChild}, ${this.perpetratorNearby})`;
}

class UpdateCase implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly name: string,
    readonly protect: boolean,
  ) {}
  check = (m: Readonly<Model>): boolean => m.cases.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const c = m.cases[this.pick % m.cases.length] as CaseModel;
    const level = this.protect ? 'sekretessmarkering' : 'none';
    const {
      children: _children,
      perpetrators: _perpetrators,
      ...fields
    } = caseInput({ protectionLevel: level, survivor: { ...caseInput().survivor, name: this.name } });
    const input = { ...fields, id: c.id };
    const expected: Expect = c.status === 'closed' ? 'not_allowed' : 'ok';
    await revealIfProtected(r, c);
    if (await call<CaseDetail>(r, 'cases:update', input, expected)) {
      c.name = this.name;
      c.protectionLevel = level;
      m.writes++;
    }
  }
  toString = (): string => `UpdateCase(${this.pick}, ${this.protect})`;
}

class CloseCase implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>): boolean => m.cases.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const c = m.cases[this.pick % m.cases.length] as CaseModel;
    if (await call(r, 'cases:close', { id: c.id, reason: 'Modellen stänger' }, c.status === 'closed' ? 'not_allowed' : 'ok')) {
      c.status = 'closed';
      m.writes++;
    }
  }
  toString = (): string => `CloseCase(${this.pick})`;
}

class ReopenCase implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>): boolean => m.cases.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const c = m.cases[this.pick % m.cases.length] as CaseModel;
    if (await call(r, 'cases:reopen', { id: c.id }, c.status === 'open' ? 'not_allowed' : 'ok')) {
      c.status = 'open';
      m.writes++;
    }
  }
  toString = (): string => `ReopenCase(${this.pick})`;
}

class AddMove implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly near: boolean,
    readonly date: number,
  ) {}
  check = (m: Readonly<Model>): boolean => m.cases.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const c = m.cases[this.pick % m.cases.length] as CaseModel;
    const input = {
      caseId: c.id,
      from: null,
      to: { kind: 'municipality', code: this.near ? NEAR : FAR },
      route: 'own_application',
      receivingContact: '',
      notes: '',
      plannedDate: day(this.date),
    };
    await revealIfProtected(r, c);
    const move = await call<Move>(r, 'moves:create', input, c.status === 'closed' ? 'not_allowed' : 'ok');
    if (!move) return;
    const warning = this.near && c.perpetratorNearby;
    // Revealed (above), a protected case's check is not masked either.
    expect('masked' in move.check ? null : move.check.warning, 'the safe-distance check agrees with the model').toBe(warning);
    m.moves.push({ id: move.id, caseId: c.id, status: 'planned', lastDate: day(this.date), warning, transitions: 1 });
    m.writes++;
  }
  toString = (): string => `AddMove(${this.pick}, near: ${this.near}, ${day(this.date)})`;
}

class TransitionMove implements fc.AsyncCommand<Model, Real> {
  /** `next` picks one of the statuses the workflow allows from where the move is (most runs), else `any`. */
  constructor(
    readonly pick: number,
    readonly next: number | null,
    readonly any: MoveStatus,
    readonly delta: number,
    readonly withReason: boolean,
  ) {}
  check = (m: Readonly<Model>): boolean => m.moves.length > 0;
  to: MoveStatus = 'planned';
  async run(m: Model, r: Real): Promise<void> {
    const move = m.moves[this.pick % m.moves.length] as MoveModel;
    const c = m.cases.find((x) => x.id === move.caseId) as CaseModel;
    const allowed = ALLOWED[move.status];
    this.to = this.next !== null && allowed.length > 0 ? (allowed[this.next % allowed.length] as MoveStatus) : this.any;
    // Mostly forward from the move's last date, sometimes back before it.
    const date = day(Math.max(1, Math.min(28, Number(move.lastDate.slice(-2)) + this.delta)));
    let expected: Expect = 'ok';
    if (c.status === 'closed') expected = 'not_allowed';
    else if (!NEXT[move.status].includes(this.to)) expected = 'not_allowed';
    else if (date < move.lastDate) expected = 'invalid_input';
    else if (this.to === 'accepted' && move.warning && !this.withReason) expected = 'reason_required';
    const input = { id: move.id, to: this.to, date, ...(this.withReason ? { overrideReason: 'Bedömt tillsammans med polisen.' } : {}) };
    await revealIfProtected(r, c);
    const result = await call<Move>(r, 'moves:transition', input, expected);
    if (!result) return;
    expect(result.status).toBe(this.to);
    move.status = this.to;
    move.lastDate = date;
    move.transitions++;
    m.writes++;
  }
  toString = (): string => `TransitionMove(${this.pick}, ${this.next ?? this.any} → ${this.to}, ${this.delta} days, reason: ${this.withReason})`;
}

class AddStep implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly forChild: boolean,
    readonly start: number,
    readonly length: number | null,
    readonly parallel: boolean,
  ) {}
  check = (m: Readonly<Model>): boolean => m.cases.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const c = m.cases[this.pick % m.cases.length] as CaseModel;
    const childId = this.forChild ? c.childId : null;
    const span = { startDate: day(this.start), endDate: this.length === null ? null : day(Math.min(28, this.start + this.length)) };
    let expected: Expect = 'ok';
    if (c.status === 'closed') expected = 'not_allowed';
    else if (!this.parallel && m.steps.some((s) => s.caseId === c.id && s.childId === childId && !s.parallel && overlaps(span, s))) expected = 'overlap';
    await revealIfProtected(r, c);
    const step = await call<HousingStep>(r, 'housing:add-step', { caseId: c.id, ...stepInput(childId, span.startDate, span.endDate, this.parallel) }, expected);
    if (!step) return;
    m.steps.push({ id: step.id, caseId: c.id, childId, ...span, parallel: this.parallel });
    m.writes++;
  }
  toString = (): string => `AddStep(${this.pick}, child: ${this.forChild}, ${day(this.start)} +${this.length}, parallel: ${this.parallel})`;
}

class EndStep implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly end: number,
  ) {}
  check = (m: Readonly<Model>): boolean => m.steps.length > 0;
  async run(m: Model, r: Real): Promise<void> {
    const step = m.steps[this.pick % m.steps.length] as StepModel;
    const c = m.cases.find((x) => x.id === step.caseId) as CaseModel;
    const endDate = day(this.end);
    const span = { startDate: step.startDate, endDate };
    let expected: Expect = 'ok';
    if (c.status === 'closed') expected = 'not_allowed';
    else if (endDate < step.startDate) expected = 'invalid_input';
    else if (!step.parallel && m.steps.some((s) => s.id !== step.id && s.caseId === c.id && s.childId === step.childId && !s.parallel && overlaps(span, s)))
      expected = 'overlap';
    const input = { id: step.id, ...stepInput(step.childId, step.startDate, endDate, step.parallel) };
    await revealIfProtected(r, c);
    if (!(await call<HousingStep>(r, 'housing:update-step', input, expected))) return;
    step.endDate = endDate;
    m.writes++;
  }
  toString = (): string => `EndStep(${this.pick}, ${day(this.end)})`;
}

const pick = fc.nat({ max: 50 });
const date = fc.integer({ min: 1, max: 28 });
const transition = fc
  .tuple(pick, fc.option(fc.nat({ max: 3 }), { freq: 4 }), fc.constantFrom(...MOVE_STATUSES), fc.integer({ min: -2, max: 4 }), fc.boolean())
  .map(([p, n, t, d, w]) => new TransitionMove(p, n, t, d, w));
const addMove = fc.tuple(pick, fc.boolean(), date).map(([p, n, d]) => new AddMove(p, n, d));
const addStep = fc
  .tuple(pick, fc.boolean(), date, fc.option(fc.integer({ min: 0, max: 10 })), fc.constantFrom(false, false, false, true))
  .map(([p, ch, s, l, par]) => new AddStep(p, ch, s, l, par));
const endStep = fc.tuple(pick, date).map(([p, e]) => new EndStep(p, e));
// Listed more than once to be drawn more often: moves and steps need several commands to get anywhere.
const commands = [
  fc.tuple(fc.boolean(), fc.boolean(), fc.constantFrom('Modell Ett', 'Modell Två', 'Modell Tre')).map(([a, b, n]) => new CreateCase(a, b, n)),
  fc.tuple(pick, fc.constantFrom('Modell Ny', 'Modell Annan'), fc.boolean()).map(([p, n, s]) => new UpdateCase(p, n, s)),
  pick.map((p) => new CloseCase(p)),
  pick.map((p) => new ReopenCase(p)),
  addMove,
  addMove,
  transition,
  transition,
  transition,
  transition,
  addStep,
  addStep,
  endStep,
  endStep,
];

let runtime: Runtime;
let close: () => Promise<void>;
let probe: DbProbe;

beforeAll(async () => {
  let dataDir: string;
  ({ runtime, close, dataDir } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { ...WORKER, displayName: 'Modell Handläggare (fiktiv)', role: 'caseworker' });
  await ok(runtime, 'session:unlock', WORKER);
  probe = await DbProbe.open(dataDir, ADMIN.username, ADMIN.passphrase);
});

afterAll(async () => {
  probe?.close();
  await close?.();
});

/** The database, read back through the API, equals the model. */
async function compare(m: Model): Promise<void> {
  for (const c of m.cases) {
    const detail = await ok<CaseDetail>(runtime, 'cases:get', { id: c.id });
    expect({ status: detail.status, name: detail.survivor.name, protectionLevel: detail.protectionLevel, childId: detail.children[0]?.id ?? null }).toEqual({
      status: c.status,
      name: c.name,
      protectionLevel: c.protectionLevel,
      childId: c.childId,
    });
    const moves = await ok<Move[]>(runtime, 'moves:list', { caseId: c.id });
    expect(
      moves.map((x) => ({ id: x.id, status: x.status, transitions: x.transitions.length, lastDate: x.transitions.at(-1)?.date })).sort((a, b) => a.id - b.id),
    ).toEqual(m.moves.filter((x) => x.caseId === c.id).map((x) => ({ id: x.id, status: x.status, transitions: x.transitions, lastDate: x.lastDate })));
    const steps = await ok<HousingStep[]>(runtime, 'housing:list', { caseId: c.id });
    expect(
      steps.map((s) => ({ id: s.id, childId: s.childId, startDate: s.startDate, endDate: s.endDate, parallel: s.parallel })).sort((a, b) => a.id - b.id),
    ).toEqual(
      m.steps.filter((s) => s.caseId === c.id).map((s) => ({ id: s.id, childId: s.childId, startDate: s.startDate, endDate: s.endDate, parallel: s.parallel })),
    );
  }
}

describe('cases, moves and housing against a model', () => {
  it('agree after every random sequence, with one audit row per change and a verifying chain', async () => {
    let sequences = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'max' }), async (cmds) => {
        const seqBefore = probe.fingerprint().auditSeq;
        const model: Model = { cases: [], moves: [], steps: [], writes: 0 };
        // Two cases to start from (one with a child and a perpetrator nearby), so no command waits for a case.
        await new CreateCase(true, true, 'Modell Start').run(model, { runtime });
        await new CreateCase(false, false, 'Modell Start').run(model, { runtime });
        await fc.asyncModelRun(() => ({ model, real: { runtime } }), cmds);
        const writes = probe.auditSince(seqBefore).filter((a) => a.action !== 'read' && a.action !== 'reveal');
        expect(writes.length, 'one audit row per accepted change, none for a refusal').toBe(model.writes);
        await compare(model);
        await ok(runtime, 'session:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
        expect(await ok<{ ok: boolean }>(runtime, 'audit:verify')).toMatchObject({ ok: true });
        await ok(runtime, 'session:unlock', WORKER);
        sequences++;
      }),
      { numRuns: 50 },
    );
    expect(sequences).toBeGreaterThanOrEqual(50);
  }, 600_000);
});
