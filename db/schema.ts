import type { Generated, Insertable, Selectable } from 'kysely';
import type { AUDIT_OUTCOMES } from '../core/contract/audit-review';
import type { CASE_STATUSES, GENDERS, PROTECTION_LEVELS, RELATIONS } from '../core/contract/cases';
import type { PlaceRef } from '../core/contract/casework-common';
import type { Role } from '../core/contract/common';
import type { IVO_KINDS, STEP_KINDS, STEP_OUTCOMES } from '../core/contract/housing';
import type { KOMPOTTEN_OUTCOMES, KompottenRequest } from '../core/contract/kompotten';
import type { MoveRoute } from '../core/contract/moves';
import type { Assessment, InstrumentSummary, RiskLevel } from '../core/contract/risk';
import type { JournalNote, REMINDER_KINDS, SUPPORT_KINDS, SUPPORT_STATUSES } from '../core/contract/support-journal';
import type { MoveStatus } from '../core/rules/move-workflow';

// Enumerated columns hold the contract's values: their types come from it, so a row read needs no
// cast, and a write of anything else fails to compile (the CHECK constraints refuse it at run time).
type OneOf<T extends readonly string[]> = T[number];
type PlaceKind = PlaceRef['kind'];

/** Table types of today's schema; migrations never use these (they are frozen against Kysely<any>). */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  /** A copy of the user's key-file slot (JSON); unlock refuses a slot that differs from it. */
  wrapped_key: string;
  created_at: string;
  disabled_at: string | null;
}

export interface CountiesTable {
  code: string;
  name: string;
  letter_code: string;
}

export interface MunicipalitiesTable {
  code: string;
  name: string;
  county_code: string;
  lat: number;
  lon: number;
}

export interface DistrictsTable {
  slug: string;
  name: string;
  lat: number;
  lon: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: number | null;
  role: Role | null;
  action: string;
  entity: string;
  entity_id: string | null;
  outcome: OneOf<typeof AUDIT_OUTCOMES>;
  prev_hash: string;
  hash: string;
  case_id: number | null;
  reason: string | null;
}

export interface CaseSharesTable {
  case_id: number;
  user_id: number;
  granted_by: number;
  granted_at: string;
}

export interface AuditReviewsTable {
  seq: number;
  reviewed_by: number;
  reviewed_at: string;
  comment: Generated<string>;
}

/** A team lead's decision on a case the retention rules flag for one. */
export interface RetentionDecisionsTable {
  case_id: number;
  decision: 'purge' | 'keep';
  comment: Generated<string>;
  last_entry_at: string;
  decided_by: number;
  decided_at: string;
}

/** Cases being purged, only ever filled inside the purge's transaction (lets their signed notes go). */
export interface RetentionPurgingTable {
  case_id: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface CasesTable {
  id: Generated<number>;
  case_number: string;
  status: OneOf<typeof CASE_STATUSES>;
  closed_reason: string | null;
  closed_at: string | null;
  survivor_name: string;
  /** The name's place in Swedish order (sv_sort_key), kept by migration 0011's triggers. */
  survivor_name_key: Generated<string>;
  survivor_pin: string | null;
  survivor_gender: OneOf<typeof GENDERS>;
  survivor_birth_year: number | null;
  survivor_language: string;
  interpreter_needed: number;
  safe_contact: string;
  protection_level: OneOf<typeof PROTECTION_LEVELS>;
  honour_context: number;
  /** JSON array of vulnerability ids. */
  vulnerabilities: string;
  vulnerability_note: string;
  district_slug: string | null;
  assigned_user_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  /** The latest completed survivor assessment's headline level, kept here for lists. */
  risk_level: RiskLevel | null;
  risk_assessed_at: string | null;
  risk_assessment_id: number | null;
  next_review_date: string | null;
}

export interface ChildrenTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  birth_year: number | null;
  school: string;
  needs: string;
  placement: string;
}

export interface PerpetratorsTable {
  id: Generated<number>;
  case_id: number;
  name: string;
  relation: OneOf<typeof RELATIONS>;
  collective: number;
  notes: string;
}

export interface PerpetratorAreasTable {
  id: Generated<number>;
  perpetrator_id: number;
  municipality_code: string | null;
  district_slug: string | null;
  description: string;
}

export interface MovesTable {
  id: Generated<number>;
  case_id: number;
  from_kind: PlaceKind | null;
  from_code: string | null;
  to_kind: PlaceKind;
  to_code: string;
  route: MoveRoute;
  status: MoveStatus;
  receiving_contact: string;
  notes: string;
  /** The safe-distance check as shown when the move was planned (JSON). */
  check_json: string;
  override_reason: string | null;
  created_by: number;
  created_at: string;
  /** Summary of its status changes, kept by triggers (migration 0009): never written by the app. */
  first_on: Generated<string | null>;
  requested_on: Generated<string | null>;
  completed_on: Generated<string | null>;
  last_on: Generated<string | null>;
  last_status: Generated<MoveStatus | null>;
}

export interface MoveTransitionsTable {
  id: Generated<number>;
  move_id: number;
  status: MoveStatus;
  date: string;
  recorded_by: number;
  recorded_at: string;
}

export interface KompottenMembersTable {
  municipality_code: string;
  contact: string;
  added_at: string;
}

export interface KompottenRequestsTable {
  id: Generated<number>;
  direction: KompottenRequest['direction'];
  counterpart_code: string;
  case_id: number | null;
  date: string;
  outcome: OneOf<typeof KOMPOTTEN_OUTCOMES>;
  notes: string;
  created_by: number;
  created_at: string;
}

export interface SheltersTable {
  id: Generated<number>;
  name: string;
  operator: string;
  municipality_code: string;
  ivo_kind: OneOf<typeof IVO_KINDS>;
  ivo_number: string;
  ivo_valid_until: string | null;
  capacity_adults: number;
  capacity_children: number;
  specialisations: string;
  languages: string;
  contact: string;
}

export interface HousingStepsTable {
  id: Generated<number>;
  case_id: number;
  child_id: number | null;
  kind: OneOf<typeof STEP_KINDS>;
  start_date: string;
  end_date: string | null;
  provider: string;
  shelter_id: number | null;
  place_kind: PlaceKind | null;
  place_code: string | null;
  cost_per_day: number | null;
  outcome: OneOf<typeof STEP_OUTCOMES>;
  obstacles: string;
  obstacle_note: string;
  parallel: number;
  permit_override_reason: string | null;
  created_by: number;
  created_at: string;
}

export interface SupportItemsTable {
  id: Generated<number>;
  case_id: number;
  kind: OneOf<typeof SUPPORT_KINDS>;
  agency: string;
  status: OneOf<typeof SUPPORT_STATUSES>;
  start_date: string | null;
  end_date: string | null;
  notes: string;
}

export interface JournalNotesTable {
  id: Generated<number>;
  case_id: number;
  note_date: string;
  body: string;
  status: JournalNote['status'];
  author_id: number;
  created_at: string;
  signed_at: string | null;
  corrects_note_id: number | null;
}

export interface RemindersTable {
  id: Generated<number>;
  case_id: number;
  kind: OneOf<typeof REMINDER_KINDS>;
  due_date: string;
  note: string;
  done_at: string | null;
  created_by: number;
  created_at: string;
}

export interface RiskInstrumentsTable {
  id: Generated<number>;
  template_id: string;
  version: string;
  source: InstrumentSummary['source'];
  json: string;
  imported_at: string;
  imported_by: number | null;
}

export interface AssessmentsTable {
  id: Generated<number>;
  case_id: number;
  child_id: number | null;
  template_id: string;
  template_version: string;
  status: Assessment['status'];
  answers_json: string;
  judgements_json: string;
  survivor_view: string;
  headline_level: RiskLevel | null;
  next_review_date: string | null;
  copied_from_id: number | null;
  started_by: number;
  started_at: string;
  completed_by: number | null;
  completed_at: string | null;
}

export interface DB {
  settings: SettingsTable;
  users: UsersTable;
  counties: CountiesTable;
  municipalities: MunicipalitiesTable;
  districts: DistrictsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  cases: CasesTable;
  children: ChildrenTable;
  perpetrators: PerpetratorsTable;
  perpetrator_areas: PerpetratorAreasTable;
  moves: MovesTable;
  move_transitions: MoveTransitionsTable;
  kompotten_members: KompottenMembersTable;
  kompotten_requests: KompottenRequestsTable;
  shelters: SheltersTable;
  housing_steps: HousingStepsTable;
  support_items: SupportItemsTable;
  journal_notes: JournalNotesTable;
  reminders: RemindersTable;
  risk_instruments: RiskInstrumentsTable;
  assessments: AssessmentsTable;
  case_shares: CaseSharesTable;
  audit_reviews: AuditReviewsTable;
  retention_decisions: RetentionDecisionsTable;
  retention_purging: RetentionPurgingTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
