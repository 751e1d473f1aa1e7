import type { ReadDb } from '../handles';
import { RiskTemplateSchema, type InstrumentSummary, type RiskTemplate } from '../../core/contract';
import { compareVersions } from '../../core/rules/instrument-version';
import { DbError } from '../errors';

export interface InstrumentRow {
  id: number;
  template_id: string;
  version: string;
  source: string;
  json: string;
}

const COLUMNS = ['id', 'template_id', 'version', 'source', 'json'] as const;

/** Templates by their stored text (shared: callers only read them). */
const parsedTemplates = new Map<string, RiskTemplate>();

/** A stored template, validated again on the way out; a damaged row is an internal error, never a crash. */
export function parseStoredTemplate(json: string): RiskTemplate {
  // A stored version never changes, and checking it against the schema cost more than the rest of
  // listing a case's assessments: the same text gives the same template, parsed once.
  const known = parsedTemplates.get(json);
  if (known) return known;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = RiskTemplateSchema.safeParse(value);
  if (!parsed.success) throw new DbError('internal', 'A stored risk instrument could not be read. Import the instrument file again as a new version.');
  if (parsedTemplates.size >= 64) parsedTemplates.clear();
  parsedTemplates.set(json, parsed.data);
  return parsed.data;
}

/** Parses stored templates once per request: a case's history often uses the same versions. */
export class TemplateCache {
  private readonly templates = new Map<string, RiskTemplate>();

  constructor(private readonly db: ReadDb) {}

  /** The template of that id and version, or not_found. */
  async get(templateId: string, version: string): Promise<RiskTemplate> {
    const key = `${templateId}@${version}`;
    const cached = this.templates.get(key);
    if (cached) return cached;
    const row = await findInstrumentRow(this.db, templateId, version);
    if (!row)
      throw new DbError('not_found', 'That version of the risk instrument is not installed. Reload and try again.').because('instrument_version_missing');
    const template = parseStoredTemplate(row.json);
    this.templates.set(key, template);
    return template;
  }
}

/** Every installed template version, by template id and then newest version first. */
export async function listInstrumentRows(db: ReadDb): Promise<InstrumentRow[]> {
  const rows = await db.selectFrom('risk_instruments').select(COLUMNS).execute();
  return rows.sort((a, b) => (a.template_id === b.template_id ? compareVersions(b.version, a.version) : a.template_id < b.template_id ? -1 : 1));
}

/** One template version, or undefined. */
export async function findInstrumentRow(db: ReadDb, templateId: string, version: string): Promise<InstrumentRow | undefined> {
  return db.selectFrom('risk_instruments').select(COLUMNS).where('template_id', '=', templateId).where('version', '=', version).executeTakeFirst();
}

/** The newest installed version of a template (numeric comparison), or undefined. */
export async function findLatestInstrumentRow(db: ReadDb, templateId: string): Promise<InstrumentRow | undefined> {
  const rows = await db.selectFrom('risk_instruments').select(COLUMNS).where('template_id', '=', templateId).execute();
  return rows.sort((a, b) => compareVersions(b.version, a.version))[0];
}

/** The installed versions of a template. */
export async function listVersions(db: ReadDb, templateId: string): Promise<string[]> {
  return (await db.selectFrom('risk_instruments').select('version').where('template_id', '=', templateId).execute()).map((r) => r.version);
}

/** Stores one validated template version and returns its row id. */
export async function insertInstrument(
  db: ReadDb,
  i: { template: RiskTemplate; source: 'builtin' | 'imported'; at: Date; by: number | null },
): Promise<number> {
  const row = await db
    .insertInto('risk_instruments')
    .values({
      template_id: i.template.id,
      version: i.template.version,
      source: i.source,
      json: JSON.stringify(i.template),
      imported_at: i.at.toISOString(),
      imported_by: i.by,
    })
    .onConflict((oc) => oc.columns(['template_id', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row)
    throw new DbError('not_allowed', 'That version of the instrument is already installed. Give the file a new version number.').because(
      'instrument_version_exists',
    );
  return row.id;
}

/** The contract's summary of one template version. */
export function toInstrumentSummary(row: Pick<InstrumentRow, 'source'>, template: RiskTemplate, latest: boolean): InstrumentSummary {
  return {
    templateId: template.id,
    version: template.version,
    title: template.title,
    target: template.target,
    source: row.source === 'builtin' ? 'builtin' : 'imported',
    latest,
  };
}
