import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

/** Every migration, in order; versions only increase and released ones never change. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: '0001-foundation', up: m0001.up }];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
