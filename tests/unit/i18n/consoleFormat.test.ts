import { afterEach, describe, expect, it } from 'vitest';
import {
  consoleLocale,
  formatDateTime,
  formatFileSize,
  formatNumber,
  formatShortDate,
} from '../../../renderer/shared/i18n/format';
import { i18n } from '../../../renderer/shared/i18n/i18n';

describe("the console's numbers, sizes and dates", () => {
  afterEach(() => i18n.changeLanguage('en'));
  const afternoon = new Date(2026, 11, 2, 14, 5).getTime();

  it('follow the console language the moment it changes', async () => {
    await i18n.changeLanguage('en');
    expect(consoleLocale()).toBe('en-US');
    expect(formatShortDate(afternoon)).toBe('Dec 2, 2026');
    await i18n.changeLanguage('es');
    expect(consoleLocale()).toBe('es-US');
    expect(formatShortDate(afternoon)).toBe('2 dic 2026');
    expect(formatDateTime(afternoon)).toContain('14:05');
  });

  it('give file sizes in megabytes, or kilobytes below one', async () => {
    await i18n.changeLanguage('en');
    expect(formatFileSize(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatFileSize(640 * 1024)).toBe('640 kB');
    expect(formatNumber(12345)).toBe('12,345');
  });
});
