import { roomT } from '../../shared/i18n';
import type { Color, PDFPage } from 'pdf-lib';
import type { Fonts, FontWeight, PageSize } from './layout';
import {
  createDocument,
  drawUnprintableNote,
  drawLine,
  INK,
  lineHeight,
  pageDimensions,
  RULE,
  wrapText,
  unprintableIn,
} from './layout';

export interface ScenarioCardsPdfInput {
  /** The document's title (the game's); the cards themselves print as the workbook's do. */
  title: string;
  /** The line above the roles on every card, e.g. "Two team members role-play negotiating safer sex:". */
  rolesIntro: string | null;
  /** `situation` may have paragraphs (blank lines); the two roles print as one paragraph. */
  scenarios: { title: string; situation: string; roles: [string, string] }[];
  pageSize: PageSize;
  /** The pack's language, for the cards' own words (English when not given). */
  language?: string;
}

type Scenario = ScenarioCardsPdfInput['scenarios'][number];

const PAGE_MARGIN = 40;
/** Space on each side of the cut line, so a slightly crooked cut leaves both borders intact. */
const CUT_GUTTER = 18;
const CARD_PADDING = 20;
const SCALES = [1, 0.9, 0.8, 0.7];

interface CardLine {
  text: string;
  weight: FontWeight;
  size: number;
  color: Color;
  spaceBefore: number;
}

interface Slot {
  page: PDFPage;
  top: number;
  bottom: number;
}

/** Paragraphs are separated by blank lines (or single line breaks, as YAML folds them). */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

/** A card as the client workbook prints it: title, situation, then the role-play instructions. */
function cardLines(
  rolePlayHeading: string,
  rolesIntro: string | null,
  scenario: Scenario,
  fonts: Fonts,
  width: number,
  scale: number,
): CardLine[] {
  const lines: CardLine[] = [];
  const paragraph = (text: string, style: Omit<CardLine, 'text'>) => {
    wrapText(text, fonts[style.weight], style.size, width).forEach((line, index) => {
      lines.push({ ...style, text: line, spaceBefore: index === 0 ? style.spaceBefore : 0 });
    });
  };
  const body = 12.5 * scale;
  const regular = { weight: 'regular', size: body, color: INK } as const;
  paragraph(scenario.title, { weight: 'bold', size: 18 * scale, color: INK, spaceBefore: 0 });
  paragraphsOf(scenario.situation).forEach((text, index) =>
    paragraph(text, { ...regular, spaceBefore: (index === 0 ? 10 : 7) * scale }),
  );
  paragraph(rolePlayHeading, { ...regular, weight: 'bold', spaceBefore: 14 * scale });
  if (rolesIntro?.trim()) paragraph(rolesIntro.trim(), { ...regular, spaceBefore: 5 * scale });
  paragraph(scenario.roles.map((role) => role.trim()).join(' '), {
    ...regular,
    spaceBefore: 5 * scale,
  });
  return lines;
}

function heightOf(lines: CardLine[]): number {
  return lines.reduce((sum, line) => sum + line.spaceBefore + lineHeight(line.size), 0);
}

function drawCardBorder(slot: Slot, width: number): void {
  slot.page.drawRectangle({
    x: PAGE_MARGIN,
    y: slot.bottom,
    width,
    height: slot.top - slot.bottom,
    borderColor: INK,
    borderWidth: 1.25,
  });
}

/**
 * Draws a card's lines into `firstSlot`, continuing into further slots from `nextSlot` if it is
 * taller than one: an overlong scenario is split between lines, never cut off.
 */
function drawCard(
  lines: CardLine[],
  fonts: Fonts,
  firstSlot: Slot,
  nextSlot: () => Slot,
  cardWidth: number,
): void {
  let slot = firstSlot;
  drawCardBorder(slot, cardWidth);
  let top = slot.top - CARD_PADDING;
  let slotIsEmpty = true;
  for (const line of lines) {
    const spaceBefore = slotIsEmpty ? 0 : line.spaceBefore;
    if (!slotIsEmpty && top - spaceBefore - lineHeight(line.size) < slot.bottom + CARD_PADDING) {
      slot = nextSlot();
      drawCardBorder(slot, cardWidth);
      top = slot.top - CARD_PADDING;
    } else {
      top -= spaceBefore;
    }
    drawLine(slot.page, line.text, {
      x: PAGE_MARGIN + CARD_PADDING,
      top,
      width: cardWidth - 2 * CARD_PADDING,
      font: fonts[line.weight],
      size: line.size,
      color: line.color,
    });
    top -= lineHeight(line.size);
    slotIsEmpty = false;
  }
}

/**
 * Role-play cards for the team game, two to a page with a dashed cut line between them. A card
 * too long for half a page shrinks a little, and failing that takes a page of its own.
 */
export async function scenarioCardsPdf(input: ScenarioCardsPdfInput): Promise<Uint8Array> {
  const { doc, fonts } = await createDocument(input.title);
  const rolePlay = roomT(input.language)('print.rolePlay');
  const [pageWidth, pageHeight] = pageDimensions(input.pageSize);
  const cardWidth = pageWidth - 2 * PAGE_MARGIN;
  const textWidth = cardWidth - 2 * CARD_PADDING;
  const middle = pageHeight / 2;
  const halfInnerHeight = middle - CUT_GUTTER - PAGE_MARGIN - 2 * CARD_PADDING;

  let page: PDFPage | null = null;
  let bottomHalfFree = false;

  const fullSlot = (): Slot => {
    page = doc.addPage([pageWidth, pageHeight]);
    bottomHalfFree = false;
    return { page, top: pageHeight - PAGE_MARGIN, bottom: PAGE_MARGIN };
  };
  const halfSlot = (): Slot => {
    if (page !== null && bottomHalfFree) {
      bottomHalfFree = false;
      page.drawLine({
        start: { x: PAGE_MARGIN / 2, y: middle },
        end: { x: pageWidth - PAGE_MARGIN / 2, y: middle },
        thickness: 0.75,
        color: RULE,
        dashArray: [6, 4],
      });
      return { page, top: middle - CUT_GUTTER, bottom: PAGE_MARGIN };
    }
    page = doc.addPage([pageWidth, pageHeight]);
    bottomHalfFree = true;
    return { page, top: pageHeight - PAGE_MARGIN, bottom: middle + CUT_GUTTER };
  };

  for (const scenario of input.scenarios) {
    const fitting = SCALES.map((scale) =>
      cardLines(rolePlay, input.rolesIntro, scenario, fonts, textWidth, scale),
    ).find((lines) => heightOf(lines) <= halfInnerHeight);
    if (fitting !== undefined) {
      drawCard(fitting, fonts, halfSlot(), fullSlot, cardWidth);
    } else {
      const lines = cardLines(rolePlay, input.rolesIntro, scenario, fonts, textWidth, 1);
      drawCard(lines, fonts, fullSlot(), fullSlot, cardWidth);
    }
  }
  if (doc.getPageCount() === 0) doc.addPage([pageWidth, pageHeight]);
  drawUnprintableNote(doc.getPage(doc.getPageCount() - 1), fonts.regular, unprintableIn(doc), {
    language: input.language,
    x: PAGE_MARGIN,
    width: cardWidth,
    bottom: PAGE_MARGIN / 2,
  });
  return doc.save();
}
