/**
 * Runs jobs (jobs.ts) on worker threads, one thread per job, and keeps the console told: the
 * JobBoard gives each job an id, publishes its progress (at most every PROGRESS_EVERY_MS) and
 * cancels it on request, removing whatever the job had written. The main thread only posts the
 * input and receives the result.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FALLBACK_LANGUAGE, type Language } from '../shared/i18n';
import { say, type Phrase } from '../shared/i18n/phrases';
import { RejectedRequest } from '../services/errors';
import type { JobPhase } from './jobPhases';
import type { JobKind, JobRequest, JobSpecs, WorkerMessage } from './jobs';

/** What the console is told about a job while it runs and once when it ends, in the console's language. */
export interface JobProgress {
  jobId: string;
  /** What is being done, for the counselor: “Importing group-6.zip”. */
  label: string;
  /** The step now: “Unpacking”, “Rendering slides” (empty once it failed or was cancelled). */
  phase: string;
  /** Units done and in all (bytes, usually); null while the step has no measure. */
  done: number | null;
  total: number | null;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
}

/** A job the counselor stopped: nothing it made is kept. */
export class JobCancelled extends RejectedRequest {
  override name = 'JobCancelled';
}

const PROGRESS_EVERY_MS = 100;
/** A cancelled worker gets this long to close its files before its thread is stopped. */
const CANCEL_GRACE_MS = 1000;

/**
 * The worker's script: the bundled `jobWorker.js` beside the shell's entry in a build; the
 * TypeScript source (through tsx) when the app's modules run from source, as in tests and the bench.
 */
function workerScript(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts'))
    return { file: join(dirname(here), 'jobWorker.ts'), execArgv: ['--import', 'tsx'] };
  const file = [
    join(dirname(here), 'jobWorker.js'),
    join(dirname(here), '..', 'jobWorker.js'),
  ].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`jobWorker.js is missing beside ${here}`);
  return { file, execArgv: [] };
}

export interface RunningJob<K extends JobKind> {
  result: Promise<JobSpecs[K]['output']>;
  /** Stops the job; resolves once its thread has stopped. */
  cancel(): Promise<void>;
}

export function startJob<K extends JobKind>(
  kind: K,
  input: JobSpecs[K]['input'],
  onProgress: (progress: Extract<WorkerMessage, { type: 'progress' }>) => void,
  paceMs = 0,
): RunningJob<K> {
  const script = workerScript();
  const request: JobRequest<K> = { kind, input, paceMs };
  const worker = new Worker(script.file, { workerData: request, execArgv: script.execArgv });
  let cancelled = false;
  let settled = false;
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const result = new Promise<JobSpecs[K]['output']>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        if (!cancelled) onProgress(message);
      } else if (cancelled) {
        settle(() => reject(new JobCancelled('jobs.cancelled')));
      } else if (message.type === 'done') {
        settle(() => resolve(message.output as JobSpecs[K]['output']));
      } else {
        settle(() =>
          reject(
            message.refusal
              ? new RejectedRequest(message.refusal.key, message.refusal.params)
              : new Error(message.message),
          ),
        );
      }
    });
    worker.once('error', (error) =>
      settle(() => reject(cancelled ? new JobCancelled('jobs.cancelled') : error)),
    );
    worker.once('exit', (code) =>
      settle(() =>
        reject(
          cancelled
            ? new JobCancelled('jobs.cancelled')
            : new Error(`the ${kind} worker stopped (exit code ${code})`),
        ),
      ),
    );
  });
  return {
    result,
    async cancel() {
      if (settled) return;
      cancelled = true;
      worker.postMessage('cancel');
      const grace = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
      await stopped;
      clearTimeout(grace);
    },
  };
}

/** The jobs running now, by id; what the `jobs:cancel` channel and the `jobs:progress` event use. */
export class JobBoard {
  private readonly running = new Map<string, { cancel: () => Promise<void> }>();

  constructor(
    private readonly publish: (progress: JobProgress) => void,
    /** Tests only (`--slow-jobs`): each step of a job waits this long, so a test can cancel it. */
    private readonly paceMs = 0,
    /** The console's language, asked at each report, so a job follows a change made meanwhile. */
    private readonly language: () => Language = () => FALLBACK_LANGUAGE,
  ) {}

  /**
   * Runs a job; `leftovers` are the files or folders it writes, removed when it is cancelled or
   * fails, so a stopped job leaves nothing behind. `onStarted` gets the job's own Cancel, for a
   * view that stops it along with work of its own (a deck import's uploads).
   */
  async run<K extends JobKind>(
    kind: K,
    label: Phrase,
    input: JobSpecs[K]['input'],
    leftovers: readonly string[] = [],
    onStarted: (cancel: () => Promise<boolean>) => void = () => {},
  ): Promise<JobSpecs[K]['output']> {
    const jobId = randomBytes(8).toString('hex');
    let lastPublished = 0;
    const tell = (
      state: JobProgress['state'],
      phase: JobPhase | null,
      done: number | null,
      total: number | null,
    ) => {
      const language = this.language();
      this.publish({
        jobId,
        label: say(label, language),
        phase: phase === null ? '' : say({ key: `jobs.phases.${phase}` }, language),
        done,
        total,
        state,
      });
    };
    const job = startJob(
      kind,
      input,
      ({ phase, done, total }) => {
        const now = performance.now();
        if (now - lastPublished < PROGRESS_EVERY_MS && done !== total) return;
        lastPublished = now;
        tell('running', phase, done, total);
      },
      this.paceMs,
    );
    this.running.set(jobId, job);
    onStarted(() => this.cancel(jobId));
    tell('running', 'starting', null, null);
    try {
      const output = await job.result;
      tell('finished', 'done', null, null);
      return output;
    } catch (error) {
      await Promise.all(leftovers.map((path) => rm(path, { recursive: true, force: true })));
      tell(error instanceof JobCancelled ? 'cancelled' : 'failed', null, null, null);
      throw error;
    } finally {
      this.running.delete(jobId);
    }
  }

  /** Stops a running job; false when it is not running (already finished, or never was). */
  async cancel(jobId: string): Promise<boolean> {
    const job = this.running.get(jobId);
    if (!job) return false;
    await job.cancel();
    return true;
  }

  /** Stops every job (the kiosk is closing). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((job) => job.cancel()));
  }
}

/** The media library's hashing (and copying) on the board's worker threads. */
export const hashFileOn =
  (jobs: JobBoard) =>
  (
    label: Phrase,
    source: string,
    copyTo: string | null,
  ): Promise<{ sha256: string; size: number }> =>
    jobs.run('media-import', label, { source, copyTo }, copyTo === null ? [] : [copyTo]);
