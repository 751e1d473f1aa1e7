// Replaced by Vite's `define` at build time (renderer/vite.config.ts); undefined in tests.
declare const __FRISTAD_VERSION__: string | undefined;

/** The version from package.json, or null where the bundle was not built by Vite. */
export const APP_VERSION: string | null = typeof __FRISTAD_VERSION__ === 'string' && __FRISTAD_VERSION__ !== '' ? __FRISTAD_VERSION__ : null;
