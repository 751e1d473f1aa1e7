import { STOCKHOLM_MUNICIPALITY_CODE } from '../core/contract';
import type { ReadDb } from '../db/handles';
import type { z } from 'zod';
import type { AreaInputSchema } from '../core/contract';
import { DbError } from '../db/errors';
import { isEnabledCaseUser } from '../db/repositories/assignees';
import { findCaseState } from '../db/repositories/cases';
import { knownDistrictSlugs, knownMunicipalityCodes } from '../db/repositories/known-places';
import type { CheckedArea } from '../db/repositories/perpetrator-areas';

/** Stockholm's SCB code: every district lies in it. */

/** The case's state, or not_found. */
export async function requireCase(
  db: ReadDb,
  id: number,
): Promise<{ id: number; status: string; assigned_user_id: number | null; safe_contact: string; district_slug: string | null }> {
  const c = await findCaseState(db, id);
  if (!c) throw new DbError('not_found', 'The case does not exist. It may have been removed; reload the case list.').because('case_missing');
  return c;
}

/** The case's state when it may change; a closed case must be reopened first. */
export async function requireOpenCase(
  db: ReadDb,
  id: number,
): Promise<{ id: number; status: string; assigned_user_id: number | null; safe_contact: string; district_slug: string | null }> {
  const c = await requireCase(db, id);
  if (c.status === 'closed') throw new DbError('not_allowed', 'The case is closed. Reopen the case to change it.').because('case_closed');
  return c;
}

/** Refuses a district the reference data does not know. */
export async function checkDistrict(db: ReadDb, slug: string | null): Promise<void> {
  if (slug !== null && !(await knownDistrictSlugs(db, [slug])).has(slug)) {
    throw new DbError('invalid_input', 'The district is not one of Stockholm’s districts. Choose it from the list.').because('district_unknown');
  }
}

/**
 * Refuses an assignee who does not exist, is disabled or does not work with cases (administrators
 * and auditors see no case content); `unchanged` lets a case keep a departed user until reassigned.
 */
export async function checkAssignee(db: ReadDb, userId: number | null, unchanged: number | null = null): Promise<void> {
  if (userId === null || userId === unchanged) return;
  if (!(await isEnabledCaseUser(db, userId)))
    throw new DbError('invalid_input', 'The assigned caseworker is not an active caseworker or team lead. Choose another.').because('assignee_not_case_user');
}

/**
 * Checks perpetrator areas against the reference data. A district is a part of Stockholm, so an
 * area given only as a district is stored with Stockholm's code: distance and municipality
 * comparisons then work the same for both kinds of place.
 */
export async function checkAreas(db: ReadDb, areas: readonly z.output<typeof AreaInputSchema>[]): Promise<CheckedArea[]> {
  const codes = areas.flatMap((a) => (a.municipalityCode === null ? [] : [a.municipalityCode]));
  const slugs = areas.flatMap((a) => (a.districtSlug === null ? [] : [a.districtSlug]));
  const knownCodes = await knownMunicipalityCodes(db, codes);
  const knownSlugs = await knownDistrictSlugs(db, slugs);
  return areas.map((a) => {
    if (a.municipalityCode !== null && !knownCodes.has(a.municipalityCode)) {
      throw new DbError('invalid_input', 'An area has a municipality code that does not exist. Choose the municipality from the list.').because(
        'area_municipality_unknown',
      );
    }
    if (a.districtSlug === null) return { municipalityCode: a.municipalityCode, districtSlug: null, description: a.description };
    if (!knownSlugs.has(a.districtSlug))
      throw new DbError('invalid_input', 'An area has a district that is not one of Stockholm’s districts. Choose it from the list.').because(
        'area_district_unknown',
      );
    if (a.municipalityCode !== null && a.municipalityCode !== STOCKHOLM_MUNICIPALITY_CODE) {
      throw new DbError(
        'invalid_input',
        'An area has a Stockholm district together with another municipality. Give either the district or the municipality.',
      ).because('area_both');
    }
    return { municipalityCode: STOCKHOLM_MUNICIPALITY_CODE, districtSlug: a.districtSlug, description: a.description };
  });
}
