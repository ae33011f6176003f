import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/shell/paths';

describe('defaultDataDir', () => {
  it('is the per-user app-data folder on macOS and Linux', () => {
    expect(defaultDataDir('linux', {}, '/home/c')).toBe(
      join('/home/c', '.config', 'Facilitator Kiosk'),
    );
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/c')).toBe(
      join('/x', 'Facilitator Kiosk'),
    );
    expect(defaultDataDir('darwin', {}, '/Users/c')).toBe(
      join('/Users/c', 'Library', 'Application Support', 'Facilitator Kiosk'),
    );
  });

  it('is the local, not the roaming, app-data folder on Windows', () => {
    const env = {
      APPDATA: 'C:\\Users\\c\\AppData\\Roaming',
      LOCALAPPDATA: 'C:\\Users\\c\\AppData\\Local',
    };
    expect(defaultDataDir('win32', env, 'C:\\Users\\c')).toBe(
      join('C:\\Users\\c\\AppData\\Local', 'Facilitator Kiosk'),
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\c')).toBe(
      join('C:\\Users\\c', 'AppData', 'Local', 'Facilitator Kiosk'),
    );
  });
});
