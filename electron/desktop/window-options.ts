import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (dist/node/preload.cjs). */
  preloadPath: string;
  /** app.isPackaged: installed builds get no developer tools. */
  isPackaged: boolean;
}

/** The options of every Fristad window: locked down, with nothing but the preload's bridge. */
export function windowOptions({ preloadPath, isPackaged }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Fristad',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    center: true,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // The spellchecker keeps a custom-word list on disk and on some platforms may download
      // dictionaries: neither may see what a caseworker types.
      spellcheck: false,
      // DevTools in an installed build would let anyone at an unlocked screen script the bridge
      // and read the page's memory; developers run unpackaged and keep them.
      devTools: !isPackaged,
      safeDialogs: true,
    },
  };
}
