/**
 * The desktop kiosk once Electron is ready: the core, the app:// protocol, the session's security
 * rules, the IPC binding, the windows and the displays. A failure at start shows a plain dialog,
 * is logged under the data folder, and exits, so no windowless process keeps the single-instance
 * lock.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, powerSaveBlocker, protocol, session } from 'electron';
import { systemClock } from '../shared/clock';
import { createKioskCore, DATABASE_FILE_NAME, type KioskCore } from '../core/kioskCore';
import { StartupError } from '../db/startupError';
import { PassphraseGate, type Unlocked } from '../services/access/passphraseGate';
import { mainT } from '../shared/i18n/phrases';
import { systemLanguage } from '../services/settings/consoleLanguage';
import { receiversOf } from '../ipc/eventFanOut';
import { IPC_EVENT, IPC_INVOKE } from '../shared/wire';
import { serveAppRequest } from '../shell/appProtocol';
import { windowPlacementNote } from '../shared/displays';
import { openLogFile, type LogFile } from '../shell/logFile';
import {
  APP_ORIGIN,
  APP_SCHEME,
  devServerOrigin,
  isAllowedNavigation,
  isAllowedRequestUrl,
} from '../shell/security';
import { ElectronDisplays } from './displays';
import { appPageSender } from './ipcSender';
import { passphraseFileWrapping, systemKeyWrapping } from './keyWrapping';
import { installApplicationMenu } from './menu';
import { askForPassphrase } from './unlockWindow';
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

/** The open-file dialog for a pack's .zip or a media file: main reads the chosen file itself. */
async function chooseFile(purpose: 'pack' | 'media'): Promise<string | null> {
  const { canceled, filePaths } = await dialog.showOpenDialog({
    title: purpose === 'pack' ? 'Import a content pack' : 'Import a video or audio file',
    properties: ['openFile'],
    filters:
      purpose === 'pack'
        ? [{ name: 'Content pack (.zip)', extensions: ['zip'] }]
        : [
            {
              name: 'Video, audio or captions',
              extensions: [
                'mp4',
                'm4v',
                'webm',
                'mov',
                'ogv',
                'mp3',
                'm4a',
                'ogg',
                'opus',
                'wav',
                'vtt',
              ],
            },
          ],
  });
  return canceled ? null : (filePaths[0] ?? null);
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
    const sender = appPageSender(event);
    const role = sender === null ? null : (windows.roleOf(sender) ?? null);
    return core.router.dispatch(channel, args, role);
  });
  core.onEvent((name, payload) => {
    for (const [, window] of receiversOf(name, windows.open(), ([role]) => role))
      window.webContents.send(IPC_EVENT, name, payload);
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

interface Shell {
  dev: string | null;
  /** Set once the records are open: app:// serves their media from then on. */
  core: KioskCore | null;
}

/** What every window needs before the first one opens: the menu, app:// and the session's rules. */
function prepareShell(): Shell {
  const shell: Shell = { dev: devOrigin(), core: null };
  installApplicationMenu(app.isPackaged);
  const rendererDir = join(outDir, 'renderer');
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(request, {
      rendererDir,
      resolveMedia: (path) => shell.core?.resolveMedia(path) ?? null,
      takeDownload: (path) => shell.core?.takeDownload(path) ?? null,
      devOrigin: shell.dev,
    }),
  );
  lockDownSession(shell.dev);
  return shell;
}

const switchFile = (name: string) => app.commandLine.getSwitchValue(name) || null;

/**
 * How the records key is kept: by the operating system; where it cannot, by a passphrase from
 * `--kiosk-passphrase-file` or, without one, from the passphrase window (closed by `close`).
 */
async function unlockRecords(log: LogFile): Promise<Unlocked & { close?: () => void }> {
  const recoveryKeyFile = switchFile('kiosk-recovery-key-file');
  const recoveryKey = recoveryKeyFile
    ? readFileSync(recoveryKeyFile, 'utf8').split(/\r?\n/)[0]
    : undefined;
  const system = systemKeyWrapping();
  if ('wrapping' in system) return { keyWrapping: system.wrapping, recoveryKey };
  const passphraseFile = switchFile('kiosk-passphrase-file');
  if (passphraseFile)
    return { keyWrapping: passphraseFileWrapping(passphraseFile, system.why), recoveryKey };
  const dataDir = app.getPath('userData');
  const gate = new PassphraseGate(
    dataDir,
    join(dataDir, DATABASE_FILE_NAME),
    system.why,
    systemClock,
  );
  // A damaged key file is a StartupError here, before any window opens.
  const mode = gate.view().mode;
  log.write(
    `the system cannot keep the records key (${system.why}); asking for the passphrase (${mode})`,
  );
  const unlocked = await askForPassphrase({
    gate,
    preloadDir: join(outDir, 'preload'),
    pageUrl: `${APP_ORIGIN}/unlock.html`,
    isPackaged: app.isPackaged,
    log: (message) => log.write(message),
  });
  return { ...unlocked, recoveryKey: unlocked.recoveryKey ?? recoveryKey };
}

async function launch(log: LogFile, quitting: { now: boolean }): Promise<KioskWindows> {
  const shell = prepareShell();
  const unlocked = await unlockRecords(log);
  let core: KioskCore | null = null;
  // The displays remember choices in the core's database, which exists once the core does.
  const displays = new ElectronDisplays(
    () => core!.db,
    windowPlacementNote(
      process.platform,
      process.env,
      app.commandLine.getSwitchValue('ozone-platform'),
    ),
    () => core?.consoleLanguage() ?? systemLanguage(app.getLocale()),
  );
  const kiosk = createKioskCore({
    dataDir: app.getPath('userData'),
    resourcesDir: resourcesDir(),
    keyWrapping: unlocked.keyWrapping,
    recoveryKey: unlocked.recoveryKey,
    displays,
    log: (message) => log.write(message),
    chooseFile,
    systemLanguage: app.getLocale(),
  });
  core = kiosk;
  shell.core = kiosk;
  const closeRecords = () => {
    displays.dispose();
    kiosk.close();
  };
  app.on('will-quit', closeRecords);
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
  unlocked.close?.();
  keepAwakeDuringSessions(kiosk);
  log.write(`started ${app.getVersion()}, records in ${kiosk.databaseFile}`);
  return windows;
}

function failStart(log: LogFile, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.write(`could not start: ${error instanceof Error ? (error.stack ?? message) : message}`);
  // The counselor's message names no paths; the folder and the system's own error are for IT.
  if (error instanceof StartupError) log.write(`details: ${error.detail}`);
  // No records are open, so no console language either: the system's.
  const t = mainT(systemLanguage(app.getLocale()));
  dialog.showErrorBox(
    t('startup.title'),
    t('startup.failed', {
      message: error instanceof StartupError ? t(error.words.key, error.words.params) : message,
      log: log.path,
    }),
  );
  app.exit(1);
}

export function startKiosk(): void {
  const log = openLogFile(join(app.getPath('userData'), 'logs'));
  const quitting = { now: false };
  let windows: KioskWindows | null = null;
  app.on('before-quit', (event) => {
    // The console is asked first (windows.ts): a quit it refuses changes nothing.
    if (windows?.closeConsoleBeforeQuit()) {
      event.preventDefault();
      return;
    }
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
    .then((opened) => {
      windows = opened;
    })
    .catch((error: unknown) => failStart(log, error));
}
