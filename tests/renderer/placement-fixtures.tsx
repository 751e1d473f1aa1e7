import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';

import type { CaseDetail, District, HousingStep, KompottenRequest, Move, Municipality, SafeDistanceCheck, Shelter } from '../../core/contract';
import { installBridge } from './fake-bridge';
import { settings } from './fixtures';

// Clearly fictional people and places in the case; real municipalities only as reference data.
export const MUNICIPALITIES: Municipality[] = [
  { code: '0180', name: 'Stockholm', countyCode: '01', lat: 59.3293, lon: 18.0686 },
  { code: '0163', name: 'Sollentuna', countyCode: '01', lat: 59.428, lon: 17.9508 },
  { code: '2480', name: 'Umeå', countyCode: '24', lat: 63.8258, lon: 20.263 },
  { code: '1980', name: 'Västerås', countyCode: '19', lat: 59.6099, lon: 16.5448 },
  { code: '1280', name: 'Malmö', countyCode: '12', lat: 55.605, lon: 13.0038 },
];

export const DISTRICTS: District[] = [
  { slug: 'skarholmen', name: 'Skärholmen', lat: 59.2843, lon: 17.9083 },
  { slug: 'hasselby-vallingby', name: 'Hässelby-Vällingby', lat: 59.3707, lon: 17.8439 },
];

export const CASE: CaseDetail = {
  id: 7,
  caseNumber: 'RVT-2026-0007',
  status: 'open',
  closedReason: null,
  closedAt: null,
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  survivor: {
    name: 'Dagny Påhittad',
    personalIdentityNumber: null,
    gender: 'woman',
    birthYear: 1990,
    language: 'svenska',
    interpreterNeeded: false,
    safeContact: '',
  },
  protectionLevel: 'skyddad_folkbokforing',
  honourContext: true,
  vulnerabilities: [],
  vulnerabilityNote: '',
  districtSlug: 'skarholmen',
  districtName: 'Skärholmen',
  assignedUser: { id: 3, displayName: 'Cecilia Exempelsson' },
  children: [{ id: 31, caseId: 7, name: 'Ella Påhittad', birthYear: 2015, school: '', needs: '', placement: '' }],
  perpetrators: [
    {
      id: 41,
      caseId: 7,
      name: 'Förövare Exempel',
      relation: 'former_partner',
      collective: false,
      notes: '',
      areas: [{ id: 51, municipalityCode: '0180', municipalityName: 'Stockholm', districtSlug: null, districtName: null, description: '' }],
    },
  ],
  latestRisk: null,
  // Protected, and revealed for this session for the length of any test: the placement tests read real values.
  reveal: { protected: true, masked: false, revealedUntil: new Date(Date.now() + 3_600_000).toISOString() },
};

export function nearCheck(): SafeDistanceCheck {
  return {
    destination: { kind: 'municipality', code: '0163', name: 'Sollentuna' },
    minimumKm: 100,
    checkedAt: '2026-03-02T10:00:00.000Z',
    checks: [
      {
        perpetratorId: 41,
        perpetratorName: 'Förövare Exempel',
        area: { kind: 'municipality', code: '0180', name: 'Stockholm' },
        distanceKm: 14.2,
        sameMunicipality: false,
        sameCounty: true,
        warning: true,
        reasons: ['too_close'],
      },
    ],
    warning: true,
    nearestKm: 14.2,
  };
}

export function farCheck(): SafeDistanceCheck {
  return {
    destination: { kind: 'municipality', code: '2480', name: 'Umeå' },
    minimumKm: 100,
    checkedAt: '2026-03-02T10:01:00.000Z',
    checks: [
      {
        perpetratorId: 41,
        perpetratorName: 'Förövare Exempel',
        area: { kind: 'municipality', code: '0180', name: 'Stockholm' },
        distanceKm: 509.3,
        sameMunicipality: false,
        sameCounty: false,
        warning: false,
        reasons: [],
      },
    ],
    warning: false,
    nearestKm: 509.3,
  };
}

export function move(overrides: Partial<Move> = {}): Move {
  return {
    id: 61,
    caseId: 7,
    from: { kind: 'district', code: 'skarholmen', name: 'Skärholmen' },
    to: { kind: 'municipality', code: '2480', name: 'Umeå' },
    route: 'own_application',
    status: 'planned',
    receivingContact: 'Socialtjänsten, mottagningen',
    notes: '',
    check: farCheck(),
    overrideReason: null,
    transitions: [{ status: 'planned', date: '2026-03-01', recordedBy: 'Cecilia Exempelsson', recordedAt: '2026-03-01T08:00:00.000Z' }],
    ...overrides,
  };
}

export function shelter(overrides: Partial<Shelter> = {}): Shelter {
  return {
    id: 81,
    name: 'Boende Fyren',
    operator: 'Stiftelsen Exempel',
    municipalityCode: '1980',
    municipalityName: 'Västerås',
    ivoKind: 'permit',
    ivoNumber: 'IVO 3.5-1234/2024',
    ivoValidUntil: null,
    permitStatus: 'valid',
    capacityAdults: 6,
    capacityChildren: 8,
    specialisations: ['honour_violence'],
    languages: 'arabiska',
    contact: 'Jourtelefon 010-000 00 00',
    occupancy: { adults: 2, children: 3 },
    ...overrides,
  };
}

export function step(overrides: Partial<HousingStep> = {}): HousingStep {
  return {
    id: 91,
    caseId: 7,
    childId: null,
    childName: null,
    kind: 'protected_shelter',
    startDate: '2026-01-12',
    endDate: '2026-02-20',
    provider: '',
    shelterId: 81,
    shelterName: 'Boende Fyren',
    place: { kind: 'municipality', code: '1980', name: 'Västerås' },
    costPerDay: 1850,
    outcome: 'moved_on',
    obstacles: [],
    obstacleNote: '',
    parallel: false,
    permitOverrideReason: null,
    ...overrides,
  };
}

export function request(overrides: Partial<KompottenRequest> = {}): KompottenRequest {
  return {
    id: 71,
    direction: 'sent',
    counterpartCode: '1980',
    counterpartName: 'Västerås',
    caseId: 7,
    caseNumber: 'RVT-2026-0007',
    date: '2026-02-01',
    outcome: 'pending',
    notes: '',
    ...overrides,
  };
}

/** A bridge that answers the reference and settings channels every placement view reads. */
export function placementBridge() {
  return installBridge().ok('reference:municipalities', MUNICIPALITIES).ok('reference:districts', DISTRICTS).ok('settings:get', settings());
}

/** Renders one case section (or any element) on its own, as the case view mounts it. */
export function renderSection(element: ReactElement) {
  const user = userEvent.setup();
  const view = render(element);
  return { user, ...view };
}
