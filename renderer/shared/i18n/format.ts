/**
 * Numbers, sizes and dates in the console's language, formatted by `Intl` for the language's
 * locale (`es-US`, `en-US`), the same locales main's dates use. Read at render time, so a view
 * that takes its words from `useConsoleT` re-renders in the new language with them.
 */
import { INTL_LOCALES, kioskLanguage } from '../../../electron/shared/i18n';
import { i18n } from './i18n';

const MEGABYTE = 1024 * 1024;

/** The `Intl` locale of the console's current language. */
export function consoleLocale(): string {
  return INTL_LOCALES[kioskLanguage(i18n.language)];
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(consoleLocale(), options).format(value);
}

/** "12.3 MB" for files past a megabyte, "640 kB" below (powers of 1024, as file managers count). */
export function formatFileSize(bytes: number): string {
  return bytes >= MEGABYTE
    ? formatNumber(bytes / MEGABYTE, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
    : formatNumber(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
}

/** "Dec 2, 2026" / "2 dic 2026". */
export function formatShortDate(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(consoleLocale(), { dateStyle: 'medium' });
}

/** "Dec 2, 2026, 14:05" / "2 dic 2026, 14:05": the 24-hour clock, as everywhere in the kiosk. */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(consoleLocale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}
