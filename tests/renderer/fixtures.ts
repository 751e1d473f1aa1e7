import type { FailedUnlocks, SessionStatus, SessionUser, Settings, UserListRow } from '../../core/contract';

// Obviously fictional people; the tests look for these names to prove they are gone after locking.
export const ADMIN: SessionUser = { id: 1, username: 'astrid.admin', displayName: 'Astrid Testsson', role: 'administrator' };
export const TEAM_LEAD: SessionUser = { id: 2, username: 'bertil.lead', displayName: 'Bertil Provsson', role: 'team_lead' };
export const CASEWORKER: SessionUser = { id: 3, username: 'cecilia.hl', displayName: 'Cecilia Exempelsson', role: 'caseworker' };

export function lockedStatus(overrides: Partial<SessionStatus> = {}): SessionStatus {
  return {
    state: 'locked',
    demo: false,
    user: null,
    teamName: 'Relationsvåldsteamet Test',
    idleLockMinutes: 10,
    retryAfterSeconds: 0,
    demoLogin: null,
    ...overrides,
  };
}

export function newStatus(): SessionStatus {
  return lockedStatus({ state: 'new', teamName: null, idleLockMinutes: null });
}

export function unlockedStatus(user: SessionUser = ADMIN, overrides: Partial<SessionStatus> = {}): SessionStatus {
  return lockedStatus({ state: 'unlocked', user, ...overrides });
}

export function userRow(user: SessionUser, disabledAt: string | null = null, failedUnlocks: FailedUnlocks | null = null): UserListRow {
  return { ...user, createdAt: '2026-01-15T09:30:00.000Z', disabledAt, failedUnlocks };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    teamName: 'Relationsvåldsteamet Test',
    idleLockMinutes: 10,
    casePrefix: 'RVT',
    minimumDistanceKm: 100,
    minimumDistanceWithinCityKm: 5,
    reviewDaysHigh: 14,
    reviewDaysMedium: 30,
    reviewDaysLow: 90,
    reportThreshold: 5,
    revealMinutes: 5,
    retentionYears: 5,
    retentionKeepBirthDays: true,
    researchMunicipality: false,
    ...overrides,
  };
}
