import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListRow, HousingStep, KompottenRequest, Move, SupportItem } from '../contract';
import { isMasked } from '../contract/protection';
import {
  isProtectedLevel,
  maskCaseDetail,
  maskCaseListRow,
  maskHousingStep,
  maskKompottenRequest,
  maskMove,
  maskSupportItem,
  PROTECTED_FIELDS,
  type ProtectedField,
} from './protected-fields';

const place = { kind: 'municipality' as const, code: '2584', name: 'Kiruna' };

const detail: CaseDetail = {
  id: 1,
  caseNumber: 'RVT-2026-0001',
  status: 'open',
  closedReason: null,
  closedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  survivor: {
    name: 'Testa',
    personalIdentityNumber: null,
    gender: 'woman',
    birthYear: 1990,
    language: '',
    interpreterNeeded: false,
    safeContact: 'via boendet',
  },
  protectionLevel: 'skyddad_folkbokforing',
  honourContext: false,
  vulnerabilities: [],
  vulnerabilityNote: '',
  districtSlug: 'skarholmen',
  districtName: 'Skärholmen',
  assignedUser: null,
  children: [{ id: 2, caseId: 1, name: 'Barn', birthYear: 2016, school: 'Skolan', needs: 'behov', placement: 'Hos mormor' }],
  perpetrators: [],
  latestRisk: null,
  reveal: { protected: true, masked: true, revealedUntil: null },
};
const listRow: CaseListRow = {
  id: 1,
  caseNumber: 'RVT-2026-0001',
  survivorName: 'Testa',
  status: 'open',
  districtName: 'Skärholmen',
  assignedUserName: null,
  protectionLevel: 'skyddad_folkbokforing',
  honourContext: false,
  openReminders: 0,
  nextDue: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  riskLevel: null,
  nextReviewDate: null,
  reviewOverdue: false,
};
const move: Move = {
  id: 3,
  caseId: 1,
  from: { kind: 'district', code: 'skarholmen', name: 'Skärholmen' },
  to: place,
  route: 'kompotten',
  status: 'planned',
  receivingContact: 'Socialtjänsten Kiruna',
  notes: 'anteckning',
  check: { destination: place, minimumKm: 100, checkedAt: '2026-01-01T00:00:00.000Z', checks: [], warning: false, nearestKm: null },
  overrideReason: null,
  transitions: [],
};
const step: HousingStep = {
  id: 4,
  caseId: 1,
  childId: null,
  childName: null,
  kind: 'protected_shelter',
  startDate: '2026-01-01',
  endDate: null,
  provider: 'Hyresvärden',
  shelterId: 9,
  shelterName: 'Boendet',
  place,
  costPerDay: 1000,
  outcome: 'ongoing',
  obstacles: [],
  obstacleNote: '',
  parallel: false,
  permitOverrideReason: null,
};
const support: SupportItem = { id: 5, caseId: 1, kind: 'school', agency: 'Skolan i Kiruna', status: 'needed', startDate: null, endDate: null, notes: '' };
const request: KompottenRequest = {
  id: 6,
  direction: 'sent',
  counterpartCode: '2584',
  counterpartName: 'Kiruna',
  caseId: 1,
  caseNumber: 'RVT-2026-0001',
  date: '2026-01-01',
  outcome: 'pending',
  notes: '',
};

/** Each contract type's sample, masked, as a plain record to walk by field path. */
const masked: Record<ProtectedField['type'], { before: unknown; after: unknown }> = {
  CaseDetail: { before: detail, after: maskCaseDetail(detail) },
  CaseListRow: { before: listRow, after: maskCaseListRow(listRow) },
  Child: { before: detail.children[0], after: maskCaseDetail(detail).children[0] },
  Move: { before: move, after: maskMove(move) },
  HousingStep: { before: step, after: maskHousingStep(step) },
  SupportItem: { before: support, after: maskSupportItem(support) },
  KompottenRequest: { before: request, after: maskKompottenRequest(request) },
};

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], value);
}

/** Every leaf path of an object that is not itself under a masked path. */
function leaves(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isMasked(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('protected fields', () => {
  it('counts every level but "none" as protected', () => {
    expect(isProtectedLevel('none')).toBe(false);
    for (const level of ['sekretessmarkering', 'skyddad_folkbokforing', 'fingerade_personuppgifter']) expect(isProtectedLevel(level)).toBe(true);
  });

  it.each(PROTECTED_FIELDS.map((f) => [`${f.type}.${f.field}`, f] as const))('masks %s', (_name, f) => {
    expect(isMasked(at(masked[f.type].before, f.field))).toBe(false);
    expect(at(masked[f.type].after, f.field)).toEqual({ masked: true });
    expect(f.why.length).toBeGreaterThan(10);
  });

  it('masks nothing beyond the listed fields', () => {
    for (const [type, { before, after }] of Object.entries(masked)) {
      const listed = new Set(PROTECTED_FIELDS.filter((f) => f.type === type).map((f) => f.field));
      for (const path of leaves(after)) {
        if (listed.has(path) || (type === 'CaseDetail' && path.startsWith('children'))) continue;
        expect(at(after, path), `${type}.${path}`).toEqual(at(before, path));
      }
    }
  });
});
