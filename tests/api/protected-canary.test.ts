import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry, BackupStatus, CaseDetail, HousingStep, Move, Report, ReportExportFile, Shelter } from '../../core/contract';
import type { Runtime } from '../../electron/api/types';
import { caseInput, defined } from '../helpers/casework';
import { ok, testRuntime } from '../helpers/runtime';
import { pdfText } from '../helpers/pdf-text';
import { ADMIN } from '../helpers/temp';

/*
 * A case with protected personal data gets a unique canary in every protected field; then every
 * channel that reads case data and every export path is searched for them. Places are reference
 * data and cannot carry a canary string, so they are chosen where nothing else in this database
 * is: Kiruna (2584) for the new municipality and Farsta for the district she moved from.
 */
const TEXT_CANARIES = {
  safeContact: 'KANARIE-KONTAKT-7731',
  school: 'KANARIE-SKOLA-7732',
  placement: 'KANARIE-PLACERING-7733',
  receivingContact: 'KANARIE-MOTTAGARE-7734',
  shelterName: 'KANARIE-BOENDE-7735',
  provider: 'KANARIE-HYRESVARD-7736',
  agency: 'KANARIE-BYRA-7737',
};
const NEW_MUNICIPALITY = { code: '2584', name: 'Kiruna' };
const OLD_DISTRICT = { code: 'farsta', name: 'Farsta' };
/** The case's responsible district. Reports break counts down by district by design, so it is checked everywhere else. */
const CASE_DISTRICT = { code: 'hagersten-alvsjo', name: 'Hägersten-Älvsjö' };

const AUDITOR = { username: 'gun', passphrase: 'guns long passphrase' };
/** The casework is a team lead's: administrators see no case content. */
const LEAD = { username: 'lea', passphrase: 'leas long passphrase' };

let runtime: Runtime;
let dataDir: string;
let close: () => Promise<void>;
let theCase: CaseDetail;
let shelter: Shelter;

/** The canaries found in a text, by name; [] when none. */
function canariesIn(text: string, options: { withCaseDistrict: boolean } = { withCaseDistrict: true }): string[] {
  const found = Object.entries(TEXT_CANARIES)
    .filter(([, canary]) => text.includes(canary))
    .map(([name]) => name);
  const places = [NEW_MUNICIPALITY, OLD_DISTRICT, ...(options.withCaseDistrict ? [CASE_DISTRICT] : [])];
  for (const place of places) {
    if (new RegExp(`\\b${place.code}\\b`).test(text)) found.push(`code ${place.code}`);
    if (text.includes(place.name)) found.push(place.name);
  }
  return found;
}

async function exportReport(format: 'csv' | 'xlsx' | 'pdf', report: Report): Promise<Buffer> {
  const labels: Record<string, string> = {};
  for (const t of report.tables) {
    labels[t.titleKey] = t.id;
    for (const c of t.columns) labels[c.labelKey] = c.key;
    for (const r of t.rows) if (r.labelKey) labels[r.labelKey] = r.key;
  }
  const file = await ok<ReportExportFile>(runtime, 'reports:export', {
    period: { kind: 'year', year: new Date().getFullYear() },
    districtSlugs: [],
    format,
    language: 'sv',
    labels,
  });
  return Buffer.from(file.base64, 'base64');
}

/** Every read of case data this session can make, as one text per channel. */
async function readEverything(): Promise<Record<string, string>> {
  const id = theCase.id;
  const caseId = { caseId: id };
  const list = {
    query: '',
    status: 'all',
    assignedUserId: null,
    districtSlug: null,
    protectedOnly: false,
    honourOnly: false,
    openRemindersOnly: false,
    sort: 'updated',
    direction: 'desc',
    offset: 0,
    limit: 50,
  };
  const reads: Record<string, unknown> = {
    'cases:get': await ok(runtime, 'cases:get', { id }),
    'cases:open': await ok(runtime, 'cases:open', { id }),
    'cases:list': await ok(runtime, 'cases:list', list),
    'cases:list by district': await ok(runtime, 'cases:list', { ...list, districtSlug: CASE_DISTRICT.code }),
    'cases:list sorted by district': await ok(runtime, 'cases:list', { ...list, sort: 'district' }),
    'cases:list searched by district': await ok(runtime, 'cases:list', { ...list, query: 'Hägersten' }),
    'moves:list': await ok(runtime, 'moves:list', caseId),
    'housing:list': await ok(runtime, 'housing:list', caseId),
    'support:list': await ok(runtime, 'support:list', caseId),
    'kompotten:requests (case)': await ok(runtime, 'kompotten:requests', caseId),
    'kompotten:requests (all)': await ok(runtime, 'kompotten:requests', { caseId: null }),
    'kompotten:members': await ok(runtime, 'kompotten:members', {}),
    'journal:list': await ok(runtime, 'journal:list', caseId),
    'reminders:list': await ok(runtime, 'reminders:list', caseId),
    'reminders:due': await ok(runtime, 'reminders:due', { scope: 'team' }),
    'risk:list': await ok(runtime, 'risk:list', caseId),
    'users:assignees': await ok(runtime, 'users:assignees', {}),
    'audit:verify': await ok(runtime, 'audit:verify', {}),
  };
  return Object.fromEntries(Object.entries(reads).map(([k, v]) => [k, JSON.stringify(v)]));
}

beforeAll(async () => {
  ({ runtime, dataDir, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  await ok(runtime, 'users:create', { ...AUDITOR, displayName: 'Gun Granskare', role: 'auditor' });
  await ok(runtime, 'users:create', { ...LEAD, displayName: 'Lea Ledare', role: 'team_lead' });
  await ok(runtime, 'session:unlock', LEAD);
  shelter = await ok<Shelter>(runtime, 'shelters:create', {
    name: TEXT_CANARIES.shelterName,
    operator: 'Stiftelsen Exempel',
    municipalityCode: '1980',
    ivoKind: 'permit',
    ivoNumber: 'IVO-EXEMPEL',
    ivoValidUntil: '2099-12-31',
    capacityAdults: 4,
    capacityChildren: 4,
    specialisations: [],
    languages: '',
    contact: '',
  });
  theCase = await ok<CaseDetail>(
    runtime,
    'cases:create',
    caseInput({
      survivor: { ...caseInput().survivor, name: 'Signe Påhittad', safeContact: TEXT_CANARIES.safeContact },
      protectionLevel: 'skyddad_folkbokforing',
      districtSlug: CASE_DISTRICT.code,
      children: [{ name: 'Barn Påhittad', birthYear: 2016, school: TEXT_CANARIES.school, needs: '', placement: TEXT_CANARIES.placement }],
      perpetrators: [
        {
          name: 'Förövare Påhittad',
          relation: 'former_partner',
          collective: false,
          notes: '',
          areas: [{ municipalityCode: '1480', districtSlug: null, description: '' }],
        },
      ],
    }),
  );
  const year = new Date().getFullYear();
  const move = await ok<Move>(runtime, 'moves:create', {
    caseId: theCase.id,
    from: { kind: 'district', code: OLD_DISTRICT.code },
    to: { kind: 'municipality', code: NEW_MUNICIPALITY.code },
    route: 'kompotten',
    receivingContact: TEXT_CANARIES.receivingContact,
    notes: '',
    plannedDate: `${year}-01-05`,
  });
  await ok(runtime, 'moves:transition', { id: move.id, to: 'requested', date: `${year}-01-06` });
  const step = {
    caseId: theCase.id,
    childId: null,
    costPerDay: 1500,
    outcome: 'ongoing',
    obstacles: [],
    obstacleNote: '',
    parallel: false,
  };
  await ok<HousingStep>(runtime, 'housing:add-step', {
    ...step,
    kind: 'protected_shelter',
    startDate: `${year}-01-01`,
    endDate: `${year}-01-20`,
    provider: '',
    shelterId: shelter.id,
    place: { kind: 'municipality', code: NEW_MUNICIPALITY.code },
    outcome: 'moved_on',
  });
  await ok<HousingStep>(runtime, 'housing:add-step', {
    ...step,
    kind: 'transitional',
    startDate: `${year}-01-21`,
    endDate: null,
    provider: TEXT_CANARIES.provider,
    shelterId: null,
    place: { kind: 'municipality', code: NEW_MUNICIPALITY.code },
  });
  await ok(runtime, 'support:add', {
    caseId: theCase.id,
    kind: 'legal',
    agency: TEXT_CANARIES.agency,
    status: 'in_progress',
    startDate: `${year}-01-02`,
    endDate: null,
    notes: '',
  });
  await ok(runtime, 'kompotten:add-request', {
    direction: 'sent',
    counterpartCode: NEW_MUNICIPALITY.code,
    caseId: theCase.id,
    date: `${year}-01-06`,
    outcome: 'accepted',
    notes: '',
  });
  await ok(runtime, 'reminders:create', { caseId: theCase.id, kind: 'follow_up', dueDate: `${year + 1}-01-01`, note: '' });
});
afterAll(async () => close());

describe('a case with protected personal data, unrevealed', () => {
  it('has no canary in any read of case data', async () => {
    const reads = await readEverything();
    for (const [channel, text] of Object.entries(reads)) expect(canariesIn(text), channel).toEqual([]);
  });

  it('has no canary in the shelter register but the shelter’s own name: not which case stays there', async () => {
    const register = JSON.stringify(await ok<Shelter[]>(runtime, 'shelters:list', {}));
    expect(canariesIn(register)).toEqual(['shelterName']);
    expect(register).not.toContain(theCase.caseNumber);
  });

  it('has no canary in the report or its CSV, XLSX and PDF exports (district counts aside)', async () => {
    const report = await ok<Report>(runtime, 'reports:generate', { period: { kind: 'year', year: new Date().getFullYear() }, districtSlugs: [] });
    expect(canariesIn(JSON.stringify(report), { withCaseDistrict: false })).toEqual([]);
    // The report did count her: the Kompotten request is there, unnamed.
    expect(report.tables.find((t) => t.id === 'kompotten_sent' && t.period === 'current')?.rows.map((r) => r.key)).toContain('protected');

    const csv = (await exportReport('csv', report)).toString('utf8');
    expect(csv.length).toBeGreaterThan(100);
    expect(canariesIn(csv, { withCaseDistrict: false })).toEqual([]);

    const xlsx = unzipSync(new Uint8Array(await exportReport('xlsx', report)));
    const xml = Object.entries(xlsx)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(xml).toContain('kompotten_sent');
    expect(canariesIn(xml, { withCaseDistrict: false })).toEqual([]);

    const pdf = await pdfText(await exportReport('pdf', report));
    expect(pdf).toContain('kompotten_sent');
    expect(canariesIn(pdf, { withCaseDistrict: false })).toEqual([]);
  });

  it('has no canary in the log review, its exports, or the case’s log extract (CSV and PDF)', async () => {
    // The log review is the auditor's; the case's extract is for who may open the case (its creator, the lead).
    await ok(runtime, 'session:unlock', { username: AUDITOR.username, passphrase: AUDITOR.passphrase });
    const reads: Record<string, unknown> = {
      'audit:search': await ok(runtime, 'audit:search', { caseId: theCase.id }),
      'audit:protected-access': await ok(runtime, 'audit:protected-access', {}),
    };
    const files: Record<string, ReportExportFile> = {
      'audit:export search': await ok<ReportExportFile>(runtime, 'audit:export', {
        view: 'search',
        filters: { caseId: theCase.id },
        format: 'csv',
        language: 'sv',
      }),
      'audit:export protected': await ok<ReportExportFile>(runtime, 'audit:export', { view: 'protected', format: 'pdf', language: 'sv' }),
    };
    await ok(runtime, 'session:unlock', LEAD);
    reads['audit:case-extract'] = await ok(runtime, 'audit:case-extract', { caseId: theCase.id });
    for (const [name, read] of Object.entries(reads)) expect(canariesIn(JSON.stringify(read)), name).toEqual([]);
    Object.assign(files, {
      'audit:case-extract-export csv': await ok<ReportExportFile>(runtime, 'audit:case-extract-export', { caseId: theCase.id, format: 'csv', language: 'sv' }),
      'audit:case-extract-export pdf': await ok<ReportExportFile>(runtime, 'audit:case-extract-export', { caseId: theCase.id, format: 'pdf', language: 'sv' }),
    });
    for (const [name, file] of Object.entries(files)) {
      const bytes = Buffer.from(file.base64, 'base64');
      const text = file.mimeType.includes('pdf') ? await pdfText(bytes) : bytes.toString('utf8');
      expect(text, name).toContain(theCase.caseNumber);
      expect(canariesIn(text), name).toEqual([]);
    }
    await ok(runtime, 'session:unlock', LEAD);
  });

  it('has no canary in a backup’s manifest', async () => {
    // Backups are the administrator's.
    await ok(runtime, 'session:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const entry = await ok<BackupEntry>(runtime, 'backup:create', {});
    const status = await ok<BackupStatus>(runtime, 'backup:status', {});
    await ok(runtime, 'session:unlock', LEAD);
    const manifest = fs.readFileSync(path.join(status.folder, `${entry.fileName}.json`), 'utf8');
    expect(manifest).toContain('"cases"');
    expect(canariesIn(manifest)).toEqual([]);
    expect(status.folder.startsWith(dataDir)).toBe(true);
  });
});

describe('the same case, revealed', () => {
  it('shows every canary in the reads (so the searches above would have found them)', async () => {
    await ok(runtime, 'cases:reveal', { caseId: theCase.id, reason: 'Kontroll av kanarievärden i testet' });
    const reads = await readEverything();
    const all = Object.values(reads).join('\n');
    expect(canariesIn(all).sort()).toEqual(
      [
        ...Object.keys(TEXT_CANARIES).filter((k) => k !== 'shelterName'),
        'shelterName',
        `code ${NEW_MUNICIPALITY.code}`,
        NEW_MUNICIPALITY.name,
        `code ${OLD_DISTRICT.code}`,
        OLD_DISTRICT.name,
        `code ${CASE_DISTRICT.code}`,
        CASE_DISTRICT.name,
      ].sort(),
    );
    const detail = JSON.parse(defined(reads['cases:get'])) as CaseDetail;
    expect(detail.survivor.safeContact).toBe(TEXT_CANARIES.safeContact);
  });
});
