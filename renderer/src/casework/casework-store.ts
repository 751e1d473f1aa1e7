import { create } from 'zustand';
import type { CASE_SORTS, RiskLevel } from '../../../core/contract';
import { registerUiReset } from '../session/ui-reset';

export type CaseSort = (typeof CASE_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** What the case list shows; kept here so returning from a case finds the list as it was left. */
export interface CaseListFilters {
  query: string;
  status: 'open' | 'closed' | 'all';
  mineOnly: boolean;
  districtSlug: string | null;
  protectedOnly: boolean;
  honourOnly: boolean;
  openRemindersOnly: boolean;
  /** The case's current judged risk level (latest completed assessment of the survivor), or any. */
  riskLevel: RiskLevel | null;
  overdueReviewOnly: boolean;
  sort: CaseSort;
  direction: SortDirection;
}

export interface CaseworkState {
  /** The case open in the case view (shared by the Cases and To-do views). */
  selectedCaseId: number | null;
  /** The new-case form is showing. */
  creating: boolean;
  filters: CaseListFilters;
  /** The list's active row, so the keyboard user comes back to the row they left. */
  activeIndex: number;
  /** Set when leaving a case: the list then takes focus again. */
  focusListOnReturn: boolean;
  /** The To-do row the open case was opened from; going back from the case returns to it. */
  openedFromReminder: number | null;
  /** Set when going back to the To-do view: the row it then focuses. */
  focusReminderOnReturn: number | null;
}

export const DEFAULT_FILTERS: CaseListFilters = {
  query: '',
  status: 'open',
  mineOnly: false,
  districtSlug: null,
  protectedOnly: false,
  honourOnly: false,
  openRemindersOnly: false,
  riskLevel: null,
  overdueReviewOnly: false,
  sort: 'updated',
  direction: 'desc',
};

function initialState(): CaseworkState {
  return {
    selectedCaseId: null,
    creating: false,
    filters: DEFAULT_FILTERS,
    activeIndex: 0,
    focusListOnReturn: false,
    openedFromReminder: null,
    focusReminderOnReturn: null,
  };
}

export const useCaseworkStore = create<CaseworkState>()(() => initialState());

/** Locking drops the open case and the list's search: nothing of the session stays in memory. */
export function resetCaseworkState(): void {
  useCaseworkStore.setState(initialState(), true);
}

registerUiReset(resetCaseworkState);

export function openCase(id: number): void {
  useCaseworkStore.setState({ selectedCaseId: id, creating: false, openedFromReminder: null });
}

/** Opens a case from a row of the To-do view (the Cases view then shows it). */
export function openCaseFromReminder(caseId: number, reminderId: number): void {
  useCaseworkStore.setState({ selectedCaseId: caseId, creating: false, openedFromReminder: reminderId });
}

export function leaveCase(): void {
  useCaseworkStore.setState({ selectedCaseId: null, creating: false, focusListOnReturn: true, openedFromReminder: null });
}

/** Closes a case opened from the To-do view; that view then focuses the row it was opened from. */
export function leaveCaseForReminder(): void {
  useCaseworkStore.setState((state) => ({ selectedCaseId: null, openedFromReminder: null, focusReminderOnReturn: state.openedFromReminder }));
}

export function clearReminderFocus(): void {
  useCaseworkStore.setState({ focusReminderOnReturn: null });
}

export function startCreating(): void {
  useCaseworkStore.setState({ creating: true, selectedCaseId: null, openedFromReminder: null });
}

export function stopCreating(): void {
  useCaseworkStore.setState({ creating: false, focusListOnReturn: true });
}

export function consumeListFocus(): boolean {
  const wanted = useCaseworkStore.getState().focusListOnReturn;
  if (wanted) useCaseworkStore.setState({ focusListOnReturn: false });
  return wanted;
}

/** Changing what the list shows starts again at its first row. */
export function setFilters(change: Partial<CaseListFilters>): void {
  useCaseworkStore.setState((state) => ({ filters: { ...state.filters, ...change }, activeIndex: 0 }));
}

export function setActiveIndex(index: number): void {
  useCaseworkStore.setState({ activeIndex: index });
}
