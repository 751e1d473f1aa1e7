import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-casework';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

/** Every migration, in order; versions only increase and released ones never change. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-foundation', up: m0001.up },
  { version: 2, name: '0002-casework', up: m0002.up },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
