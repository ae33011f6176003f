/**
 * The desktop kiosk once Electron is ready: the core, the app:// protocol, the session's security
 * rules, the IPC binding, the windows and the displays. A failure at start shows a plain dialog,
 * is logged under the data folder, and exits, so no windowless process keeps the single-instance
 * lock.
 */
import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, powerSaveBlocker, protocol, session } from 'electron';
import { createKioskCore, type KioskCore } from '../core/kioskCore';
import { events, type Role } from '../ipc/contract';
import { IPC_EVENT, IPC_INVOKE } from '../ipc/wire';
import { serveAppRequest } from '../shell/appProtocol';
import { windowPlacementNote } from '../shell/displays';
import { openLogFile, type LogFile } from '../shell/logFile';
import {
  APP_ORIGIN,
  APP_SCHEME,
  isAllowedNavigation,
  isAllowedRequestUrl,
} from '../shell/security';
import { ElectronDisplays } from './displays';
import { installApplicationMenu } from './menu';
import { KioskWindows } from './windows';

const outDir = resolve(import.meta.dirname, '..');

/**
 * Where the windows' pages come from: the built renderer over app://kiosk, or electron-vite's dev
 * server during an unpackaged `npm run dev` (it sets ELECTRON_RENDERER_URL).
 */
function pageOrigin(): { origin: string; devOrigin: string | null } {
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (!devUrl) return { origin: APP_ORIGIN, devOrigin: null };
  const devOrigin = new URL(devUrl).origin;
  return { origin: devOrigin, devOrigin };
}

function resourcesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : resolve(outDir, '..', 'resources');
}

function lockDownSession(devOrigin: string | null): void {
  const defaultSession = session.defaultSession;
  defaultSession.setSpellCheckerEnabled(false);
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequestUrl(details.url, devOrigin) }),
  );
}

function hardenContents(devOrigin: string | null): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, devOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function bindIpc(core: KioskCore, windows: KioskWindows, origin: string): void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, args: unknown) => {
    // A role belongs to the top frame of one of the kiosk's own windows showing its own page.
    const frame = event.senderFrame;
    const fromApp = frame !== null && frame.parent === null && frame.url.startsWith(`${origin}/`);
    const role = fromApp ? (windows.roleOf(event.sender.id) ?? null) : null;
    return core.router.dispatch(channel, args, role);
  });
  core.onEvent((name, payload) => {
    const allowed: readonly Role[] = events[name].roles;
    for (const [role, window] of windows.open()) {
      if (allowed.includes(role)) window.webContents.send(IPC_EVENT, name, payload);
    }
  });
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

function launch(log: LogFile, quitting: { now: boolean }): void {
  const { origin, devOrigin } = pageOrigin();
  installApplicationMenu(app.isPackaged);
  let core: KioskCore | null = null;
  // The displays remember choices in the core's database, which exists once the core does.
  const displays = new ElectronDisplays(
    () => core!.db,
    windowPlacementNote(
      process.platform,
      process.env,
      app.commandLine.getSwitchValue('ozone-platform'),
    ),
  );
  const kiosk = createKioskCore({
    dataDir: app.getPath('userData'),
    resourcesDir: resourcesDir(),
    displays,
    log: (message) => log.write(message),
  });
  core = kiosk;
  app.on('will-quit', () => {
    displays.dispose();
    kiosk.close();
  });
  const rendererDir = join(outDir, 'renderer');
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(request, { rendererDir, resolveMedia: (path) => kiosk.resolveMedia(path) }),
  );
  lockDownSession(devOrigin);
  const windows = new KioskWindows({
    core: kiosk,
    displays,
    preloadDir: join(outDir, 'preload'),
    pageUrl: (role) => `${origin}/${role}.html`,
    isPackaged: app.isPackaged,
    quitting,
    quit: () => app.quit(),
    log: (message) => log.write(message),
  });
  bindIpc(kiosk, windows, origin);
  app.on('second-instance', () => {
    const consoleWindow = windows.consoleWindow();
    if (consoleWindow?.isMinimized()) consoleWindow.restore();
    consoleWindow?.focus();
  });
  windows.openBoth();
  keepAwakeDuringSessions(kiosk);
  log.write(`started ${app.getVersion()}, records in ${kiosk.databaseFile}`);
}

function failStart(log: LogFile, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.write(`could not start: ${error instanceof Error ? (error.stack ?? message) : message}`);
  dialog.showErrorBox(
    'Facilitator Kiosk could not start',
    `${message}\n\nNothing was changed. Details are in ${log.path}.`,
  );
  app.exit(1);
}

export function startKiosk(): void {
  const log = openLogFile(join(app.getPath('userData'), 'logs'));
  const quitting = { now: false };
  app.on('before-quit', () => {
    quitting.now = true;
  });
  hardenContents(pageOrigin().devOrigin);
  // Closing the console quits (windows.ts); the kiosk never lingers without its windows.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => launch(log, quitting))
    .catch((error: unknown) => failStart(log, error));
}
