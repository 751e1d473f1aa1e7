import fs from 'node:fs';
import type { DemoCredentials, WorkerState } from '../../app/state';
import { Store } from '../../db/store/store';
import { fillDemoCasework } from './casework';

/** The demo login, shown on screen and in the terminal: the data behind it is fictional. */
export const DEMO_CREDENTIALS = { username: 'demo', passphrase: 'fiktiv-demo-2026' } as const satisfies DemoCredentials;

/** About 200 cases: enough to feel like a team's caseload. */
export const DEMO_CASE_COUNT = 200;

/** The demo's administrator: installs and runs Fristad but sees no case content. */
const DEMO_ADMINISTRATOR = { username: 'alva.administrator', displayName: 'Alva Administratör (fiktiv)' } as const;

/** Obviously fictional colleagues, so the users view has something to show. */
const DEMO_COLLEAGUES = [
  // The demo login is a team lead, so it sees the team's cases (administrators see none).
  { username: DEMO_CREDENTIALS.username, displayName: 'Demo Användare (fiktiv)', role: 'team_lead' },
  { username: 'hanna.handlaggare', displayName: 'Hanna Handläggare (fiktiv)', role: 'caseworker' },
  { username: 'greta.gruppledare', displayName: 'Greta Gruppledare (fiktiv)', role: 'team_lead' },
  { username: 'gustav.granskare', displayName: 'Gustav Granskare (fiktiv)', role: 'auditor' },
] as const;

/** Opens worker state on the demo's folder: handed in by the caller, since seeds sit below the worker. */
export type OpenDemoState = (dir: string, env: NodeJS.ProcessEnv) => WorkerState;

/**
 * Creates a fresh demo database in `dir`, replacing any earlier one, and leaves it locked.
 * Later features add fictional cases here; everything in it must be obviously invented.
 */
export async function createDemoDatabase(dir: string, env: NodeJS.ProcessEnv, openState: OpenDemoState, caseCount = DEMO_CASE_COUNT): Promise<Store> {
  fs.rmSync(dir, { recursive: true, force: true });
  const store = new Store(dir, { env });
  await store.setup({
    teamName: 'Demoteamet (fiktiva uppgifter)',
    username: DEMO_ADMINISTRATOR.username,
    displayName: DEMO_ADMINISTRATOR.displayName,
    passphrase: DEMO_CREDENTIALS.passphrase,
  });
  for (const colleague of DEMO_COLLEAGUES) {
    await store.createUser({ ...colleague, passphrase: DEMO_CREDENTIALS.passphrase });
  }
  store.lock('shutdown');

  // Fill it through the same operations the app uses, so the demo shows what real use produces.
  const w = openState(dir, env);
  await w.real.unlock(DEMO_CREDENTIALS.username, DEMO_CREDENTIALS.passphrase);
  const { sqlite } = w.real.requireSession();
  // Fictional data needs no durability while it is generated; every later connection asserts FULL again.
  sqlite.pragma('synchronous=OFF');
  try {
    await fillDemoCasework(w, caseCount);
  } finally {
    sqlite.pragma('synchronous=FULL');
    w.real.lock('shutdown');
  }
  return store;
}
