/**
 * The Electron shell: windows, protocols, IPC binding and displays. Everything else lives in the
 * core, which the browser shell runs too.
 */
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  powerSaveBlocker,
  protocol,
  screen,
  session,
} from 'electron';
import { createKioskCore, type KioskCore } from '../core/kioskCore';
import { events, type Role } from '../ipc/contract';
import { respondWithFile } from '../services/media/mediaResponse';
import { IPC_EVENT, IPC_INVOKE } from '../ipc/wire';
import {
  APP_ORIGIN,
  APP_SCHEME,
  isAllowedNavigation,
  isAllowedRequestUrl,
  MEDIA_SCHEME,
  resolveAssetPath,
  SECURITY_HEADERS,
} from '../shell/security';
import { secureWebPreferences } from '../shell/windowPolicy';
import { ElectronDisplays } from './displays';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  {
    scheme: MEDIA_SCHEME,
    privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
  },
]);

const outDir = resolve(import.meta.dirname, '..');
const rendererDir = join(outDir, 'renderer');
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : resolve(outDir, '..', 'resources');
const roles = new Map<number, Role>();

function serveAppAsset(request: Request): Promise<Response> | Response {
  const file = resolveAssetPath(rendererDir, new URL(request.url).pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return net.fetch(pathToFileURL(file).href).then((response) => {
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

async function serveMedia(core: KioskCore, request: Request): Promise<Response> {
  const media = await respondWithFile(
    core.resolveMedia(new URL(request.url).pathname),
    request.method,
    request.headers.get('range'),
  );
  const body = media.body ? (Readable.toWeb(media.body) as ReadableStream) : null;
  return new Response(body, { status: media.status, headers: media.headers });
}

function lockDownSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setSpellCheckerEnabled(false);
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequestUrl(details.url) }),
  );
}

function createWindow(role: Role, bounds: Electron.Rectangle, fullscreen: boolean): BrowserWindow {
  const window = new BrowserWindow({
    ...bounds,
    fullscreen,
    show: false,
    backgroundColor: '#000000',
    title: role === 'console' ? 'Facilitator Kiosk — Console' : 'Facilitator Kiosk — Audience',
    webPreferences: secureWebPreferences(join(outDir, 'preload', `${role}.cjs`)),
  });
  roles.set(window.webContents.id, role);
  window.on('closed', () => roles.delete(window.webContents.id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/${role}.html`);
  return window;
}

function openWindows(core: KioskCore, displays: ElectronDisplays): void {
  const primary = screen.getPrimaryDisplay();
  const consoleWindow = createWindow('console', primary.workArea, false);
  const audience = createWindow('audience', primary.workArea, false);
  displays.attach(consoleWindow, audience);
  // The projector page cannot command; main reads its keys so clickers work whichever window has focus.
  audience.webContents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown' || input.alt || input.control || input.meta) return;
    event.preventDefault();
    core.audienceKey(input.key);
  });
  consoleWindow.on('closed', () => app.quit());
}

/** Keeps the displays awake while a session is live. */
function keepAwakeDuringSessions(core: KioskCore): void {
  let blocker: number | null = null;
  const sync = () => {
    if (core.isLive() && blocker === null)
      blocker = powerSaveBlocker.start('prevent-display-sleep');
    if (!core.isLive() && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
  sync();
  core.onEvent((name) => {
    if (name === 'session:console') sync();
  });
}

function bindIpc(core: KioskCore): void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, args: unknown) => {
    const fromApp = event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`) ?? false;
    const role = fromApp ? (roles.get(event.sender.id) ?? null) : null;
    return core.router.dispatch(channel, args, role);
  });
  core.onEvent((name, payload) => {
    const allowed: readonly Role[] = events[name].roles;
    for (const window of BrowserWindow.getAllWindows()) {
      const role = roles.get(window.webContents.id);
      if (role && allowed.includes(role)) window.webContents.send(IPC_EVENT, name, payload);
    }
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const consoleWindow = BrowserWindow.getAllWindows().find(
      (w) => roles.get(w.webContents.id) === 'console',
    );
    if (consoleWindow?.isMinimized()) consoleWindow.restore();
    consoleWindow?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    let core: KioskCore;
    // The displays remember choices in the core's database, which exists once the core does.
    const displays = new ElectronDisplays(() => core.db);
    try {
      core = createKioskCore({
        dataDir: app.getPath('userData'),
        resourcesDir,
        mediaOrigin: `${MEDIA_SCHEME}://kiosk`,
        displays,
        log: console.error,
      });
    } catch (error) {
      dialog.showErrorBox('Facilitator Kiosk cannot open its records', (error as Error).message);
      app.exit(1);
      return;
    }
    protocol.handle(APP_SCHEME, serveAppAsset);
    protocol.handle(MEDIA_SCHEME, (request) => serveMedia(core, request));
    lockDownSession();
    bindIpc(core);
    openWindows(core, displays);
    keepAwakeDuringSessions(core);
    app.on('will-quit', () => core.close());
  });
}
