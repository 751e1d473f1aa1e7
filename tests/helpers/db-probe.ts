import crypto from 'node:crypto';
import { openKeyed, type SqliteDb } from '../../db/connection/open';
import { deriveKek } from '../../db/keys/kdf';
import { readKeyfile, slotAad, slotIdFor } from '../../db/keys/keyfile';
import { unwrapKey } from '../../db/keys/wrap';
import { storePaths } from '../../db/store/paths';

export interface DataFingerprint {
  /** Content hash per table, audit_log excluded (reads legitimately add audit rows). */
  tables: Record<string, string>;
  /** The last audit row's sequence number. */
  auditSeq: number;
}

/**
 * A second, read-only connection to a runtime's database, opened in the test process with the
 * data key unwrapped from the key file: it sees every commit the worker makes, so tests can prove
 * that a request wrote nothing without trusting the code under test to say so.
 */
export class DbProbe {
  private constructor(private readonly sqlite: SqliteDb) {}

  /** Opens the database in `dataDir` with the key slot of `username`. */
  static async open(dataDir: string, username: string, passphrase: string): Promise<DbProbe> {
    const paths = storePaths(dataDir);
    const keyfile = readKeyfile(paths.keyfile);
    if (!keyfile) throw new Error('no key file: set the runtime up first');
    const slotId = slotIdFor(keyfile, username);
    const slot = keyfile.slots[slotId];
    if (!slot) throw new Error('no key slot for that user');
    const key = unwrapKey(slot.wrapped, await deriveKek(passphrase, slot.kdf), slotAad(keyfile.installationId, slotId));
    if (!key) throw new Error('the passphrase does not unwrap the data key');
    return new DbProbe(openKeyed(paths.db, key, { readonly: true, fileMustExist: true }));
  }

  /** SQLite's counter of commits by other connections: unchanged means nothing was written at all. */
  dataVersion(): number {
    return Number(this.sqlite.pragma('data_version', { simple: true }));
  }

  /** Hash of every table's rows (order-independent) and the audit head. */
  fingerprint(): DataFingerprint {
    const names = this.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
      .pluck()
      .all() as string[];
    const tables: Record<string, string> = {};
    const read = this.sqlite.transaction(() => {
      for (const name of names) {
        const rows = (this.sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((r) =>
          JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
        );
        rows.sort();
        tables[name] = crypto.createHash('sha256').update(rows.join('\n')).digest('hex');
      }
      return Number((this.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number | bigint) ?? 0);
    });
    const auditSeq = read();
    return { tables, auditSeq };
  }

  /** Audit rows after `seq`, oldest first. */
  auditSince(seq: number): { seq: number; action: string; entity: string; outcome: string }[] {
    return this.sqlite.prepare('SELECT seq, action, entity, outcome FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as {
      seq: number;
      action: string;
      entity: string;
      outcome: string;
    }[];
  }

  /** Closes the probe's connection. */
  close(): void {
    this.sqlite.close();
  }
}

/** Names of the tables whose content differs between two fingerprints. */
export function changedTables(a: DataFingerprint, b: DataFingerprint): string[] {
  const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
  return [...names].filter((n) => a.tables[n] !== b.tables[n]).sort();
}
