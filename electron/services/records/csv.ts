/**
 * RFC 4180 CSV: fields with a comma, semicolon, tab, quote, CR or LF are quoted, quotes are
 * doubled, and every row ends in CRLF. Text that a spreadsheet would run as a formula is
 * neutralised with an apostrophe, also where it would start a cell after splitting on `;` or TAB.
 */
import { stripInvisibleControls } from '../../shared/plainText';
import type { SummaryItem } from '../session/summary';

export type CsvValue = string | number | null | undefined;
export type CsvRow = readonly CsvValue[];

/** An agenda item's columns in the CSV exports, from its id to why it was adapted. */
export function summaryItemCells(item: SummaryItem): CsvRow {
  return [
    item.id,
    item.title,
    item.kind,
    item.status,
    item.runOrder,
    item.plannedMinutes,
    item.actualMinutes,
    item.skippedReason,
    item.adaptedReason,
  ];
}

/** Lets Excel read names with accents as UTF-8 instead of the system code page. */
export const UTF8_BOM = '\ufeff';

// Tab and CR are on OWASP's list too: some spreadsheets strip them and then see the formula.
const FORMULA_START = /^[=+\-@\t\r]/;
// Where a spreadsheet set to split on semicolons or tabs would start a new cell.
const CELL_SPLIT = /(?<=[;\t])(?=[=+\-@\r])/g;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to a CSV file.`);
    // Numbers are ours, not typed by anyone, so a negative one stays a number.
    return String(value);
  }
  const text = stripInvisibleControls(value).replace(CELL_SPLIT, "'");
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(values: CsvRow): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function toCsv(rows: readonly CsvRow[]): string {
  return rows.map(csvLine).join('');
}
