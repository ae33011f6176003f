/**
 * The two windows: the console on the laptop's screen and the audience on the projector. Their
 * roles are keyed by webContents id, captured at creation (the `webContents` getter throws once a
 * window is destroyed). Closing the console quits; closing the audience only hides it.
 */
import { join } from 'node:path';
import { BrowserWindow, dialog, screen } from 'electron';
import type { KioskCore } from '../core/kioskCore';
import { mainT } from '../shared/i18n/phrases';
import type { Role } from '../ipc/contract';
import { secureWebPreferences } from '../shell/windowPolicy';
import type { AudiencePlacement, ElectronDisplays } from './displays';

export interface WindowOptions {
  core: KioskCore;
  displays: ElectronDisplays;
  preloadDir: string;
  pageUrl: (role: Role) => string;
  isPackaged: boolean;
  /** Set once the app is quitting: the audience then closes instead of hiding. */
  quitting: { now: boolean };
  quit: () => void;
  /** The operating system is ending the session: close the records now, no quit events follow. */
  sessionEnding: () => void;
  log: (message: string) => void;
}

/** More renderer crashes than this within a minute stop the automatic reloads. */
const MAX_RELOADS_PER_MINUTE = 3;

export class KioskWindows {
  private readonly roles = new Map<number, Role>();
  private readonly windows = new Map<Role, BrowserWindow>();

  constructor(private readonly options: WindowOptions) {}

  /** Which window a webContents belongs to, if it is one of the kiosk's own. */
  roleOf(contentsId: number): Role | undefined {
    return this.roles.get(contentsId);
  }

  /** The kiosk's windows that still exist, with their roles. */
  open(): [Role, BrowserWindow][] {
    return [...this.windows].filter(([, window]) => !window.isDestroyed());
  }

  consoleWindow(): BrowserWindow | null {
    const window = this.windows.get('console');
    return window && !window.isDestroyed() ? window : null;
  }

  openBoth(): void {
    const { displays, core } = this.options;
    const placement = displays.initialPlacement();
    const consoleWindow = this.create('console', screen.getPrimaryDisplay().workArea, false);
    const audience = this.create('audience', placement.bounds, placement.fullscreen);
    displays.attach(consoleWindow, audience, placement);

    audience.removeMenu();
    // The projector page cannot command; main reads its keys so clickers work whichever window has focus.
    audience.webContents.on('before-input-event', (event, input) => {
      if (input.type !== 'keyDown' || input.alt || input.control || input.meta) return;
      event.preventDefault();
      core.audienceKey(input.key, input.isAutoRepeat);
    });
    audience.on('close', (event) => {
      if (this.options.quitting.now) return;
      event.preventDefault();
      displays.audienceClosed();
    });
    // Windows shutting down or logging off: Electron emits only 'session-end' (no close, no
    // 'before-quit' or 'will-quit'), once per window.
    let ending = false;
    for (const window of [consoleWindow, audience]) {
      window.on('session-end', () => {
        this.options.quitting.now = true;
        if (ending) return;
        ending = true;
        this.options.sessionEnding();
      });
    }
    // The pack editor refuses the unload while its draft is not saved; Electron shows no dialog of
    // its own, so main asks (and a shutdown that must go on does not wait for an answer: the OS
    // ending the session sets quitting.now; a quit sets it only once the console has closed).
    consoleWindow.webContents.on('will-prevent-unload', (event) => {
      if (this.options.quitting.now || this.askLeaveUnsaved(consoleWindow)) event.preventDefault();
    });
    consoleWindow.on('closed', () => this.options.quit());
    this.showWhenReady(consoleWindow, () => consoleWindow.show());
    this.showWhenReady(audience, () => {
      if (displays.status().mode !== 'hidden') audience.showInactive();
    });
  }

  /**
   * A quit closes the console first, alone: its page may refuse to unload (the pack editor's
   * unsaved changes) and the coordinator may choose to stay, which must leave both windows as they
   * were. Once the console has closed, its 'closed' quits again and this answers false. True while
   * the console is being asked (the quit waits).
   */
  closeConsoleBeforeQuit(): boolean {
    const consoleWindow = this.consoleWindow();
    if (!consoleWindow || this.options.quitting.now) return false;
    consoleWindow.close();
    return true;
  }

  /** True when the coordinator chooses to leave the pack editor's unsaved changes behind. */
  private askLeaveUnsaved(window: BrowserWindow): boolean {
    const t = mainT(this.options.core.consoleLanguage());
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [t('shell.leaveUnsaved.leave'), t('shell.leaveUnsaved.stay')],
      defaultId: 1,
      cancelId: 1,
      message: t('shell.leaveUnsaved.message'),
      detail: t('shell.leaveUnsaved.detail'),
    });
    return choice === 0;
  }

  private create(role: Role, bounds: AudiencePlacement['bounds'], fullscreen: boolean) {
    const window = new BrowserWindow({
      ...bounds,
      fullscreen,
      show: false,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      title: role === 'console' ? 'Facilitator Kiosk — Console' : 'Facilitator Kiosk — Audience',
      webPreferences: secureWebPreferences(
        join(this.options.preloadDir, `${role}.cjs`),
        role,
        this.options.isPackaged,
      ),
    });
    const contentsId = window.webContents.id;
    this.roles.set(contentsId, role);
    this.windows.set(role, window);
    window.on('closed', () => {
      this.roles.delete(contentsId);
      this.windows.delete(role);
    });
    this.reloadAfterCrash(role, window);
    window.loadURL(this.options.pageUrl(role)).catch((error: unknown) => {
      this.options.log(`${role} page failed to load: ${(error as Error).message}`);
    });
    return window;
  }

  private showWhenReady(window: BrowserWindow, show: () => void): void {
    window.once('ready-to-show', () => {
      if (!window.isDestroyed()) show();
    });
  }

  /** A crashed or killed renderer reloads its page, which takes the show's state from main again. */
  private reloadAfterCrash(role: Role, window: BrowserWindow): void {
    const crashes: number[] = [];
    window.webContents.on('render-process-gone', (_event, details) => {
      this.options.log(`${role} renderer gone: ${details.reason} (exit code ${details.exitCode})`);
      if (details.reason === 'clean-exit' || window.isDestroyed()) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - 60_000) crashes.shift();
      if (crashes.length > MAX_RELOADS_PER_MINUTE) {
        this.options.log(`${role} renderer keeps crashing; not reloading it again`);
        return;
      }
      window.webContents.reload();
    });
  }
}
