import type { Shelter } from '../../../core/contract';

type PermitStatus = Shelter['permitStatus'];

/**
 * A shelter's IVO permit on a given day, as the API judges a placement: only a permit counts
 * (a registration does not), and a permit with an end date has expired after it. An unreadable
 * day falls back to the status the API gave for today.
 */
export function permitStatusOn(shelter: Pick<Shelter, 'ivoKind' | 'ivoValidUntil' | 'permitStatus'>, day: string): PermitStatus {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return shelter.permitStatus;
  if (shelter.ivoKind !== 'permit') return 'missing';
  if (shelter.ivoValidUntil !== null && shelter.ivoValidUntil < day) return 'expired';
  return 'valid';
}
