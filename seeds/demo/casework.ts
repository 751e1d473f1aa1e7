import {
  AddRequestInputSchema,
  AddStepInputSchema,
  AddSupportInputSchema,
  CreateCaseInputSchema,
  CreateMoveInputSchema,
  CreateNoteInputSchema,
  CreateReminderInputSchema,
  MOVE_ROUTES,
  OBSTACLES,
  PROTECTION_LEVELS,
  RELATIONS,
  SetMemberInputSchema,
  ShelterInputSchema,
  SUPPORT_KINDS,
  SUPPORT_STATUSES,
  TransitionMoveInputSchema,
  VULNERABILITIES,
} from '../../core/contract';
import type { MoveStatus } from '../../core/rules/move-workflow';
import { casesOps } from '../../app/cases';
import { insertCaseShare } from '../../db/repositories/case-shares';
import { housingOps } from '../../app/housing';
import { journalOps } from '../../app/journal';
import { movesOps } from '../../app/moves';
import type { WorkerState } from '../../app/state';
import { DISTRICTS, MUNICIPALITIES } from '../reference-data';
import { AGENCIES, FIRST_NAMES_CHILDREN, FIRST_NAMES_MEN, FIRST_NAMES_WOMEN, LANGUAGES, SURNAMES } from './fictional-names';
import { SeededRandom } from './random';
import { addDemoRiskHistory, loadDemoTemplates } from './risk';

const DAY = 86_400_000;
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY));

const DEMO_SHELTERS = [
  { name: 'Skyddade boendet Lindängen (fiktivt)', municipalityCode: '0180', ivoKind: 'permit', valid: 400, specialisations: ['honour_violence', 'languages'] },
  { name: 'Kvinnojouren Exempelgården (fiktiv)', municipalityCode: '1980', ivoKind: 'permit', valid: 200, specialisations: ['accessibility'] },
  { name: 'Tryggt Hem Demo (fiktivt)', municipalityCode: '0380', ivoKind: 'permit', valid: -30, specialisations: ['pets'] },
  { name: 'Påhittade stödboendet (fiktivt)', municipalityCode: '0580', ivoKind: 'registration', valid: null, specialisations: ['teenage_boys'] },
  { name: 'Övningshuset för män (fiktivt)', municipalityCode: '1480', ivoKind: 'permit', valid: 500, specialisations: ['men'] },
  { name: 'Testboendet Norr (fiktivt)', municipalityCode: '2480', ivoKind: 'permit', valid: 300, specialisations: ['honour_violence'] },
] as const;

const KOMPOTTEN_DEMO_MEMBERS = ['1980', '0380', '0580', '0581', '1480', '1280', '2480', '2180', '1880', '0680'];

/** Fills an unlocked demo store with about `count` obviously fictional cases and everything around them. */
export async function fillDemoCasework(w: WorkerState, count: number, seed = 20261126): Promise<void> {
  const rnd = new SeededRandom(seed);
  const today = iso(new Date());
  // Cases go to those who work with them; administrators and auditors see no case content.
  const userIds = (await w.active.listUsers()).filter((u) => u.role === 'caseworker' || u.role === 'team_lead').map((u) => u.id);
  const me = w.active.requireSession().user.id;
  // Sharing draws from its own sequence, so adding it left the rest of the demo as it was.
  const shareRnd = new SeededRandom(seed + 2);

  const shelterIds: number[] = [];
  // Open placements per shelter, so the demo never puts more adults in a shelter than it has room for.
  const room = new Map<number, number>();
  for (const s of DEMO_SHELTERS) {
    const shelter = await housingOps['shelters:create'](
      w,
      ShelterInputSchema.parse({
        name: s.name,
        operator: 'Exempelstiftelsen (fiktiv)',
        municipalityCode: s.municipalityCode,
        ivoKind: s.ivoKind,
        ivoNumber: `IVO-DEMO-${shelterIds.length + 1}`,
        ivoValidUntil: s.valid === null ? null : addDays(today, s.valid),
        capacityAdults: rnd.int(4, 12),
        capacityChildren: rnd.int(4, 16),
        specialisations: [...s.specialisations],
        languages: 'svenska, engelska',
        contact: 'Telefon via växeln (fiktiv)',
      }),
    );
    shelterIds.push(shelter.id);
    room.set(shelter.id, shelter.capacityAdults);
  }
  for (const code of KOMPOTTEN_DEMO_MEMBERS) {
    await movesOps['kompotten:set-member'](w, SetMemberInputSchema.parse({ municipalityCode: code, member: true, contact: 'Kontaktperson Exempel (fiktiv)' }));
  }

  // Risk histories draw from their own sequence, so adding them left the rest of the demo as it was.
  const riskRnd = new SeededRandom(seed + 1);
  const riskTemplates = await loadDemoTemplates(w);

  const stockholmDistricts = DISTRICTS.map((d) => d.slug);
  const otherMunicipalities = MUNICIPALITIES.map((m) => m.code).filter((c) => c !== '0180');

  for (let i = 0; i < count; i++) {
    const honour = rnd.chance(0.25);
    const woman = rnd.chance(0.9);
    const created = addDays(today, -rnd.int(5, 700));
    const perpetratorCount = honour ? rnd.int(2, 4) : rnd.int(1, 2);
    const input = CreateCaseInputSchema.parse({
      survivor: {
        name: `${rnd.pick(woman ? FIRST_NAMES_WOMEN : FIRST_NAMES_MEN)} ${rnd.pick(SURNAMES)}`,
        personalIdentityNumber: null,
        gender: woman ? 'woman' : rnd.chance(0.5) ? 'man' : 'non_binary',
        birthYear: rnd.int(1960, 2006),
        language: rnd.pick(LANGUAGES),
        interpreterNeeded: rnd.chance(0.2),
        safeContact: rnd.pick(['Endast via boendets telefon (fiktivt)', 'Sms till skyddat nummer (fiktivt)', 'Via handläggaren (fiktivt)']),
      },
      protectionLevel: rnd.chance(0.6) ? 'none' : rnd.pick(PROTECTION_LEVELS.slice(1)),
      honourContext: honour,
      vulnerabilities: rnd.sample(VULNERABILITIES, rnd.int(0, 2)),
      vulnerabilityNote: '',
      districtSlug: rnd.pick(stockholmDistricts),
      assignedUserId: rnd.pick(userIds),
      children: Array.from({ length: rnd.int(0, 3) }, () => ({
        name: `${rnd.pick(FIRST_NAMES_CHILDREN)} ${rnd.pick(SURNAMES)}`,
        birthYear: rnd.int(2008, 2025),
        school: rnd.pick(['Förskolan Exempel (fiktiv)', 'Påhittade skolan (fiktiv)', '']),
        needs: '',
        placement: '',
      })),
      perpetrators: Array.from({ length: perpetratorCount }, () => ({
        name: `${rnd.pick(FIRST_NAMES_MEN)} ${rnd.pick(SURNAMES)}`,
        relation: honour ? rnd.pick(RELATIONS) : rnd.pick(['partner', 'former_partner'] as const),
        collective: honour,
        notes: '',
        areas: [
          rnd.chance(0.6)
            ? { municipalityCode: '0180', districtSlug: rnd.pick(stockholmDistricts), description: '' }
            : { municipalityCode: rnd.pick(otherMunicipalities), districtSlug: null, description: '' },
        ],
      })),
    });
    const detail = await casesOps['cases:create'](w, input);
    const caseId = detail.id;
    // The demo user is a team lead: some protected cases of colleagues are shared with them, the
    // rest show in the list by number only, as "protected – not named".
    const assignee = detail.assignedUser?.id ?? null;
    if (assignee !== null && assignee !== me && (detail.protectionLevel !== 'none' ? shareRnd.chance(0.5) : shareRnd.chance(0.05))) {
      await insertCaseShare(w.active.requireSession().db, { caseId, userId: me, grantedBy: assignee, at: new Date(`${created}T09:00:00Z`) });
    }

    // A move, walked some way through its workflow.
    if (rnd.chance(0.7)) {
      const route = rnd.pick(MOVE_ROUTES);
      const to =
        route === 'within_city'
          ? { kind: 'district' as const, code: rnd.pick(stockholmDistricts) }
          : { kind: 'municipality' as const, code: rnd.pick(KOMPOTTEN_DEMO_MEMBERS) };
      const move = await movesOps['moves:create'](
        w,
        CreateMoveInputSchema.parse({
          caseId,
          from: { kind: 'district', code: input.districtSlug ?? 'farsta' },
          to,
          route,
          receivingContact: 'Mottagande handläggare (fiktiv)',
          notes: '',
          plannedDate: addDays(created, 3),
        }),
      );
      const path: MoveStatus[] = ['requested', 'offered', 'accepted', 'completed'];
      const steps = rnd.int(0, 4);
      let date = addDays(created, 3);
      for (let s = 0; s < steps; s++) {
        date = addDays(date, rnd.int(2, 20));
        if (date > today) break;
        const status = path[s] as MoveStatus;
        await movesOps['moves:transition'](
          w,
          TransitionMoveInputSchema.parse({
            id: move.id,
            to: status,
            date,
            overrideReason: status === 'accepted' ? 'Bedömt tillsammans med den enskilde (fiktivt exempel).' : undefined,
          }),
        );
      }
      if (route === 'kompotten') {
        await movesOps['kompotten:add-request'](
          w,
          AddRequestInputSchema.parse({
            direction: 'sent',
            counterpartCode: to.code,
            caseId,
            date: addDays(created, 4),
            outcome: rnd.pick(['pending', 'accepted', 'declined'] as const),
            notes: '',
          }),
        );
      }
    }

    // The housing chain: shelter, then maybe onwards.
    let start = addDays(created, 1);
    const chainLength = rnd.int(1, 4);
    const kinds = ['protected_shelter', 'transitional', 'social_contract', 'own_lease'] as const;
    for (let s = 0; s < chainLength && start <= today; s++) {
      const kind = kinds[s] ?? 'other';
      const last = s === chainLength - 1;
      let end: string | null = last && rnd.chance(0.6) ? null : addDays(start, rnd.int(20, 150));
      const shelterId = kind === 'protected_shelter' ? rnd.pick(shelterIds) : null;
      if (shelterId !== null && (end === null || end > today)) {
        const left = room.get(shelterId) ?? 0;
        if (left > 0) room.set(shelterId, left - 1);
        // A full shelter: this stay has already ended.
        else end = addDays(today, -1) > start ? addDays(today, -1) : start;
      }
      await housingOps['housing:add-step'](
        w,
        AddStepInputSchema.parse({
          caseId,
          childId: null,
          kind,
          startDate: start,
          endDate: end !== null && end > today ? null : end,
          provider: kind === 'protected_shelter' ? '' : 'Bostadsbolaget Exempel (fiktivt)',
          shelterId,
          place: null,
          costPerDay: kind === 'protected_shelter' ? rnd.int(1800, 3200) : null,
          outcome: end === null || end > today ? 'ongoing' : 'moved_on',
          obstacles: rnd.sample(OBSTACLES, rnd.int(0, 2)),
          obstacleNote: '',
          parallel: false,
          permitOverrideReason: 'Inget annat boende fanns ledigt (fiktivt exempel).',
        }),
      );
      if (end === null || end > today) break;
      start = end;
    }

    for (let s = 0; s < rnd.int(1, 4); s++) {
      await housingOps['support:add'](
        w,
        AddSupportInputSchema.parse({
          caseId,
          kind: rnd.pick(SUPPORT_KINDS),
          agency: rnd.pick(AGENCIES),
          status: rnd.pick(SUPPORT_STATUSES),
          startDate: addDays(created, rnd.int(0, 30)),
          endDate: null,
          notes: '',
        }),
      );
    }

    for (let n = 0; n < rnd.int(1, 4); n++) {
      const note = await journalOps['journal:create'](
        w,
        CreateNoteInputSchema.parse({ caseId, noteDate: addDays(created, n * 7), body: rnd.pick(DEMO_NOTES), correctsNoteId: null }),
      );
      if (rnd.chance(0.85)) await journalOps['journal:sign'](w, { id: note.id });
    }

    await addDemoRiskHistory(w, riskRnd, riskTemplates, detail, created);

    if (rnd.chance(0.6)) {
      await journalOps['reminders:create'](
        w,
        CreateReminderInputSchema.parse({
          caseId,
          kind: rnd.pick(['follow_up', 'placement_end', 'other'] as const),
          dueDate: addDays(today, rnd.int(-10, 20)),
          note: 'Följ upp (fiktivt exempel)',
        }),
      );
    }
  }
}

const DEMO_NOTES = [
  'Fiktiv anteckning: samtal med den enskilde om boendesituationen. Hon önskar flytta längre bort.',
  'Fiktiv anteckning: kontakt med skyddat boende, plats finns från nästa vecka.',
  'Fiktiv anteckning: uppföljning av stödinsatser, skolan är informerad om skyddsbehovet.',
  'Fiktiv anteckning: riskbedömning ska göras om inom två veckor.',
  'Fiktiv anteckning: ansökan om förtur skickad till bostadsförmedlingen.',
];
