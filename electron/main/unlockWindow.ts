/**
 * The passphrase window, shown before the records open where the operating system cannot keep the
 * records key. It has its own preload (the `unlock` role's four channels, nothing else) and its own
 * router; main answers only this window's top frame while it is open. It resolves once a passphrase
 * (or the recovery key) unlocks the records; the caller opens the show's windows, then closes it,
 * so the app never finds itself without a window in between.
 */
import { join } from 'node:path';
import { BrowserWindow, ipcMain } from 'electron';
import { createUnlockRouter } from '../core/unlockRouter';
import { IPC_INVOKE } from '../shared/wire';
import type { PassphraseGate, Unlocked } from '../services/access/passphraseGate';
import { secureWebPreferences } from '../shell/windowPolicy';
import { appPageSender } from './ipcSender';

export interface UnlockWindowOptions {
  gate: PassphraseGate;
  preloadDir: string;
  pageUrl: string;
  isPackaged: boolean;
  log: (message: string) => void;
}

export interface UnlockedWindow extends Unlocked {
  /** Closes the passphrase window; call it once the show's windows are open. */
  close(): void;
}

export function askForPassphrase(options: UnlockWindowOptions): Promise<UnlockedWindow> {
  const { gate } = options;
  return new Promise((resolvePromise) => {
    const window = new BrowserWindow({
      width: 560,
      height: 680,
      show: false,
      autoHideMenuBar: true,
      backgroundColor: '#101418',
      title: 'Facilitator Kiosk — Unlock the records',
      webPreferences: secureWebPreferences(
        join(options.preloadDir, 'unlock.cjs'),
        'unlock',
        options.isPackaged,
      ),
    });
    const contentsId = window.webContents.id;
    const unlocked = (result: Unlocked) => {
      ipcMain.removeHandler(IPC_INVOKE);
      resolvePromise({
        ...result,
        close: () => {
          if (!window.isDestroyed()) window.destroy();
        },
      });
    };
    const router = createUnlockRouter(gate, unlocked, options.log);
    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, args: unknown) =>
      router.dispatch(channel, args, appPageSender(event) === contentsId ? 'unlock' : null),
    );
    window.once('ready-to-show', () => {
      if (!window.isDestroyed()) window.show();
    });
    window.loadURL(options.pageUrl).catch((error: unknown) => {
      options.log(`passphrase page failed to load: ${(error as Error).message}`);
    });
  });
}
