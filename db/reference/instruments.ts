import crypto from 'node:crypto';
import { writable, type WriteDb } from '../handles';
import { RiskTemplateSchema } from '../../core/contract';
import { BUILTIN_INSTRUMENT_FILES } from '../../seeds/instruments';
import { findInstrumentRow, insertInstrument } from '../repositories/risk-instruments';
import { getSetting, setSetting } from '../repositories/settings';

const BUILTIN_HASH = crypto.createHash('sha256').update(JSON.stringify(BUILTIN_INSTRUMENT_FILES)).digest('hex');

/**
 * Installs the instrument templates that come with Fristad, alongside the reference-data sync on
 * setup and unlock. A version already stored is left as it is (old assessments point at it), so a
 * changed shipped template must carry a new version. Cheap when nothing has changed.
 */
export async function syncBuiltinInstruments(db: WriteDb, at: Date = new Date()): Promise<boolean> {
  if ((await getSetting<string | null>(db, 'builtin_instruments_hash', null)) === BUILTIN_HASH) return false;
  await db.transaction().execute(async (tx) => {
    const trx = writable(tx);
    for (const [index, file] of BUILTIN_INSTRUMENT_FILES.entries()) {
      const parsed = RiskTemplateSchema.safeParse(file);
      // A test keeps the shipped files valid; a broken one is skipped rather than locking everyone out.
      if (!parsed.success) {
        console.error(`[fristad-db] built-in risk instrument ${index} is not valid and was not installed`);
        continue;
      }
      if (await findInstrumentRow(trx, parsed.data.id, parsed.data.version)) continue;
      await insertInstrument(trx, { template: parsed.data, source: 'builtin', at, by: null });
    }
    await setSetting(trx, 'builtin_instruments_hash', BUILTIN_HASH);
  });
  return true;
}
