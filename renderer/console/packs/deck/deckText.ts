/** A run of text on a PDF page, as PDF.js reports it (`transform[5]` is its baseline, `[3]` its size). */
export interface TextRun {
  str: string;
  hasEOL: boolean;
  transform: readonly number[];
}

/**
 * The page's lines in reading order. PDF.js marks most line ends; a run whose baseline moves by
 * more than half its size starts a new line too (exporters often omit the mark between boxes).
 */
export function textLines(runs: readonly TextRun[]): string[] {
  const lines: string[] = [];
  let current = '';
  let baseline: number | null = null;
  const end = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
    baseline = null;
  };
  for (const run of runs) {
    const y = run.transform[5] ?? 0;
    const size = Math.abs(run.transform[3] ?? 0) || 1;
    if (baseline !== null && Math.abs(y - baseline) > size / 2) end();
    current += run.str;
    baseline = y;
    if (run.hasEOL) end();
  }
  end();
  return lines;
}

/** Minutes to plan for an item: two a slide, as a coordinator's first guess. */
export const minutesFor = (pages: number) => Math.max(1, pages * 2);
