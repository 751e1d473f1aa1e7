import type { Answer, LocalizedText, RiskTemplate, TemplateItem } from '../contract/risk';

/**
 * A supporting summary of the answers: how many factors are present, unknown or unanswered per
 * section, and a weighted score. It is shown next to the judgement as support; it is never a risk
 * level and nothing turns it into one.
 *
 * How an answer counts:
 * - yes/no/unknown items: "yes" is present, "no" absent, "unknown" unknown;
 * - scale items: an option with a score above zero is present (to the degree score / highest
 *   score of the item), a score of zero is absent, and an option without a score (such as
 *   "don't know") is unknown;
 * - free-text items are not factors and are not counted;
 * - an item answered per perpetrator is present when it is present for any perpetrator, and its
 *   weighted points are those of the perpetrator where it weighs most.
 * Weights default to 1; an item with weight 0 (for example a protective factor) is counted but adds no points.
 */
export type FactorState = 'present' | 'absent' | 'unknown' | 'unanswered';

export interface SectionSummary {
  sectionId: string;
  title: LocalizedText;
  /** Factors in the section (free-text items excluded). */
  factors: number;
  present: number;
  absent: number;
  unknown: number;
  unanswered: number;
  weightedScore: number;
  maxWeightedScore: number;
}

export interface PerpetratorSummary {
  perpetratorId: number;
  /** Per-perpetrator factors present for this perpetrator. */
  present: number;
  unknown: number;
  weightedScore: number;
}

export interface RiskSummary {
  sections: SectionSummary[];
  factors: number;
  present: number;
  absent: number;
  unknown: number;
  unanswered: number;
  weightedScore: number;
  maxWeightedScore: number;
  perPerpetrator: PerpetratorSummary[];
}

interface Reading {
  state: FactorState;
  /** Degree of presence, 0..1; 0 unless present. */
  degree: number;
}

const UNANSWERED: Reading = { state: 'unanswered', degree: 0 };

/** How one answer to one item reads; a value the item does not know counts as unanswered. */
export function readAnswer(item: TemplateItem, value: string | undefined): Reading {
  if (value === undefined || item.kind === 'text') return UNANSWERED;
  if (item.kind === 'yes_no_unknown') {
    if (value === 'yes') return { state: 'present', degree: 1 };
    if (value === 'no') return { state: 'absent', degree: 0 };
    if (value === 'unknown') return { state: 'unknown', degree: 0 };
    return UNANSWERED;
  }
  const options = item.options ?? [];
  const option = options.find((o) => o.value === value);
  if (!option) return UNANSWERED;
  if (option.score === undefined) return { state: 'unknown', degree: 0 };
  const max = Math.max(0, ...options.map((o) => o.score ?? 0));
  if (option.score <= 0 || max <= 0) return { state: 'absent', degree: 0 };
  return { state: 'present', degree: option.score / max };
}

/** Combines the readings of a per-perpetrator item: present beats unknown beats absent beats unanswered. */
function combine(readings: readonly Reading[]): Reading {
  const rank: Record<FactorState, number> = { present: 3, unknown: 2, absent: 1, unanswered: 0 };
  let best = UNANSWERED;
  for (const r of readings) {
    if (rank[r.state] > rank[best.state] || (r.state === best.state && r.degree > best.degree)) best = r;
  }
  return best;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Summarises answers against a template. `perpetratorIds` are the case's perpetrators; answers of
 * other perpetrators (or for unknown items) are ignored here, as are the free-text items.
 */
export function summarizeRisk(template: RiskTemplate, answers: readonly Answer[], perpetratorIds: readonly number[]): RiskSummary {
  const known = new Set(perpetratorIds);
  const once = new Map<string, string>();
  const perPerp = new Map<string, Map<number, string>>();
  for (const a of answers) {
    if (a.perpetratorId === null) once.set(a.itemId, a.value);
    else if (known.has(a.perpetratorId)) {
      const m = perPerp.get(a.itemId) ?? new Map<number, string>();
      m.set(a.perpetratorId, a.value);
      perPerp.set(a.itemId, m);
    }
  }

  const perpetrators = new Map<number, PerpetratorSummary>(perpetratorIds.map((id) => [id, { perpetratorId: id, present: 0, unknown: 0, weightedScore: 0 }]));
  const sections: SectionSummary[] = template.sections.map((section) => {
    const s: SectionSummary = {
      sectionId: section.id,
      title: section.title,
      factors: 0,
      present: 0,
      absent: 0,
      unknown: 0,
      unanswered: 0,
      weightedScore: 0,
      maxWeightedScore: 0,
    };
    for (const item of section.items) {
      if (item.kind === 'text') continue;
      const weight = item.weight ?? 1;
      let reading: Reading;
      if (item.perPerpetrator) {
        const values = perPerp.get(item.id);
        const readings = perpetratorIds.map((id) => {
          const r = readAnswer(item, values?.get(id));
          const p = perpetrators.get(id);
          if (p && r.state === 'present') {
            p.present++;
            p.weightedScore += weight * r.degree;
          }
          if (p && r.state === 'unknown') p.unknown++;
          return r;
        });
        reading = combine(readings);
      } else {
        reading = readAnswer(item, once.get(item.id));
      }
      s.factors++;
      s[reading.state]++;
      s.weightedScore += weight * reading.degree;
      s.maxWeightedScore += weight;
    }
    s.weightedScore = round(s.weightedScore);
    s.maxWeightedScore = round(s.maxWeightedScore);
    return s;
  });

  const sum = (key: 'factors' | 'present' | 'absent' | 'unknown' | 'unanswered' | 'weightedScore' | 'maxWeightedScore'): number =>
    round(sections.reduce((n, s) => n + s[key], 0));
  return {
    sections,
    factors: sum('factors'),
    present: sum('present'),
    absent: sum('absent'),
    unknown: sum('unknown'),
    unanswered: sum('unanswered'),
    weightedScore: sum('weightedScore'),
    maxWeightedScore: sum('maxWeightedScore'),
    perPerpetrator: [...perpetrators.values()].map((p) => ({ ...p, weightedScore: round(p.weightedScore) })),
  };
}
