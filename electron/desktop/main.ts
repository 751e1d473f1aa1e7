// Entry of the Electron main process (bundled to dist/node/electron-main.cjs). All logic lives in
// start-desktop.ts, which tests drive with a mocked `electron`; this file only wires the real world.
import { app } from 'electron';
import { createRuntime } from '../runtime';
import { logCode } from './log';
import { startDesktop } from './start-desktop';

startDesktop({
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  bundleDir: __dirname,
  createRuntime,
  signals: process,
}).catch((error: unknown) => {
  logCode('desktop_start_failed', error);
  app.exit(1);
});
