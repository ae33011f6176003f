import { join } from 'node:path';

export const PRODUCT_NAME = 'Facilitator Kiosk';

/**
 * Mirrors Electron's `app.getPath('userData')`, so the browser shell opens the same records as the
 * desktop app when no --data folder is given.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
