import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/shell/paths';

describe('defaultDataDir', () => {
  it("matches Electron's userData folder on each platform", () => {
    expect(defaultDataDir('linux', {}, '/home/c')).toBe(
      join('/home/c', '.config', 'Facilitator Kiosk'),
    );
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/c')).toBe(
      join('/x', 'Facilitator Kiosk'),
    );
    expect(defaultDataDir('darwin', {}, '/Users/c')).toBe(
      join('/Users/c', 'Library', 'Application Support', 'Facilitator Kiosk'),
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\c\\AppData\\Roaming' }, 'C:\\Users\\c'),
    ).toBe(join('C:\\Users\\c\\AppData\\Roaming', 'Facilitator Kiosk'));
  });
});
