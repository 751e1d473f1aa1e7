import type { Assignee, CaseDetail, CaseListRow, District, JournalNote, Municipality, Reminder, SessionUser } from '../../core/contract';
import { resetCaseworkState } from '../../renderer/src/casework/casework-store';
import { installBridge } from './fake-bridge';
import type { FakeBridge } from './fake-bridge';
import { ADMIN, CASEWORKER, TEAM_LEAD, settings, unlockedStatus } from './fixtures';

// Fictional cases; names are obviously made up.

export const DISTRICTS: District[] = [
  { slug: 'skarholmen', name: 'Skärholmen', lat: 59.277, lon: 17.907 },
  { slug: 'hasselby-vallingby', name: 'Hässelby-Vällingby', lat: 59.361, lon: 17.87 },
];

export const MUNICIPALITIES: Municipality[] = [
  { code: '0180', name: 'Stockholm', countyCode: '01', lat: 59.33, lon: 18.07 },
  { code: '1980', name: 'Västerås', countyCode: '19', lat: 59.61, lon: 16.55 },
  { code: '1280', name: 'Malmö', countyCode: '12', lat: 55.6, lon: 13.0 },
];

export function caseRow(index: number, overrides: Partial<CaseListRow> = {}): CaseListRow {
  return {
    id: index + 1,
    caseNumber: `RVT-2026-${String(index + 1).padStart(5, '0')}`,
    survivorName: `Testperson ${index + 1}`,
    status: 'open',
    districtName: 'Skärholmen',
    assignedUserName: 'Cecilia Exempelsson',
    protectionLevel: index % 7 === 0 ? 'skyddad_folkbokforing' : 'none',
    honourContext: false,
    openReminders: 0,
    nextDue: null,
    updatedAt: '2026-03-01T10:00:00.000Z',
    riskLevel: null,
    nextReviewDate: null,
    reviewOverdue: false,
    ...overrides,
  };
}

export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 3,
    caseNumber: 'RVT-2026-00003',
    status: 'open',
    closedReason: null,
    closedAt: null,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    survivor: {
      name: 'Testperson 3',
      personalIdentityNumber: null,
      gender: 'woman',
      birthYear: 1990,
      language: 'svenska',
      interpreterNeeded: false,
      safeContact: 'Bara via boendets telefon',
    },
    protectionLevel: 'none',
    honourContext: false,
    vulnerabilities: [],
    vulnerabilityNote: '',
    districtSlug: 'skarholmen',
    districtName: 'Skärholmen',
    assignedUser: { id: CASEWORKER.id, displayName: CASEWORKER.displayName },
    children: [],
    perpetrators: [],
    latestRisk: null,
    reveal: { protected: false, masked: false, revealedUntil: null },
    ...overrides,
  };
}

export function note(overrides: Partial<JournalNote> & { id: number }): JournalNote {
  return {
    caseId: 3,
    noteDate: '2026-03-02',
    body: 'En anteckning',
    status: 'draft',
    authorId: CASEWORKER.id,
    authorName: CASEWORKER.displayName,
    createdAt: '2026-03-02T09:00:00.000Z',
    signedAt: null,
    correctsNoteId: null,
    correctedByNoteIds: [],
    ...overrides,
  };
}

export function reminder(overrides: Partial<Reminder> & { id: number }): Reminder {
  return {
    caseId: 3,
    caseNumber: 'RVT-2026-00003',
    kind: 'follow_up',
    dueDate: '2026-03-10',
    note: '',
    doneAt: null,
    createdByName: CASEWORKER.displayName,
    assignedUserName: CASEWORKER.displayName,
    ...overrides,
  };
}

/** A colleague as users:assignees lists them. */
export function assignee(user: SessionUser): Assignee {
  return { id: user.id, displayName: user.displayName, role: user.role };
}

/** An unlocked session with reference data, settings and the colleagues cases can be assigned to. */
export function caseworkBridge(user: SessionUser = CASEWORKER): FakeBridge {
  resetCaseworkState();
  return (
    installBridge()
      .ok('session:status', unlockedStatus(user))
      .ok('reference:districts', DISTRICTS)
      .ok('reference:municipalities', MUNICIPALITIES)
      .ok('settings:get', settings())
      .ok('users:assignees', [assignee(ADMIN), assignee(TEAM_LEAD), assignee(CASEWORKER)])
      .ok('journal:list', [])
      .ok('reminders:list', [])
      // The placement sections mounted in the case view (another feature) start empty.
      .ok('moves:list', [])
      .ok('kompotten:requests', [])
      .ok('housing:list', [])
      .ok('shelters:list', [])
      .ok('support:list', [])
      // The risk section (another feature) starts with no assessments.
      .ok('risk:list', [])
      .ok('risk:instruments', [])
      // The sharing section: a case named on its assignee alone.
      .ok('cases:shares', { assignee: null, creator: null, shares: [] })
  );
}
