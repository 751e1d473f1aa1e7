import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, DISTRICTS } from '../../seeds/reference-data';
import { checkSafeDistance, haversineKm, type PlacePoint } from './safe-distance';

function municipality(code: string): PlacePoint {
  const m = MUNICIPALITIES.find((x) => x.code === code);
  if (!m) throw new Error(code);
  return { kind: 'municipality', code, name: m.name, municipalityCode: code, countyCode: m.countyCode, lat: m.lat, lon: m.lon };
}
function district(slug: string): PlacePoint {
  const d = DISTRICTS.find((x) => x.slug === slug);
  if (!d) throw new Error(slug);
  return { kind: 'district', code: slug, name: d.name, municipalityCode: '0180', countyCode: '01', lat: d.lat, lon: d.lon };
}

const OPTIONS = { minimumKm: 100, minimumKmWithinCity: 5 };

describe('safe distance', () => {
  it('knows the reference distances: Stockholm–Västerås about 91 km, Stockholm–Göteborg about 397 km', () => {
    expect(haversineKm(municipality('0180'), municipality('1980'))).toBeCloseTo(91, 0);
    expect(haversineKm(municipality('0180'), municipality('1480'))).toBeCloseTo(397, 0);
  });

  it('warns for Västerås when a perpetrator lives in Stockholm (closer than 100 km), not for Göteborg', () => {
    const areas = [{ perpetratorId: 1, area: municipality('0180') }];
    const vasteras = checkSafeDistance(municipality('1980'), areas, OPTIONS);
    expect(vasteras.warning).toBe(true);
    expect(vasteras.checks[0]?.reasons).toEqual(['too_close']);
    const goteborg = checkSafeDistance(municipality('1480'), areas, OPTIONS);
    expect(goteborg.warning).toBe(false);
    expect(goteborg.nearestKm).toBeCloseTo(397, 0);
  });

  it('always warns for a perpetrator’s own municipality, and reports county', () => {
    const r = checkSafeDistance(municipality('1480'), [{ perpetratorId: 2, area: municipality('1480') }], { minimumKm: 0, minimumKmWithinCity: 0 });
    expect(r.checks[0]).toMatchObject({ sameMunicipality: true, sameCounty: true, warning: true, reasons: ['same_municipality'] });
  });

  it('judges every perpetrator area, and warns if any one is near', () => {
    const r = checkSafeDistance(
      municipality('2480'),
      [
        { perpetratorId: 1, area: municipality('1280') },
        { perpetratorId: 2, area: municipality('2480') },
      ],
      OPTIONS,
    );
    expect(r.checks.map((c) => c.warning)).toEqual([false, true]);
    expect(r.warning).toBe(true);
  });

  it('inside Stockholm compares districts: same district warns, a distant one does not', () => {
    const areas = [{ perpetratorId: 1, area: district('skarholmen') }];
    expect(checkSafeDistance(district('skarholmen'), areas, OPTIONS).checks[0]?.reasons).toEqual(['same_district']);
    expect(checkSafeDistance(district('hasselby-vallingby'), areas, OPTIONS).warning).toBe(false);
  });

  it('a district destination against a perpetrator in the municipality of Stockholm warns', () => {
    const r = checkSafeDistance(district('farsta'), [{ perpetratorId: 1, area: municipality('0180') }], OPTIONS);
    expect(r.checks[0]?.reasons).toContain('same_municipality');
  });

  it('no known areas: no warning and no nearest distance', () => {
    expect(checkSafeDistance(municipality('0180'), [], OPTIONS)).toMatchObject({ warning: false, nearestKm: null, checks: [] });
  });
});
