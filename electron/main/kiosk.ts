/**
 * The desktop kiosk once Electron is ready: the core, the app:// protocol, the session's security
 * rules, the IPC binding, the windows and the displays. A failure at start shows a plain dialog,
 * is logged under the data folder, and exits, so no windowless process keeps the single-instance
 * lock.
 */
import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, powerSaveBlocker, protocol, session } from 'electron';
import { createKioskCore, type KioskCore } from '../core/kioskCore';
import { StartupError } from '../db/startupError';
import { events, type Role } from '../ipc/contract';
import { IPC_EVENT, IPC_INVOKE } from '../ipc/wire';
import { serveAppRequest } from '../shell/appProtocol';
import { windowPlacementNote } from '../shell/displays';
import { openLogFile, type LogFile } from '../shell/logFile';
import {
  APP_ORIGIN,
  APP_SCHEME,
  devServerOrigin,
  isAllowedNavigation,
  isAllowedRequestUrl,
} from '../shell/security';
import { ElectronDisplays } from './displays';
import { installApplicationMenu } from './menu';
import { KioskWindows } from './windows';

const outDir = resolve(import.meta.dirname, '..');

/**
 * electron-vite's dev server during an unpackaged `npm run dev` (it sets ELECTRON_RENDERER_URL):
 * the app:// handler then takes the pages from it. Never in a packaged app.
 */
function devOrigin(): string | null {
  return app.isPackaged ? null : devServerOrigin(process.env.ELECTRON_RENDERER_URL);
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

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function bindIpc(core: KioskCore, windows: KioskWindows): void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, args: unknown) => {
    // A role belongs to the top frame of one of the kiosk's own windows showing its own page.
    const frame = event.senderFrame;
    const fromApp =
      frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
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
  const dev = devOrigin();
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
  const closeRecords = () => {
    displays.dispose();
    kiosk.close();
  };
  app.on('will-quit', closeRecords);
  const rendererDir = join(outDir, 'renderer');
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(request, {
      rendererDir,
      resolveMedia: (path) => kiosk.resolveMedia(path),
      devOrigin: dev,
    }),
  );
  lockDownSession(dev);
  const windows = new KioskWindows({
    core: kiosk,
    displays,
    preloadDir: join(outDir, 'preload'),
    pageUrl: (role) => `${APP_ORIGIN}/${role}.html`,
    isPackaged: app.isPackaged,
    quitting,
    quit: () => app.quit(),
    // Windows logging off or shutting down emits neither 'before-quit' nor 'will-quit'.
    sessionEnding: () => {
      log.write('the operating system is ending the session; closing the records');
      closeRecords();
    },
    log: (message) => log.write(message),
  });
  bindIpc(kiosk, windows);
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
  // The counselor's message names no paths; the folder and the system's own error are for IT.
  if (error instanceof StartupError) log.write(`details: ${error.detail}`);
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
  hardenContents();
  // A throw in a display or IPC callback must leave a trace, and must not end the show mid-session.
  process.on('uncaughtException', (error) =>
    log.write(`uncaught: ${error.stack ?? error.message}`),
  );
  process.on('unhandledRejection', (reason) =>
    log.write(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    ),
  );
  // Closing the console quits (windows.ts); the kiosk never lingers without its windows.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => launch(log, quitting))
    .catch((error: unknown) => failStart(log, error));
}
