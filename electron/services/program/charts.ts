/**
 * The Program view's charts as plain drawing instructions (paths, rectangles, text) in an SVG
 * coordinate space, laid out with d3's scales, ticks and shape generators. The console draws them
 * as SVG and the program report draws the very same shapes as vector paths in its PDF, so what a
 * supervisor prints is what the coordinator saw.
 *
 * Colours are the Okabe–Ito palette, readable with the common colour-vision deficiencies; every
 * series also has its own marker or pattern, so nothing depends on colour alone.
 */
import { max } from 'd3-array';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import {
  line,
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  symbolWye,
  symbolCross,
  type SymbolType,
} from 'd3-shape';

export type Shape =
  | {
      kind: 'path';
      d: string;
      /** Where the path's origin goes (markers are drawn around 0,0). */
      at?: [number, number];
      fill?: string;
      stroke?: string;
      strokeWidth?: number;
      dash?: number[];
    }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | {
      kind: 'text';
      x: number;
      /** The baseline. */
      y: number;
      text: string;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      bold?: boolean;
      fill?: string;
    };

export interface ChartFigure {
  width: number;
  height: number;
  shapes: Shape[];
}

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with every common deficiency. */
export const PALETTE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  orange: '#E69F00',
  sky: '#56B4E9',
  black: '#000000',
} as const;

const SERIES_COLOURS = [
  PALETTE.blue,
  PALETTE.vermillion,
  PALETTE.green,
  PALETTE.purple,
  PALETTE.orange,
  PALETTE.sky,
];
const MARKERS: SymbolType[] = [
  symbolCircle,
  symbolSquare,
  symbolTriangle,
  symbolDiamond,
  symbolCross,
  symbolWye,
];
const DASHES: (number[] | undefined)[] = [undefined, [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]];

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;

const WIDTH = 640;
/** Room between the chart's edge and its legend and axis titles. */
const INSET = 8;
const INK = '#1a1a1a';
const MUTED = '#555555';
const GRID = '#d9d9d9';
const FONT = 11;
/** Helvetica's average advance is about 0.55 em: enough to keep labels inside their room. */
const CHAR_WIDTH = 0.55;

const textWidth = (text: string, size = FONT) => text.length * size * CHAR_WIDTH;

function fitLabel(text: string, width: number, size = FONT): string {
  const room = Math.floor(width / (size * CHAR_WIDTH));
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1)).trimEnd()}…`;
}

const text = (
  x: number,
  y: number,
  value: string,
  options: Partial<Omit<Extract<Shape, { kind: 'text' }>, 'kind' | 'x' | 'y' | 'text'>> = {},
): Shape => ({
  kind: 'text',
  x,
  y,
  text: value,
  size: options.size ?? FONT,
  anchor: options.anchor ?? 'start',
  bold: options.bold,
  fill: options.fill ?? INK,
});

const segment = (x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1) =>
  ({
    kind: 'path',
    d: `M${x1},${y1}L${x2},${y2}`,
    stroke,
    strokeWidth: width,
  }) satisfies Shape;

function marker(type: SymbolType, x: number, y: number, colour: string, size = 48): Shape {
  return {
    kind: 'path',
    d: symbol(type, size)()!,
    at: [x, y],
    fill: colour,
    stroke: '#ffffff',
    strokeWidth: 0.75,
  };
}

export interface LegendEntry {
  label: string;
  colour: string;
  /** How the entry is drawn: a filled box, a line with a marker, or a marker alone. */
  swatch: 'box' | 'line' | 'marker';
  markerIndex?: number;
  dash?: number[];
}

/** A legend in rows across the top; returns its shapes and the height it takes. */
function legend(entries: LegendEntry[], top: number): { shapes: Shape[]; height: number } {
  const shapes: Shape[] = [];
  let x = INSET;
  let y = top + 12;
  for (const entry of entries) {
    const width = 28 + textWidth(entry.label) + 16;
    if (x > INSET && x + width > WIDTH) {
      x = INSET;
      y += 18;
    }
    if (entry.swatch === 'box') {
      shapes.push({ kind: 'rect', x, y: y - 9, width: 18, height: 10, fill: entry.colour });
    } else {
      if (entry.swatch === 'line') {
        shapes.push({ ...segment(x, y - 4, x + 22, y - 4, entry.colour, 2), dash: entry.dash });
      }
      shapes.push(
        marker(MARKERS[(entry.markerIndex ?? 0) % MARKERS.length]!, x + 11, y - 4, entry.colour),
      );
    }
    shapes.push(text(x + 28, y, entry.label));
    x += width;
  }
  return { shapes, height: entries.length === 0 ? 0 : y - top + 10 };
}

const formatTick = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export interface BoxRow {
  label: string;
  planned: number;
  spread: { min: number; q1: number; median: number; q3: number; max: number } | null;
}

/**
 * Planned against actual minutes per agenda item: the whisker runs from the shortest to the
 * longest delivery, the box holds the middle half, the bar inside is the median, and the
 * diamond is the planned length.
 */
export function boxPlotChart(
  rows: BoxRow[],
  axisTitle: string,
  /** The legend's words, in the reader's language. */
  names: { middleHalf: string; median: string; planned: string },
): ChartFigure {
  const labelWidth = 220;
  const head = legend(
    [
      { label: names.middleHalf, colour: PALETTE.sky, swatch: 'box' },
      { label: names.median, colour: INK, swatch: 'box' },
      { label: names.planned, colour: PALETTE.vermillion, swatch: 'marker', markerIndex: 3 },
    ],
    0,
  );
  const top = head.height + 8;
  const rowHeight = 22;
  const plotHeight = Math.max(1, rows.length) * rowHeight;
  const x = scaleLinear()
    .domain([0, max(rows, (row) => Math.max(row.planned, row.spread?.max ?? 0)) || 1])
    .range([labelWidth, WIDTH - 12])
    .nice();
  const y = scaleBand<number>()
    .domain(rows.map((_, index) => index))
    .range([top, top + plotHeight])
    .padding(0.35);
  const shapes: Shape[] = [...head.shapes];
  axisX(shapes, x, top, top + plotHeight, axisTitle);
  rows.forEach((row, index) => {
    const band = y(index)!;
    const middle = band + y.bandwidth() / 2;
    shapes.push(
      text(labelWidth - 8, middle + 4, fitLabel(row.label, labelWidth - 12), { anchor: 'end' }),
    );
    if (row.spread) {
      const { min, q1, median, q3, max: longest } = row.spread;
      shapes.push(segment(x(min), middle, x(longest), middle, INK));
      shapes.push(segment(x(min), band + 2, x(min), band + y.bandwidth() - 2, INK));
      shapes.push(segment(x(longest), band + 2, x(longest), band + y.bandwidth() - 2, INK));
      shapes.push({
        kind: 'rect',
        x: x(q1),
        y: band,
        width: Math.max(1.5, x(q3) - x(q1)),
        height: y.bandwidth(),
        fill: PALETTE.sky,
      });
      shapes.push(segment(x(median), band - 1, x(median), band + y.bandwidth() + 1, INK, 2.5));
    }
    shapes.push(marker(symbolDiamond, x(row.planned), middle, PALETTE.vermillion, 64));
  });
  return { width: WIDTH, height: top + plotHeight + 40, shapes };
}

/** Vertical grid lines and tick labels under a horizontal linear scale, with its title. */
function axisX(
  shapes: Shape[],
  x: ReturnType<typeof scaleLinear<number>>,
  top: number,
  bottom: number,
  title: string,
  format: (value: number) => string = formatTick,
): void {
  // Counts of sessions have no fractions: never more ticks than whole numbers on the axis.
  const domainEnd = x.domain()[1] ?? 1;
  const ticks = x
    .ticks(Math.min(6, Math.max(1, domainEnd)))
    .filter((tick) => domainEnd > 6 || Number.isInteger(tick));
  for (const tick of ticks) {
    shapes.push(segment(x(tick), top, x(tick), bottom, GRID));
    shapes.push(text(x(tick), bottom + 14, format(tick), { anchor: 'middle', fill: MUTED }));
  }
  const [start, end] = x.range() as [number, number];
  shapes.push(segment(start, bottom, end, bottom, MUTED));
  shapes.push(text((start + end) / 2, bottom + 30, title, { anchor: 'middle', fill: MUTED }));
}

export interface BarSeries {
  label: string;
  values: number[];
}

/** How far each bar reaches: the sum of a stack, or the longest of bars side by side. */
function barTotals(count: number, series: BarSeries[], stacked: boolean): number[] {
  return Array.from({ length: count }, (_, index) =>
    stacked
      ? series.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0)
      : Math.max(0, ...series.map((entry) => entry.values[index] ?? 0)),
  );
}

/**
 * Horizontal bars, one row per category: series side by side, or stacked end to end. Each bar
 * is labelled with its value so the chart reads without the axis.
 */
export function barChart(options: {
  categories: string[];
  series: BarSeries[];
  stacked: boolean;
  axisTitle: string;
  /** The axis' end, e.g. 100 for percentages; otherwise the largest bar. */
  domainMax?: number;
  format?: (value: number) => string;
  colours?: string[];
}): ChartFigure {
  const { categories, series, stacked } = options;
  const format = options.format ?? formatTick;
  const colours = options.colours ?? series.map((_, index) => seriesColour(index));
  const labelWidth = 220;
  const head = legend(
    series.length > 1
      ? series.map((entry, index) => ({
          label: entry.label,
          colour: colours[index]!,
          swatch: 'box',
        }))
      : [],
    0,
  );
  const top = head.height + 8;
  const rowHeight = stacked || series.length === 1 ? 24 : 12 + 12 * series.length;
  const plotHeight = Math.max(1, categories.length) * rowHeight;
  const totals = barTotals(categories.length, series, stacked);
  const x = scaleLinear()
    .domain([0, options.domainMax ?? (Math.max(0, ...totals) || 1)])
    .range([labelWidth, WIDTH - 40]);
  if (options.domainMax === undefined) x.nice();
  const y = scaleBand<number>()
    .domain(categories.map((_, index) => index))
    .range([top, top + plotHeight])
    .padding(0.25);
  const inner = scaleBand<number>()
    .domain(series.map((_, index) => index))
    .range([0, y.bandwidth()])
    .padding(0.1);
  const shapes: Shape[] = [...head.shapes];
  axisX(shapes, x, top, top + plotHeight, options.axisTitle, format);
  categories.forEach((category, row) => {
    const band = y(row)!;
    shapes.push(
      text(labelWidth - 8, band + y.bandwidth() / 2 + 4, fitLabel(category, labelWidth - 12), {
        anchor: 'end',
      }),
    );
    let start = 0;
    series.forEach((entry, index) => {
      const value = entry.values[row] ?? 0;
      const barTop = stacked ? band : band + inner(index)!;
      const barHeight = stacked ? y.bandwidth() : inner.bandwidth();
      const from = stacked ? start : 0;
      if (value > 0) {
        shapes.push({
          kind: 'rect',
          x: x(from),
          y: barTop,
          width: Math.max(1, x(from + value) - x(from)),
          height: barHeight,
          fill: colours[index]!,
        });
      }
      if (!stacked) {
        shapes.push(text(x(value) + 4, barTop + barHeight / 2 + 4, format(value), { size: 10 }));
      }
      start += value;
    });
    if (stacked) {
      shapes.push(
        text(x(totals[row]!) + 4, band + y.bandwidth() / 2 + 4, format(totals[row]!), {
          size: 10,
        }),
      );
    }
  });
  return { width: WIDTH, height: top + plotHeight + 40, shapes };
}

export interface TrendSeries {
  label: string;
  /** One value per period; null where the period has none. */
  values: (number | null)[];
}

/** Horizontal axis labels over periods, thinned so they never overlap. */
function periodAxis(
  shapes: Shape[],
  labels: string[],
  position: (index: number) => number,
  bottom: number,
  left: number,
  right: number,
): void {
  const widest = Math.max(1, ...labels.map((label) => textWidth(label, 10)));
  const room = (right - left) / Math.max(1, labels.length);
  const step = Math.max(1, Math.ceil((widest + 10) / room));
  labels.forEach((label, index) => {
    if (index % step !== 0) return;
    shapes.push(segment(position(index), bottom, position(index), bottom + 4, MUTED));
    shapes.push(
      text(position(index), bottom + 16, label, { anchor: 'middle', size: 10, fill: MUTED }),
    );
  });
  shapes.push(segment(left, bottom, right, bottom, MUTED));
}

function axisY(
  shapes: Shape[],
  y: ReturnType<typeof scaleLinear<number>>,
  left: number,
  right: number,
  title: string,
  format: (value: number) => string,
): void {
  for (const tick of y.ticks(5)) {
    shapes.push(segment(left, y(tick), right, y(tick), GRID));
    shapes.push(text(left - 6, y(tick) + 4, format(tick), { anchor: 'end', fill: MUTED }));
  }
  const [bottom, top] = y.range() as [number, number];
  shapes.push(text(INSET, top - 10, title, { fill: MUTED }));
  shapes.push(segment(left, top, left, bottom, MUTED));
}

/** Lines over time, one per series, each with its own colour, marker and dash. */
export function trendChart(options: {
  periods: string[];
  series: TrendSeries[];
  axisTitle: string;
  domainMax?: number;
  format?: (value: number) => string;
  /** A horizontal reference, such as the planned length. */
  reference?: { value: number; label: string };
}): ChartFigure {
  const { periods, series } = options;
  const format = options.format ?? formatTick;
  const entries: LegendEntry[] = series.map((entry, index) => ({
    label: entry.label,
    colour: seriesColour(index),
    swatch: 'line',
    markerIndex: index,
    dash: DASHES[index % DASHES.length],
  }));
  if (options.reference) {
    entries.push({ label: options.reference.label, colour: INK, swatch: 'line', dash: [3, 3] });
  }
  const head = legend(series.length > 1 || options.reference ? entries : [], 0);
  const left = 44;
  const right = WIDTH - 16;
  const top = head.height + 28;
  const bottom = top + 200;
  const largest = Math.max(
    options.reference?.value ?? 0,
    ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)),
  );
  const y = scaleLinear()
    .domain([0, options.domainMax ?? (largest || 1)])
    .range([bottom, top]);
  if (options.domainMax === undefined) y.nice();
  const x = scalePoint<number>()
    .domain(periods.map((_, index) => index))
    .range([left + 10, right - 10])
    .padding(periods.length === 1 ? 0.5 : 0);
  const shapes: Shape[] = [...head.shapes];
  axisY(shapes, y, left, right, options.axisTitle, format);
  periodAxis(shapes, periods, (index) => x(index)!, bottom, left, right);
  if (options.reference) {
    shapes.push({
      ...segment(left, y(options.reference.value), right, y(options.reference.value), INK, 1.25),
      dash: [3, 3],
    });
  }
  series.forEach((entry, index) => {
    const colour = seriesColour(index);
    const points = entry.values.map((value, period) => [period, value] as const);
    const path = line<(typeof points)[number]>()
      .defined(([, value]) => value !== null)
      .x(([period]) => x(period)!)
      .y(([, value]) => y(value ?? 0))(points);
    if (path) {
      shapes.push({
        kind: 'path',
        d: path,
        stroke: colour,
        strokeWidth: 2,
        dash: DASHES[index % DASHES.length],
      });
    }
    const markerType = MARKERS[index % MARKERS.length]!;
    // Markers on every point while they stay apart; on long series the line alone reads better.
    const showAll = periods.length <= 60;
    points.forEach(([period, value]) => {
      if (value === null || (!showAll && period !== points.length - 1)) return;
      shapes.push(marker(markerType, x(period)!, y(value), colour));
    });
  });
  return { width: WIDTH, height: bottom + 30, shapes };
}

/** Vertical bars over time: series side by side or stacked, per period. */
export function periodBarChart(options: {
  periods: string[];
  series: BarSeries[];
  stacked: boolean;
  axisTitle: string;
  colours?: string[];
}): ChartFigure {
  const { periods, series, stacked } = options;
  const colours = options.colours ?? series.map((_, index) => seriesColour(index));
  const head = legend(
    series.map((entry, index) => ({ label: entry.label, colour: colours[index]!, swatch: 'box' })),
    0,
  );
  const left = 44;
  const right = WIDTH - 16;
  const top = head.height + 28;
  const bottom = top + 180;
  const totals = barTotals(periods.length, series, stacked);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([bottom, top])
    .nice();
  const x = scaleBand<number>()
    .domain(periods.map((_, index) => index))
    .range([left + 4, right])
    .padding(0.2);
  const inner = scaleBand<number>()
    .domain(series.map((_, index) => index))
    .range([0, x.bandwidth()])
    .padding(0.05);
  const shapes: Shape[] = [...head.shapes];
  axisY(shapes, y, left, right, options.axisTitle, (value) =>
    Number.isInteger(value) ? String(value) : '',
  );
  periods.forEach((_, period) => {
    let start = 0;
    series.forEach((entry, index) => {
      const value = entry.values[period] ?? 0;
      if (value > 0) {
        const barLeft = stacked ? x(period)! : x(period)! + inner(index)!;
        const barWidth = stacked ? x.bandwidth() : inner.bandwidth();
        const from = stacked ? start : 0;
        shapes.push({
          kind: 'rect',
          x: barLeft,
          y: y(from + value),
          width: Math.max(0.5, barWidth),
          height: y(from) - y(from + value),
          fill: colours[index]!,
        });
      }
      start += value;
    });
  });
  periodAxis(shapes, periods, (index) => x(index)! + x.bandwidth() / 2, bottom, left, right);
  return { width: WIDTH, height: bottom + 30, shapes };
}
