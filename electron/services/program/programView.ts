/**
 * The Program view as the console shows it and the report prints it: sections of charts, each
 * with a title that says what it shows, a sentence with its main figure, and the figures behind
 * it as a table (what a screen reader reads, and what the CSV holds).
 */
import { FALLBACK_LANGUAGE, type Language } from '../../shared/i18n';
import { mainT, type MainT } from '../../shared/i18n/phrases';
import type { CsvValue } from '../records/csv';
import {
  barChart,
  boxPlotChart,
  PALETTE,
  periodBarChart,
  trendChart,
  type ChartFigure,
} from './charts';
import {
  RAN_OVER_MINUTES,
  RETENTION_NEXT_SESSIONS,
  type PackFidelity,
  type PackQuiz,
  type ProgramFigures,
  type ProgramFilter,
} from './programFigures';

export interface FigureTable {
  caption: string;
  columns: string[];
  rows: CsvValue[][];
}

export interface ChartBlock {
  /** Unique in the view; names the CSV file. */
  id: string;
  title: string;
  summary: string;
  chart: ChartFigure;
  /** The first table holds the figures the chart draws. */
  tables: FigureTable[];
}

export interface ProgramSection {
  id: string;
  title: string;
  blocks: ChartBlock[];
}

export interface ProgramOptions {
  packs: { id: string; title: string }[];
  cohorts: { id: number; name: string }[];
  /** The first and last day a session started on; null before any session has ended. */
  firstDay: string | null;
  lastDay: string | null;
}

export interface ProgramView {
  filter: ProgramFilter;
  options: ProgramOptions;
  /** How the time charts group sessions: "each session", "by month"… */
  periodLabel: string;
  counts: ProgramFigures['counts'];
  sections: ProgramSection[];
}

const PERIOD_KEYS = {
  session: 'program.periods.session',
  month: 'program.periods.month',
  quarter: 'program.periods.quarter',
  year: 'program.periods.year',
} as const satisfies Record<ProgramFigures['unit'], string>;

const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 100) : null;
const percentLabel = (value: number) => `${value}%`;
const round1 = (value: number) => Math.round(value * 10) / 10;

function fidelitySection(pack: PackFidelity, figures: ProgramFigures, t: MainT): ProgramSection {
  const period = t(PERIOD_KEYS[figures.unit]);
  const sessions = t('program.sessions', { count: pack.sessions });
  const labels = pack.items.map((item, index) => `${index + 1}. ${item.title}`);
  const longer = pack.items.filter(
    (item) => item.actual && item.actual.median > item.plannedMinutes + 1,
  );
  const periodLabels = new Map(figures.periods.map((period) => [period.key, period.label]));
  const lengths = figures.periods.map(
    (period) => pack.lengths.find((entry) => entry.periodKey === period.key) ?? null,
  );
  const changed = pack.items.filter((item) => item.skipped + item.adapted > 0);
  return {
    id: `fidelity-${pack.packId}`,
    title: t('program.fidelity.section', { pack: pack.packTitle }),
    blocks: [
      {
        id: `fidelity-minutes-${pack.packId}`,
        title: t('program.fidelity.minutes.title'),
        summary: t('program.fidelity.minutes.summary', {
          over: t('program.over', { count: pack.sessions }),
          detail:
            longer.length === 0
              ? t('program.fidelity.minutes.noneLonger')
              : t('program.fidelity.minutes.longer', {
                  items: longer.map((item) => item.title).join('; '),
                }),
        }),
        chart: boxPlotChart(
          pack.items.map((item, index) => ({
            label: labels[index]!,
            planned: item.plannedMinutes,
            spread: item.actual,
          })),
          t('program.fidelity.minutes.axis'),
          {
            middleHalf: t('program.fidelity.minutes.legend.middleHalf'),
            median: t('program.fidelity.minutes.legend.median'),
            planned: t('program.fidelity.minutes.legend.planned'),
          },
        ),
        tables: [
          {
            caption: t('program.fidelity.minutes.caption'),
            columns: [
              t('program.columns.item'),
              t('program.columns.plannedMinutes'),
              t('program.columns.deliveredSessions'),
              t('program.columns.shortest'),
              t('program.columns.middleFrom'),
              t('program.columns.median'),
              t('program.columns.middleTo'),
              t('program.columns.longest'),
            ],
            rows: pack.items.map((item, index) => [
              labels[index],
              item.plannedMinutes,
              item.delivered,
              item.actual?.min,
              item.actual?.q1,
              item.actual?.median,
              item.actual?.q3,
              item.actual?.max,
            ]),
          },
        ],
      },
      {
        id: `fidelity-changes-${pack.packId}`,
        title: t('program.fidelity.changes.title'),
        summary:
          changed.length === 0
            ? t('program.fidelity.changes.none', { sessions })
            : t('program.fidelity.changes.some', {
                count: changed.length,
                items: t('program.items', { count: changed.length }),
                total: pack.items.length,
                sessions,
              }),
        chart: barChart({
          categories: labels,
          series: [
            { label: t('program.skipped'), values: pack.items.map((item) => item.skipped) },
            { label: t('program.adapted'), values: pack.items.map((item) => item.adapted) },
          ],
          stacked: true,
          axisTitle: t('program.columns.sessions'),
          colours: [PALETTE.vermillion, PALETTE.blue],
        }),
        tables: [
          {
            caption: t('program.fidelity.changes.caption'),
            columns: [
              t('program.columns.item'),
              t('program.columns.sessions'),
              t('program.skipped'),
              t('program.adapted'),
              t('program.columns.notReached'),
            ],
            rows: pack.items.map((item, index) => [
              labels[index],
              item.sessions,
              item.skipped,
              item.adapted,
              item.notReached,
            ]),
          },
          {
            caption: t('program.fidelity.changes.reasonsCaption'),
            columns: [
              t('program.columns.item'),
              t('program.columns.change'),
              t('program.columns.reason'),
              t('program.columns.times'),
            ],
            rows: pack.reasons.map((reason) => [
              reason.title,
              reason.change === 'skipped' ? t('program.skipped') : t('program.adapted'),
              reason.reason,
              reason.times,
            ]),
          },
        ],
      },
      {
        id: `fidelity-length-${pack.packId}`,
        title: t('program.fidelity.length.title'),
        summary: t('program.fidelity.length.summary', {
          count: pack.ranOver,
          ranOver: pack.ranOver,
          sessions,
          minutes: RAN_OVER_MINUTES,
          planned: pack.plannedMinutes,
        }),
        chart: trendChart({
          periods: figures.periods.map((period) => period.axisLabel),
          series: [
            {
              label:
                figures.unit === 'session'
                  ? t('program.fidelity.length.length')
                  : t('program.fidelity.length.medianLength'),
              values: lengths.map((entry) => entry?.medianMinutes ?? null),
            },
          ],
          axisTitle: t('program.minutes'),
          reference: {
            value: pack.plannedMinutes,
            label: t('program.fidelity.length.planned', { minutes: pack.plannedMinutes }),
          },
        }),
        tables: [
          {
            caption: t('program.fidelity.length.caption', { period }),
            columns: [
              t('program.columns.period'),
              t('program.columns.sessions'),
              t('program.columns.medianLength'),
              t('program.columns.longest'),
              t('program.columns.ranOver', { minutes: RAN_OVER_MINUTES }),
            ],
            rows: pack.lengths.map((entry) => [
              periodLabels.get(entry.periodKey),
              entry.sessions,
              entry.medianMinutes,
              entry.maxMinutes,
              entry.ranOver,
            ]),
          },
        ],
      },
    ],
  };
}

function attendanceSection(figures: ProgramFigures, t: MainT): ProgramSection {
  const { periods } = figures;
  const period = t(PERIOD_KEYS[figures.unit]);
  const rows = figures.attendance.periods;
  const labels = periods.map((period) => period.label);
  const axisLabels = periods.map((period) => period.axisLabel);
  const retention = figures.attendance.retention;
  const known = retention.firstTimers - retention.tooRecent;
  const perSession = (index: number) => {
    const entry = rows[index]!;
    return entry.sessions > 0 ? round1(entry.present / entry.sessions) : null;
  };
  const newMembers = rows.reduce((sum, entry) => sum + entry.firstTimers, 0);
  const allPresent = rows.reduce((sum, entry) => sum + entry.present, 0);
  return {
    id: 'attendance',
    title: t('program.attendance.section'),
    blocks: [
      {
        id: 'attendance-members',
        title:
          figures.unit === 'session'
            ? t('program.attendance.present.titleEachSession')
            : t('program.attendance.present.titlePerPeriod', { period }),
        summary: t('program.attendance.present.summary', {
          count: figures.counts.members,
          members: t('program.members', { count: figures.counts.members }),
          sessions: t('program.sessions', { count: figures.counts.sessions }),
          average: figures.counts.sessions > 0 ? round1(allPresent / figures.counts.sessions) : 0,
        }),
        chart: trendChart({
          periods: axisLabels,
          series: [
            {
              label: t('program.attendance.present.series'),
              values: periods.map((_, i) => perSession(i)),
            },
          ],
          axisTitle: t('program.attendance.present.axis'),
        }),
        tables: [
          {
            caption: t('program.attendance.present.caption', { period }),
            columns: [
              t('program.columns.period'),
              t('program.columns.sessions'),
              t('program.columns.presentAll'),
              t('program.columns.perSession'),
            ],
            rows: rows.map((entry, index) => [
              labels[index],
              entry.sessions,
              entry.present,
              perSession(index),
            ]),
          },
        ],
      },
      {
        id: 'attendance-new-graduating',
        title: t('program.attendance.newGraduating.title'),
        summary: t('program.attendance.newGraduating.summary', {
          newMembers: t('program.newMembers', { count: newMembers }),
          graduating: t('program.graduatingMembers', { count: figures.attendance.graduating }),
        }),
        chart: periodBarChart({
          periods: axisLabels,
          series: [
            { label: t('program.new'), values: rows.map((entry) => entry.firstTimers) },
            { label: t('program.graduating'), values: rows.map((entry) => entry.graduating) },
          ],
          stacked: false,
          axisTitle: t('program.attendance.newGraduating.axis'),
          colours: [PALETTE.blue, PALETTE.orange],
        }),
        tables: [
          {
            caption: t('program.attendance.newGraduating.caption', { period }),
            columns: [t('program.columns.period'), t('program.new'), t('program.graduating')],
            rows: rows.map((entry, index) => [labels[index], entry.firstTimers, entry.graduating]),
          },
        ],
      },
      {
        id: 'attendance-retention',
        title: t('program.attendance.retention.title', { count: RETENTION_NEXT_SESSIONS }),
        summary:
          retention.firstTimers === 0
            ? t('program.attendance.retention.nobody')
            : t(
                known > 0
                  ? 'program.attendance.retention.summaryWithShare'
                  : 'program.attendance.retention.summary',
                {
                  count: retention.cameToBoth,
                  members: t('program.members', { count: retention.firstTimers }),
                  both: retention.cameToBoth,
                  next: RETENTION_NEXT_SESSIONS,
                  percent: percent(retention.cameToBoth, known) ?? 0,
                  known,
                  tooRecent: retention.tooRecent,
                },
              ),
        chart: periodBarChart({
          periods: axisLabels,
          series: [
            { label: t('program.cameToBoth'), values: rows.map((entry) => entry.cameToBoth) },
            { label: t('program.cameToOne'), values: rows.map((entry) => entry.cameToOne) },
            {
              label: t('program.cameToNeither'),
              values: rows.map((entry) => entry.cameToNeither),
            },
            { label: t('program.tooRecent'), values: rows.map((entry) => entry.tooRecent) },
          ],
          stacked: true,
          axisTitle: t('program.attendance.retention.axis'),
          colours: [PALETTE.blue, PALETTE.sky, PALETTE.vermillion, '#bdbdbd'],
        }),
        tables: [
          {
            caption: t('program.attendance.retention.caption'),
            columns: [
              t('program.columns.firstPeriod'),
              t('program.columns.firstSessions'),
              t('program.cameToBoth'),
              t('program.cameToOne'),
              t('program.cameToNeither'),
              t('program.tooRecent'),
              t('program.columns.retention'),
            ],
            rows: rows.map((entry, index) => [
              labels[index],
              entry.firstTimers,
              entry.cameToBoth,
              entry.cameToOne,
              entry.cameToNeither,
              entry.tooRecent,
              percent(entry.cameToBoth, entry.firstTimers - entry.tooRecent),
            ]),
          },
        ],
      },
    ],
  };
}

function quizSection(quiz: PackQuiz, figures: ProgramFigures, t: MainT): ProgramSection {
  const period = t(PERIOD_KEYS[figures.unit]);
  const labels = quiz.items.map((item) =>
    t('program.quiz.itemLabel', { number: item.number, prompt: item.prompt || item.itemId }),
  );
  const shortLabels = quiz.items.map((item) => t('program.quiz.short', { number: item.number }));
  const right = quiz.items.map((item) => percent(item.correct, item.answered));
  const topWrong = quiz.items.map((item) => item.wrong[0] ?? null);
  const weakest = quiz.items
    .filter((item) => item.answered > 0)
    .sort((a, b) => a.correct / a.answered - b.correct / b.answered)[0];
  const uncovered = quiz.items.filter(
    (item) => item.coverage.sessions > item.coverage.coveredSessions,
  );
  const periodLabels = new Map(figures.periods.map((period) => [period.key, period.label]));
  const periodsWithAnswers = figures.periods.filter((period) =>
    quiz.items.some((item) => item.byPeriod.some((entry) => entry.periodKey === period.key)),
  );
  const shareIn = (itemIndex: number, periodKey: string) => {
    const entry = quiz.items[itemIndex]!.byPeriod.find((row) => row.periodKey === periodKey);
    return entry ? percent(entry.correct, entry.answered) : null;
  };
  return {
    id: `quiz-${quiz.packId}`,
    title: t('program.quiz.section', { pack: quiz.packTitle }),
    blocks: [
      {
        id: `quiz-items-${quiz.packId}`,
        title: t('program.quiz.items.title'),
        summary: weakest
          ? t(
              weakest.wrong[0]?.text
                ? 'program.quiz.items.weakestChoseText'
                : weakest.wrong[0]
                  ? 'program.quiz.items.weakestChose'
                  : 'program.quiz.items.weakest',
              {
                sessions: t('program.sessions', { count: quiz.sessions }),
                item: t('program.quiz.short', { number: weakest.number }),
                percent: percent(weakest.correct, weakest.answered) ?? 0,
                key: weakest.wrong[0]?.key.toUpperCase() ?? '',
                text: weakest.wrong[0]?.text ?? '',
              },
            )
          : t('program.quiz.items.none'),
        chart: barChart({
          categories: labels,
          series: [
            { label: t('program.right'), values: right.map((value) => value ?? 0) },
            {
              label: t('program.quiz.items.choseWrong'),
              values: quiz.items.map((item, index) =>
                topWrong[index] ? (percent(topWrong[index].times, item.answered) ?? 0) : 0,
              ),
            },
          ],
          stacked: false,
          axisTitle: t('program.quiz.items.axis'),
          domainMax: 100,
          format: percentLabel,
          colours: [PALETTE.blue, PALETTE.vermillion],
        }),
        tables: [
          {
            caption: t('program.quiz.items.caption'),
            columns: [
              t('program.columns.question'),
              t('program.columns.correctAnswer'),
              t('program.columns.answered'),
              t('program.right'),
              t('program.rightPercent'),
              t('program.columns.wrongMost'),
              t('program.columns.chosenTimes'),
            ],
            rows: quiz.items.map((item, index) => {
              const wrong = topWrong[index];
              return [
                labels[index],
                item.correctKey.toUpperCase(),
                item.answered,
                item.correct,
                right[index],
                wrong ? `${wrong.key.toUpperCase()}${wrong.text ? `: ${wrong.text}` : ''}` : null,
                wrong?.times,
              ];
            }),
          },
        ],
      },
      {
        id: `quiz-trend-${quiz.packId}`,
        title: t('program.quiz.trend.title', { period }),
        summary: t('program.quiz.trend.summary', {
          points: t('program.points', { count: periodsWithAnswers.length }),
        }),
        chart: trendChart({
          periods: periodsWithAnswers.map((period) => period.axisLabel),
          series: quiz.items.map((item, index) => ({
            label: shortLabels[index]!,
            values: periodsWithAnswers.map((period) => shareIn(index, period.key)),
          })),
          axisTitle: t('program.rightPercent'),
          domainMax: 100,
          format: percentLabel,
        }),
        tables: [
          {
            caption: t('program.quiz.trend.caption', { period }),
            columns: [
              t('program.columns.period'),
              ...shortLabels.map((label) => t('program.quiz.trend.column', { item: label })),
            ],
            rows: periodsWithAnswers.map((period) => [
              periodLabels.get(period.key),
              ...quiz.items.map((_, index) => shareIn(index, period.key)),
            ]),
          },
        ],
      },
      {
        id: `quiz-coverage-${quiz.packId}`,
        title: t('program.quiz.coverage.title'),
        summary:
          uncovered.length === 0
            ? t('program.quiz.coverage.allTaught')
            : t('program.quiz.coverage.summary', {
                items: uncovered
                  .map((item) =>
                    t('program.quiz.coverage.notTaught', {
                      item: t('program.quiz.short', { number: item.number }),
                      missed: item.coverage.sessions - item.coverage.coveredSessions,
                      sessions: t('program.sessions', { count: item.coverage.sessions }),
                    }),
                  )
                  .join('; '),
              }),
        chart: barChart({
          categories: labels,
          series: [
            {
              label: t('program.quiz.coverage.taught'),
              values: quiz.items.map(
                (item) =>
                  percent(item.coverage.covered.correct, item.coverage.covered.answered) ?? 0,
              ),
            },
            {
              label: t('program.quiz.coverage.notTaughtSeries'),
              values: quiz.items.map(
                (item) =>
                  percent(item.coverage.notCovered.correct, item.coverage.notCovered.answered) ?? 0,
              ),
            },
          ],
          stacked: false,
          axisTitle: t('program.rightPercent'),
          domainMax: 100,
          format: percentLabel,
          colours: [PALETTE.green, PALETTE.purple],
        }),
        tables: [
          {
            caption: t('program.quiz.coverage.caption'),
            columns: [
              t('program.columns.question'),
              t('program.columns.sessionsWithAnswers'),
              t('program.columns.taughtSessions'),
              t('program.columns.rightTaught'),
              t('program.columns.rightNotTaught'),
            ],
            rows: quiz.items.map((item, index) => [
              labels[index],
              item.coverage.sessions,
              item.coverage.coveredSessions,
              percent(item.coverage.covered.correct, item.coverage.covered.answered),
              percent(item.coverage.notCovered.correct, item.coverage.notCovered.answered),
            ]),
          },
        ],
      },
    ],
  };
}

/**
 * The view in `language`: the console's for the Program view and its PDF, English for the CSV
 * files (their columns are data, the same in every export).
 */
export function buildProgramView(
  figures: ProgramFigures,
  options: ProgramOptions,
  language: Language = FALLBACK_LANGUAGE,
): ProgramView {
  const t = mainT(language);
  const sections =
    figures.counts.sessions === 0
      ? []
      : [
          ...figures.fidelity.map((pack) => fidelitySection(pack, figures, t)),
          attendanceSection(figures, t),
          ...figures.quiz.map((quiz) => quizSection(quiz, figures, t)),
        ];
  return {
    filter: figures.filter,
    options,
    periodLabel: t(PERIOD_KEYS[figures.unit]),
    counts: figures.counts,
    sections,
  };
}
