// Chromium and Node act on some command-line switches before any of our code runs. In an
// installed build these would let another program on the machine read the open caseload
// (a debugger port) or strip the renderer's protections, so such a launch is refused.

const FORBIDDEN_WHEN_PACKAGED = [
  '--inspect',
  '--remote-debugging-',
  '--remote-allow-origins',
  '--no-sandbox',
  '--disable-web-security',
  '--disable-site-isolation-trials',
  '--allow-file-access',
  '--allow-running-insecure-content',
  '--js-flags',
  '--user-data-dir',
] as const;

/** The first switch that an installed build refuses to start with, or null. */
export function forbiddenSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (FORBIDDEN_WHEN_PACKAGED.some((prefix) => flag.startsWith(prefix))) return flag;
  }
  return null;
}
