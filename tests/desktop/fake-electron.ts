// A stand-in for the `electron` module (absent on machines that cannot download its binary).
// Test files install it with `vi.mock('electron', () => import('./fake-electron'))`. It records
// what the code asks of Electron and lets a test raise the events Electron would raise.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { vi } from 'vitest';

type AnyHandler = (...args: never[]) => unknown;

/** An Electron-style event whose preventDefault a test can check. */
export interface FakeEvent {
  preventDefault: () => void;
  readonly defaultPrevented: boolean;
}

/** Makes an event object like the ones Electron passes to listeners. */
export function fakeEvent<P extends object>(params?: P): FakeEvent & P {
  let prevented = false;
  const event = {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
  return Object.assign(event, params ?? {}) as FakeEvent & P;
}

let nextId = 1;

/** A frame as WebFrameMain describes it. */
export class FakeFrame {
  readonly processId: number;
  readonly routingId: number;
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    ids?: { processId: number; routingId: number },
  ) {
    this.processId = ids?.processId ?? nextId++;
    this.routingId = ids?.routingId ?? nextId++;
  }
  get top(): FakeFrame {
    return this.parent === null ? this : this.parent.top;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly loadURL = vi.fn((url: string) => {
    this.mainFrame.url = url;
    return Promise.resolve();
  });
  readonly reload = vi.fn();
  readonly printToPDF = vi.fn((options: Record<string, unknown>): Promise<Buffer> => {
    void options;
    return Promise.resolve(Buffer.from('%PDF-printed'));
  });
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return false;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** Set by whenReady(); several Electron APIs work only before it, others only after. */
  ready = false;
  sandboxEnabled = false;
  hasInstanceLock = true;
  locale = 'sv-SE';
  readonly paths = new Map<string, string>();
  readonly name = 'Fristad';
  readonly enableSandbox = vi.fn(() => {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  });
  readonly exit = vi.fn((code?: number) => {
    void code;
  });
  readonly quit = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.hasInstanceLock);
  readonly whenReady = vi.fn(() => {
    this.ready = true;
    return Promise.resolve();
  });
  readonly setPath = vi.fn((name: string, value: string) => {
    // Electron throws for a folder that does not exist; so does the fake.
    if (!fs.existsSync(value)) throw new Error(`setPath: ${value} does not exist`);
    this.paths.set(name, value);
  });
  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake/${name}`;
  }
  getLocale(): string {
    return this.locale;
  }
  isReady(): boolean {
    return this.ready;
  }
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly id = nextId++;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly show = vi.fn();
  readonly hide = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly close = vi.fn();
  /** Errors the next loadURL calls reject with, one per call, as Electron does on a failed load. */
  static loadErrors: Error[] = [];
  readonly loadURL = vi.fn(async (url: string) => {
    const error = BrowserWindow.loadErrors.shift();
    if (error !== undefined) throw error;
    await this.webContents.loadURL(url);
    this.emit('ready-to-show');
  });
  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    if (!app.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    BrowserWindow.instances.push(this);
    // Electron announces every new page to the app before anything is loaded into it.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

export const ipcMain = {
  handlers: new Map<string, AnyHandler>(),
  handle(channel: string, listener: AnyHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const protocol = {
  privilegedCalls: [] as { scheme: string; privileges?: Record<string, boolean> }[][],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.ready) throw new Error('registerSchemesAsPrivileged can only be used before the app is ready');
    this.privilegedCalls.push(schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.ready) throw new Error('protocol.handle can only be used after the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme has been registered: ${scheme}`);
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  },
};

type RequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

function isListener(value: unknown): value is RequestListener {
  return typeof value === 'function';
}

class FakeSession {
  permissionRequestHandler: AnyHandler | null = null;
  permissionCheckHandler: AnyHandler | null = null;
  devicePermissionHandler: AnyHandler | null = null;
  spellChecker = true;
  beforeRequest: RequestListener | null = null;
  readonly protocol = protocol;
  readonly webRequest = {
    onBeforeRequest: (filterOrListener: RequestListener | object | null, listener?: RequestListener | null): void => {
      this.beforeRequest = isListener(filterOrListener) ? filterOrListener : (listener ?? null);
    },
  };
  setPermissionRequestHandler(handler: AnyHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: AnyHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: AnyHandler | null): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker = enable;
  }
}

let defaultSession = new FakeSession();

export const session = {
  get defaultSession(): FakeSession {
    if (!app.ready) throw new Error('session.defaultSession can only be used after the app is ready');
    return defaultSession;
  },
  fromPartition(): FakeSession {
    throw new Error('Fristad uses the default session only');
  },
};

export interface FakeMenuItem {
  id?: string;
  role?: string;
  label?: string;
  type?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export class Menu {
  static applicationMenu: Menu | null = null;
  constructor(public readonly template: FakeMenuItem[]) {}
  static buildFromTemplate(template: FakeMenuItem[]): Menu {
    return new Menu(template);
  }
  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu;
  }
}

export const powerMonitor = new EventEmitter();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((apiKey: string, api: unknown) => {
    if (contextBridge.exposed.has(apiKey)) throw new Error(`Cannot bind an API on top of an existing property: ${apiKey}`);
    contextBridge.exposed.set(apiKey, api);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn((channel: string, ...args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, result: { channel, args } })),
};

/** Puts every fake back to a fresh state; call in beforeEach. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  Object.assign(app, { isPackaged: false, ready: false, sandboxEnabled: false, hasInstanceLock: true, locale: 'sv-SE' });
  app.paths.clear();
  BrowserWindow.instances = [];
  BrowserWindow.loadErrors = [];
  ipcMain.handlers.clear();
  protocol.privilegedCalls = [];
  protocol.handlers.clear();
  defaultSession = new FakeSession();
  Menu.applicationMenu = null;
  powerMonitor.removeAllListeners();
  contextBridge.exposed.clear();
  vi.clearAllMocks();
}
