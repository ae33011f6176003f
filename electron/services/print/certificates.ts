import { rgb } from 'pdf-lib';
import type { Color, PDFPage } from 'pdf-lib';
import type { Fonts, FontWeight, PageSize } from './layout';
import {
  createDocument,
  drawUnprintableNote,
  drawLine,
  fitSize,
  INK,
  joinNames,
  lineHeight,
  MUTED,
  pageDimensions,
  wrapText,
} from './layout';
import { encodeWinAnsi } from './winAnsi';
import { roomT } from '../../shared/i18n';

export interface CertificatesInput {
  programTitle: string;
  packTitle: string;
  members: string[];
  dateLabel: string;
  facilitators: string[];
  pageSize: PageSize;
  /** The pack's language: the certificate's own words are printed in it (English when not given). */
  language?: string;
}

const ACCENT = rgb(0.12, 0.29, 0.45);
const BORDER_INSET = 22;
const SIDE_PADDING = 100;
const VERTICAL_PADDING = 70;
const SMALLEST_SCALE = 0.5;
const BLANK_LINE = '_'.repeat(28);

interface Block {
  text: string;
  weight: FontWeight;
  size: number;
  color: Color;
  spaceBefore: number;
  /** Shrink a single line down to this size before wrapping it. */
  minSize?: number;
  underline?: boolean;
}

interface LaidOutBlock extends Block {
  lines: string[];
  height: number;
}

function certificateBlocks(input: CertificatesInput, member: string): Block[] {
  const t = roomT(input.language);
  const named = input.facilitators.filter((name) => name.trim()).length;
  const facilitators = joinNames(input.facilitators, input.language);
  const blocks: Block[] = [
    {
      text: t('print.certificateTitle'),
      weight: 'bold',
      size: 34,
      color: ACCENT,
      spaceBefore: 0,
      minSize: 20,
    },
    { text: t('print.presentedTo'), weight: 'regular', size: 16, color: MUTED, spaceBefore: 26 },
    {
      text: member.trim(),
      weight: 'bold',
      size: 38,
      color: INK,
      spaceBefore: 14,
      minSize: 20,
      underline: true,
    },
    {
      text: t('print.forCompleting', { pack: input.packTitle.trim() }),
      weight: 'regular',
      size: 16,
      color: INK,
      spaceBefore: 24,
    },
    { text: input.programTitle.trim(), weight: 'regular', size: 14, color: MUTED, spaceBefore: 6 },
    { text: input.dateLabel.trim(), weight: 'regular', size: 13, color: INK, spaceBefore: 30 },
    {
      text: t('print.facilitator', {
        count: Math.max(1, named),
        names: facilitators || BLANK_LINE,
      }),
      weight: 'regular',
      size: 13,
      color: INK,
      spaceBefore: 6,
    },
  ];
  return blocks.filter((block) => block.text !== '' || block.underline);
}

function layOut(blocks: Block[], fonts: Fonts, width: number, scale: number): LaidOutBlock[] {
  return blocks.map((block) => {
    const font = fonts[block.weight];
    const size =
      block.minSize === undefined
        ? block.size * scale
        : fitSize(block.text, font, block.size * scale, width, block.minSize * scale);
    const lines = wrapText(block.text, font, size, width);
    const spaceBefore = block.spaceBefore * scale;
    return { ...block, size, lines, height: spaceBefore + lines.length * lineHeight(size) };
  });
}

function drawBorder(page: PDFPage): void {
  const width = page.getWidth();
  const height = page.getHeight();
  // A heavy rule with a fine one just inside it.
  for (const [inset, borderWidth] of [
    [BORDER_INSET, 3],
    [BORDER_INSET + 8, 0.75],
  ] as const) {
    page.drawRectangle({
      x: inset,
      y: inset,
      width: width - 2 * inset,
      height: height - 2 * inset,
      borderColor: ACCENT,
      borderWidth,
    });
  }
}

function drawCertificate(page: PDFPage, fonts: Fonts, blocks: Block[]): void {
  drawBorder(page);
  const width = page.getWidth() - 2 * SIDE_PADDING;
  const available = page.getHeight() - 2 * VERTICAL_PADDING;
  // Very long names or titles shrink the whole certificate rather than spill past the border.
  let scale = 1;
  let laidOut = layOut(blocks, fonts, width, scale);
  const totalHeight = () => laidOut.reduce((sum, block) => sum + block.height, 0);
  while (totalHeight() > available && scale > SMALLEST_SCALE) {
    scale = Math.max(SMALLEST_SCALE, scale - 0.1);
    laidOut = layOut(blocks, fonts, width, scale);
  }
  let top = (page.getHeight() + Math.min(totalHeight(), available)) / 2;
  for (const block of laidOut) {
    top -= block.spaceBefore * scale;
    const font = fonts[block.weight];
    let baseline = top;
    let widest = 0;
    for (const line of block.lines) {
      baseline = drawLine(page, line, {
        x: SIDE_PADDING,
        top,
        width,
        font,
        size: block.size,
        align: 'center',
        color: block.color,
      });
      widest = Math.max(widest, font.widthOfTextAtSize(line, block.size));
      top -= lineHeight(block.size);
    }
    if (block.underline) {
      // A blank certificate keeps a line wide enough to write a name on by hand.
      const lineWidth = Math.min(width, Math.max(widest + 40, 300 * scale));
      const y = baseline - block.size * 0.22;
      page.drawLine({
        start: { x: (page.getWidth() - lineWidth) / 2, y },
        end: { x: (page.getWidth() + lineWidth) / 2, y },
        thickness: 0.75,
        color: MUTED,
      });
    }
  }
}

/**
 * One landscape certificate per member, in the order given. With no members it prints a single
 * certificate with a blank name line, to be filled in by hand.
 */
export async function certificatesPdf(input: CertificatesInput): Promise<Uint8Array> {
  const title = roomT(input.language)('print.certificatesDocument', { pack: input.packTitle });
  const { doc, fonts } = await createDocument(title);
  const [width, height] = pageDimensions(input.pageSize, 'landscape');
  const members = input.members.length > 0 ? input.members : [''];
  for (const member of members) {
    const page = doc.addPage([width, height]);
    const blocks = certificateBlocks(input, member);
    drawCertificate(page, fonts, blocks);
    const unprintable = encodeWinAnsi(blocks.map((block) => block.text).join('\n')).unprintable;
    drawUnprintableNote(page, fonts.regular, [...new Set(unprintable)], {
      language: input.language,
      x: SIDE_PADDING,
      width: width - 2 * SIDE_PADDING,
      bottom: BORDER_INSET + 16,
    });
  }
  return doc.save();
}
