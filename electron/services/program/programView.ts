/**
 * The Program view as the console shows it and the report prints it: sections of charts, each
 * with a title that says what it shows, a sentence with its main figure, and the figures behind
 * it as a table (what a screen reader reads, and what the CSV holds).
 */
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

const PERIOD_LABELS: Record<ProgramFigures['unit'], string> = {
  session: 'each session',
  month: 'by month',
  quarter: 'by quarter',
  year: 'by year',
};

const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 100) : null;
const percentLabel = (value: number) => `${value}%`;
const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;
const round1 = (value: number) => Math.round(value * 10) / 10;

function fidelitySection(pack: PackFidelity, figures: ProgramFigures): ProgramSection {
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
    title: `Fidelity: ${pack.packTitle}`,
    blocks: [
      {
        id: `fidelity-minutes-${pack.packId}`,
        title: 'Planned and actual minutes for each agenda item',
        summary:
          `Over ${plural(pack.sessions, 'session')}. ` +
          (longer.length === 0
            ? 'No item’s median ran more than a minute past its plan.'
            : `Median longer than planned by more than a minute: ${longer
                .map((item) => item.title)
                .join('; ')}.`),
        chart: boxPlotChart(
          pack.items.map((item, index) => ({
            label: labels[index]!,
            planned: item.plannedMinutes,
            spread: item.actual,
          })),
          'Minutes (box: middle half of sessions; whiskers: shortest to longest)',
        ),
        tables: [
          {
            caption: 'Minutes per agenda item, over the sessions that delivered it',
            columns: [
              'Item',
              'Planned (min)',
              'Delivered (sessions)',
              'Shortest (min)',
              'Middle half from (min)',
              'Median (min)',
              'Middle half to (min)',
              'Longest (min)',
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
        title: 'How often each agenda item was skipped or adapted',
        summary:
          changed.length === 0
            ? `No item was skipped or adapted in ${plural(pack.sessions, 'session')}.`
            : `${plural(changed.length, 'item')} of ${pack.items.length} skipped or adapted at least once in ${plural(pack.sessions, 'session')}.`,
        chart: barChart({
          categories: labels,
          series: [
            { label: 'Skipped', values: pack.items.map((item) => item.skipped) },
            { label: 'Adapted', values: pack.items.map((item) => item.adapted) },
          ],
          stacked: true,
          axisTitle: 'Sessions',
          colours: [PALETTE.vermillion, PALETTE.blue],
        }),
        tables: [
          {
            caption: 'Sessions in which each item was skipped, adapted or not reached',
            columns: ['Item', 'Sessions', 'Skipped', 'Adapted', 'Not reached'],
            rows: pack.items.map((item, index) => [
              labels[index],
              item.sessions,
              item.skipped,
              item.adapted,
              item.notReached,
            ]),
          },
          {
            caption: 'The reasons given, most frequent first',
            columns: ['Item', 'Change', 'Reason', 'Times'],
            rows: pack.reasons.map((reason) => [
              reason.title,
              reason.change === 'skipped' ? 'Skipped' : 'Adapted',
              reason.reason,
              reason.times,
            ]),
          },
        ],
      },
      {
        id: `fidelity-length-${pack.packId}`,
        title: 'Session length against the plan',
        summary: `${pack.ranOver} of ${plural(pack.sessions, 'session')} ran more than ${RAN_OVER_MINUTES} minutes over the planned ${pack.plannedMinutes} minutes.`,
        chart: trendChart({
          periods: figures.periods.map((period) => period.axisLabel),
          series: [
            {
              label: figures.unit === 'session' ? 'Length' : 'Median length',
              values: lengths.map((entry) => entry?.medianMinutes ?? null),
            },
          ],
          axisTitle: 'Minutes',
          reference: { value: pack.plannedMinutes, label: `Planned (${pack.plannedMinutes} min)` },
        }),
        tables: [
          {
            caption: `Session length, ${PERIOD_LABELS[figures.unit]}`,
            columns: [
              'Period',
              'Sessions',
              'Median length (min)',
              'Longest (min)',
              `Ran over by more than ${RAN_OVER_MINUTES} min`,
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

function attendanceSection(figures: ProgramFigures): ProgramSection {
  const { periods } = figures;
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
    title: 'Attendance',
    blocks: [
      {
        id: 'attendance-members',
        title:
          figures.unit === 'session'
            ? 'Members present at each session'
            : `Members present per session, ${PERIOD_LABELS[figures.unit]} (average)`,
        summary: `${plural(figures.counts.members, 'member')} came to ${plural(figures.counts.sessions, 'session')}; ${figures.counts.sessions > 0 ? round1(allPresent / figures.counts.sessions) : 0} present per session on average.`,
        chart: trendChart({
          periods: axisLabels,
          series: [{ label: 'Members present', values: periods.map((_, i) => perSession(i)) }],
          axisTitle: 'Members per session',
        }),
        tables: [
          {
            caption: `Members present, ${PERIOD_LABELS[figures.unit]}`,
            columns: ['Period', 'Sessions', 'Members present (all sessions)', 'Per session'],
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
        title: 'New and graduating members',
        summary: `${plural(newMembers, 'new member')} (first session in this range) and ${plural(figures.attendance.graduating, 'graduating member')}.`,
        chart: periodBarChart({
          periods: axisLabels,
          series: [
            { label: 'New', values: rows.map((entry) => entry.firstTimers) },
            { label: 'Graduating', values: rows.map((entry) => entry.graduating) },
          ],
          stacked: false,
          axisTitle: 'Members',
          colours: [PALETTE.blue, PALETTE.orange],
        }),
        tables: [
          {
            caption: `New and graduating members, ${PERIOD_LABELS[figures.unit]}`,
            columns: ['Period', 'New', 'Graduating'],
            rows: rows.map((entry, index) => [labels[index], entry.firstTimers, entry.graduating]),
          },
        ],
      },
      {
        id: 'attendance-retention',
        title: `Retention: first-timers who came to their group’s next ${RETENTION_NEXT_SESSIONS} sessions`,
        summary:
          retention.firstTimers === 0
            ? 'Nobody came to a first session in this range.'
            : `Of ${plural(retention.firstTimers, 'member')} at a first session, ${retention.cameToBoth} came to both of the group’s next ${RETENTION_NEXT_SESSIONS}` +
              (known > 0 ? ` (${percent(retention.cameToBoth, known)}% of ${known})` : '') +
              `; ${retention.tooRecent} too recent to tell.`,
        chart: periodBarChart({
          periods: axisLabels,
          series: [
            { label: 'Came to both', values: rows.map((entry) => entry.cameToBoth) },
            { label: 'Came to one', values: rows.map((entry) => entry.cameToOne) },
            { label: 'Came to neither', values: rows.map((entry) => entry.cameToNeither) },
            { label: 'Too recent to tell', values: rows.map((entry) => entry.tooRecent) },
          ],
          stacked: true,
          axisTitle: 'Members at their first session',
          colours: [PALETTE.blue, PALETTE.sky, PALETTE.vermillion, '#bdbdbd'],
        }),
        tables: [
          {
            caption: `Members by the period of their first session`,
            columns: [
              'Period of first session',
              'First sessions',
              'Came to both',
              'Came to one',
              'Came to neither',
              'Too recent to tell',
              'Retention (%)',
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

function quizSection(quiz: PackQuiz, figures: ProgramFigures): ProgramSection {
  const labels = quiz.items.map((item) => `Q${item.number}. ${item.prompt || item.itemId}`);
  const shortLabels = quiz.items.map((item) => `Q${item.number}`);
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
    title: `Quiz: ${quiz.packTitle}`,
    blocks: [
      {
        id: `quiz-items-${quiz.packId}`,
        title: 'Answers right, and the wrong answer chosen most, for each quiz item',
        summary: weakest
          ? `Over ${plural(quiz.sessions, 'session')} with answers. Fewest right: Q${weakest.number} (${percent(weakest.correct, weakest.answered)}%)` +
            (weakest.wrong[0]
              ? `; most chose ${weakest.wrong[0].key.toUpperCase()}${weakest.wrong[0].text ? ` (“${weakest.wrong[0].text}”)` : ''}.`
              : '.')
          : 'No quiz answers were recorded in this range.',
        chart: barChart({
          categories: labels,
          series: [
            { label: 'Right', values: right.map((value) => value ?? 0) },
            {
              label: 'Chose the most common wrong answer',
              values: quiz.items.map((item, index) =>
                topWrong[index] ? (percent(topWrong[index].times, item.answered) ?? 0) : 0,
              ),
            },
          ],
          stacked: false,
          axisTitle: 'Share of answers (%)',
          domainMax: 100,
          format: percentLabel,
          colours: [PALETTE.blue, PALETTE.vermillion],
        }),
        tables: [
          {
            caption: 'Answers to each quiz item',
            columns: [
              'Item',
              'Correct answer',
              'Answered',
              'Right',
              'Right (%)',
              'Wrong answer chosen most',
              'Chosen (times)',
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
        title: `Answers right for each quiz item, ${PERIOD_LABELS[figures.unit]}`,
        summary: `Share of the group answering each item right; ${plural(periodsWithAnswers.length, 'point')} over time.`,
        chart: trendChart({
          periods: periodsWithAnswers.map((period) => period.axisLabel),
          series: quiz.items.map((item, index) => ({
            label: shortLabels[index]!,
            values: periodsWithAnswers.map((period) => shareIn(index, period.key)),
          })),
          axisTitle: 'Right (%)',
          domainMax: 100,
          format: percentLabel,
        }),
        tables: [
          {
            caption: `Right (%) per item, ${PERIOD_LABELS[figures.unit]}`,
            columns: ['Period', ...shortLabels.map((label) => `${label} right (%)`)],
            rows: periodsWithAnswers.map((period) => [
              periodLabels.get(period.key),
              ...quiz.items.map((_, index) => shareIn(index, period.key)),
            ]),
          },
        ],
      },
      {
        id: `quiz-coverage-${quiz.packId}`,
        title: 'Answers right when the material was taught before the quiz, and when it was not',
        summary:
          uncovered.length === 0
            ? 'Every item’s material was taught before the quiz in every session.'
            : uncovered
                .map(
                  (item) =>
                    `Q${item.number} not taught first in ${item.coverage.sessions - item.coverage.coveredSessions} of ${plural(item.coverage.sessions, 'session')}`,
                )
                .join('; ') + '.',
        chart: barChart({
          categories: labels,
          series: [
            {
              label: 'Taught before the quiz',
              values: quiz.items.map(
                (item) =>
                  percent(item.coverage.covered.correct, item.coverage.covered.answered) ?? 0,
              ),
            },
            {
              label: 'Not taught before the quiz',
              values: quiz.items.map(
                (item) =>
                  percent(item.coverage.notCovered.correct, item.coverage.notCovered.answered) ?? 0,
              ),
            },
          ],
          stacked: false,
          axisTitle: 'Right (%)',
          domainMax: 100,
          format: percentLabel,
          colours: [PALETTE.green, PALETTE.purple],
        }),
        tables: [
          {
            caption: 'Sessions that taught each item’s material before the quiz',
            columns: [
              'Item',
              'Sessions with answers',
              'Taught before the quiz (sessions)',
              'Right when taught (%)',
              'Right when not taught (%)',
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

export function buildProgramView(figures: ProgramFigures, options: ProgramOptions): ProgramView {
  const sections =
    figures.counts.sessions === 0
      ? []
      : [
          ...figures.fidelity.map((pack) => fidelitySection(pack, figures)),
          attendanceSection(figures),
          ...figures.quiz.map((quiz) => quizSection(quiz, figures)),
        ];
  return {
    filter: figures.filter,
    options,
    periodLabel: PERIOD_LABELS[figures.unit],
    counts: figures.counts,
    sections,
  };
}
