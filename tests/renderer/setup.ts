import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { initialSessionState, useSessionStore } from '../../renderer/src/session/session-store';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete window.fristad;
  useSessionStore.setState(initialSessionState(), true);
  useLanguageStore.setState({ language: 'sv' });
  window.localStorage.clear();
  window.sessionStorage.clear();
});
