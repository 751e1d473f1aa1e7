import type { Kysely } from 'kysely';
import type { CaseDetail } from '../../core/contract';
import { DbError } from '../errors';
import { loadCaseDetail } from '../repositories/case-detail';
import type { DB } from '../schema';

/** The case as the contract shows it, or not_found. */
export async function requireCaseDetail(db: Kysely<DB>, id: number): Promise<CaseDetail> {
  const detail = await loadCaseDetail(db, id);
  if (!detail) throw new DbError('not_found', 'The case does not exist. It may have been removed; reload the case list.');
  return detail;
}
