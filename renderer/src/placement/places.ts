import { isMasked } from '../../../core/contract';
import type { Masked, Place, PlaceRef } from '../../../core/contract';
import { call } from '../api/client';
import { useQuery } from '../api/query';
import type { QueryResult } from '../api/query';
import type { Translate } from '../i18n/translate';

export type PlaceKind = PlaceRef['kind'];

/** A place the pickers offer: a municipality (SCB code) or a Stockholm district (slug). */
export interface PlaceChoice {
  kind: PlaceKind;
  code: string;
  name: string;
}

/** The 290 municipalities (by name) and then Stockholm's districts; reference data, not case data. */
export async function loadPlaces(): Promise<PlaceChoice[]> {
  const [municipalities, districts] = await Promise.all([call('reference:municipalities', {}), call('reference:districts', {})]);
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'sv');
  return [
    ...[...municipalities].sort(byName).map((m): PlaceChoice => ({ kind: 'municipality', code: m.code, name: m.name })),
    ...[...districts].sort(byName).map((d): PlaceChoice => ({ kind: 'district', code: d.slug, name: d.name })),
  ];
}

/** The places, read once for every picker on screen. */
export function usePlaces(): QueryResult<PlaceChoice[]> {
  return useQuery(['places'], loadPlaces);
}

/** Lower case without accents, so "malmo" finds Malmö and "vasteras" finds Västerås. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A place's name as the UI writes it; districts say they are in Stockholm. */
export function placeLabel(t: Translate, place: Pick<Place, 'kind' | 'name'> | Masked): string {
  if (isMasked(place)) return t('protect.masked');
  return place.kind === 'district' ? t('place.district_label', { name: place.name }) : place.name;
}

export function samePlace(a: PlaceRef | null, b: PlaceRef | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.code === b.code;
}
