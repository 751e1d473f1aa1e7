import { create } from 'zustand';
import { registerUiReset } from '../session/ui-reset';
import type { ViewId } from './views';

export interface NavigationState {
  /** The view the shell shows (the shell falls back to Start when the role may not see it). */
  view: ViewId;
  /** Counts navigations, so the shell can move focus to the new view's heading after each one. */
  serial: number;
}

function initialState(): NavigationState {
  return { view: 'start', serial: 0 };
}

export const useNavigationStore = create<NavigationState>()(() => initialState());

/** Locking returns to Start: the next user, or the same one after unlocking, begins there. */
export function resetNavigation(): void {
  useNavigationStore.setState(initialState(), true);
}

registerUiReset(resetNavigation);

/** Shows a view; any part of the UI may send the user on (the To-do list opens a case in Cases). */
export function navigateTo(view: ViewId): void {
  useNavigationStore.setState((state) => ({ view, serial: state.serial + 1 }));
}
