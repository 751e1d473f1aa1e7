import type { CaseDetail, CaseView, CaseViewSections } from '../../../core/contract';
import { call } from './client';
import type { LoadContext, QueryKey } from './query';

/** The key of a case's detail (header, overview, people): what `cases:get` answers. */
export function caseDetailKey(id: number): QueryKey {
  return ['cases:get', { id }];
}

/** The channel each part of `cases:open` answers on its own, keyed by the case. */
const SECTION_CHANNELS = {
  assessments: 'risk:list',
  moves: 'moves:list',
  kompottenRequests: 'kompotten:requests',
  housing: 'housing:list',
  support: 'support:list',
  journal: 'journal:list',
  reminders: 'reminders:list',
  shares: 'cases:shares',
} as const satisfies Record<keyof CaseViewSections, string>;

type SectionChannel = (typeof SECTION_CHANNELS)[keyof CaseViewSections];

/** The key of one section of a case, e.g. `['moves:list', { caseId }]`. */
export function caseSectionKey(channel: SectionChannel, caseId: number): QueryKey {
  return [channel, { caseId }];
}

/** Every key that holds something of one case. */
export function caseKeys(caseId: number): QueryKey[] {
  return [caseDetailKey(caseId), ...Object.values(SECTION_CHANNELS).map((channel) => caseSectionKey(channel, caseId))];
}

/**
 * What revealing a protected case's fields (or the reveal running out) makes out of date: the case
 * and every section that masks. The sharing list masks nothing and is not read again.
 */
export function maskedCaseKeys(caseId: number): QueryKey[] {
  return caseKeys(caseId).filter((key) => key[0] !== SECTION_CHANNELS.shares);
}

/**
 * Loads a case's detail. The first load opens the case with all its sections in one request
 * (`cases:open`) and seeds each section's key with its part, so no section asks again; a load
 * after an invalidation asks for the case alone (`cases:get`).
 */
export async function loadCaseDetail(id: number, context: LoadContext): Promise<CaseDetail> {
  if (context.refetch) return call('cases:get', { id });
  const { detail, ...sections }: CaseView = await call('cases:open', { id });
  for (const part of Object.keys(SECTION_CHANNELS) as (keyof CaseViewSections)[]) {
    context.seed(caseSectionKey(SECTION_CHANNELS[part], id), sections[part]);
  }
  return detail;
}
