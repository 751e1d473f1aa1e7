import {
  REVIEW_DAYS_DEFAULT,
  SaveDraftInputSchema,
  type Answer,
  type CaseDetail,
  type Judgement,
  type RiskLevel,
  type RiskTemplate,
} from '../../core/contract';
import { addDays, localIsoDate } from '../../core/rules/calendar';
import type { WorkerState } from '../../app/state';
import { riskOps } from '../../app/risk';
import type { SeededRandom } from './random';

/** The shipped templates, read once per demo through the same operations the app uses. */
export interface DemoTemplates {
  screening: RiskTemplate;
  spj: RiskTemplate;
  child: RiskTemplate;
}

export async function loadDemoTemplates(w: WorkerState): Promise<DemoTemplates> {
  const get = (templateId: string) => riskOps['risk:instrument'](w, { templateId, version: '1' });
  return { screening: await get('fristad-screening'), spj: await get('fristad-spj-adult'), child: await get('fristad-child') };
}

const REASONS: Record<RiskLevel, readonly string[]> = {
  high: [
    'Fiktivt skäl: hot om att döda tillsammans med tidigare strypvåld och en pågående separation.',
    'Fiktivt skäl: förövarna vet var hon bor och har sökt upp henne den senaste veckan.',
    'Fiktivt skäl: flera släktingar agerar tillsammans och kontaktförbudet har brutits två gånger.',
    'Fiktivt skäl: våldet har trappats upp snabbt och han har tillgång till vapen.',
  ],
  medium: [
    'Fiktivt skäl: inget nytt fysiskt våld senaste månaden, men fortsatta hot via sms och sociala medier.',
    'Fiktivt skäl: det skyddade boendet skyddar nu, men förövaren letar via gemensamma bekanta.',
    'Fiktivt skäl: riskfaktorerna kvarstår men skyddet fungerar och hon följer säkerhetsplanen.',
  ],
  low: [
    'Fiktivt skäl: inga nya hot sedan flytten, kontaktförbudet följs och hon har ett tryggt nätverk.',
    'Fiktivt skäl: förövaren vet inte var hon bor och har inte försökt få kontakt på flera månader.',
    'Fiktivt skäl: skyddade personuppgifter, egen bostad och regelbunden kontakt med stödverksamhet.',
  ],
};

const CHILD_REASONS: Record<RiskLevel, readonly string[]> = {
  high: [
    'Fiktivt skäl: pappan har hotat att ta barnet utomlands och vet vilken skola barnet går i.',
    'Fiktivt skäl: barnet har själv utsatts för våld och förövaren söker kontakt via släktingar.',
  ],
  medium: [
    'Fiktivt skäl: barnet har bytt skola men är fortsatt oroligt; umgänget är tillfälligt stoppat.',
    'Fiktivt skäl: barnet har sett våldet under lång tid; inga nya hot mot barnet.',
  ],
  low: [
    'Fiktivt skäl: barnet bor tryggt med mamma, skolan har en säkerhetsplan och barnet har samtalsstöd.',
    'Fiktivt skäl: inga hot mot barnet och ingen kontakt från förövaren sedan flytten.',
  ],
};

const OUTPUT_TEXTS: Record<string, readonly string[]> = {
  likely_targets: [
    'Fiktivt: den våldsutsatta och barnen.',
    'Fiktivt: den våldsutsatta, hennes nya partner och systern som hjälpt henne.',
    'Fiktivt: den våldsutsatta; i andra hand personal på boendet.',
  ],
  scenarios: [
    'Fiktivt: han söker upp henne vid hämtning på förskolan när han får veta den nya adressen.',
    'Fiktivt: släktingar försöker övertala eller tvinga henne att följa med tillbaka till familjen.',
    'Fiktivt: nytt våld i samband med att domen om vårdnad meddelas.',
  ],
  protective_measures: [
    'Fiktivt: skyddat boende, ansökan om skyddade personuppgifter och säkerhetsplan med polisen.',
    'Fiktivt: flytt via Kompotten, information till skolan och kontaktförbud.',
    'Fiktivt: trygghetslarm, samordning med polisen och uppföljning varannan vecka.',
  ],
  next_steps: [
    'Fiktivt: fördjupad riskbedömning inom en vecka och kontakt med skyddat boende.',
    'Fiktivt: polisanmälan diskuterad med henne; ny bedömning efter samtal med skolan.',
  ],
  child_needs: [
    'Fiktivt: trygg vuxen i skolan, samtalsstöd och förutsägbara rutiner.',
    'Fiktivt: skydd vid hämtning och lämning, barngrupp och kontakt med BUP.',
  ],
};

const SURVIVOR_VIEWS = [
  'Fiktivt: hon bedömer själv risken som hög och är mest rädd på vägen till och från jobbet.',
  'Fiktivt: hon tror inte att han skulle skada henne på riktigt, men är rädd för hans bröder.',
  'Fiktivt: hon känner sig tryggare sedan flytten men sover dåligt.',
  'Fiktivt: hon säger att familjen aldrig kommer att sluta leta efter henne.',
  '',
];

const CHILD_VIEWS = [
  'Fiktivt: barnet berättar att hon är rädd att pappa ska komma till skolan.',
  'Fiktivt: barnet säger att det är lugnare nu och vill gå kvar i den nya skolan.',
  '',
];

const NOTES = [
  'Fiktiv anteckning: uppgifterna kommer från samtal med den enskilde och från polisen.',
  'Fiktiv anteckning: oklart om hoten fortsatt efter flytten.',
];

/** Items about honour-based control: seldom present outside honour contexts. */
const HONOUR_ITEM = /honour|collective|forced_marriage|abroad|marriage|abduction/;

const clamp = (n: number): number => Math.min(1, Math.max(0, n));

function levelFor(s: number): RiskLevel {
  return s > 0.64 ? 'high' : s > 0.34 ? 'medium' : 'low';
}

/** Answers to every item of a template for a situation of severity `s` (0..1). */
function answersFor(template: RiskTemplate, s: number, perpetratorIds: readonly number[], honour: boolean, rnd: SeededRandom): Answer[] {
  const answers: Answer[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      const ids = item.perPerpetrator ? perpetratorIds : [null];
      ids.forEach((perpetratorId, index) => {
        // Further perpetrators in a collective tend to weigh a little less than the first.
        const sp = index === 0 ? s : clamp(s * (0.6 + rnd.next() * 0.4));
        if (item.kind === 'text') {
          if (rnd.chance(0.3)) answers.push({ itemId: item.id, perpetratorId, value: rnd.pick(NOTES) });
          return;
        }
        if (item.kind === 'scale') {
          const scored = (item.options ?? []).filter((o) => o.score !== undefined).sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
          const unknown = (item.options ?? []).find((o) => o.score === undefined);
          const option =
            unknown && rnd.chance(0.08) ? unknown : scored[Math.min(scored.length - 1, Math.max(0, Math.round(sp * (scored.length - 1) + (rnd.next() - 0.5))))];
          if (option) answers.push({ itemId: item.id, perpetratorId, value: option.value });
          return;
        }
        const weight = item.weight ?? 1;
        let p = weight === 0 ? 1 - sp * 0.7 : clamp(sp * (0.45 + 0.2 * weight));
        if (!honour && HONOUR_ITEM.test(item.id)) p *= 0.1;
        const value = rnd.chance(0.08) ? 'unknown' : rnd.chance(p) ? 'yes' : 'no';
        answers.push({ itemId: item.id, perpetratorId, value });
      });
    }
  }
  return answers;
}

/** A follow-up changes some answers and keeps most: the comparison then shows what moved. */
function evolve(previous: readonly Answer[], fresh: readonly Answer[], rnd: SeededRandom): Answer[] {
  const before = new Map(previous.map((a) => [`${a.itemId}/${a.perpetratorId ?? ''}`, a]));
  return fresh.map((a) => {
    const old = before.get(`${a.itemId}/${a.perpetratorId ?? ''}`);
    return old && rnd.chance(0.7) ? old : a;
  });
}

function judgementsFor(template: RiskTemplate, s: number, forChild: boolean, rnd: SeededRandom): Judgement[] {
  return template.outputs.map((o) => {
    if (o.kind === 'text')
      return { outputId: o.id, level: null, text: rnd.pick(OUTPUT_TEXTS[o.id] ?? OUTPUT_TEXTS.protective_measures ?? ['Fiktivt.']), reason: '' };
    const level = o.headline ? levelFor(s) : levelFor(clamp(s + (rnd.next() - 0.4) * 0.25));
    return { outputId: o.id, level, text: '', reason: rnd.pick((forChild ? CHILD_REASONS : REASONS)[level]) };
  });
}

/** A moment on a local date, never later than now (the operations stamp it as the time of the act). */
function at(date: string, hour: number, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Math.min(new Date(y, m - 1, d, hour, minute).getTime(), Date.now() - 60_000));
}

/** One assessment, started and completed through the operations, as a copy of the previous one when there is one. */
async function assess(
  w: WorkerState,
  rnd: SeededRandom,
  p: {
    caseId: number;
    childId: number | null;
    template: RiskTemplate;
    s: number;
    date: string;
    perpetratorIds: number[];
    honour: boolean;
    previous: { id: number; answers: Answer[] } | null;
    complete: boolean;
  },
): Promise<{ id: number; answers: Answer[]; level: RiskLevel | null; date: string }> {
  const draft = await riskOps['risk:start'](
    w,
    { caseId: p.caseId, childId: p.childId, templateId: p.template.id, copyFromId: p.previous?.id ?? null },
    // A draft still in progress was started after the last completed assessment.
    at(p.date, p.complete ? 9 : 15, rnd.int(0, 59)),
  );
  const fresh = answersFor(p.template, p.s, p.perpetratorIds, p.honour, rnd);
  const answers = p.previous && draft.templateId === p.template.id ? evolve(draft.answers, fresh, rnd) : fresh;
  // A draft left half done has not got its judgement yet.
  const judgements = p.complete ? judgementsFor(p.template, p.s, p.childId !== null, rnd) : draft.judgements.map((j) => ({ ...j, reason: '' }));
  await riskOps['risk:save-draft'](
    w,
    SaveDraftInputSchema.parse({
      id: draft.id,
      answers,
      judgements,
      survivorView: rnd.pick(p.childId === null ? SURVIVOR_VIEWS : CHILD_VIEWS),
      nextReviewDate: null,
    }),
  );
  if (!p.complete) return { id: draft.id, answers, level: null, date: p.date };
  const done = await riskOps['risk:complete'](w, { id: draft.id }, at(p.date, 14, rnd.int(0, 59)));
  return { id: done.id, answers, level: done.headlineLevel, date: p.date };
}

/**
 * A realistic risk history for one fictional case: often a first screening, then one to three
 * structured judgements at about the review interval (levels mostly falling as protection takes
 * hold, sometimes rising again), per-perpetrator answers in honour cases, now and then a draft in
 * progress, and for some children their own assessments. The latest review is sometimes overdue.
 */
export async function addDemoRiskHistory(w: WorkerState, rnd: SeededRandom, templates: DemoTemplates, detail: CaseDetail, created: string): Promise<void> {
  if (!rnd.chance(0.8)) return;
  const today = localIsoDate(new Date());
  const perpetratorIds = detail.perpetrators.map((p) => p.id);
  const honour = detail.honourContext;

  // Severity over time: mostly falling as protection takes hold, sometimes rising again.
  const recent = rnd.int(1, 2);
  const trajectory: number[] = [honour ? 0.55 + rnd.next() * 0.4 : 0.2 + rnd.next() * 0.7];
  for (let i = 1; i <= recent; i++) {
    const last = trajectory[i - 1] ?? 0.5;
    trajectory.push(clamp(rnd.chance(0.2) ? last + 0.2 + rnd.next() * 0.15 : last - 0.05 - rnd.next() * 0.3));
  }

  // Dates backwards from the last assessment, which is usually due for review soon and now and
  // then a few days overdue; the first assessment is made when the case opened.
  const earliest = addDays(created, 1);
  const dates: string[] = [];
  let date = addDays(today, -rnd.int(0, REVIEW_DAYS_DEFAULT[levelFor(trajectory[recent] ?? 0.5)] + 6));
  for (let i = recent; i > 0 && date >= earliest; i--) {
    dates.unshift(date);
    date = addDays(date, -rnd.int(14, 45));
  }
  if (dates.length === 0 || addDays(earliest, 60) < (dates[0] ?? today)) {
    const opening = addDays(earliest, rnd.int(0, 3));
    dates.unshift(opening > today ? today : opening);
  }
  const used = trajectory.slice(trajectory.length - dates.length);

  const first = dates[0] ?? today;
  if (rnd.chance(0.5) && created < first) {
    await assess(w, rnd, {
      caseId: detail.id,
      childId: null,
      template: templates.screening,
      s: used[0] ?? 0.5,
      date: created,
      perpetratorIds,
      honour,
      previous: null,
      complete: true,
    });
  }
  let previous: { id: number; answers: Answer[] } | null = null;
  const history: { date: string; s: number }[] = [];
  for (const [i, d] of dates.entries()) {
    const s = used[i] ?? 0.5;
    previous = await assess(w, rnd, {
      caseId: detail.id,
      childId: null,
      template: templates.spj,
      s,
      date: d,
      perpetratorIds,
      honour,
      previous,
      complete: true,
    });
    history.push({ date: d, s });
  }
  if (previous && rnd.chance(0.12)) {
    const last = history[history.length - 1];
    await assess(w, rnd, {
      caseId: detail.id,
      childId: null,
      template: templates.spj,
      s: last?.s ?? 0.5,
      date: today,
      perpetratorIds,
      honour,
      previous,
      complete: false,
    });
  }

  for (const child of detail.children) {
    if (!rnd.chance(0.45)) continue;
    let childPrevious: { id: number; answers: Answer[] } | null = null;
    for (const h of history.slice(-rnd.int(1, 2))) {
      const s = clamp(h.s * (0.6 + rnd.next() * 0.5));
      childPrevious = await assess(w, rnd, {
        caseId: detail.id,
        childId: child.id,
        template: templates.child,
        s,
        date: h.date,
        perpetratorIds,
        honour,
        previous: childPrevious,
        complete: true,
      });
    }
  }
}
