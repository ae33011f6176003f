/**
 * The Electron shell's entry point: what must happen before `ready` (scheme privileges, the data
 * folder, the single-instance lock), then the kiosk itself (kiosk.ts). Everything else lives in the
 * core, which the browser shell runs too.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { app, dialog, protocol } from 'electron';
import { mainT } from '../shared/i18n/phrases';
import { systemLanguage } from '../services/settings/consoleLanguage';
import { defaultDataDir } from '../shell/paths';
import { APP_SCHEME } from '../shell/security';
import { startKiosk } from './kiosk';

// Chromium reads scheme privileges when it starts, so they are registered before `ready`. `stream`
// lets the projector seek in a video served over app://kiosk/media/ (HTTP ranges).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

/**
 * Records live in the kiosk's data folder (the local app-data folder on Windows), which the browser
 * shell opens too, or where clinic IT points `--kiosk-data=<folder>`. Set before the single-instance
 * lock, which Electron keeps in this folder. Electron refuses a relative or missing folder, so it is
 * made absolute and created first; a folder that cannot be used ends the start with a plain message.
 */
function useDataFolder(): boolean {
  const folder = resolve(
    app.commandLine.getSwitchValue('kiosk-data') ||
      defaultDataDir(process.platform, process.env, app.getPath('home')),
  );
  try {
    mkdirSync(folder, { recursive: true });
    app.setPath('userData', folder);
    return true;
  } catch (error) {
    // Before `ready` Electron knows no locale yet; the process's own stands in for the system's.
    const t = mainT(systemLanguage(app.isReady() ? app.getLocale() : undefined));
    dialog.showErrorBox(
      t('startup.title'),
      t('startup.dataFolder', { folder, error: (error as Error).message }),
    );
    app.exit(1);
    return false;
  }
}

if (useDataFolder()) {
  if (!app.requestSingleInstanceLock()) app.quit();
  else startKiosk();
}
