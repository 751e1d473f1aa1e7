/** A place on the map: a Swedish municipality (SCB code) or a Stockholm district (slug). */
export interface PlacePoint {
  kind: 'municipality' | 'district';
  code: string;
  name: string;
  /** The municipality the place lies in (0180 for a Stockholm district). */
  municipalityCode: string;
  countyCode: string;
  lat: number;
  lon: number;
}

export interface AreaCheck {
  /** Which perpetrator area this row is about (ids are the caller's). */
  perpetratorId: number;
  area: PlacePoint;
  distanceKm: number;
  sameMunicipality: boolean;
  sameCounty: boolean;
  /** The destination is in this area's municipality, or closer than the minimum distance. */
  warning: boolean;
  reasons: ('same_municipality' | 'same_district' | 'too_close')[];
}

export interface SafeDistanceResult {
  destination: PlacePoint;
  minimumKm: number;
  checks: AreaCheck[];
  warning: boolean;
  /** Shortest distance to any known perpetrator area, null when none is known. */
  nearestKm: number | null;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two coordinates (haversine). */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number): number => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Compares a proposed destination with every known perpetrator area. A destination in a
 * perpetrator's municipality always warns; so does one closer than `minimumKm`. Within Stockholm,
 * moving between districts is judged by district: the same district warns, another district
 * is judged by distance against `minimumKmWithinCity`.
 */
export function checkSafeDistance(
  destination: PlacePoint,
  areas: readonly { perpetratorId: number; area: PlacePoint }[],
  options: { minimumKm: number; minimumKmWithinCity: number },
): SafeDistanceResult {
  const checks = areas.map(({ perpetratorId, area }): AreaCheck => {
    const distanceKm = Math.round(haversineKm(destination, area) * 10) / 10;
    const sameMunicipality = destination.municipalityCode === area.municipalityCode;
    const sameCounty = destination.countyCode === area.countyCode;
    const withinCity = destination.kind === 'district' && area.kind === 'district';
    const reasons: AreaCheck['reasons'] = [];
    if (withinCity) {
      if (destination.code === area.code) reasons.push('same_district');
      else if (distanceKm < options.minimumKmWithinCity) reasons.push('too_close');
    } else {
      if (sameMunicipality) reasons.push('same_municipality');
      if (distanceKm < options.minimumKm) reasons.push('too_close');
    }
    return { perpetratorId, area, distanceKm, sameMunicipality, sameCounty, warning: reasons.length > 0, reasons };
  });
  return {
    destination,
    minimumKm: options.minimumKm,
    checks,
    warning: checks.some((c) => c.warning),
    nearestKm: checks.length ? Math.min(...checks.map((c) => c.distanceKm)) : null,
  };
}
