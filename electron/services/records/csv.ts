/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes are doubled, and every
 * row ends in CRLF. Text that a spreadsheet would run as a formula gets a leading apostrophe.
 */
export type CsvValue = string | number | null | undefined;
export type CsvRow = readonly CsvValue[];

/** Lets Excel read names with accents as UTF-8 instead of the system code page. */
export const UTF8_BOM = '\ufeff';

// Tab and CR are on OWASP's list too: some spreadsheets strip them and then see the formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to a CSV file.`);
    // Numbers are ours, not typed by anyone, so a negative one stays a number.
    return String(value);
  }
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(values: CsvRow): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function toCsv(rows: readonly CsvRow[]): string {
  return rows.map(csvLine).join('');
}
