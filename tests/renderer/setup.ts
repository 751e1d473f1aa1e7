import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { initialSessionState, useSessionStore } from '../../renderer/src/session/session-store';
import { resetRegisteredUi } from '../../renderer/src/session/ui-reset';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete window.fristad;
  useSessionStore.setState(initialSessionState(), true);
  // Every store that locking would clear (the shell's view, the casework store), as a new session finds them.
  resetRegisteredUi();
  useLanguageStore.setState({ language: 'sv' });
  window.localStorage.clear();
  window.sessionStorage.clear();
});
