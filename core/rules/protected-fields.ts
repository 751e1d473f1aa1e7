/**
 * Protected identities: which fields of a case with protected personal data are masked, and the
 * masking itself. The worker applies it before an answer leaves the database thread, so a masked
 * value never reaches a handler, the renderer, a print or the clipboard.
 *
 * What is masked is what says where she lives or can be found: an address, the new municipality
 * or district, the shelter, and the ways to reach her. Free text (journal notes, move notes, the
 * reason for a permit override) is not a field and is not masked: the people writing it know the
 * case is protected, and scanning prose for places would only give a false sense of safety.
 * The perpetrators' known areas are not masked: they say where the danger is, not where she is,
 * and the threat picture must stay visible.
 */
import type { CaseDetail, CaseListRow, HousingStep, KompottenRequest, Move, PROTECTION_LEVELS, SupportItem } from '../contract';
import { MASKED } from '../contract/protection';

type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

/** True when a case's protection level means its protected fields are masked by default. */
export function isProtectedLevel(level: ProtectionLevel | string): boolean {
  return level !== 'none';
}

export interface ProtectedField {
  /** The contract type that carries it. */
  type: 'CaseDetail' | 'CaseListRow' | 'Child' | 'Move' | 'HousingStep' | 'SupportItem' | 'KompottenRequest';
  field: string;
  why: string;
}

/** Every protected field, with why it is protected; tests walk this list. */
export const PROTECTED_FIELDS: readonly ProtectedField[] = [
  { type: 'CaseDetail', field: 'survivor.safeContact', why: 'how to reach her: a phone, an address or the shelter that passes messages on' },
  { type: 'CaseDetail', field: 'districtSlug', why: 'the responsible district is where she now lives in the city' },
  { type: 'CaseDetail', field: 'districtName', why: 'the same district, by name' },
  { type: 'CaseListRow', field: 'districtName', why: 'the case list shows the same district' },
  { type: 'Child', field: 'school', why: "a child's school is found every weekday morning: it locates the family" },
  { type: 'Child', field: 'placement', why: 'where the child is placed: a shelter, a family home or an address' },
  { type: 'Move', field: 'from', why: 'where she lived before the move; with a move in progress often still her address' },
  { type: 'Move', field: 'to', why: 'the new municipality or district: the very thing she is hiding' },
  { type: 'Move', field: 'receivingContact', why: 'the contact at the receiving municipality or landlord names the destination' },
  {
    type: 'Move',
    field: 'check',
    why: 'the stored safe-distance check names the destination and its distance from each known perpetrator area, enough to locate it',
  },
  { type: 'HousingStep', field: 'provider', why: 'the landlord, shelter operator or housing company of the step' },
  { type: 'HousingStep', field: 'shelterId', why: 'which shelter she stays at (the shelter register gives its municipality and contact)' },
  { type: 'HousingStep', field: 'shelterName', why: 'the same shelter, by name' },
  { type: 'HousingStep', field: 'place', why: 'the municipality or district of the step' },
  { type: 'SupportItem', field: 'agency', why: 'the local agency (school, health centre, clinic) that supports her locates her' },
  { type: 'KompottenRequest', field: 'counterpartCode', why: 'a request sent for her case names the municipality she is moving to' },
  { type: 'KompottenRequest', field: 'counterpartName', why: 'the same municipality, by name' },
];

/** The case with its protected fields masked. */
export function maskCaseDetail(c: CaseDetail): CaseDetail {
  return {
    ...c,
    survivor: { ...c.survivor, safeContact: MASKED },
    districtSlug: MASKED,
    districtName: MASKED,
    children: c.children.map((ch) => ({ ...ch, school: MASKED, placement: MASKED })),
  };
}

/** A case-list row with its protected fields masked. */
export function maskCaseListRow(r: CaseListRow): CaseListRow {
  return { ...r, districtName: MASKED };
}

/** A move with its protected fields masked. */
export function maskMove(m: Move): Move {
  return { ...m, from: MASKED, to: MASKED, receivingContact: MASKED, check: MASKED };
}

/** A housing-chain step with its protected fields masked. */
export function maskHousingStep(s: HousingStep): HousingStep {
  return { ...s, provider: MASKED, shelterId: MASKED, shelterName: MASKED, place: MASKED };
}

/** A support-plan item with its protected fields masked. */
export function maskSupportItem(s: SupportItem): SupportItem {
  return { ...s, agency: MASKED };
}

/** A Kompotten ledger row with its protected fields masked. */
export function maskKompottenRequest(r: KompottenRequest): KompottenRequest {
  return { ...r, counterpartCode: MASKED, counterpartName: MASKED };
}
