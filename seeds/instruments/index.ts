import child from './child.json';
import screening from './screening.json';
import spjAdult from './spj-adult.json';

/**
 * The instrument templates that come with Fristad, in our own words (Swedish and English). They are
 * synced into the database on unlock; a stored version is never changed, so any change to a file
 * here must also raise its version. Template ids starting with this prefix are reserved for them.
 */
export const BUILTIN_TEMPLATE_PREFIX = 'fristad-';

/** The files as bundled; the sync validates them with RiskTemplateSchema like any imported file. */
export const BUILTIN_INSTRUMENT_FILES: readonly unknown[] = [screening, spjAdult, child];
