/**
 * `npm run bench`: the kiosk's performance benchmark. Prints one JSON line per metric on stdout
 * (`{"metric", "value", "unit", "target", "met"}` in that order, plus `"error"` when a metric could
 * not be measured), then a table. Progress goes to stderr. Exits 0 even when targets are missed;
 * non-zero only when the benchmark itself breaks. `--only <task>[,<task>…]` runs some tasks.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { cleanUpEverything, ensureBuilt, log } from './harness';
import { round } from './stats';

interface MetricSpec {
  unit: string;
  target: number;
  /** Whether a smaller or a larger value is better. */
  better: 'lower' | 'higher';
  digits: number;
}

/** Every metric, in the order the table lists them. */
const METRICS = {
  'audience-latency-p50': { unit: 'ms', target: 16, better: 'lower', digits: 2 },
  'audience-latency-p95': { unit: 'ms', target: 16, better: 'lower', digits: 2 },
  'video-cue-pause-error': { unit: 'ms', target: 40, better: 'lower', digits: 1 },
  'services-cold-start': { unit: 'ms', target: 100, better: 'lower', digits: 1 },
  'renderer-first-render': { unit: 'ms', target: 300, better: 'lower', digits: 1 },
  'renderer-js-gzip': { unit: 'KB', target: 250, better: 'lower', digits: 1 },
  'quiz-answer-record-p95': { unit: 'ms', target: 2, better: 'lower', digits: 3 },
  'session-report-10y': { unit: 'ms', target: 50, better: 'lower', digits: 2 },
  'csv-export-10y': { unit: 'ms', target: 50, better: 'lower', digits: 2 },
  'program-view': { unit: 'ms', target: 200, better: 'lower', digits: 1 },
  'slowest-handler-10y': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'media-range-read-throughput': { unit: 'MB/s', target: 500, better: 'higher', digits: 1 },
  'timer-drift-2h': { unit: 'ms', target: 0, better: 'lower', digits: 0 },
  'renderer-memory-growth': { unit: '%', target: 10, better: 'lower', digits: 1 },
  'main-loop-stall-pack-import': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-media-import': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-deck-import-60-pages': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-certificates': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-scenario-cards': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-handout': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-csv-export': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-redcap-export': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'main-loop-stall-backup': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'audience-latency-p95-under-load': { unit: 'ms', target: 16, better: 'lower', digits: 2 },
  'media-import-vs-cp': { unit: '×', target: 1.5, better: 'lower', digits: 2 },
  'reveal-speaker-latency-p95': { unit: 'ms', target: 16, better: 'lower', digits: 1 },
  'audience-latency-vs-reveal': { unit: '×', target: 1, better: 'lower', digits: 3 },
  'encryption-quiz-answer-p95-ratio': { unit: '×', target: 1.5, better: 'lower', digits: 2 },
  'encryption-cold-start-ratio': { unit: '×', target: 1.5, better: 'lower', digits: 2 },
  'encryption-report-10y-ratio': { unit: '×', target: 1.5, better: 'lower', digits: 2 },
} as const satisfies Record<string, MetricSpec>;

type MetricName = keyof typeof METRICS;

interface MetricLine {
  metric: MetricName;
  value: number | null;
  unit: string;
  target: number;
  met: boolean;
  /** The machine's 1-minute load average when the metric was measured (the machine is shared). */
  load: number;
  error?: string;
}

interface Task {
  name: string;
  metrics: readonly MetricName[];
  run: () => Promise<Partial<Record<MetricName, number>>>;
}

let browser: Promise<Browser> | null = null;

/** One Chromium for every browser metric, launched on first use. */
async function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    const { launchChromium } = await import('./browserMetrics');
    browser = launchChromium();
  }
  return browser;
}

// Ordered so that nothing heavy runs just before a timing-sensitive metric: the ten-year database
// (a minute of disk writes) comes last.
const TASKS: Task[] = [
  {
    name: 'cold-start',
    metrics: ['services-cold-start'],
    run: async () => {
      const { servicesColdStart } = await import('./serviceMetrics');
      return { 'services-cold-start': await servicesColdStart() };
    },
  },
  {
    name: 'gzip',
    metrics: ['renderer-js-gzip'],
    run: async () => {
      const { rendererJsGzipKb } = await import('./serviceMetrics');
      return { 'renderer-js-gzip': rendererJsGzipKb() };
    },
  },
  {
    name: 'drift',
    metrics: ['timer-drift-2h'],
    run: async () => {
      const { timerDrift2h } = await import('./serviceMetrics');
      return { 'timer-drift-2h': timerDrift2h() };
    },
  },
  {
    name: 'quiz',
    metrics: ['quiz-answer-record-p95'],
    run: async () => {
      const { quizAnswerRecordP95 } = await import('./serviceMetrics');
      return { 'quiz-answer-record-p95': quizAnswerRecordP95() };
    },
  },
  {
    name: 'media',
    metrics: ['media-range-read-throughput'],
    run: async () => {
      const { mediaRangeThroughput } = await import('./mediaMetrics');
      return { 'media-range-read-throughput': await mediaRangeThroughput() };
    },
  },
  {
    name: 'latency',
    metrics: ['audience-latency-p50', 'audience-latency-p95'],
    run: async () => {
      const { audienceLatency } = await import('./browserMetrics');
      const { p50, p95 } = await audienceLatency(await sharedBrowser());
      return { 'audience-latency-p50': p50, 'audience-latency-p95': p95 };
    },
  },
  {
    name: 'video',
    metrics: ['video-cue-pause-error'],
    run: async () => {
      const { videoCuePauseError } = await import('./browserMetrics');
      return { 'video-cue-pause-error': await videoCuePauseError(await sharedBrowser()) };
    },
  },
  {
    name: 'render',
    metrics: ['renderer-first-render'],
    run: async () => {
      const { rendererFirstRender } = await import('./browserMetrics');
      return { 'renderer-first-render': await rendererFirstRender(await sharedBrowser()) };
    },
  },
  {
    name: 'memory',
    metrics: ['renderer-memory-growth'],
    run: async () => {
      const { rendererMemoryGrowth } = await import('./memoryMetric');
      return { 'renderer-memory-growth': await rendererMemoryGrowth(await sharedBrowser()) };
    },
  },
  {
    name: 'stall',
    metrics: [
      'main-loop-stall-pack-import',
      'main-loop-stall-media-import',
      'main-loop-stall-deck-import-60-pages',
      'main-loop-stall-certificates',
      'main-loop-stall-scenario-cards',
      'main-loop-stall-handout',
      'main-loop-stall-csv-export',
      'main-loop-stall-redcap-export',
      'main-loop-stall-backup',
      'audience-latency-p95-under-load',
      'media-import-vs-cp',
    ],
    run: async () => {
      const { mainLoopStalls } = await import('./stallMetrics');
      const { stalls, latencyP95, mediaVsCp } = await mainLoopStalls();
      return {
        ...Object.fromEntries(
          Object.entries(stalls).map(([job, ms]) => [`main-loop-stall-${job}`, ms]),
        ),
        'audience-latency-p95-under-load': latencyP95,
        'media-import-vs-cp': mediaVsCp,
      };
    },
  },
  {
    // The peer, in the same run as ours: the kiosk's p95 divided by reveal.js's.
    name: 'reveal',
    metrics: ['audience-latency-p95', 'reveal-speaker-latency-p95', 'audience-latency-vs-reveal'],
    run: async () => {
      const { audienceLatency } = await import('./browserMetrics');
      const { revealSpeakerLatency } = await import('./revealPeer');
      const ours = (await audienceLatency(await sharedBrowser(), 100)).p95;
      const peer = await revealSpeakerLatency(await sharedBrowser());
      return {
        'audience-latency-p95': ours,
        'reveal-speaker-latency-p95': peer,
        'audience-latency-vs-reveal': ours / peer,
      };
    },
  },
  {
    name: 'reports',
    metrics: ['session-report-10y', 'csv-export-10y', 'program-view', 'slowest-handler-10y'],
    run: async () => {
      const { buildSyntheticProgram, reportTimings } = await import('./syntheticProgram');
      const { programViewTiming } = await import('./programMetric');
      const { slowestHandler } = await import('./handlerMetric');
      const program = buildSyntheticProgram();
      try {
        const { report, csv } = reportTimings(program);
        return {
          'session-report-10y': report,
          'csv-export-10y': csv,
          'program-view': await programViewTiming(program),
          'slowest-handler-10y': await slowestHandler(program),
        };
      } finally {
        program.remove();
      }
    },
  },
  {
    name: 'encryption',
    metrics: [
      'encryption-quiz-answer-p95-ratio',
      'encryption-cold-start-ratio',
      'encryption-report-10y-ratio',
    ],
    run: async () => {
      const { encryptionCost } = await import('./encryptionMetrics');
      const cost = encryptionCost();
      return {
        'encryption-quiz-answer-p95-ratio': cost.quizAnswer,
        'encryption-cold-start-ratio': cost.coldStart,
        'encryption-report-10y-ratio': cost.report10y,
      };
    },
  },
];

function line(metric: MetricName, value: number | null, error?: string): MetricLine {
  const spec: MetricSpec = METRICS[metric];
  const rounded = value === null || !Number.isFinite(value) ? null : round(value, spec.digits);
  const met =
    rounded !== null && (spec.better === 'lower' ? rounded <= spec.target : rounded >= spec.target);
  // Built in this key order on purpose: consumers read the lines as they are printed.
  const result: MetricLine = {
    metric,
    value: rounded,
    unit: spec.unit,
    target: spec.target,
    met,
    load: round(loadavg()[0]!, 2),
  };
  if (error !== undefined) result.error = error;
  else if (rounded === null) result.error = `not a finite number: ${value}`;
  return result;
}

function table(lines: readonly MetricLine[]): string {
  const rows = [
    ['metric', 'value', 'unit', 'target', 'met', 'load'],
    ...lines.map((entry) => {
      const spec: MetricSpec = METRICS[entry.metric];
      return [
        entry.metric,
        entry.value === null ? 'error' : String(entry.value),
        entry.unit,
        `${spec.better === 'lower' ? '≤' : '≥'} ${entry.target}`,
        entry.met ? 'yes' : entry.value === null ? 'NO (error)' : 'NO',
        String(entry.load),
      ];
    }),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(rows[0]!), rule, ...rows.slice(1).map(format)].join('\n');
}

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set(process.argv[onlyIndex + 1]?.split(',')) : null;
  const tasks = only ? TASKS.filter((task) => only.has(task.name)) : TASKS;
  const started = performance.now();
  const results = new Map<MetricName, MetricLine>();

  let buildError: string | null = null;
  try {
    ensureBuilt();
  } catch (error) {
    buildError = `build: ${(error as Error).message}`;
  }

  for (const task of tasks) {
    const taskStarted = performance.now();
    log(`${task.name}…`);
    let values: Partial<Record<MetricName, number>> = {};
    let error: string | undefined = buildError ?? undefined;
    if (!error) {
      try {
        values = await task.run();
      } catch (caught) {
        error = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
        log(`${task.name} failed: ${caught instanceof Error ? caught.stack : String(caught)}`);
      }
    }
    for (const metric of task.metrics) {
      const entry = line(metric, error ? null : (values[metric] ?? null), error);
      results.set(metric, entry);
      process.stdout.write(`${JSON.stringify(entry)}\n`);
    }
    log(`${task.name} done in ${((performance.now() - taskStarted) / 1000).toFixed(1)} s`);
  }

  if (browser) await (await browser.catch(() => null))?.close();
  const ordered = (Object.keys(METRICS) as MetricName[])
    .map((metric) => results.get(metric))
    .filter((entry) => entry !== undefined);
  process.stdout.write(`\n${table(ordered)}\n`);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`\nbenchmark run time: ${seconds.toFixed(1)} s\n`);
  process.stdout.write(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min) at the end\n`,
  );
}

process.on('exit', cleanUpEverything);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUpEverything();
    process.exit(130);
  });
}

main().then(
  () => {
    cleanUpEverything();
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`benchmark crashed: ${error instanceof Error ? error.stack : error}\n`);
    cleanUpEverything();
    process.exit(1);
  },
);
