import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-casework';
import * as m0003 from './0003-risk';
import * as m0004 from './0004-trust';
import * as m0005 from './0005-performance';
import * as m0006 from './0006-retention';
import * as m0007 from './0007-search';
import * as m0008 from './0008-report-indexes';
import * as m0009 from './0009-report-summaries';
import * as m0010 from './0010-audit-entity-index';
import * as m0011 from './0011-swedish-text';
import * as m0012 from './0012-move-checks';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

/** Every migration, in order; versions only increase and released ones never change. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-foundation', up: m0001.up },
  { version: 2, name: '0002-casework', up: m0002.up },
  { version: 3, name: '0003-risk', up: m0003.up },
  { version: 4, name: '0004-trust', up: m0004.up },
  // The files of versions 5 and 6 were first named the other way round; installations made then
  // keep the old names in their migration history, which only records what ran.
  { version: 5, name: '0005-performance', up: m0005.up },
  { version: 6, name: '0006-retention', up: m0006.up },
  { version: 7, name: '0007-search', up: m0007.up },
  { version: 8, name: '0008-report-indexes', up: m0008.up },
  { version: 9, name: '0009-report-summaries', up: m0009.up },
  { version: 10, name: '0010-audit-entity-index', up: m0010.up },
  { version: 11, name: '0011-swedish-text', up: m0011.up },
  { version: 12, name: '0012-move-checks', up: m0012.up },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
