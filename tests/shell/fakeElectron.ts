/**
 * A fake `electron` module for loading the built main process (`out/main/index.js`) under Node.
 * vitest's resolver maps the bare specifier `electron` here (vitest.config.ts, project "shell"),
 * and each scenario loads a fresh copy of both (harness.ts). Every piece is typed against
 * Electron's own `electron.d.ts` with `satisfies`/`implements`, so a fake that drifts from the real
 * API fails the typecheck. Each mirrored behaviour names its source in a comment; where Electron's
 * behaviour is uncertain (whether `net.fetch` passes through webRequest), the harness configures
 * both and runs the scenario under each.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Electron from 'electron';

export interface FakeConfig {
  isPackaged: boolean;
  home: string;
  resourcesPath?: string;
  displays: Electron.Display[];
  /** Command-line switches the app was started with, e.g. `{ 'kiosk-data': '/tmp/x' }`. */
  switches: Record<string, string>;
  /** Another instance holds the lock: requestSingleInstanceLock() answers false. */
  lockHeldElsewhere: boolean;
  /**
   * Electron's docs say net.fetch passes through webRequest handlers; electron/electron#45178 says
   * it does not yet, and a pending fix would make it so. Scenarios run both ways.
   */
  netFetchUsesWebRequest: boolean;
  /** What safeStorage reports: Linux without a keyring says 'basic_text'. */
  storageBackend: ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;
  /** What app.getLocale() reports: the system's language (the harness's computer speaks English). */
  locale: string;
}

interface FakeState {
  config: FakeConfig;
  ready: boolean;
  readyWaiters: (() => void)[];
  userData: string | null;
  privileged: Electron.CustomScheme[];
  handlers: Map<string, (request: Request) => Response | Promise<Response>>;
  beforeRequest:
    ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null;
  permissionRequest: unknown;
  permissionCheck: ((...args: never[]) => boolean) | null;
  ipcHandlers: Map<string, (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown>;
  blockers: Map<number, string>;
  errorBoxes: { title: string; content: string }[];
  /** What the next open-file dialogs answer, in order (a path, or null for Cancel); and what they were asked. */
  openDialogAnswers: (string | null)[];
  openDialogs: Electron.OpenDialogOptions[];
  /** What the next message boxes answer (a button's index), in order; and what they showed. */
  messageBoxAnswers: number[];
  messageBoxes: Electron.MessageBoxSyncOptions[];
  applicationMenu: FakeMenu | null;
  quitRequested: number;
  quitting: boolean;
  willQuitCount: number;
  quit: boolean;
  exitCode: number | null;
  windows: FakeBrowserWindow[];
  spellcheck: boolean | null;
}

let state: FakeState;

export function makeDisplay(id: number, bounds: Electron.Rectangle, label = ''): Electron.Display {
  const workArea = { ...bounds, height: bounds.height - 40 };
  return {
    id,
    label,
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    accelerometerSupport: 'unknown',
    colorDepth: 24,
    colorSpace: 'srgb',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    internal: id === 1,
    maximumCursorSize: { width: 64, height: 64 },
    monochrome: false,
    nativeOrigin: { x: bounds.x, y: bounds.y },
    rotation: 0,
    scaleFactor: 1,
    touchSupport: 'unknown',
  };
}

export const LAPTOP = makeDisplay(1, { x: 0, y: 0, width: 1366, height: 768 }, 'Built-in display');
export const PROJECTOR = makeDisplay(2, { x: 1366, y: 0, width: 1920, height: 1080 }, 'Projector');

/** Called by the harness before the built main is imported. */
export function configure(config: Partial<FakeConfig> & { home: string }): void {
  state = {
    config: {
      isPackaged: false,
      displays: [LAPTOP],
      switches: {},
      lockHeldElsewhere: false,
      netFetchUsesWebRequest: false,
      storageBackend: 'gnome_libsecret',
      locale: 'en-US',
      ...config,
    },
    ready: false,
    readyWaiters: [],
    userData: null,
    privileged: [],
    handlers: new Map(),
    beforeRequest: null,
    permissionRequest: null,
    permissionCheck: null,
    ipcHandlers: new Map(),
    blockers: new Map(),
    errorBoxes: [],
    openDialogAnswers: [],
    openDialogs: [],
    messageBoxAnswers: [],
    messageBoxes: [],
    applicationMenu: null,
    quitRequested: 0,
    quitting: false,
    willQuitCount: 0,
    quit: false,
    exitCode: null,
    windows: [],
    spellcheck: null,
  };
  if (config.resourcesPath) {
    // Electron sets process.resourcesPath in every process; Node has none.
    Object.defineProperty(process, 'resourcesPath', {
      value: config.resourcesPath,
      configurable: true,
    });
  }
}

export function fakeState(): Readonly<FakeState> {
  return state;
}

class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

function destroyedError(): TypeError {
  // Electron: any member of a destroyed BrowserWindow or WebContents throws this TypeError.
  return new TypeError('Object has been destroyed');
}

// ----- app ---------------------------------------------------------------------------------

class FakeCommandLine implements Electron.CommandLine {
  appendSwitch(name: string, value?: string): void {
    state.config.switches[name] = value ?? '';
  }
  appendArgument(): void {}
  hasSwitch(name: string): boolean {
    return Object.hasOwn(state.config.switches, name);
  }
  // Electron: an absent switch reads as the empty string.
  getSwitchValue(name: string): string {
    return state.config.switches[name] ?? '';
  }
  removeSwitch(name: string): void {
    delete state.config.switches[name];
  }
}

class FakeApp extends EventEmitter {
  readonly commandLine = new FakeCommandLine();

  get isPackaged(): boolean {
    return state.config.isPackaged;
  }

  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name === 'userData') return state.userData ?? `${state.config.home}/.config/Electron`;
    if (name === 'home') return state.config.home;
    return `${state.config.home}/${name}`;
  }

  /**
   * Electron (App::SetPath): a relative path throws "Path must be absolute", and the docs say a
   * directory that does not exist throws too.
   */
  setPath(name: Parameters<Electron.App['setPath']>[0], path: string): void {
    if (!isAbsolute(path)) throw new Error('Path must be absolute');
    if (!existsSync(path)) throw new Error(`Failed to set path: ${path} does not exist`);
    if (name === 'userData') state.userData = path;
  }

  getVersion(): string {
    return '0.1.0';
  }

  /** Electron: the application's locale, from the system's (`locale`, English unless configured). */
  getLocale(): string {
    return state.config.locale;
  }

  requestSingleInstanceLock(): boolean {
    return !state.config.lockHeldElsewhere;
  }

  isReady(): boolean {
    return state.ready;
  }

  whenReady(): Promise<void> {
    if (state.ready) return Promise.resolve();
    return new Promise((resolve) => state.readyWaiters.push(resolve));
  }

  /**
   * Electron's quit: 'before-quit' (preventable), then every window is asked to close ('close',
   * preventable, cancels the quit), then 'will-quit' (preventable) and 'quit'.
   */
  quit(): void {
    state.quitRequested += 1;
    // Electron: a quit already under way is not started again.
    if (state.quitting || state.quit) return;
    const beforeQuit = new FakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    state.quitting = true;
    for (const window of FakeBrowserWindow.getAllWindows()) window.close();
    if (FakeBrowserWindow.getAllWindows().length > 0) {
      state.quitting = false;
      return;
    }
    const willQuit = new FakeEvent();
    state.willQuitCount += 1;
    this.emit('will-quit', willQuit);
    state.quitting = false;
    if (willQuit.defaultPrevented) return;
    this.emit('quit', new FakeEvent(), 0);
    state.quit = true;
  }

  /** Electron: exits at once, with no 'before-quit' or 'will-quit'. */
  exit(code = 0): void {
    state.exitCode = code;
  }
}

export const app = new FakeApp() satisfies Pick<
  Electron.App,
  | 'isPackaged'
  | 'getPath'
  | 'setPath'
  | 'getVersion'
  | 'getLocale'
  | 'requestSingleInstanceLock'
  | 'isReady'
  | 'whenReady'
  | 'quit'
  | 'exit'
  | 'commandLine'
>;

/** The app becomes ready: whenReady() resolves, then the harness lets the promise chains run. */
export async function becomeReady(): Promise<void> {
  state.ready = true;
  for (const resolve of state.readyWaiters.splice(0)) resolve();
  app.emit('ready');
  await settle();
}

/** Lets pending promises and timers (page loads, file reads) finish. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

function requireReady(what: string): void {
  // Electron: these modules throw when used before the app is ready.
  if (!state.ready) throw new Error(`${what} cannot be used before the app is ready`);
}

// ----- windows -----------------------------------------------------------------------------

let nextContentsId = 1;

class FakeWebFrame {
  parent: FakeWebFrame | null = null;
  constructor(public url: string) {}
}

export class FakeWebContents
  extends EventEmitter
  implements
    Pick<Electron.WebContents, 'id' | 'send' | 'reload' | 'isDestroyed' | 'setWindowOpenHandler'>
{
  readonly id = nextContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly mainFrame = new FakeWebFrame('');
  reloads = 0;
  destroyed = false;
  /** The page's `beforeunload` handler cancels the unload (the pack editor with unsaved changes). */
  refusesUnload = false;
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;

  constructor(readonly webPreferences: Electron.WebPreferences) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw destroyedError();
    this.sent.push({ channel, args });
  }

  reload(): void {
    if (this.destroyed) throw destroyedError();
    this.reloads += 1;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }

  /**
   * The page is about to unload (a reload, a navigation, its window closing). Electron: when a
   * `beforeunload` handler cancels it, webContents emits 'will-prevent-unload', and
   * `event.preventDefault()` there "will ignore the beforeunload event handler and allow the page
   * to be unloaded" (web-contents.md); otherwise the page stays. True when the page unloads.
   */
  unload(): boolean {
    if (this.destroyed) throw destroyedError();
    if (!this.refusesUnload) return true;
    const event = new FakeEvent();
    this.emit('will-prevent-unload', event);
    return event.defaultPrevented;
  }

  /** The page asks main for something, as the preload's ipcRenderer.invoke does. */
  invoke(channel: string, args: unknown, frame: FakeWebFrame = this.mainFrame): Promise<unknown> {
    const handler = state.ipcHandlers.get('kiosk:invoke');
    if (!handler) throw new Error('main registered no kiosk:invoke handler');
    const event = { sender: this, senderFrame: frame } as unknown as Electron.IpcMainInvokeEvent;
    return Promise.resolve(handler(event, channel, args));
  }

  /** A key pressed in this window: 'before-input-event' first, as Chromium delivers it. */
  pressKey(key: string, input: Partial<Electron.Input> = {}): boolean {
    const event = new FakeEvent();
    this.emit('before-input-event', event, {
      type: 'keyDown',
      key,
      code: key,
      isAutoRepeat: false,
      isComposing: false,
      shift: false,
      control: false,
      alt: false,
      meta: false,
      location: 0,
      modifiers: [],
      ...input,
    } satisfies Electron.Input);
    return event.defaultPrevented;
  }

  /** The renderer process dies. */
  crash(reason: Electron.RenderProcessGoneDetails['reason'] = 'crashed'): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode: 139 });
  }

  /** A page tries to navigate itself: 'will-navigate' decides. */
  navigate(url: string): boolean {
    const event = new FakeEvent();
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
}

type WindowMember =
  | 'loadURL'
  | 'show'
  | 'showInactive'
  | 'hide'
  | 'isVisible'
  | 'focus'
  | 'isFocused'
  | 'isMinimized'
  | 'restore'
  | 'minimize'
  | 'setBounds'
  | 'getBounds'
  | 'setFullScreen'
  | 'isFullScreen'
  | 'removeMenu'
  | 'close'
  | 'destroy'
  | 'isDestroyed';

export class FakeBrowserWindow
  extends EventEmitter
  implements Pick<Electron.BrowserWindow, WindowMember>
{
  readonly contents: FakeWebContents;
  readonly boundsHistory: Electron.Rectangle[] = [];
  private bounds: Electron.Rectangle;
  private fullScreen: boolean;
  private visible = false;
  private focused = false;
  private minimized = false;
  private destroyed = false;
  menuRemoved = false;
  loadedUrl: string | null = null;
  loadStatus: number | null = null;

  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows.filter((window) => !window.destroyed);
  }

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    // Electron: BrowserWindow can only be created once the app is ready.
    requireReady('BrowserWindow');
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.fullScreen = options.fullscreen ?? false;
    this.visible = options.show ?? true;
    this.contents = new FakeWebContents(options.webPreferences ?? {});
    state.windows.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.contents);
  }

  private alive(): void {
    if (this.destroyed) throw destroyedError();
  }

  /** Electron: the getter throws on a destroyed window. */
  get webContents(): FakeWebContents {
    this.alive();
    return this.contents;
  }

  /**
   * Loads the page through the registered protocol. Electron rejects only when the load fails
   * ('did-fail-load', e.g. a blocked request); an HTTP error page still loads and shows.
   */
  async loadURL(url: string): Promise<void> {
    this.alive();
    this.loadedUrl = url;
    this.contents.mainFrame.url = url;
    const response = await request(url);
    this.loadStatus = response === 'blocked' ? null : response.status;
    if (response === 'blocked') throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    if (!this.destroyed) this.emit('ready-to-show');
  }

  show(): void {
    this.alive();
    this.visible = true;
    this.focused = true;
    this.minimized = false;
  }
  showInactive(): void {
    this.alive();
    this.visible = true;
  }
  hide(): void {
    this.alive();
    this.visible = false;
    this.focused = false;
  }
  isVisible(): boolean {
    this.alive();
    return this.visible;
  }
  focus(): void {
    this.alive();
    this.focused = true;
  }
  isFocused(): boolean {
    this.alive();
    return this.focused;
  }
  minimize(): void {
    this.alive();
    this.minimized = true;
    this.focused = false;
  }
  isMinimized(): boolean {
    this.alive();
    return this.minimized;
  }
  restore(): void {
    this.alive();
    this.minimized = false;
  }

  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.alive();
    // macOS ignores new bounds for a window in (or animating out of) native full screen.
    if (process.platform === 'darwin' && this.fullScreen) return;
    this.bounds = { ...this.bounds, ...bounds };
    this.boundsHistory.push(this.bounds);
  }
  getBounds(): Electron.Rectangle {
    this.alive();
    return this.bounds;
  }

  /**
   * Elsewhere the change is immediate; macOS animates leaving full screen and reports the end with
   * 'leave-full-screen' (BrowserWindow docs: "setFullScreen … is asynchronous on macOS").
   */
  setFullScreen(flag: boolean): void {
    this.alive();
    if (flag === this.fullScreen) return;
    const apply = () => {
      if (this.destroyed) return;
      this.fullScreen = flag;
      this.emit(flag ? 'enter-full-screen' : 'leave-full-screen');
    };
    if (process.platform === 'darwin') setTimeout(apply, 1);
    else apply();
  }
  isFullScreen(): boolean {
    this.alive();
    return this.fullScreen;
  }

  removeMenu(): void {
    this.alive();
    this.menuRemoved = true;
  }

  /**
   * Electron: 'close' is preventable; it "is emitted before the beforeunload and unload event of
   * the DOM" (browser-window.md), and a page that refuses the unload keeps the window open.
   * Otherwise the window is destroyed and 'closed' follows.
   */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented || !this.contents.unload()) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.contents.destroyed = true;
    this.emit('closed');
    // Electron: not emitted when the windows close because the app is quitting.
    if (FakeBrowserWindow.getAllWindows().length === 0 && !state.quitting) {
      app.emit('window-all-closed');
    }
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export { FakeBrowserWindow as BrowserWindow };

// ----- menu --------------------------------------------------------------------------------

export class FakeMenu {
  constructor(readonly template: Electron.MenuItemConstructorOptions[]) {}

  static buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): FakeMenu {
    return new FakeMenu(template);
  }

  static setApplicationMenu(menu: FakeMenu | null): void {
    state.applicationMenu = menu;
  }

  /** Every role in the menu, submenus included. */
  roles(): string[] {
    const walk = (items: Electron.MenuItemConstructorOptions[]): string[] =>
      items.flatMap((item) => [
        ...(item.role ? [item.role] : []),
        ...(Array.isArray(item.submenu) ? walk(item.submenu) : []),
      ]);
    return walk(this.template);
  }
}

export { FakeMenu as Menu };

// ----- protocol, net, session --------------------------------------------------------------

export const protocol = {
  // Electron: "This method can only be used before the ready event of the app module gets emitted".
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    if (state.ready) throw new Error('registerSchemesAsPrivileged must be called before ready');
    state.privileged.push(...schemes);
  },
  // Electron: the protocol module can only be used after the ready event.
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    requireReady('protocol.handle');
    state.handlers.set(scheme, handler as (request: Request) => Response | Promise<Response>);
  },
} satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

/** What the session's webRequest filter says about a URL (true: cancelled). */
function filtered(url: string): boolean {
  let cancel = false;
  state.beforeRequest?.({ url }, (response) => (cancel = response.cancel === true));
  return cancel;
}

/**
 * A request from a page: Chromium runs the session's webRequest filter first (webRequest docs),
 * then the scheme's handler. 'blocked' is net::ERR_BLOCKED_BY_CLIENT.
 */
export async function request(url: string, init?: RequestInit): Promise<Response | 'blocked'> {
  if (filtered(url)) return 'blocked';
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = state.handlers.get(scheme);
  if (!handler) return new Response(null, { status: 404 });
  return handler(new Request(url, init));
}

export const net = {
  async fetch(input: string | Request): Promise<Response> {
    const url = typeof input === 'string' ? input : input.url;
    if (state.config.netFetchUsesWebRequest && filtered(url)) {
      throw new TypeError('net::ERR_BLOCKED_BY_CLIENT');
    }
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)));
    const response = await request(url);
    if (response === 'blocked') throw new TypeError('net::ERR_BLOCKED_BY_CLIENT');
    return response;
  },
} satisfies Pick<Electron.Net, 'fetch'>;

const webRequest = {
  onBeforeRequest(filterOrListener: unknown, listener?: unknown): void {
    state.beforeRequest = (listener ?? filterOrListener) as FakeState['beforeRequest'];
  },
} satisfies Pick<Electron.WebRequest, 'onBeforeRequest'>;

const defaultSession = {
  webRequest,
  setSpellCheckerEnabled(enable: boolean): void {
    state.spellcheck = enable;
  },
  setPermissionRequestHandler(
    handler: Parameters<Electron.Session['setPermissionRequestHandler']>[0],
  ): void {
    state.permissionRequest = handler;
  },
  setPermissionCheckHandler(
    handler: Parameters<Electron.Session['setPermissionCheckHandler']>[0],
  ): void {
    state.permissionCheck = handler as FakeState['permissionCheck'];
  },
} satisfies Pick<
  Electron.Session,
  'setSpellCheckerEnabled' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> & { webRequest: Pick<Electron.WebRequest, 'onBeforeRequest'> };

export const session = {
  get defaultSession() {
    // Electron: session.defaultSession is available once the app is ready.
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

// ----- IPC, screen, power, dialog ----------------------------------------------------------

export const ipcMain = {
  handle(
    channel: string,
    listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void {
    // Electron: a second handler for the same channel throws.
    if (state.ipcHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipcHandlers.set(channel, listener);
  },
  // Electron (ipc-main docs): "Removes any handler for channel, if present."
  removeHandler(channel: string): void {
    state.ipcHandlers.delete(channel);
  },
} satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;

class FakeScreen extends EventEmitter {
  private check(): void {
    // Electron: "The screen module can't be used before the app is ready".
    requireReady('screen');
  }
  getAllDisplays(): Electron.Display[] {
    this.check();
    return state.config.displays;
  }
  getPrimaryDisplay(): Electron.Display {
    this.check();
    return state.config.displays[0]!;
  }
  /** Electron: the display that most closely intersects the rectangle. */
  getDisplayMatching(rect: Electron.Rectangle): Electron.Display {
    this.check();
    const overlap = (display: Electron.Display) => {
      const b = display.bounds;
      const width = Math.min(rect.x + rect.width, b.x + b.width) - Math.max(rect.x, b.x);
      const height = Math.min(rect.y + rect.height, b.y + b.height) - Math.max(rect.y, b.y);
      return Math.max(0, width) * Math.max(0, height);
    };
    return [...state.config.displays].sort((a, b) => overlap(b) - overlap(a))[0]!;
  }
}

export const screen = new FakeScreen() satisfies Pick<
  Electron.Screen,
  'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'
>;

export function plugIn(display: Electron.Display): void {
  state.config.displays = [...state.config.displays, display];
  screen.emit('display-added', new FakeEvent(), display);
}

export function unplug(id: number): void {
  const display = state.config.displays.find((entry) => entry.id === id)!;
  state.config.displays = state.config.displays.filter((entry) => entry.id !== id);
  screen.emit('display-removed', new FakeEvent(), display);
}

export function moveDisplay(id: number, bounds: Electron.Rectangle): void {
  const moved = makeDisplay(id, bounds, state.config.displays.find((d) => d.id === id)?.label);
  state.config.displays = state.config.displays.map((entry) => (entry.id === id ? moved : entry));
  screen.emit('display-metrics-changed', new FakeEvent(), moved, ['bounds']);
}

let nextBlocker = 1;
export const powerSaveBlocker = {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    const id = nextBlocker++;
    state.blockers.set(id, type);
    return id;
  },
  stop(id: number): boolean {
    return state.blockers.delete(id);
  },
  isStarted(id: number): boolean {
    return state.blockers.has(id);
  },
} satisfies Pick<Electron.PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;

/**
 * The operating system's wrapping, reversible only through this fake (as DPAPI or the Keychain are
 * only for the same user): the sealed bytes never hold the plain text. Electron's docs: encryption
 * is available only after `ready`; on Linux `basic_text` means no keyring, a fixed password.
 */
const SEAL = 0x5c;
export const safeStorage = {
  isEncryptionAvailable(): boolean {
    return state.ready;
  },
  getSelectedStorageBackend() {
    return state.ready ? state.config.storageBackend : 'unknown';
  },
  encryptString(plainText: string): Buffer {
    if (!state.ready) throw new Error('safeStorage cannot be used before the app is ready');
    return Buffer.from(Buffer.from(`fake-os-sealed:${plainText}`).map((byte) => byte ^ SEAL));
  },
  decryptString(encrypted: Buffer): string {
    const text = Buffer.from(encrypted.map((byte) => byte ^ SEAL)).toString();
    if (!text.startsWith('fake-os-sealed:'))
      throw new Error('Error while decrypting the ciphertext');
    return text.slice('fake-os-sealed:'.length);
  },
} satisfies Pick<
  Electron.SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

export const dialog = {
  showErrorBox(title: string, content: string): void {
    state.errorBoxes.push({ title, content });
  },
  /** Electron's form without a parent window. */
  showOpenDialog(options: Electron.OpenDialogOptions): Promise<Electron.OpenDialogReturnValue> {
    requireReady('dialog');
    state.openDialogs.push(options);
    const answer = state.openDialogAnswers.shift() ?? null;
    return Promise.resolve(
      answer === null
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths: [answer] },
    );
  },
  /**
   * A modal message box: answers the next of `messageBoxAnswers`, else the cancel button
   * (Electron: closing the box with Esc or the window's ✕ returns `cancelId`, 0 when unset).
   */
  showMessageBoxSync(
    windowOrOptions: Electron.BaseWindow | Electron.MessageBoxSyncOptions,
    options?: Electron.MessageBoxSyncOptions,
  ): number {
    requireReady('dialog');
    const shown = options ?? (windowOrOptions as Electron.MessageBoxSyncOptions);
    state.messageBoxes.push(shown);
    return state.messageBoxAnswers.shift() ?? shown.cancelId ?? 0;
  },
} satisfies Pick<Electron.Dialog, 'showErrorBox' | 'showMessageBoxSync'> & {
  showOpenDialog(options: Electron.OpenDialogOptions): Promise<Electron.OpenDialogReturnValue>;
};
