import type { z } from 'zod';
import type {
  ByIdInput,
  CaseDetail,
  CaseListSchema,
  CloseCaseInputSchema,
  CreateCaseInputSchema,
  ListCasesInputSchema,
  UpdateCaseInputSchema,
} from '../core/contract';
import { localIsoDate } from '../core/rules/calendar';
import { DbError } from '../db/errors';
import { inTransaction } from './unit-of-work';
import { nextCaseNumber } from '../db/repositories/case-numbers';
import { listCases } from '../db/repositories/case-list';
import { caseFieldsToRow, closeCase, insertCase, reopenCase, updateCaseFields } from '../db/repositories/cases';
import { insertChild } from '../db/repositories/children';
import { insertPerpetrator } from '../db/repositories/perpetrators';
import { readCaseDetail, requireCaseDetail } from './case-detail';
import { checkAreas, checkAssignee, checkDistrict, requireCase, requireOpenCase } from './case-rules';
import { peopleOps } from './people';
import { assertMayWriteProtected, maskedCases } from './protection';
import { maskCaseListRow } from '../core/rules/protected-fields';

/** Cases: list and search, read, create, change, close and reopen; with the people operations. */
export const casesOps = {
  'cases:list': inTransaction(
    async ({ w, trx, user, session, audit }, input: z.output<typeof ListCasesInputSchema>): Promise<z.output<typeof CaseListSchema>> => {
      const page = await listCases(trx, input, localIsoDate(new Date()), user, w.reveals.activeCases(session));
      await audit({ action: 'read', entity: 'case_list' });
      const masked = await maskedCases(
        w,
        trx,
        page.rows.map((r) => r.id),
      );
      return { ...page, rows: page.rows.map((r) => (masked.has(r.id) ? maskCaseListRow(r) : r)) };
    },
  ),

  'cases:get': inTransaction(async ({ w, trx }, input: z.output<typeof ByIdInput>): Promise<CaseDetail> => {
    return readCaseDetail(w, trx, input.id);
  }),

  'cases:create': inTransaction(async ({ w, trx, user, audit }, input: z.output<typeof CreateCaseInputSchema>): Promise<CaseDetail> => {
    const { casePrefix } = await w.active.readSettings(trx);
    const now = new Date();
    await checkDistrict(trx, input.districtSlug);
    await checkAssignee(trx, input.assignedUserId);
    const perpetrators = [];
    for (const p of input.perpetrators) perpetrators.push({ ...p, areas: await checkAreas(trx, p.areas) });
    const id = await insertCase(trx, {
      ...caseFieldsToRow(input),
      // The year the case was opened, in local time: a case opened on New Year's Eve belongs to that year.
      case_number: await nextCaseNumber(trx, casePrefix, now.getFullYear()),
      status: 'open',
      closed_reason: null,
      closed_at: null,
      created_by: user.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    for (const c of input.children) await insertChild(trx, id, c);
    for (const p of perpetrators) await insertPerpetrator(trx, id, p);
    await audit({ action: 'create', entity: 'case', entityId: id, caseId: id });
    return requireCaseDetail(w, trx, id);
  }),

  'cases:update': inTransaction(async ({ w, trx, audit }, input: z.output<typeof UpdateCaseInputSchema>): Promise<CaseDetail> => {
    const current = await requireOpenCase(trx, input.id);
    await assertMayWriteProtected(w, trx, input.id, input.survivor.safeContact !== undefined || input.districtSlug !== undefined);
    // A protected field left out keeps its stored value.
    const fields = {
      ...input,
      survivor: { ...input.survivor, safeContact: input.survivor.safeContact ?? current.safe_contact },
      districtSlug: input.districtSlug === undefined ? current.district_slug : input.districtSlug,
    };
    await checkDistrict(trx, fields.districtSlug);
    await checkAssignee(trx, input.assignedUserId, current.assigned_user_id);
    await updateCaseFields(trx, input.id, fields, new Date());
    await audit({ action: 'update', entity: 'case', entityId: input.id });
    return requireCaseDetail(w, trx, input.id);
  }),

  'cases:close': inTransaction(async ({ w, trx, audit }, input: z.output<typeof CloseCaseInputSchema>): Promise<CaseDetail> => {
    const current = await requireCase(trx, input.id);
    if (current.status === 'closed') throw new DbError('not_allowed', 'The case is already closed.').because('case_already_closed');
    await closeCase(trx, input.id, input.reason, new Date());
    await audit({ action: 'close', entity: 'case', entityId: input.id });
    return requireCaseDetail(w, trx, input.id);
  }),

  'cases:reopen': inTransaction(async ({ w, trx, audit }, input: z.output<typeof ByIdInput>): Promise<CaseDetail> => {
    const current = await requireCase(trx, input.id);
    if (current.status !== 'closed') throw new DbError('not_allowed', 'The case is already open.').because('case_already_open');
    await reopenCase(trx, input.id, new Date());
    await audit({ action: 'reopen', entity: 'case', entityId: input.id });
    return requireCaseDetail(w, trx, input.id);
  }),

  ...peopleOps,
} as const;
