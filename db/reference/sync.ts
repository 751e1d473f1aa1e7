import crypto from 'node:crypto';
import { writable, type WriteDb } from '../handles';
import { COUNTIES, DISTRICTS, MUNICIPALITIES } from '../../seeds/reference-data';
import { getSetting, setSetting } from '../repositories/settings';

const REFERENCE_HASH = crypto
  .createHash('sha256')
  .update(JSON.stringify([COUNTIES, MUNICIPALITIES, DISTRICTS]))
  .digest('hex');

/** Brings the reference tables up to the bundled data when it has changed; cheap when it has not. */
export async function syncReferenceData(db: WriteDb): Promise<boolean> {
  if ((await getSetting<string | null>(db, 'reference_data_hash', null)) === REFERENCE_HASH) return false;
  await db.transaction().execute(async (tx) => {
    const trx = writable(tx);
    for (const c of COUNTIES) {
      await trx
        .insertInto('counties')
        .values({ code: c.code, name: c.name, letter_code: c.letterCode })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: c.name, letter_code: c.letterCode }))
        .execute();
    }
    for (const m of MUNICIPALITIES) {
      const values = { name: m.name, county_code: m.countyCode, lat: m.lat, lon: m.lon };
      await trx
        .insertInto('municipalities')
        .values({ code: m.code, ...values })
        .onConflict((oc) => oc.column('code').doUpdateSet(values))
        .execute();
    }
    for (const d of DISTRICTS) {
      const values = { name: d.name, lat: d.lat, lon: d.lon };
      await trx
        .insertInto('districts')
        .values({ slug: d.slug, ...values })
        .onConflict((oc) => oc.column('slug').doUpdateSet(values))
        .execute();
    }
    await setSetting(trx, 'reference_data_hash', REFERENCE_HASH);
  });
  return true;
}
