import type { ReadDb } from '../handles';
import type { CaseDetail } from '../../core/contract';
import { findCaseWithNames, toCaseHeader } from './cases';
import { listChildren, toChild } from './children';
import { listAreasForCase } from './perpetrator-areas';
import { listPerpetrators, toPerpetrator } from './perpetrators';

/** A whole case with its people, in four queries whatever their number; undefined when unknown. */
export async function loadCaseDetail(db: ReadDb, id: number): Promise<Omit<CaseDetail, 'reveal'> | undefined> {
  const row = await findCaseWithNames(db, id);
  if (!row) return undefined;
  const children = await listChildren(db, id);
  const perpetrators = await listPerpetrators(db, id);
  const areas = await listAreasForCase(db, id);
  return { ...toCaseHeader(row), children: children.map(toChild), perpetrators: perpetrators.map((p) => toPerpetrator(p, areas)) };
}
