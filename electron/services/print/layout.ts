/**
 * A small text layout engine over pdf-lib's standard fonts: measured word wrapping, a cursor that
 * flows down the page and starts a new one when it runs out of room, headings, hanging labels for
 * lists, and a table renderer. Standard fonts keep the printouts working offline with no font files.
 */
import { PageSizes, PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import { FALLBACK_LANGUAGE, joinList, kioskLanguage, roomT } from '../../shared/i18n';
import { codePointsOf, encodeWinAnsi, toWinAnsi } from './winAnsi';

export type PageSize = 'A4' | 'Letter';
export type Orientation = 'portrait' | 'landscape';

export const MARGIN = 50;
export const PRODUCER = 'Facilitator Kiosk';
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.4, 0.4, 0.4);
export const RULE = rgb(0.7, 0.7, 0.7);
export const SHADE = rgb(0.92, 0.92, 0.92);

const LINE_SPACING = 1.3;
/** Helvetica's ascender is 718/1000 em; the baseline sits this far below the top of a line. */
const ASCENT = 0.78;

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export type FontWeight = keyof Fonts;

/** Width and height in points. */
export function pageDimensions(
  size: PageSize,
  orientation: Orientation = 'portrait',
): [number, number] {
  const [width, height] = size === 'A4' ? PageSizes.A4 : PageSizes.Letter;
  return orientation === 'portrait' ? [width, height] : [height, width];
}

export function lineHeight(size: number): number {
  return size * LINE_SPACING;
}

/**
 * A document with the kiosk's metadata. The creation and modification dates pdf-lib would add
 * are left out so that the same input always prints the same bytes.
 */
export async function createDocument(title: string): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  const [regular, bold] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
  ]);
  return { doc, fonts: { regular, bold } };
}

/** Per document, the characters its font could not draw: the document lists them, never hides them. */
const leftOut = new WeakMap<PDFDocument, Set<string>>();

/** `text` as the standard fonts can draw it, noting on the document what they could not. */
function printable(text: string, doc: PDFDocument): string {
  const encoded = encodeWinAnsi(text);
  if (encoded.unprintable.length > 0) {
    const found = leftOut.get(doc) ?? new Set<string>();
    for (const grapheme of encoded.unprintable) found.add(grapheme);
    leftOut.set(doc, found);
  }
  return encoded.text;
}

/** The characters printed as "?" in a document so far, in the order first met. */
export function unprintableIn(doc: PDFDocument): string[] {
  return [...(leftOut.get(doc) ?? [])];
}

/**
 * The sentence a document prints when some characters came out as "?", naming them by code point
 * (the only form sure to print), in the document's language.
 */
export function unprintableNote(characters: readonly string[], language?: string): string {
  return roomT(language)('print.unprintable', {
    count: characters.length,
    characters: characters.map(codePointsOf).join(', '),
  });
}

/**
 * Prints `unprintableNote` small at the foot of a page laid out by hand (certificates, cards),
 * its last line's baseline at `bottom`.
 */
export function drawUnprintableNote(
  page: PDFPage,
  font: PDFFont,
  characters: readonly string[],
  options: { language?: string; x: number; width: number; bottom: number },
): void {
  if (characters.length === 0) return;
  const size = 8;
  const lines = wrapText(unprintableNote(characters, options.language), font, size, options.width);
  lines.forEach((line, index) => {
    const fromBottom = lines.length - 1 - index;
    drawLine(page, line, {
      x: options.x,
      top: options.bottom + size * ASCENT + fromBottom * lineHeight(size),
      width: options.width,
      font,
      size,
      align: 'center',
      color: MUTED,
    });
  });
}

/** Splits a word wider than the line into pieces that fit, so nothing runs off the page. */
function breakLongWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && font.widthOfTextAtSize(piece + char, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * The lines a text occupies at a width, breaking at spaces and at `\n`. Always at least one line
 * (possibly empty), so an empty field still takes up its row.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text, font.doc).split('\n')) {
    const words = paragraph.split(' ').filter((word) => word !== '');
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = breakLongWord(word, font, size, maxWidth);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
    lines.push(line);
  }
  return lines;
}

/** The largest size (down to `minSize`) at which a single line fits the width. */
export function fitSize(
  text: string,
  font: PDFFont,
  size: number,
  maxWidth: number,
  minSize: number,
): number {
  const width = font.widthOfTextAtSize(toWinAnsi(text).replace(/\n/g, ' '), size);
  if (width <= maxWidth) return size;
  return Math.max(minSize, Math.floor(((size * maxWidth) / width) * 10) / 10);
}

export type Align = 'left' | 'center' | 'right';

/** Draws one already-wrapped line with its top at `top`; returns the baseline. */
export function drawLine(
  page: PDFPage,
  line: string,
  options: {
    x: number;
    top: number;
    width: number;
    font: PDFFont;
    size: number;
    align?: Align;
    color?: Color;
  },
): number {
  const { x, top, width, font, size, align = 'left', color = INK } = options;
  const baseline = top - size * ASCENT;
  const safe = printable(line, page.doc).replace(/\n/g, ' ');
  if (safe !== '') {
    const textWidth = font.widthOfTextAtSize(safe, size);
    const offset =
      align === 'center' ? (width - textWidth) / 2 : align === 'right' ? width - textWidth : 0;
    page.drawText(safe, { x: x + offset, y: baseline, font, size, color });
  }
  return baseline;
}

export interface TextStyle {
  weight?: FontWeight;
  size?: number;
  color?: Color;
  align?: Align;
  /** Left indent from the margin, in points. */
  indent?: number;
  /** A hanging label such as "•" or "3." drawn before the first line. */
  label?: string;
  labelWidth?: number;
  labelWeight?: FontWeight;
  spaceBefore?: number;
  spaceAfter?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  weight: number;
  align?: Align;
}

export interface TableOptions {
  size?: number;
  showHeader?: boolean;
  /** Draws a hairline between rows and a box around the table. */
  ruled?: boolean;
  padding?: number;
}

/** What goes in the bottom margin of every page. */
export interface FinishOptions {
  footer?: string;
  pageNumbers?: boolean;
  /** The language of the kiosk's own words (page numbers, notes); English when not given. */
  language?: string;
}

/**
 * Flows content down the pages of a document. The cursor `y` is the top of the next line; content
 * that does not fit above the bottom margin goes onto a new page, one whole line at a time.
 */
export class FlowWriter {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly margin: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  private current: PDFPage | null = null;
  private cursor = 0;

  constructor(
    doc: PDFDocument,
    fonts: Fonts,
    pageSize: PageSize,
    options: { orientation?: Orientation; margin?: number } = {},
  ) {
    this.doc = doc;
    this.fonts = fonts;
    this.margin = options.margin ?? MARGIN;
    [this.pageWidth, this.pageHeight] = pageDimensions(pageSize, options.orientation);
  }

  get page(): PDFPage {
    return this.current ?? this.newPage();
  }

  get y(): number {
    if (this.current === null) this.newPage();
    return this.cursor;
  }

  get left(): number {
    return this.margin;
  }

  get contentWidth(): number {
    return this.pageWidth - 2 * this.margin;
  }

  /** The height available on a fresh page. */
  get pageContentHeight(): number {
    return this.pageHeight - 2 * this.margin;
  }

  get remaining(): number {
    return this.y - this.margin;
  }

  newPage(): PDFPage {
    this.current = this.doc.addPage([this.pageWidth, this.pageHeight]);
    this.cursor = this.pageHeight - this.margin;
    return this.current;
  }

  /** Starts a new page unless `height` fits here or would not fit on a fresh page either. */
  keepTogether(height: number): void {
    if (height > this.remaining && this.remaining < this.pageContentHeight) this.newPage();
  }

  gap(points: number): void {
    if (this.current === null) return;
    this.cursor = Math.max(this.margin, this.cursor - points);
  }

  private styleOf(style: TextStyle) {
    const size = style.size ?? 11;
    const font = this.fonts[style.weight ?? 'regular'];
    const indent = style.indent ?? 0;
    const labelWidth =
      style.label === undefined
        ? 0
        : (style.labelWidth ??
          this.fonts[style.labelWeight ?? style.weight ?? 'regular'].widthOfTextAtSize(
            toWinAnsi(style.label),
            size,
          ) +
            size * 0.5);
    const x = this.left + indent + labelWidth;
    const width = Math.max(size * 2, this.contentWidth - indent - labelWidth);
    return { size, font, indent, labelWidth, x, width };
  }

  /** The lines and height a paragraph would take, for keeping blocks together. */
  measure(text: string, style: TextStyle = {}): { lines: string[]; height: number } {
    const { size, font, width } = this.styleOf(style);
    const lines = wrapText(text, font, size, width);
    const height =
      (style.spaceBefore ?? 0) + lines.length * lineHeight(size) + (style.spaceAfter ?? 0);
    return { lines, height };
  }

  /**
   * Draws a wrapped paragraph. `onFirstLine` lets a caller decorate the first line (e.g. a tick
   * box) once its page and baseline are known.
   */
  text(
    text: string,
    style: TextStyle = {},
    onFirstLine?: (page: PDFPage, baseline: number, x: number) => void,
  ): void {
    const { size, font, indent, x, width } = this.styleOf(style);
    const { lines } = this.measure(text, style);
    const step = lineHeight(size);
    if (style.spaceBefore) this.gap(style.spaceBefore);
    lines.forEach((line, index) => {
      if (this.remaining < step) this.newPage();
      const top = this.y;
      const baseline = drawLine(this.page, line, {
        x,
        top,
        width,
        font,
        size,
        align: style.align,
        color: style.color,
      });
      if (index === 0 && style.label !== undefined) {
        drawLine(this.page, style.label, {
          x: this.left + indent,
          top,
          width: x - this.left - indent,
          font: this.fonts[style.labelWeight ?? style.weight ?? 'regular'],
          size,
          color: style.color,
        });
      }
      if (index === 0) onFirstLine?.(this.page, baseline, this.left + indent);
      this.cursor -= step;
    });
    if (style.spaceAfter) this.gap(style.spaceAfter);
  }

  /** A heading that is never left alone at the bottom of a page. */
  heading(text: string, level: 1 | 2 | 3 = 1, style: TextStyle = {}): void {
    const size = level === 1 ? 20 : level === 2 ? 15 : 12.5;
    const headingStyle: TextStyle = {
      weight: 'bold',
      size,
      spaceBefore: this.isAtTopOfPage() ? 0 : size * 0.8,
      spaceAfter: size * 0.35,
      ...style,
    };
    const { height } = this.measure(text, headingStyle);
    this.keepTogether(height + 2 * lineHeight(11));
    if (this.isAtTopOfPage()) headingStyle.spaceBefore = 0;
    this.text(text, headingStyle);
  }

  rule(options: { spaceBefore?: number; spaceAfter?: number } = {}): void {
    this.gap(options.spaceBefore ?? 6);
    if (this.remaining < 2) this.newPage();
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.contentWidth, y: this.y },
      thickness: 0.75,
      color: RULE,
    });
    this.gap(options.spaceAfter ?? 8);
  }

  isAtTopOfPage(): boolean {
    return this.current === null || this.cursor >= this.pageHeight - this.margin;
  }

  /**
   * A table whose cells wrap within their columns. Rows stay whole when they fit on a page; the
   * header row is repeated on every page the table continues onto.
   */
  table(columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
    const size = options.size ?? 9.5;
    const padding = options.padding ?? 4;
    const showHeader = options.showHeader ?? true;
    const ruled = options.ruled ?? true;
    const step = lineHeight(size);
    const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = columns.map((column) => (this.contentWidth * column.weight) / totalWeight);
    const lefts = widths.map(
      (_, index) => this.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0),
    );
    const layoutRow = (cells: string[], font: PDFFont) =>
      columns.map((_, index) =>
        wrapText(cells[index] ?? '', font, size, Math.max(size, widths[index]! - 2 * padding)),
      );
    const rowHeight = (lineCount: number) => lineCount * step + 2 * padding;

    const header = layoutRow(
      columns.map((column) => column.header),
      this.fonts.bold,
    );
    const headerHeight = rowHeight(Math.max(...header.map((cell) => cell.length)));

    const drawCells = (
      cells: string[][],
      from: number,
      to: number,
      font: PDFFont,
      shaded: boolean,
    ) => {
      const height = rowHeight(to - from);
      const top = this.y;
      if (shaded) {
        this.page.drawRectangle({
          x: this.left,
          y: top - height,
          width: this.contentWidth,
          height,
          color: SHADE,
        });
      }
      cells.forEach((lines, column) => {
        lines.slice(from, to).forEach((line, offset) => {
          drawLine(this.page, line, {
            x: lefts[column]! + padding,
            top: top - padding - offset * step,
            width: widths[column]! - 2 * padding,
            font,
            size,
            align: columns[column]!.align,
          });
        });
      });
      if (ruled) {
        this.page.drawLine({
          start: { x: this.left, y: top - height },
          end: { x: this.left + this.contentWidth, y: top - height },
          thickness: 0.5,
          color: RULE,
        });
      }
      this.cursor -= height;
    };

    const drawHeader = () => {
      if (!showHeader) return;
      if (ruled) {
        this.page.drawLine({
          start: { x: this.left, y: this.y },
          end: { x: this.left + this.contentWidth, y: this.y },
          thickness: 0.5,
          color: RULE,
        });
      }
      drawCells(header, 0, Math.max(...header.map((cell) => cell.length)), this.fonts.bold, true);
    };

    const firstRowHeight =
      rows[0] === undefined
        ? 0
        : rowHeight(Math.max(...layoutRow(rows[0], this.fonts.regular).map((c) => c.length)));
    this.keepTogether((showHeader ? headerHeight : 0) + firstRowHeight);
    drawHeader();

    for (const row of rows) {
      const cells = layoutRow(row, this.fonts.regular);
      const lineCount = Math.max(...cells.map((cell) => cell.length));
      const height = rowHeight(lineCount);
      if (height <= this.remaining) {
        drawCells(cells, 0, lineCount, this.fonts.regular, false);
        continue;
      }
      const roomOnFreshPage = this.pageContentHeight - (showHeader ? headerHeight : 0);
      if (height <= roomOnFreshPage) {
        this.newPage();
        drawHeader();
        drawCells(cells, 0, lineCount, this.fonts.regular, false);
        continue;
      }
      // A row taller than a whole page is split between lines rather than drawn off the page.
      let from = 0;
      while (from < lineCount) {
        let fits = Math.floor((this.remaining - 2 * padding) / step);
        if (fits < 1) {
          this.newPage();
          drawHeader();
          fits = Math.max(1, Math.floor((this.remaining - 2 * padding) / step));
        }
        const to = Math.min(lineCount, from + fits);
        drawCells(cells, from, to, this.fonts.regular, false);
        from = to;
      }
    }
  }

  /** Adds the footer and page numbers, and serializes the document. */
  async finish(options: FinishOptions = {}): Promise<Uint8Array> {
    if (this.current === null) this.newPage();
    const t = roomT(options.language);
    const unprintable = unprintableIn(this.doc);
    if (unprintable.length > 0) {
      this.text(unprintableNote(unprintable, options.language), {
        size: 9,
        color: MUTED,
        spaceBefore: 18,
      });
    }
    const pages = this.doc.getPages();
    const size = 8;
    const top = this.margin / 2 + size;
    pages.forEach((page, index) => {
      const width = page.getWidth() - 2 * this.margin;
      if (options.footer !== undefined) {
        const [line = ''] = wrapText(options.footer, this.fonts.regular, size, width * 0.7);
        drawLine(page, line, {
          x: this.margin,
          top,
          width,
          font: this.fonts.regular,
          size,
          color: MUTED,
        });
      }
      if (options.pageNumbers && pages.length > 1) {
        drawLine(page, t('print.page', { page: index + 1, count: pages.length }), {
          x: this.margin,
          top,
          width,
          font: this.fonts.regular,
          size,
          align: 'right',
          color: MUTED,
        });
      }
    });
    return this.doc.save();
  }
}

/** "Ana", "Ana and Ben", "Ana, Ben, and Cy" in English; "Ana, Ben y Cy" in Spanish. */
export function joinNames(names: readonly string[], language: string = FALLBACK_LANGUAGE): string {
  return joinList(names, kioskLanguage(language));
}

/** "5 min", "1.5 min": planned and measured durations may be fractional. */
export function minutesLabel(minutes: number): string {
  return `${Math.round(minutes * 10) / 10} min`;
}
