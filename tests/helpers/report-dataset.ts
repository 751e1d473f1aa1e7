import type { CasesTable, HousingStepsTable, MovesTable } from '../../db/schema';
import type { WorkerState } from '../../worker/worker-state';
import { addUser, TEST_PIN } from './casework';

/**
 * A dataset whose true answers are known (2024 against 2023), with a canary in every name and
 * free-text field. Whole team in 2024: 7 open at the start, 13 new, 8 closed, 12 open at the end.
 *  - Skärholmen: 12 women, opened 2024-03-01, one child each; 6 closed 2024-10-01; 3 protected identity.
 *    6 protected-shelter placements 2024-03-01 → 03-31 (30 days, 1000 kr/day) in an honour-violence
 *    shelter with a valid permit; 5 go on to a transitional flat (→ 2024-09-30, debts) and then an own
 *    lease; 1 has no next step. 5 moves within the city (request → completion 20 days), 5 through
 *    Kompotten to Västerås (30 days). 6 Kompotten requests sent to Västerås, accepted.
 *  - Hässelby-Vällingby: opened 2023-05-01: 5 women (honour context, assessed high 2024-06-01, review
 *    due 2024-06-15 → overdue) and 2 men, closed 2024-02-01.
 *  - No district: 1 non-binary survivor opened 2024-06-01; a child placed 2024-11-01 with a provider
 *    outside the register, still there (61 days). 1 Kompotten request received from Uppsala, no case.
 */
export const CANARY = 'KANARIEFÅGEL';
let me: number;
let caseSeq = 0;
let w: WorkerState;

const ts = (day: string) => `${day}T10:00:00.000Z`;

async function insertCase(
  db: ReturnType<WorkerState['active']['requireSession']>['db'],
  f: {
    district: string | null;
    gender: CasesTable['survivor_gender'];
    opened: string;
    closed?: string;
    honour?: boolean;
    protectedId?: boolean;
    children?: number;
  },
): Promise<number> {
  caseSeq += 1;
  const r = await db
    .insertInto('cases')
    .values({
      case_number: `RVT-2024-${String(caseSeq).padStart(4, '0')}`,
      status: f.closed ? 'closed' : 'open',
      closed_reason: f.closed ? `${CANARY} stängd` : null,
      closed_at: f.closed ? ts(f.closed) : null,
      survivor_name: `${CANARY} Namn ${caseSeq}`,
      survivor_pin: TEST_PIN,
      survivor_gender: f.gender,
      survivor_birth_year: 1987,
      survivor_language: `${CANARY}språk`,
      safe_contact: `${CANARY} Storgatan 1`,
      protection_level: f.protectedId ? 'skyddad_folkbokforing' : 'none',
      honour_context: f.honour ? 1 : 0,
      vulnerabilities: '[]',
      interpreter_needed: 0,
      vulnerability_note: `${CANARY} anteckning`,
      district_slug: f.district,
      created_by: me,
      created_at: ts(f.opened),
      updated_at: ts(f.opened),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < (f.children ?? 0); i++) {
    await db
      .insertInto('children')
      .values({ case_id: r.id, name: `${CANARY} Barn`, birth_year: 2015, school: `${CANARY} skola`, needs: CANARY, placement: CANARY })
      .execute();
  }
  await db
    .insertInto('perpetrators')
    .values({ case_id: r.id, name: `${CANARY} Förövare`, relation: 'partner', collective: 0, notes: CANARY })
    .execute();
  return r.id;
}

/** Seeds the known dataset (see above) into a fresh worker logged in as the administrator. */
export async function seedReportDataset(worker: WorkerState): Promise<void> {
  w = worker;
  caseSeq = 0;
  await addUser(w, 'kim', 'caseworker');
  await addUser(w, 'lea', 'team_lead');
  const s = w.active.requireSession();
  me = s.user.id;
  const db = s.db;
  const step = (
    caseId: number,
    v: {
      kind: HousingStepsTable['kind'];
      start: string;
      end: string | null;
      childId?: number | null;
      shelterId?: number | null;
      cost?: number | null;
      outcome?: HousingStepsTable['outcome'];
      obstacles?: string[];
    },
  ) =>
    db
      .insertInto('housing_steps')
      .values({
        case_id: caseId,
        child_id: v.childId ?? null,
        kind: v.kind,
        start_date: v.start,
        end_date: v.end,
        provider: `${CANARY} Vägen 3`,
        shelter_id: v.shelterId ?? null,
        cost_per_day: v.cost ?? null,
        outcome: v.outcome ?? (v.end ? 'moved_on' : 'ongoing'),
        obstacles: JSON.stringify(v.obstacles ?? []),
        obstacle_note: `${CANARY} hinder`,
        permit_override_reason: `${CANARY} skäl`,
        parallel: 0,
        created_by: me,
        created_at: ts(v.start),
      })
      .execute();
  const move = async (
    caseId: number,
    route: MovesTable['route'],
    to: { kind: MovesTable['to_kind']; code: string },
    dates: [MovesTable['status'], string][],
  ) => {
    const m = await db
      .insertInto('moves')
      .values({
        case_id: caseId,
        to_kind: to.kind,
        to_code: to.code,
        route,
        status: dates.at(-1)?.[0] ?? 'planned',
        receiving_contact: `${CANARY} kontakt`,
        notes: `${CANARY} flytt`,
        check_json: JSON.stringify({ note: CANARY }),
        override_reason: CANARY,
        created_by: me,
        created_at: ts(dates[0]?.[1] ?? '2024-01-01'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [status, date] of dates)
      await db
        .insertInto('move_transitions')
        .values({ move_id: m.id, status, date, recorded_by: me, recorded_at: ts(date) })
        .execute();
  };

  const shelter = await db
    .insertInto('shelters')
    .values({
      name: `${CANARY} Skyddade boendet`,
      operator: CANARY,
      municipality_code: '0180',
      ivo_kind: 'permit',
      ivo_number: CANARY,
      ivo_valid_until: '2030-12-31',
      specialisations: JSON.stringify(['honour_violence']),
      languages: CANARY,
      capacity_adults: 10,
      capacity_children: 10,
      contact: CANARY,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  for (let i = 0; i < 12; i++) {
    const id = await insertCase(db, {
      district: 'skarholmen',
      gender: 'woman',
      opened: '2024-03-01',
      closed: i < 6 ? '2024-10-01' : undefined,
      protectedId: i < 3,
      children: 1,
    });
    if (i < 6) {
      await step(id, { kind: 'protected_shelter', start: '2024-03-01', end: '2024-03-31', shelterId: shelter.id, cost: 1000 });
      if (i < 5) {
        await step(id, { kind: 'transitional', start: '2024-03-31', end: '2024-09-30', obstacles: ['debts'] });
        await step(id, { kind: 'own_lease', start: '2024-09-30', end: null });
      }
    }
    if (i < 5)
      await move(id, 'within_city', { kind: 'district', code: 'hasselby-vallingby' }, [
        ['planned', '2024-04-01'],
        ['requested', '2024-04-05'],
        ['offered', '2024-04-10'],
        ['accepted', '2024-04-15'],
        ['completed', '2024-04-25'],
      ]);
    else if (i < 10)
      await move(id, 'kompotten', { kind: 'municipality', code: '1980' }, [
        ['planned', '2024-05-01'],
        ['requested', '2024-05-11'],
        ['offered', '2024-05-20'],
        ['accepted', '2024-06-01'],
        ['completed', '2024-06-10'],
      ]);
    if (i < 6)
      await db
        .insertInto('kompotten_requests')
        .values({
          direction: 'sent',
          counterpart_code: '1980',
          case_id: id,
          date: '2024-05-11',
          outcome: 'accepted',
          notes: CANARY,
          created_by: me,
          created_at: ts('2024-05-11'),
        })
        .execute();
  }
  for (let i = 0; i < 7; i++) {
    const woman = i < 5;
    const id = await insertCase(db, {
      district: 'hasselby-vallingby',
      gender: woman ? 'woman' : 'man',
      opened: '2023-05-01',
      closed: woman ? undefined : '2024-02-01',
      honour: woman,
    });
    if (woman) {
      await db
        .insertInto('assessments')
        .values({
          case_id: id,
          template_id: 'test',
          template_version: '1',
          status: 'completed',
          answers_json: JSON.stringify([{ note: CANARY }]),
          judgements_json: '[]',
          survivor_view: CANARY,
          headline_level: 'high',
          next_review_date: '2024-06-15',
          started_by: me,
          started_at: ts('2024-06-01'),
          completed_by: me,
          completed_at: ts('2024-06-01'),
        })
        .execute();
    }
  }
  const loner = await insertCase(db, { district: null, gender: 'non_binary', opened: '2024-06-01', children: 1 });
  const child = await db.selectFrom('children').select('id').where('case_id', '=', loner).executeTakeFirstOrThrow();
  await step(loner, { kind: 'protected_shelter', start: '2024-11-01', end: null, childId: child.id });
  await db
    .insertInto('kompotten_requests')
    .values({
      direction: 'received',
      counterpart_code: '0380',
      case_id: null,
      date: '2024-08-01',
      outcome: 'pending',
      notes: CANARY,
      created_by: me,
      created_at: ts('2024-08-01'),
    })
    .execute();
}
