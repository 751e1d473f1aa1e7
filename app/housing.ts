import type { ReadDb } from '../db/handles';
import type { z } from 'zod';
import type {
  PlaceRef,
  AddStepInputSchema,
  AddSupportInputSchema,
  HousingStep,
  Shelter,
  ShelterInputSchema,
  SupportItem,
  UpdateStepInputSchema,
  UpdateSupportInputSchema,
} from '../core/contract';
import { overlappingSteps, validSpan } from '../core/rules/housing-overlap';
import { permitStatusOn } from '../core/rules/shelter-permit';
import { DbError } from '../db/errors';
import type { Empty, WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import { appendAudit, type AuditSink } from '../db/repositories/audit-log';
import {
  findHousingStepRow,
  insertHousingStep,
  listHousingStepRows,
  listStepSpans,
  toHousingStep,
  updateHousingStep,
  type HousingStepListRow,
} from '../db/repositories/housing-steps';
import { findMunicipalityPoint, placeNames } from '../db/repositories/places';
import { findShelterRow, insertShelter, listShelterRows, permitOf, toShelter, updateShelter } from '../db/repositories/shelters';
import { findSupportItemRow, insertSupportItem, listSupportItemRows, toSupportItem, updateSupportItem } from '../db/repositories/support-items';
import { requireChildOfCase, requirePlacePoint } from './case-guards';
import { requireCase, requireOpenCase } from './case-rules';
import { localIsoDate } from '../core/rules/calendar';
import { maskHousingStep, maskSupportItem } from '../core/rules/protected-fields';
import { assertMayWriteProtected, maskWhere } from './protection';

type StepInput = z.output<typeof AddStepInputSchema>;
type ShelterInput = z.output<typeof ShelterInputSchema>;
type SupportInput = z.output<typeof AddSupportInputSchema>;

const STEP_WORDS: Record<HousingStep['kind'], string> = {
  protected_shelter: 'protected shelter',
  transitional: 'transitional flat',
  social_contract: 'social contract',
  priority_housing: 'priority housing',
  own_lease: 'own lease',
  other: 'housing',
};

/** Steps as the contract shows them, with the names of their places. */
async function toSteps(db: ReadDb, rows: readonly HousingStepListRow[]): Promise<HousingStep[]> {
  const names = await placeNames(
    db,
    rows.flatMap((r) => (r.place_kind && r.place_code ? [{ kind: r.place_kind, code: r.place_code }] : [])),
  );
  return rows.map((r) => toHousingStep(r, names));
}

/** The place a stored step names, as the input of a change would. */
function storedPlace(row: HousingStepListRow): PlaceRef | null {
  if (!row.place_code || (row.place_kind !== 'municipality' && row.place_kind !== 'district')) return null;
  return { kind: row.place_kind, code: row.place_code };
}

async function stepById(db: ReadDb, id: number): Promise<HousingStep> {
  const row = await findHousingStepRow(db, id);
  if (!row) throw new DbError('internal', 'The step was not saved. Try again.');
  const [step] = await toSteps(db, [row]);
  if (!step) throw new DbError('internal', 'The step was not saved. Try again.');
  return step;
}

/**
 * Everything a step must satisfy before it is stored; returns the permit override reason to keep
 * (null when the shelter's permit needs none).
 */
async function checkStep(db: ReadDb, caseId: number, input: Omit<StepInput, 'caseId'>, id?: number): Promise<string | null> {
  if (!validSpan(input)) throw new DbError('invalid_input', 'The end date is before the start date. Check the dates.').because('dates_reversed');
  if (input.childId !== null) await requireChildOfCase(db, input.childId, caseId);
  if (input.place) await requirePlacePoint(db, input.place);

  const clash = overlappingSteps(
    { id, childId: input.childId, startDate: input.startDate, endDate: input.endDate, parallel: input.parallel },
    await listStepSpans(db, caseId),
  )[0];
  if (clash) {
    const span = clash.endDate ? `${clash.startDate} to ${clash.endDate}` : `${clash.startDate} (still ongoing)`;
    throw new DbError(
      'overlap',
      `These dates overlap the ${STEP_WORDS[clash.kind as HousingStep['kind']] ?? 'housing'} step from ${span} in the same housing chain. Change the dates, end the earlier step, or mark this step as parallel.`,
    ).because(
      clash.endDate ? 'step_overlap' : 'step_overlap_ongoing',
      clash.endDate ? { kind: clash.kind, start: clash.startDate, end: clash.endDate } : { kind: clash.kind, start: clash.startDate },
    );
  }

  if (input.shelterId === null) return null;
  const shelter = await findShelterRow(db, input.shelterId);
  if (!shelter) throw new DbError('not_found', 'That shelter is not in the register. Reload the shelter list.').because('shelter_missing');
  if (input.kind !== 'protected_shelter' || permitStatusOn(permitOf(shelter), input.startDate) === 'valid') return null;
  const reason = input.permitOverrideReason?.trim() ?? '';
  if (reason === '') {
    throw new DbError(
      'reason_required',
      'This shelter has no valid IVO permit on the start date. Placing someone there needs a written reason; choose another shelter or write why.',
    ).because('shelter_permit_invalid', { date: input.startDate });
  }
  return reason;
}

function stepValues(input: Omit<StepInput, 'caseId'>, permitOverrideReason: string | null) {
  return {
    child_id: input.childId,
    kind: input.kind,
    start_date: input.startDate,
    end_date: input.endDate,
    provider: input.provider,
    shelter_id: input.shelterId,
    place_kind: input.place?.kind ?? null,
    place_code: input.place?.code ?? null,
    cost_per_day: input.costPerDay,
    outcome: input.outcome,
    obstacles: JSON.stringify([...new Set(input.obstacles)]),
    obstacle_note: input.obstacleNote,
    parallel: input.parallel ? 1 : 0,
    permit_override_reason: permitOverrideReason,
  };
}

function shelterValues(input: ShelterInput) {
  return {
    name: input.name,
    operator: input.operator,
    municipality_code: input.municipalityCode,
    ivo_kind: input.ivoKind,
    ivo_number: input.ivoNumber,
    ivo_valid_until: input.ivoValidUntil,
    capacity_adults: input.capacityAdults,
    capacity_children: input.capacityChildren,
    specialisations: JSON.stringify([...new Set(input.specialisations)]),
    languages: input.languages,
    contact: input.contact,
  };
}

async function shelterById(db: ReadDb, id: number): Promise<Shelter> {
  const today = localIsoDate(new Date());
  const [row] = await listShelterRows(db, today, id);
  if (!row) throw new DbError('internal', 'The shelter was not saved. Try again.');
  return toShelter(row, today);
}

async function requireMunicipality(db: ReadDb, code: string): Promise<void> {
  if (!(await findMunicipalityPoint(db, code)))
    throw new DbError('invalid_input', 'That municipality is not in the reference data. Choose one from the list.').because('place_unknown_municipality');
}

function supportValues(input: Omit<SupportInput, 'caseId'>) {
  if (input.startDate !== null && input.endDate !== null && input.endDate < input.startDate) {
    throw new DbError('invalid_input', 'The end date is before the start date. Check the dates.').because('dates_reversed');
  }
  return { kind: input.kind, agency: input.agency, status: input.status, start_date: input.startDate, end_date: input.endDate, notes: input.notes };
}

/** A known case's housing steps as this session may see them, with the read's audit row; inside the caller's transaction. */
export async function readHousingOfCase(w: WorkerState, trx: ReadDb, caseId: number, audit: AuditSink = appendAudit): Promise<HousingStep[]> {
  const s = w.active.requireSession();
  const steps = await toSteps(trx, await listHousingStepRows(trx, caseId));
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'housing_steps', entityId: caseId });
  return maskWhere(w, trx, steps, maskHousingStep);
}

/** A known case's Bryt upp support items as this session may see them, with the read's audit row. */
export async function readSupportOfCase(w: WorkerState, trx: ReadDb, caseId: number, audit: AuditSink = appendAudit): Promise<SupportItem[]> {
  const s = w.active.requireSession();
  const items = (await listSupportItemRows(trx, caseId)).map(toSupportItem);
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'support_items', entityId: caseId });
  return maskWhere(w, trx, items, maskSupportItem);
}

/** The housing chain, the shelter register, and the Bryt upp support plan. */
export const housingOps = {
  'housing:list': inTransaction(async ({ w, trx }, input: { caseId: number }): Promise<HousingStep[]> => {
    await requireCase(trx, input.caseId);
    return readHousingOfCase(w, trx, input.caseId);
  }),

  'housing:add-step': inTransaction(async ({ w, trx, user, audit }, input: StepInput): Promise<HousingStep> => {
    await requireOpenCase(trx, input.caseId);
    const reason = await checkStep(trx, input.caseId, input);
    const now = new Date();
    const id = await insertHousingStep(trx, { case_id: input.caseId, ...stepValues(input, reason), created_by: user.id, created_at: now.toISOString() });
    await audit({ action: 'create', entity: 'housing_step', entityId: id, at: now });
    return (await maskWhere(w, trx, [await stepById(trx, id)], maskHousingStep))[0] as HousingStep;
  }),

  'housing:update-step': inTransaction(async ({ w, trx, audit }, input: z.output<typeof UpdateStepInputSchema>): Promise<HousingStep> => {
    const existing = await findHousingStepRow(trx, input.id);
    if (!existing) throw new DbError('not_found', 'That housing step does not exist. Reload the case.').because('step_missing');
    await requireOpenCase(trx, existing.case_id);
    await assertMayWriteProtected(w, trx, existing.case_id, input.provider !== undefined || input.shelterId !== undefined || input.place !== undefined);
    // Provider, shelter and place left out keep their stored values.
    const step = {
      ...input,
      provider: input.provider ?? existing.provider,
      shelterId: input.shelterId === undefined ? existing.shelter_id : input.shelterId,
      place: input.place === undefined ? storedPlace(existing) : input.place,
    };
    const reason = await checkStep(trx, existing.case_id, step, input.id);
    await updateHousingStep(trx, input.id, stepValues(step, reason));
    await audit({ action: 'update', entity: 'housing_step', entityId: input.id });
    return (await maskWhere(w, trx, [await stepById(trx, input.id)], maskHousingStep))[0] as HousingStep;
  }),

  'shelters:list': async (w: WorkerState, _: Empty): Promise<Shelter[]> => {
    const s = w.active.requireSession();
    const today = localIsoDate(new Date());
    return (await listShelterRows(s.db, today)).map((r) => toShelter(r, today));
  },

  'shelters:create': inTransaction(async ({ trx, audit }, input: ShelterInput): Promise<Shelter> => {
    await requireMunicipality(trx, input.municipalityCode);
    const id = await insertShelter(trx, shelterValues(input));
    await audit({ action: 'create', entity: 'shelter', entityId: id });
    return shelterById(trx, id);
  }),

  'shelters:update': inTransaction(async ({ trx, audit }, input: ShelterInput & { id: number }): Promise<Shelter> => {
    if (!(await findShelterRow(trx, input.id)))
      throw new DbError('not_found', 'That shelter is not in the register. Reload the shelter list.').because('shelter_missing');
    await requireMunicipality(trx, input.municipalityCode);
    await updateShelter(trx, input.id, shelterValues(input));
    await audit({ action: 'update', entity: 'shelter', entityId: input.id });
    return shelterById(trx, input.id);
  }),

  'support:list': inTransaction(async ({ w, trx }, input: { caseId: number }): Promise<SupportItem[]> => {
    await requireCase(trx, input.caseId);
    return readSupportOfCase(w, trx, input.caseId);
  }),

  'support:add': inTransaction(async ({ w, trx, audit }, input: SupportInput): Promise<SupportItem> => {
    await requireOpenCase(trx, input.caseId);
    const row = await insertSupportItem(trx, { case_id: input.caseId, ...supportValues(input) });
    await audit({ action: 'create', entity: 'support_item', entityId: row.id });
    return (await maskWhere(w, trx, [toSupportItem(row)], maskSupportItem))[0] as SupportItem;
  }),

  'support:update': inTransaction(async ({ w, trx, audit }, input: z.output<typeof UpdateSupportInputSchema>): Promise<SupportItem> => {
    const existing = await findSupportItemRow(trx, input.id);
    if (!existing) throw new DbError('not_found', 'That support item does not exist. Reload the case.').because('support_missing');
    await requireOpenCase(trx, existing.case_id);
    await assertMayWriteProtected(w, trx, existing.case_id, input.agency !== undefined);
    // The agency left out keeps its stored value.
    const row = await updateSupportItem(trx, input.id, supportValues({ ...input, agency: input.agency ?? existing.agency }));
    await audit({ action: 'update', entity: 'support_item', entityId: input.id });
    return (await maskWhere(w, trx, [toSupportItem(row)], maskSupportItem))[0] as SupportItem;
  }),
} as const;
