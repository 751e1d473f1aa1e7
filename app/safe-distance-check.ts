import type { ReadDb } from '../db/handles';
import type { SafeDistanceCheck, Settings } from '../core/contract';
import { checkSafeDistance, type PlacePoint } from '../core/rules/safe-distance';
import { listPerpetratorAreaPoints } from '../db/repositories/perpetrator-area-points';
import { pointToPlace } from '../db/repositories/places';

/** Checks a destination against every perpetrator area the case knows now, with the team's distances. */
export async function runSafeDistanceCheck(
  db: ReadDb,
  settings: Pick<Settings, 'minimumDistanceKm' | 'minimumDistanceWithinCityKm'>,
  caseId: number,
  destination: PlacePoint,
  at: Date = new Date(),
): Promise<SafeDistanceCheck> {
  const areas = await listPerpetratorAreaPoints(db, caseId);
  const result = checkSafeDistance(destination, areas, { minimumKm: settings.minimumDistanceKm, minimumKmWithinCity: settings.minimumDistanceWithinCityKm });
  return {
    destination: pointToPlace(result.destination),
    minimumKm: result.minimumKm,
    checkedAt: at.toISOString(),
    // checkSafeDistance keeps the order of its input, so each row pairs with the area it came from.
    checks: result.checks.map((c, i) => ({
      perpetratorId: c.perpetratorId,
      perpetratorName: areas[i]?.perpetratorName ?? '',
      area: pointToPlace(c.area),
      distanceKm: c.distanceKm,
      sameMunicipality: c.sameMunicipality,
      sameCounty: c.sameCounty,
      warning: c.warning,
      reasons: c.reasons,
    })),
    warning: result.warning,
    nearestKm: result.nearestKm,
  };
}
