/** A shelter's IVO standing on a day, as a placement is judged: valid, expired, or missing altogether. */
export type PermitStatus = 'valid' | 'expired' | 'missing';

/** What the rule needs of a shelter's register entry. */
export interface ShelterPermit {
  /** 'permit', 'registration' or 'none'. */
  ivoKind: string;
  /** The permit's last day (YYYY-MM-DD), or null when it is open-ended. */
  ivoValidUntil: string | null;
}

/**
 * The permit situation on a day (YYYY-MM-DD): only an IVO permit counts as valid (a registration is
 * not a permit); a permit has expired after its last day, and one without an end date never does.
 */
export function permitStatusOn(shelter: ShelterPermit, day: string): PermitStatus {
  if (shelter.ivoKind !== 'permit') return 'missing';
  if (shelter.ivoValidUntil !== null && shelter.ivoValidUntil < day) return 'expired';
  return 'valid';
}
