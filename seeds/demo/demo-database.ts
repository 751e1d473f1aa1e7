import fs from 'node:fs';
import { Store } from '../../db/store/store';

/** The demo login, shown on screen and in the terminal: the data behind it is fictional. */
export const DEMO_CREDENTIALS = { username: 'demo', passphrase: 'fiktiv-demo-2026' } as const;

/** Obviously fictional colleagues, so the users view has something to show. */
const DEMO_COLLEAGUES = [
  { username: 'hanna.handlaggare', displayName: 'Hanna Handläggare (fiktiv)', role: 'caseworker' },
  { username: 'greta.gruppledare', displayName: 'Greta Gruppledare (fiktiv)', role: 'team_lead' },
  { username: 'gustav.granskare', displayName: 'Gustav Granskare (fiktiv)', role: 'auditor' },
] as const;

/**
 * Creates a fresh demo database in `dir`, replacing any earlier one, and leaves it locked.
 * Later features add fictional cases here; everything in it must be obviously invented.
 */
export async function createDemoDatabase(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  fs.rmSync(dir, { recursive: true, force: true });
  const store = new Store(dir, { env });
  await store.setup({
    teamName: 'Demoteamet (fiktiva uppgifter)',
    username: DEMO_CREDENTIALS.username,
    displayName: 'Demo Användare (fiktiv)',
    passphrase: DEMO_CREDENTIALS.passphrase,
  });
  for (const colleague of DEMO_COLLEAGUES) {
    await store.createUser({ ...colleague, passphrase: DEMO_CREDENTIALS.passphrase });
  }
  store.lock('shutdown');
  return store;
}
