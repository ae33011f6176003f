import { join } from 'node:path';

export const PRODUCT_NAME = 'Facilitator Kiosk';

/**
 * The kiosk's data folder: records, media library, imported packs, backups, logs. Both shells use
 * it, so the browser shell opens the same records as the desktop app when no --data folder is given.
 * On Windows it is the local app-data folder, not Electron's default Roaming one: roaming profiles
 * copy Roaming at every logon, and the media library holds gigabytes of video.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
