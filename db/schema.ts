import type { Generated, Insertable, Selectable } from 'kysely';

/** Table types of today's schema; migrations never use these (they are frozen against Kysely<any>). */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
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
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface DB {
  settings: SettingsTable;
  users: UsersTable;
  counties: CountiesTable;
  municipalities: MunicipalitiesTable;
  districts: DistrictsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
