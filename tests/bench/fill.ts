import type { SqliteDb } from '../../db/connection/open';
import { auditHash, GENESIS_HASH } from '../../db/audit/chain';
import { DISTRICTS, MUNICIPALITIES } from '../../seeds/reference-data';
import { SeededRandom } from '../../seeds/demo/random';
import { ANCHOR_DATE, type BenchCounts } from './config';

// Bulk generation of fictional casework straight into the tables, with prepared statements in large
// transactions. Going through the operations would take days at this size; what matters for the
// benchmark is that the rows have the app's schema, its value shapes and a valid audit chain.

const DAY = 86_400_000;
const ANCHOR_MS = Date.parse(`${ANCHOR_DATE}T00:00:00Z`);
const TEN_YEARS_MS = 3652 * DAY;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number): string => new Date(ms).toISOString();

// Invented syllables give many distinct, plainly fictional surnames, so search results vary as they would.
const FIRST = [
  'Alma',
  'Amira',
  'Anna',
  'Aya',
  'Bella',
  'Dilan',
  'Elin',
  'Emma',
  'Fatima',
  'Hanna',
  'Ida',
  'Jasmin',
  'Lina',
  'Maja',
  'Maryam',
  'Nour',
  'Sara',
  'Selma',
  'Sofia',
  'Zeynep',
  'Åsa',
  'Ebba',
  'Leyla',
  'Noor',
  'Olga',
  'Rut',
  'Tove',
  'Ulla',
  'Vera',
  'Yara',
];
const FIRST_MEN = ['Adam', 'Ali', 'Elias', 'Erik', 'Hassan', 'Johan', 'Karim', 'Lucas', 'Omar', 'Viktor', 'Örjan', 'Sami'];
const CHILD = ['Alva', 'Ebba', 'Leo', 'Liam', 'Mila', 'Noah', 'Nora', 'Sam', 'Saga', 'Yusuf', 'Vera', 'Ines'];
const SYL_A = ['Ex', 'På', 'Fik', 'Dem', 'Test', 'Lå', 'Prov', 'Öv', 'Skis', 'Ut', 'Lek', 'Fan', 'Dik', 'Sag', 'Myt'];
const SYL_B = ['empel', 'hitt', 'tiv', 'o', 'lund', 'tsas', 'ning', 'sa', 'kott', 'dikt', 'tas', 'ter', 'gen', 'ola', 'ring'];
const SYL_C = ['sson', 'berg', 'dal', 'ström', 'qvist', 'sdotter', 'ad', 'gren', 'holm', 'by', 'vik', 'ö'];
const LANGUAGES = ['', '', '', 'arabiska', 'somaliska', 'persiska', 'tigrinja', 'kurdiska', 'engelska', 'polska'];
const PROTECTION = ['sekretessmarkering', 'skyddad_folkbokforing', 'fingerade_personuppgifter'];
const VULN = ['disability', 'hbtqi', 'substance_use', 'economic_violence', 'other'];
const RELATIONS = ['partner', 'former_partner', 'parent', 'sibling', 'relative', 'in_law', 'other'];
const ROUTES = ['within_city', 'kompotten', 'own_application', 'self_arranged', 'other'];
const MOVE_PATH = ['requested', 'offered', 'accepted', 'completed'];
const STEP_KINDS = ['protected_shelter', 'transitional', 'social_contract', 'own_lease'];
const OBSTACLES = ['debts', 'rent_guarantee', 'waiting_priority_decision', 'no_suitable_size', 'other'];
const SUPPORT_KINDS = ['protected_housing', 'school', 'psychiatry', 'addiction_care', 'healthcare', 'economy', 'legal', 'interpreter', 'other'];
const SUPPORT_STATUSES = ['needed', 'requested', 'in_progress', 'done', 'declined'];
const LEVELS = ['low', 'medium', 'high'];
const NOTE_PARTS = [
  'Fiktiv anteckning: samtal med den enskilde om boendesituationen.',
  'Kontakt med skyddat boende, plats finns från nästa vecka.',
  'Uppföljning av stödinsatser; skolan är informerad om skyddsbehovet.',
  'Riskbedömning ska göras om inom två veckor.',
  'Ansökan om förtur skickad till bostadsförmedlingen.',
  'Hon önskar flytta längre bort och har fått information om Kompotten.',
  'Barnen har börjat i ny förskola och trivs enligt personalen.',
  'Samverkansmöte med polisen om säkerhetsplanen.',
];

type Row = Record<string, string | number | null>;

/** What the filler needs to know about the installation it fills. */
export interface FillContext {
  sqlite: SqliteDb;
  counts: BenchCounts;
  seed: number;
  log: (line: string) => void;
}

class EventHeap {
  private items: [number, Row][] = [];
  get size(): number {
    return this.items.length;
  }
  push(at: number, row: Row): void {
    const a = this.items;
    a.push([at, row]);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as [number, Row])[0] <= at) break;
      [a[i], a[p]] = [a[p] as [number, Row], a[i] as [number, Row]];
      i = p;
    }
  }
  peek(): number {
    return this.items[0]?.[0] ?? Infinity;
  }
  pop(): [number, Row] {
    const a = this.items;
    const top = a[0] as [number, Row];
    const last = a.pop() as [number, Row];
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && (a[l] as [number, Row])[0] < (a[m] as [number, Row])[0]) m = l;
        if (r < a.length && (a[r] as [number, Row])[0] < (a[m] as [number, Row])[0]) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as [number, Row], a[i] as [number, Row]];
        i = m;
      }
    }
    return top;
  }
}

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

/**
 * Fills an installation that has just been set up with `counts` of fictional casework, a team of
 * users, shelters and Kompotten members, and one audit row per write, chained after the rows the
 * set-up wrote. Deterministic for a seed: the dates hang off ANCHOR_DATE, not today.
 */
export function fillCasework(ctx: FillContext): { auditRows: number } {
  const { sqlite, counts, log } = ctx;
  const rnd = new SeededRandom(ctx.seed);
  const admin = sqlite.prepare("SELECT id, role FROM users WHERE role = 'administrator' ORDER BY id LIMIT 1").get() as { id: number; role: string };
  const head = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const instruments = sqlite.prepare('SELECT template_id, version FROM risk_instruments ORDER BY id').all() as { template_id: string; version: string }[];
  const adultTemplates = instruments.filter((i) => i.template_id !== 'fristad-child');
  const childTemplate = instruments.find((i) => i.template_id === 'fristad-child') ?? instruments[0];
  if (!childTemplate || adultTemplates.length === 0) throw new Error('bench: the built-in risk instruments are missing');

  const stmt = {
    user: sqlite.prepare(insertSql('users', ['username', 'display_name', 'role', 'wrapped_key', 'created_at', 'disabled_at'])),
    setting: sqlite.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)'),
    shelter: sqlite.prepare(
      insertSql('shelters', [
        'name',
        'operator',
        'municipality_code',
        'ivo_kind',
        'ivo_number',
        'ivo_valid_until',
        'capacity_adults',
        'capacity_children',
        'specialisations',
        'languages',
        'contact',
      ]),
    ),
    member: sqlite.prepare(insertSql('kompotten_members', ['municipality_code', 'contact', 'added_at'])),
    case: sqlite.prepare(
      insertSql('cases', [
        'id',
        'case_number',
        'status',
        'closed_reason',
        'closed_at',
        'survivor_name',
        'survivor_pin',
        'survivor_gender',
        'survivor_birth_year',
        'survivor_language',
        'interpreter_needed',
        'safe_contact',
        'protection_level',
        'honour_context',
        'vulnerabilities',
        'vulnerability_note',
        'district_slug',
        'assigned_user_id',
        'created_by',
        'created_at',
        'updated_at',
        'risk_level',
        'risk_assessed_at',
        'risk_assessment_id',
        'next_review_date',
      ]),
    ),
    child: sqlite.prepare(insertSql('children', ['id', 'case_id', 'name', 'birth_year', 'school', 'needs', 'placement'])),
    perpetrator: sqlite.prepare(insertSql('perpetrators', ['id', 'case_id', 'name', 'relation', 'collective', 'notes'])),
    area: sqlite.prepare(insertSql('perpetrator_areas', ['perpetrator_id', 'municipality_code', 'district_slug', 'description'])),
    move: sqlite.prepare(
      insertSql('moves', [
        'id',
        'case_id',
        'from_kind',
        'from_code',
        'to_kind',
        'to_code',
        'route',
        'status',
        'receiving_contact',
        'notes',
        'check_json',
        'override_reason',
        'created_by',
        'created_at',
      ]),
    ),
    transition: sqlite.prepare(insertSql('move_transitions', ['move_id', 'status', 'date', 'recorded_by', 'recorded_at'])),
    request: sqlite.prepare(
      insertSql('kompotten_requests', ['id', 'direction', 'counterpart_code', 'case_id', 'date', 'outcome', 'notes', 'created_by', 'created_at']),
    ),
    step: sqlite.prepare(
      insertSql('housing_steps', [
        'id',
        'case_id',
        'child_id',
        'kind',
        'start_date',
        'end_date',
        'provider',
        'shelter_id',
        'place_kind',
        'place_code',
        'cost_per_day',
        'outcome',
        'obstacles',
        'obstacle_note',
        'parallel',
        'permit_override_reason',
        'created_by',
        'created_at',
      ]),
    ),
    support: sqlite.prepare(insertSql('support_items', ['id', 'case_id', 'kind', 'agency', 'status', 'start_date', 'end_date', 'notes'])),
    note: sqlite.prepare(
      insertSql('journal_notes', ['id', 'case_id', 'note_date', 'body', 'status', 'author_id', 'created_at', 'signed_at', 'corrects_note_id']),
    ),
    reminder: sqlite.prepare(insertSql('reminders', ['id', 'case_id', 'kind', 'due_date', 'note', 'done_at', 'created_by', 'created_at'])),
    assessment: sqlite.prepare(
      insertSql('assessments', [
        'id',
        'case_id',
        'child_id',
        'template_id',
        'template_version',
        'status',
        'answers_json',
        'judgements_json',
        'survivor_view',
        'headline_level',
        'next_review_date',
        'copied_from_id',
        'started_by',
        'started_at',
        'completed_by',
        'completed_at',
      ]),
    ),
    audit: sqlite.prepare(
      insertSql('audit_log', ['seq', 'at', 'user_id', 'role', 'action', 'entity', 'entity_id', 'outcome', 'prev_hash', 'hash', 'case_id', 'reason']),
    ),
  };

  const writeAudit = (at: number, r: Row): void => {
    seq++;
    const row = {
      seq,
      at: isoTime(at),
      user_id: r.user_id as number,
      role: r.role as string,
      action: r.action as string,
      entity: r.entity as string,
      entity_id: r.entity_id === null ? null : String(r.entity_id),
      outcome: 'ok',
      case_id: (r.case_id as number | null) ?? null,
      reason: null,
    };
    const hash = auditHash(prevHash, row);
    stmt.audit.run({ ...row, prev_hash: prevHash, hash });
    prevHash = hash;
  };
  const events = new EventHeap();

  // The team: caseworkers and team leads as colleagues a case can be assigned to. They hold no key
  // slot (their wrapped_key is a placeholder), so none of them can unlock; the bench user can.
  const staff: { id: number; role: string }[] = [];
  const setupAt = ANCHOR_MS - TEN_YEARS_MS - 30 * DAY;
  sqlite.transaction(() => {
    const staffCount = Math.max(4, Math.min(120, Math.round(counts.cases / 1600)));
    for (let i = 0; i < staffCount; i++) {
      const role = i % 10 === 0 ? 'team_lead' : 'caseworker';
      const r = stmt.user.run({
        username: `bench.${role}.${i + 1}`,
        display_name: `${rnd.pick(FIRST)} ${syllableName(rnd)} (fiktiv)`,
        role,
        wrapped_key: '{"bench":"no key slot"}',
        created_at: isoTime(setupAt),
        disabled_at: null,
      });
      staff.push({ id: Number(r.lastInsertRowid), role });
      writeAudit(setupAt, { user_id: admin.id, role: admin.role, action: 'create', entity: 'user', entity_id: Number(r.lastInsertRowid), case_id: null });
    }
    stmt.setting.run('backup_keep', '1');
  })();

  const districts = DISTRICTS.map((d) => d.slug);
  const districtNames = new Map(DISTRICTS.map((d) => [d.slug, d.name]));
  const municipalities = MUNICIPALITIES.map((m) => m.code).filter((c) => c !== '0180');
  const municipalityNames = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));
  const members = rnd.sample(municipalities, 60);
  const shelterIds: number[] = [];
  sqlite.transaction(() => {
    for (const code of members) {
      stmt.member.run({ municipality_code: code, contact: 'Kontaktperson Exempel (fiktiv)', added_at: isoTime(setupAt) });
      writeAudit(setupAt, { user_id: admin.id, role: admin.role, action: 'update', entity: 'kompotten_member', entity_id: code, case_id: null });
    }
    const shelterCount = Math.max(6, Math.min(300, Math.round(counts.cases / 700)));
    for (let i = 0; i < shelterCount; i++) {
      const r = stmt.shelter.run({
        name: `Skyddade boendet ${syllableName(rnd)} ${i + 1} (fiktivt)`,
        operator: 'Exempelstiftelsen (fiktiv)',
        municipality_code: rnd.chance(0.5) ? '0180' : rnd.pick(municipalities),
        ivo_kind: rnd.chance(0.8) ? 'permit' : rnd.pick(['registration', 'none']),
        ivo_number: `IVO-BENCH-${i + 1}`,
        ivo_valid_until: isoDay(ANCHOR_MS + rnd.int(-200, 900) * DAY),
        capacity_adults: rnd.int(4, 14),
        capacity_children: rnd.int(4, 18),
        specialisations: JSON.stringify(rnd.sample(['honour_violence', 'accessibility', 'men', 'teenage_boys', 'pets', 'languages'], rnd.int(0, 2))),
        languages: 'svenska, engelska',
        contact: 'Telefon via växeln (fiktiv)',
      });
      shelterIds.push(Number(r.lastInsertRowid));
      writeAudit(setupAt, { user_id: admin.id, role: admin.role, action: 'create', entity: 'shelter', entity_id: Number(r.lastInsertRowid), case_id: null });
    }
  })();

  const ids = { child: 0, perpetrator: 0, move: 0, request: 0, step: 0, support: 0, note: 0, reminder: 0, assessment: 0 };
  const nextId = (k: keyof typeof ids): number => ++ids[k];
  const perYear = new Map<number, number>();
  // Cases arrive evenly over ten years; each lives from weeks to a few years.
  const spacing = TEN_YEARS_MS / counts.cases;
  const batch = Math.max(1, Math.min(5000, Math.round(counts.cases / 20)));
  const started = Date.now();

  const oneCase = (i: number): void => {
    const caseId = i + 1;
    const created = ANCHOR_MS - TEN_YEARS_MS + Math.floor(i * spacing) + rnd.int(0, 3600_000);
    const year = new Date(created).getUTCFullYear();
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    const lifetime = rnd.int(40, 900) * DAY;
    const closedAt = created + lifetime < ANCHOR_MS - 5 * DAY ? created + lifetime : null;
    const end = closedAt ?? ANCHOR_MS - DAY;
    const span = Math.max(DAY, end - created);
    const at = (fraction: number): number => created + Math.floor(span * fraction);
    const worker = rnd.pick(staff);
    const honour = rnd.chance(0.25);
    const woman = rnd.chance(0.88);
    const district = rnd.chance(0.95) ? rnd.pick(districts) : null;
    const who = { user_id: worker.id, role: worker.role, case_id: caseId };
    const ev = (t: number, action: string, entity: string, entityId: number | string): void =>
      events.push(Math.min(t, ANCHOR_MS - 1000), { ...who, action, entity, entity_id: entityId });

    // People: children and perpetrators with their areas.
    // The case row comes first (foreign keys), but it carries the latest risk level: people and
    // assessments are worked out first and written after it.
    const later: (() => void)[] = [];
    const childIds: number[] = [];
    const kids = rnd.chance(0.55) ? rnd.int(1, 3) : 0;
    for (let c = 0; c < kids; c++) {
      const id = nextId('child');
      childIds.push(id);
      const row = {
        id,
        case_id: caseId,
        name: `${rnd.pick(CHILD)} ${syllableName(rnd)}`,
        birth_year: rnd.int(2005, 2025),
        school: rnd.pick(['Förskolan Exempel (fiktiv)', 'Påhittade skolan (fiktiv)', '']),
        needs: '',
        placement: '',
      };
      later.push(() => stmt.child.run(row));
    }
    const perps: { id: number; name: string; area: { kind: string; code: string } }[] = [];
    for (let p = 0, n = honour ? rnd.int(2, 3) : 1; p < n; p++) {
      const id = nextId('perpetrator');
      const name = `${rnd.pick(FIRST_MEN)} ${syllableName(rnd)}`;
      const row = {
        id,
        case_id: caseId,
        name,
        relation: honour ? rnd.pick(RELATIONS) : rnd.pick(['partner', 'former_partner']),
        collective: honour ? 1 : 0,
        notes: '',
      };
      const inCity = rnd.chance(0.6);
      const area = inCity ? { kind: 'district', code: rnd.pick(districts) } : { kind: 'municipality', code: rnd.pick(municipalities) };
      const areaRow = { perpetrator_id: id, municipality_code: inCity ? '0180' : area.code, district_slug: inCity ? area.code : null, description: '' };
      later.push(() => {
        stmt.perpetrator.run(row);
        stmt.area.run(areaRow);
      });
      perps.push({ id, name, area });
    }
    // Risk first, so the case row can carry the latest survivor level.
    const assessmentRows: Row[] = [];
    let latest: { level: string; at: string; id: number; review: string } | null = null;
    for (let a = 0; a < 2; a++) {
      const id = nextId('assessment');
      const child = a === 1 && childIds.length > 0 && rnd.chance(0.3) ? (childIds[0] as number) : null;
      const template = child === null ? rnd.pick(adultTemplates) : childTemplate;
      const startedAt = at(a === 0 ? 0.02 : 0.5);
      const completed = rnd.chance(0.92);
      const level = rnd.pick(LEVELS);
      const review = isoDay(startedAt + (level === 'high' ? 14 : level === 'medium' ? 30 : 90) * DAY);
      assessmentRows.push({
        id,
        case_id: caseId,
        child_id: child,
        template_id: template.template_id,
        template_version: template.version,
        status: completed ? 'completed' : 'draft',
        answers_json: JSON.stringify([
          { itemId: 'violence', perpetratorId: null, value: rnd.pick(['yes', 'no', 'unknown']) },
          { itemId: 'threats_to_kill', perpetratorId: null, value: rnd.pick(['yes', 'no', 'unknown']) },
          { itemId: 'separation', perpetratorId: null, value: rnd.pick(['yes', 'no']) },
        ]),
        judgements_json: completed
          ? JSON.stringify([{ outputId: 'acute_risk', level, text: '', reason: 'Fiktivt skäl: bedömt tillsammans med den enskilde.' }])
          : '[]',
        survivor_view: 'Fiktivt: hon känner sig tryggare sedan flytten.',
        headline_level: completed ? level : null,
        next_review_date: completed ? review : null,
        copied_from_id: a === 1 && rnd.chance(0.3) ? id - 1 : null,
        started_by: worker.id,
        started_at: isoTime(startedAt),
        completed_by: completed ? worker.id : null,
        completed_at: completed ? isoTime(startedAt + DAY) : null,
      });
      ev(startedAt, 'create', 'assessment', id);
      if (completed) {
        ev(startedAt + DAY, 'sign', 'assessment', id);
        if (child === null) latest = { level, at: isoTime(startedAt + DAY), id, review };
      }
    }

    stmt.case.run({
      id: caseId,
      case_number: `RVT-${year}-${String(sequence).padStart(4, '0')}`,
      status: closedAt === null ? 'open' : 'closed',
      closed_reason:
        closedAt === null
          ? null
          : rnd.pick(['Eget boende ordnat (fiktivt).', 'Flyttat till annan kommun (fiktivt).', 'Insatsen avslutad på egen begäran (fiktivt).']),
      closed_at: closedAt === null ? null : isoTime(closedAt),
      survivor_name: `${rnd.pick(woman ? FIRST : FIRST_MEN)} ${syllableName(rnd)}`,
      survivor_pin: null,
      survivor_gender: woman ? 'woman' : rnd.chance(0.6) ? 'man' : rnd.pick(['non_binary', 'unknown']),
      survivor_birth_year: rnd.int(1950, 2007),
      survivor_language: rnd.pick(LANGUAGES),
      interpreter_needed: rnd.chance(0.2) ? 1 : 0,
      safe_contact: rnd.pick(['Endast via boendets telefon (fiktivt)', 'Sms till skyddat nummer (fiktivt)', 'Via handläggaren (fiktivt)']),
      protection_level: rnd.chance(0.6) ? 'none' : rnd.pick(PROTECTION),
      honour_context: honour ? 1 : 0,
      vulnerabilities: JSON.stringify(rnd.sample(VULN, rnd.int(0, 2))),
      vulnerability_note: '',
      district_slug: district,
      assigned_user_id: worker.id,
      created_by: worker.id,
      created_at: isoTime(created),
      updated_at: isoTime(closedAt ?? at(0.95)),
      risk_level: latest?.level ?? null,
      risk_assessed_at: latest?.at ?? null,
      risk_assessment_id: latest?.id ?? null,
      next_review_date: closedAt === null ? (latest?.review ?? null) : null,
    });
    ev(created, 'create', 'case', caseId);
    if (closedAt !== null) ev(closedAt, 'close', 'case', caseId);
    for (const write of later) write();
    for (const r of assessmentRows) stmt.assessment.run(r);

    // Three moves, each walked some way along its workflow.
    for (let m = 0; m < 3; m++) {
      const id = nextId('move');
      const route = rnd.pick(ROUTES);
      const to = route === 'within_city' ? { kind: 'district', code: rnd.pick(districts) } : { kind: 'municipality', code: rnd.pick(members) };
      const toName = (to.kind === 'district' ? districtNames.get(to.code) : municipalityNames.get(to.code)) ?? to.code;
      const planned = at(0.05 + m * 0.25);
      const checks = perps.map((p) => {
        const km = rnd.int(3, 600);
        const name = (p.area.kind === 'district' ? districtNames.get(p.area.code) : municipalityNames.get(p.area.code)) ?? p.area.code;
        return {
          perpetratorId: p.id,
          perpetratorName: p.name,
          area: { ...p.area, name },
          distanceKm: km,
          sameMunicipality: km < 15,
          sameCounty: km < 80,
          warning: km < 30,
          reasons: km < 30 ? ['too_close'] : [],
        };
      });
      const warning = checks.some((c) => c.warning);
      const steps = rnd.int(0, 4);
      const status = steps === 0 ? 'planned' : (MOVE_PATH[steps - 1] as string);
      stmt.move.run({
        id,
        case_id: caseId,
        from_kind: 'district',
        from_code: district ?? 'farsta',
        to_kind: to.kind,
        to_code: to.code,
        route,
        status,
        receiving_contact: 'Mottagande handläggare (fiktiv)',
        notes: '',
        check_json: JSON.stringify({
          destination: { ...to, name: toName },
          minimumKm: to.kind === 'district' ? 5 : 50,
          checkedAt: isoTime(planned),
          checks,
          warning,
          nearestKm: checks.length === 0 ? null : Math.min(...checks.map((c) => c.distanceKm)),
        }),
        override_reason: warning && steps >= 3 ? 'Bedömt tillsammans med den enskilde (fiktivt exempel).' : null,
        created_by: worker.id,
        created_at: isoTime(planned),
      });
      ev(planned, 'create', 'move', id);
      let t = planned;
      for (let s = 0; s < steps; s++) {
        t += rnd.int(2, 20) * DAY;
        const day = isoDay(t);
        stmt.transition.run({ move_id: id, status: MOVE_PATH[s] as string, date: day, recorded_by: worker.id, recorded_at: isoTime(t) });
        ev(t, 'transition', 'move', id);
      }
      if (route === 'kompotten' && rnd.chance(0.5)) {
        const rid = nextId('request');
        stmt.request.run({
          id: rid,
          direction: 'sent',
          counterpart_code: to.code,
          case_id: caseId,
          date: isoDay(planned + DAY),
          outcome: rnd.pick(['pending', 'accepted', 'declined', 'withdrawn']),
          notes: '',
          created_by: worker.id,
          created_at: isoTime(planned + DAY),
        });
        ev(planned + DAY, 'create', 'kompotten_request', rid);
      }
    }

    // The housing chain: four consecutive steps from a protected shelter onwards.
    let start = created + DAY;
    for (let s = 0; s < 4; s++) {
      const id = nextId('step');
      const kind = STEP_KINDS[s] as string;
      const length = rnd.int(20, 200) * DAY;
      const last = s === 3;
      const ongoing = last && closedAt === null && rnd.chance(0.5);
      const stepEnd = ongoing ? null : Math.min(start + length, end);
      const child = s === 0 && childIds.length > 0 && rnd.chance(0.1) ? (childIds[0] as number) : null;
      const shelter = kind === 'protected_shelter' ? rnd.pick(shelterIds) : null;
      stmt.step.run({
        id,
        case_id: caseId,
        child_id: child,
        kind,
        start_date: isoDay(start),
        end_date: stepEnd === null ? null : isoDay(stepEnd),
        provider: shelter === null ? 'Bostadsbolaget Exempel (fiktivt)' : '',
        shelter_id: shelter,
        place_kind: shelter === null && rnd.chance(0.5) ? 'district' : null,
        place_code: null,
        cost_per_day: shelter === null ? null : rnd.int(1800, 3200),
        outcome: stepEnd === null ? 'ongoing' : rnd.pick(['moved_on', 'own_lease', 'returned', 'ended_other']),
        obstacles: JSON.stringify(rnd.sample(OBSTACLES, rnd.int(0, 2))),
        obstacle_note: '',
        parallel: child === null ? 0 : 1,
        permit_override_reason: null,
        created_by: worker.id,
        created_at: isoTime(start),
      });
      ev(start, 'create', 'housing_step', id);
      if (stepEnd === null) break;
      start = Math.max(stepEnd, start + DAY);
    }

    for (let s = 0, n = rnd.int(1, 3); s < n; s++) {
      const id = nextId('support');
      const t = at(rnd.next() * 0.3);
      stmt.support.run({
        id,
        case_id: caseId,
        kind: rnd.pick(SUPPORT_KINDS),
        agency: 'Exempelmottagningen (fiktiv)',
        status: rnd.pick(SUPPORT_STATUSES),
        start_date: isoDay(t),
        end_date: null,
        notes: '',
      });
      ev(t, 'create', 'support_item', id);
    }

    // Ten journal notes, most of them signed.
    for (let n = 0; n < 10; n++) {
      const id = nextId('note');
      const t = at(n / 10 + rnd.next() / 20);
      const signed = n < 9 || closedAt !== null || rnd.chance(0.5);
      const body = `${rnd.pick(NOTE_PARTS)} ${rnd.pick(NOTE_PARTS)}${rnd.chance(0.3) ? ` ${rnd.pick(NOTE_PARTS)}` : ''}`;
      stmt.note.run({
        id,
        case_id: caseId,
        note_date: isoDay(t),
        body,
        status: signed ? 'signed' : 'draft',
        author_id: worker.id,
        created_at: isoTime(t),
        signed_at: signed ? isoTime(t + 3600_000) : null,
        corrects_note_id: null,
      });
      ev(t, 'create', 'journal_note', id);
      if (signed) ev(t + 3600_000, 'sign', 'journal_note', id);
    }

    if (rnd.chance(0.6)) {
      const id = nextId('reminder');
      const due = at(0.9);
      stmt.reminder.run({
        id,
        case_id: caseId,
        kind: rnd.pick(['follow_up', 'placement_end', 'review', 'other']),
        due_date: isoDay(due + 14 * DAY),
        note: 'Följ upp (fiktivt exempel)',
        done_at: closedAt === null && rnd.chance(0.5) ? null : isoTime(Math.min(due + 10 * DAY, end)),
        created_by: worker.id,
        created_at: isoTime(due),
      });
      ev(due, 'create', 'reminder', id);
    }

    // Audit rows are written in time order: everything due before this case was opened goes now.
    while (events.size > 0 && events.peek() <= created) {
      const [t, r] = events.pop();
      writeAudit(t, r);
    }
  };

  for (let from = 0; from < counts.cases; from += batch) {
    const to = Math.min(counts.cases, from + batch);
    sqlite.transaction(() => {
      for (let i = from; i < to; i++) oneCase(i);
    })();
    const done = to / counts.cases;
    const elapsed = (Date.now() - started) / 1000;
    if (to === counts.cases || from % (batch * 4) === 0) log(`  ${to} / ${counts.cases} cases (${Math.round(done * 100)} %, ${elapsed.toFixed(0)} s)`);
  }
  sqlite.transaction(() => {
    while (events.size > 0) {
      const [t, r] = events.pop();
      writeAudit(t, r);
    }
  })();
  return { auditRows: seq };
}

function syllableName(rnd: SeededRandom): string {
  return `${rnd.pick(SYL_A)}${rnd.pick(SYL_B)}${rnd.pick(SYL_C)}`;
}
