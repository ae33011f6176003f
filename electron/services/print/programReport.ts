import { rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { FALLBACK_LANGUAGE, INTL_LOCALES, type Language } from '../../shared/i18n';
import { mainT } from '../../shared/i18n/phrases';
import type { ChartFigure } from '../program/charts';
import type { ProgramView } from '../program/programView';
import type { PageSize } from './layout';
import { createDocument, FlowWriter, INK, lineHeight, MUTED } from './layout';
import { toWinAnsi } from './winAnsi';

export interface ProgramReportPdfInput {
  /** The console's language (English when not given): the report is for staff and funders. */
  language?: Language;
  view: ProgramView;
  packTitles: string[];
  /** The group's name when the report covers one group; reports of several give counts only. */
  cohortName: string | null;
  pageSize: PageSize;
}

function colour(hex: string | undefined): Color | undefined {
  if (hex === undefined) return undefined;
  const value = Number.parseInt(hex.slice(1), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

function longDate(day: string, language: Language): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!).toLocaleDateString(INTL_LOCALES[language], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** Draws a chart's shapes as vector graphics with its top-left corner at (left, top). */
function drawChart(
  page: PDFPage,
  chart: ChartFigure,
  left: number,
  top: number,
  scale: number,
  fonts: { regular: PDFFont; bold: PDFFont },
): void {
  for (const shape of chart.shapes) {
    if (shape.kind === 'rect') {
      page.drawRectangle({
        x: left + shape.x * scale,
        y: top - (shape.y + shape.height) * scale,
        width: shape.width * scale,
        height: shape.height * scale,
        color: colour(shape.fill),
      });
    } else if (shape.kind === 'path') {
      const [dx, dy] = shape.at ?? [0, 0];
      page.drawSvgPath(shape.d, {
        x: left + dx * scale,
        y: top - dy * scale,
        scale,
        ...(shape.fill ? { color: colour(shape.fill) } : {}),
        ...(shape.stroke
          ? {
              borderColor: colour(shape.stroke),
              borderWidth: (shape.strokeWidth ?? 1) * scale,
              borderDashArray: shape.dash?.map((length) => length * scale),
            }
          : {}),
      });
    } else {
      const font = shape.bold ? fonts.bold : fonts.regular;
      const size = shape.size * scale;
      const text = toWinAnsi(shape.text);
      const width = font.widthOfTextAtSize(text, size);
      const offset = shape.anchor === 'middle' ? width / 2 : shape.anchor === 'end' ? width : 0;
      page.drawText(text, {
        x: left + shape.x * scale - offset,
        y: top - shape.y * scale,
        size,
        font,
        color: colour(shape.fill) ?? INK,
      });
    }
  }
}

/**
 * The Program view for funders and supervisors: the same charts as the console, as vector
 * drawings, each with the figures behind it. It names no member.
 */
export async function programReportPdf(input: ProgramReportPdfInput): Promise<Uint8Array> {
  const { view } = input;
  const language = input.language ?? FALLBACK_LANGUAGE;
  const t = mainT(language);
  const { doc, fonts } = await createDocument(t('programReport.title'));
  const writer = new FlowWriter(doc, fonts, input.pageSize, { margin: 44 });
  const range = t('programReport.range', {
    from: longDate(view.filter.from, language),
    to: longDate(view.filter.to, language),
  });

  writer.heading(t('programReport.title'), 1);
  writer.text(range, { weight: 'bold', size: 13, spaceAfter: 6 });
  const facts: [string, string][] = [
    [
      t('programReport.facts.packs'),
      input.packTitles.length > 0 ? input.packTitles.join('; ') : t('programReport.none'),
    ],
    [
      t('programReport.facts.groups'),
      input.cohortName === null
        ? String(view.counts.groups)
        : t('programReport.groupCount', { count: view.counts.groups, group: input.cohortName }),
    ],
    [t('programReport.facts.sessions'), String(view.counts.sessions)],
    [t('programReport.facts.members'), t('programReport.members', { count: view.counts.members })],
    [t('programReport.facts.overTime'), t('programReport.overTime', { period: view.periodLabel })],
  ];
  for (const [label, value] of facts) {
    writer.text(value, {
      size: 10.5,
      label: t('programReport.factLabel', { label }),
      labelWidth: 72,
    });
  }
  for (const pack of view.counts.packs) {
    writer.text(t('programReport.packSessions', { pack: pack.title, count: pack.sessions }), {
      size: 9.5,
      color: MUTED,
      indent: 72,
    });
  }
  if (view.sections.length === 0) {
    writer.text(t('programReport.noSessions'), { size: 11, spaceBefore: 12 });
  }

  const scale = writer.contentWidth / 640;
  for (const section of view.sections) {
    writer.newPage();
    writer.heading(section.title, 2);
    for (const block of section.blocks) {
      const chartHeight = block.chart.height * scale;
      const { height: summaryHeight } = writer.measure(block.summary, { size: 9.5 });
      writer.keepTogether(2 * lineHeight(12.5) + summaryHeight + chartHeight + 12);
      writer.heading(block.title, 3);
      writer.text(block.summary, { size: 9.5, color: MUTED, spaceAfter: 6 });
      drawChart(writer.page, block.chart, writer.left, writer.y, scale, fonts);
      writer.gap(chartHeight + 6);
      for (const table of block.tables) {
        if (table.rows.length === 0) continue;
        writer.text(table.caption, { size: 9, weight: 'bold', spaceAfter: 2 });
        // Words get the room; columns of numbers are narrow and right-aligned.
        const wordy = table.columns.map((_, index) =>
          table.rows.some((row) => {
            const cell = row[index];
            return typeof cell === 'string' && cell.length > 3;
          }),
        );
        writer.table(
          table.columns.map((header, index) => ({
            header,
            weight: wordy[index] ? 3 : 1.2,
            align: wordy[index] ? 'left' : 'right',
          })),
          table.rows.map((row) =>
            row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))),
          ),
          { size: 7.5, padding: 3 },
        );
        writer.gap(8);
      }
    }
  }

  return writer.finish({
    footer: t('programReport.footer', { range }),
    pageNumbers: true,
    language,
  });
}
