import { isMasked, STOCKHOLM_MUNICIPALITY_CODE } from '../../../core/contract';
import type {
  AreaInput,
  CaseDetail,
  Child,
  ChildInput,
  GENDERS,
  Perpetrator,
  PerpetratorInput,
  PROTECTION_LEVELS,
  RELATIONS,
  SurvivorInput,
  VULNERABILITIES,
} from '../../../core/contract';
import { parseYear, yearText } from './format';

export type Gender = (typeof GENDERS)[number];
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];
export type Vulnerability = (typeof VULNERABILITIES)[number];
export type Relation = (typeof RELATIONS)[number];

// What the forms hold: text as typed (years too), '' for "none chosen". Converted to the
// contract's input only on submit, so a failed save keeps exactly what the user wrote.

export interface SurvivorValues {
  name: string;
  personalIdentityNumber: string;
  gender: Gender;
  birthYear: string;
  language: string;
  interpreterNeeded: boolean;
  safeContact: string;
}

export interface CaseFieldValues {
  survivor: SurvivorValues;
  protectionLevel: ProtectionLevel;
  honourContext: boolean;
  vulnerabilities: Vulnerability[];
  vulnerabilityNote: string;
  districtSlug: string;
  assignedUserId: string;
}

export interface ChildValues {
  /** A key for React's list only; never sent. */
  key: string;
  name: string;
  birthYear: string;
  school: string;
  needs: string;
  placement: string;
}

export interface AreaValues {
  key: string;
  municipalityCode: string;
  districtSlug: string;
  description: string;
}

export interface PerpetratorValues {
  key: string;
  name: string;
  relation: Relation;
  collective: boolean;
  notes: string;
  areas: AreaValues[];
}

export function emptyCaseFields(assignedUserId: number | null): CaseFieldValues {
  return {
    survivor: { name: '', personalIdentityNumber: '', gender: 'unknown', birthYear: '', language: '', interpreterNeeded: false, safeContact: '' },
    protectionLevel: 'none',
    honourContext: false,
    vulnerabilities: [],
    vulnerabilityNote: '',
    districtSlug: '',
    assignedUserId: assignedUserId === null ? '' : String(assignedUserId),
  };
}

export function caseFieldsOf(detail: CaseDetail): CaseFieldValues {
  const s = detail.survivor;
  return {
    survivor: {
      name: s.name,
      personalIdentityNumber: s.personalIdentityNumber ?? '',
      gender: s.gender,
      birthYear: yearText(s.birthYear),
      language: s.language,
      interpreterNeeded: s.interpreterNeeded,
      // A masked value starts empty; the update leaves it out (caseUpdateInput), so it is kept.
      safeContact: isMasked(s.safeContact) ? '' : s.safeContact,
    },
    protectionLevel: detail.protectionLevel,
    honourContext: detail.honourContext,
    vulnerabilities: [...detail.vulnerabilities],
    vulnerabilityNote: detail.vulnerabilityNote,
    districtSlug: isMasked(detail.districtSlug) ? '' : (detail.districtSlug ?? ''),
    assignedUserId: detail.assignedUser === null ? '' : String(detail.assignedUser.id),
  };
}

export function survivorInput(v: SurvivorValues): SurvivorInput {
  return {
    name: v.name,
    personalIdentityNumber: v.personalIdentityNumber,
    gender: v.gender,
    birthYear: parseYear(v.birthYear),
    language: v.language,
    interpreterNeeded: v.interpreterNeeded,
    safeContact: v.safeContact,
  };
}

/** The fields cases:create and cases:update share. */
export function caseFieldsInput(v: CaseFieldValues) {
  return {
    survivor: survivorInput(v.survivor),
    protectionLevel: v.protectionLevel,
    honourContext: v.honourContext,
    vulnerabilities: v.vulnerabilities,
    vulnerabilityNote: v.vulnerabilityNote,
    districtSlug: v.districtSlug === '' ? null : v.districtSlug,
    assignedUserId: v.assignedUserId === '' ? null : Number(v.assignedUserId),
  };
}

/**
 * cases:update for an edited case. Fields the case showed masked are left out, never sent as the
 * empty text the form holds for them: left out, the worker keeps what is stored.
 */
export function caseUpdateInput(detail: CaseDetail, v: CaseFieldValues) {
  const { survivor, districtSlug, ...rest } = caseFieldsInput(v);
  const { safeContact, ...survivorRest } = survivor;
  return {
    id: detail.id,
    ...rest,
    survivor: isMasked(detail.survivor.safeContact) ? survivorRest : { ...survivorRest, safeContact },
    ...(isMasked(detail.districtSlug) ? {} : { districtSlug }),
  };
}

let keySerial = 0;

/** A fresh key for a row added in a form. Call it from event handlers, not while rendering. */
export function newRowKey(): string {
  keySerial += 1;
  return `new-${keySerial}`;
}

export function emptyChild(): ChildValues {
  return { key: newRowKey(), name: '', birthYear: '', school: '', needs: '', placement: '' };
}

export function childValuesOf(child: Child): ChildValues {
  return {
    key: `child-${child.id}`,
    name: child.name,
    birthYear: yearText(child.birthYear),
    school: isMasked(child.school) ? '' : child.school,
    needs: child.needs,
    placement: isMasked(child.placement) ? '' : child.placement,
  };
}

/** people:update-child for an edited child, leaving out the fields it showed masked (kept as stored). */
export function childUpdateInput(child: Child, v: ChildValues) {
  const { school, placement, ...rest } = childInput(v);
  return { id: child.id, ...rest, ...(isMasked(child.school) ? {} : { school }), ...(isMasked(child.placement) ? {} : { placement }) };
}

export function childInput(v: ChildValues): ChildInput {
  return { name: v.name, birthYear: parseYear(v.birthYear), school: v.school, needs: v.needs, placement: v.placement };
}

export function emptyArea(): AreaValues {
  return { key: newRowKey(), municipalityCode: '', districtSlug: '', description: '' };
}

export function emptyPerpetrator(): PerpetratorValues {
  return { key: newRowKey(), name: '', relation: 'former_partner', collective: false, notes: '', areas: [] };
}

/** The API stores a district-only area with Stockholm's code; editing shows just the district again. */
export function perpetratorValuesOf(p: Perpetrator): PerpetratorValues {
  return {
    key: `perpetrator-${p.id}`,
    name: p.name,
    relation: p.relation,
    collective: p.collective,
    notes: p.notes,
    areas: p.areas.map((a) => ({
      key: `area-${a.id}`,
      municipalityCode: a.districtSlug !== null && a.municipalityCode === STOCKHOLM_MUNICIPALITY_CODE ? '' : (a.municipalityCode ?? ''),
      districtSlug: a.districtSlug ?? '',
      description: a.description,
    })),
  };
}

export function areaInput(v: AreaValues): AreaInput {
  return {
    municipalityCode: v.municipalityCode === '' ? null : v.municipalityCode,
    districtSlug: v.districtSlug === '' ? null : v.districtSlug,
    description: v.description,
  };
}

export function perpetratorInput(v: PerpetratorValues): PerpetratorInput {
  return { name: v.name, relation: v.relation, collective: v.collective, notes: v.notes, areas: v.areas.map(areaInput) };
}
