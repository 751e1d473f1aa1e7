/**
 * The part of Electron 45's type declarations (electron.d.ts) that the desktop host uses.
 *
 * The `electron` package is an optional dependency and is absent where its binary cannot be
 * downloaded, so tsconfig.node.json and tsconfig.tests.json map the module name `electron` to
 * this file. Names and signatures follow Electron's own declarations. Where Electron says `any`
 * this file says `unknown`, and where it lists a long union of literals (permissions, paths,
 * menu roles) this file keeps the members we use or widens to `string`; every listener we write
 * against these types therefore also fits the real ones. Add to this file only what the code uses.
 */

/** Electron's event object: a DOM-like event plus the event's own parameters. */
export type Event<Params extends object = Record<never, never>> = {
  preventDefault: () => void;
  readonly defaultPrevented: boolean;
} & Params;

// ---------------------------------------------------------------------------------------- app

export type AppPathName =
  | 'home'
  | 'appData'
  | 'assets'
  | 'userData'
  | 'sessionData'
  | 'temp'
  | 'exe'
  | 'module'
  | 'desktop'
  | 'documents'
  | 'downloads'
  | 'music'
  | 'pictures'
  | 'videos'
  | 'recent'
  | 'logs'
  | 'crashDumps';

export interface App {
  on(event: 'before-quit', listener: (event: Event) => void): this;
  on(event: 'will-quit', listener: (event: Event) => void): this;
  on(event: 'window-all-closed', listener: () => void): this;
  on(event: 'second-instance', listener: (event: Event, argv: string[], workingDirectory: string, additionalData: unknown) => void): this;
  on(event: 'web-contents-created', listener: (event: Event, webContents: WebContents) => void): this;
  /** Makes every renderer sandboxed whatever its webPreferences say; only before `ready`. */
  enableSandbox(): void;
  /** Exits at once: no `before-quit` / `will-quit`, windows closed without asking. */
  exit(exitCode?: number): void;
  getLocale(): string;
  getPath(name: AppPathName): string;
  /** Throws when the folder does not exist. */
  setPath(name: AppPathName, path: string): void;
  isReady(): boolean;
  quit(): void;
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
  whenReady(): Promise<void>;
  readonly isPackaged: boolean;
  name: string;
}

export declare const app: App;

// ------------------------------------------------------------------------------ BrowserWindow

export interface WebPreferences {
  devTools?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  preload?: string;
  sandbox?: boolean;
  session?: Session;
  partition?: string;
  contextIsolation?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  experimentalFeatures?: boolean;
  webviewTag?: boolean;
  spellcheck?: boolean;
  navigateOnDragDrop?: boolean;
  safeDialogs?: boolean;
  disableDialogs?: boolean;
  autoplayPolicy?: 'no-user-gesture-required' | 'user-gesture-required' | 'document-user-activation-required';
  enableBlinkFeatures?: string;
  disableBlinkFeatures?: string;
}

export interface BrowserWindowConstructorOptions {
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  center?: boolean;
  show?: boolean;
  title?: string;
  icon?: string;
  backgroundColor?: string;
  autoHideMenuBar?: boolean;
  webPreferences?: WebPreferences;
}

export interface LoadURLOptions {
  httpReferrer?: string;
  userAgent?: string;
  extraHeaders?: string;
}

export declare class BrowserWindow {
  constructor(options?: BrowserWindowConstructorOptions);
  static getAllWindows(): BrowserWindow[];
  on(event: 'closed', listener: () => void): this;
  on(event: 'ready-to-show', listener: () => void): this;
  once(event: 'closed', listener: () => void): this;
  once(event: 'ready-to-show', listener: () => void): this;
  close(): void;
  destroy(): void;
  focus(): void;
  hide(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  loadURL(url: string, options?: LoadURLOptions): Promise<void>;
  restore(): void;
  show(): void;
  readonly id: number;
  readonly webContents: WebContents;
}

// -------------------------------------------------------------------- WebContents, frames

export interface WebFrameMain {
  isDestroyed(): boolean;
  readonly detached: boolean;
  readonly frameTreeNodeId: number;
  readonly name: string;
  readonly origin: string;
  readonly osProcessId: number;
  readonly parent: WebFrameMain | null;
  readonly processId: number;
  readonly routingId: number;
  readonly top: WebFrameMain | null;
  readonly url: string;
}

export interface WebContentsWillNavigateEventParams {
  url: string;
  isSameDocument: boolean;
  isMainFrame: boolean;
  frame: WebFrameMain | null;
  initiator?: WebFrameMain | null;
}

export interface HandlerDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
  referrer: { url: string; policy: string };
}

export interface WindowOpenHandlerResponse {
  action: 'deny' | 'allow';
  overrideBrowserWindowOptions?: BrowserWindowConstructorOptions;
  outlivesOpener?: boolean;
}

export interface Size {
  width: number;
  height: number;
}

export interface PrintToPDFOptions {
  landscape?: boolean;
  displayHeaderFooter?: boolean;
  printBackground?: boolean;
  scale?: number;
  /** 'A0'–'A6', 'Letter', 'Legal', 'Tabloid', 'Ledger', or a size in inches. */
  pageSize?: string | Size;
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
  pageRanges?: string;
  headerTemplate?: string;
  footerTemplate?: string;
  preferCSSPageSize?: boolean;
  generateTaggedPDF?: boolean;
  generateDocumentOutline?: boolean;
}

export interface WebContents {
  on(
    event: 'will-navigate',
    listener: (
      details: Event<WebContentsWillNavigateEventParams>,
      url: string,
      isInPlace: boolean,
      isMainFrame: boolean,
      frameProcessId: number,
      frameRoutingId: number,
    ) => void,
  ): this;
  on(
    event: 'will-redirect',
    listener: (
      details: Event<WebContentsWillNavigateEventParams>,
      url: string,
      isInPlace: boolean,
      isMainFrame: boolean,
      frameProcessId: number,
      frameRoutingId: number,
    ) => void,
  ): this;
  on(event: 'will-attach-webview', listener: (event: Event, webPreferences: WebPreferences, params: Record<string, string>) => void): this;
  getURL(): string;
  isDestroyed(): boolean;
  loadURL(url: string, options?: LoadURLOptions): Promise<void>;
  /** Prints the page with Chromium's print settings (honouring @media print) to PDF bytes. */
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
  reload(): void;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  readonly id: number;
  readonly mainFrame: WebFrameMain;
  readonly session: Session;
}

// ------------------------------------------------------------------------------- ipc

export interface IpcMainInvokeEvent extends Event {
  frameId: number;
  processId: number;
  sender: WebContents;
  /** May be null if read after the frame navigated or was destroyed. */
  readonly senderFrame: WebFrameMain | null;
  type: 'frame';
}

export interface IpcMain {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> | unknown): void;
  removeHandler(channel: string): void;
}

export declare const ipcMain: IpcMain;

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export declare const ipcRenderer: IpcRenderer;

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export declare const contextBridge: ContextBridge;

// -------------------------------------------------------------------------- protocol

export interface Privileges {
  standard?: boolean;
  secure?: boolean;
  bypassCSP?: boolean;
  allowServiceWorkers?: boolean;
  supportFetchAPI?: boolean;
  corsEnabled?: boolean;
  stream?: boolean;
  codeCache?: boolean;
}

export interface CustomScheme {
  scheme: string;
  privileges?: Privileges;
}

export interface Protocol {
  /** Only before `ready`, and only once. */
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  unhandle(scheme: string): void;
  isProtocolHandled(scheme: string): boolean;
}

export declare const protocol: Protocol;

// --------------------------------------------------------------------------- session

export interface PermissionRequest {
  requestingUrl: string;
  isMainFrame: boolean;
}

export interface PermissionCheckHandlerHandlerDetails {
  embeddingOrigin?: string;
  securityOrigin?: string;
  mediaType?: 'video' | 'audio' | 'unknown';
  requestingUrl?: string;
  isMainFrame: boolean;
}

export interface DevicePermissionHandlerHandlerDetails {
  deviceType: 'hid' | 'serial' | 'usb';
  origin: string;
}

export interface OnBeforeRequestListenerDetails {
  id: number;
  url: string;
  method: string;
  resourceType: string;
  referrer: string;
  timestamp: number;
  webContentsId?: number;
  webContents?: WebContents;
  frame?: WebFrameMain | null;
}

export interface CallbackResponse {
  cancel?: boolean;
  redirectURL?: string;
}

export interface WebRequestFilter {
  urls: string[];
  excludeUrls?: string[];
}

export interface WebRequest {
  onBeforeRequest(
    filter: WebRequestFilter,
    listener: ((details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void) | null,
  ): void;
  onBeforeRequest(listener: ((details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void) | null): void;
}

export interface Session {
  setPermissionRequestHandler(
    handler: ((webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void, details: PermissionRequest) => void) | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string, details: PermissionCheckHandlerHandlerDetails) => boolean) | null,
  ): void;
  setDevicePermissionHandler(handler: ((details: DevicePermissionHandlerHandlerDetails) => boolean) | null): void;
  setSpellCheckerEnabled(enable: boolean): void;
  readonly protocol: Protocol;
  readonly webRequest: WebRequest;
}

export interface SessionModule {
  readonly defaultSession: Session;
  fromPartition(partition: string, options?: { cache?: boolean }): Session;
}

export declare const session: SessionModule;

// ------------------------------------------------------------------------------ Menu

export type MenuItemRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'window'
  | 'minimize'
  | 'close'
  | 'help'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'front'
  | 'zoom'
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu';

export interface MenuItemConstructorOptions {
  click?: () => void;
  role?: MenuItemRole;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  label?: string;
  accelerator?: string;
  enabled?: boolean;
  visible?: boolean;
  id?: string;
  submenu?: MenuItemConstructorOptions[] | Menu;
}

export declare class Menu {
  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  static setApplicationMenu(menu: Menu | null): void;
}

// ------------------------------------------------------------------------ powerMonitor

export interface PowerMonitor {
  on(event: 'lock-screen' | 'suspend' | 'resume' | 'unlock-screen', listener: () => void): this;
  /** Linux and macOS; preventDefault() delays the system shutdown while the app exits. */
  on(event: 'shutdown', listener: (event: Event) => void): this;
}

export declare const powerMonitor: PowerMonitor;
