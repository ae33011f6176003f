/**
 * The worker thread's entry: runs one job (see jobs.ts), posting progress, then its result. A
 * 'cancel' message from the main thread stops streaming work at the next chunk, closing its
 * files; CPU-bound work (pdf-lib) is stopped by terminating the thread.
 */
import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { openKeyed, type RecordsKey } from '../db/cipher';
import type { Db } from '../db/database';
import { stageDeck } from '../services/packs/deckImport';
import { zipPackFolder } from '../services/packs/packZip';
import { stageZip, type StageProgress } from '../services/packs/stagePack';
import {
  agendaPdf,
  certificatesPdf,
  markdownHandoutPdf,
  programReportPdf,
  quizSheetPdf,
  scenarioCardsPdf,
  sessionReportPdf,
} from '../services/print';
import { vacuumInto } from '../db/queries/copies';
import { RejectedRequest } from '../services/errors';
import { exportAllRecordsZip, redcapZip } from '../services/records/exportRecords';
import type { JobPhase } from './jobPhases';
import type { JobKind, JobRequest, JobSpecs, PdfJob, WorkerMessage } from './jobs';

const port = parentPort!;
const request = workerData as JobRequest;

/**
 * On a two-core laptop a job's thread competes with main's for a core, and main serves the
 * projector: this thread yields to it. Linux schedules threads apart and `setpriority` takes a
 * thread's id (the kernel's task id, read from /proc/thread-self); elsewhere a priority is the
 * whole process's, main's included, so it is left alone there.
 */
function yieldToMainThread(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(Number(basename(readlinkSync('/proc/thread-self'))), JOB_NICENESS);
  } catch {
    // Without /proc (a sandbox), the job runs at main's priority, as it did before.
  }
}
const JOB_NICENESS = 10;
yieldToMainThread();
let cancelled = false;
port.on('message', (message: unknown) => {
  if (message === 'cancel') cancelled = true;
});

class Cancelled extends Error {}

const post = (message: WorkerMessage) => port.postMessage(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reports a step; stops here when the job was cancelled. */
async function step(phase: JobPhase, done: number | null = null, total: number | null = null) {
  post({ type: 'progress', phase, done, total });
  if (request.paceMs > 0) await sleep(request.paceMs);
  if (cancelled) throw new Cancelled();
}

function pdfBytes(job: PdfJob): Promise<Uint8Array> {
  switch (job.document) {
    case 'agenda':
      return agendaPdf(job.input);
    case 'quiz':
      return quizSheetPdf(job.input);
    case 'scenarios':
      return scenarioCardsPdf(job.input);
    case 'handout':
      return markdownHandoutPdf(job.input);
    case 'certificates':
      return certificatesPdf(job.input);
    case 'session-report':
      return sessionReportPdf(job.input);
    case 'program-report':
      return programReportPdf(job.input);
  }
}

/** Records are read through a connection of the worker's own: WAL lets it read beside main's writes. */
function withRecords<T>(file: string, key: RecordsKey, read: (db: Db) => T): T {
  // Structured clone turns the key's Buffer into a plain Uint8Array.
  const db = openKeyed(file, Buffer.from(key), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** Reads the file once, hashing it and writing each chunk to the copy while the next is read. */
async function hashAndCopy(source: string, copyTo: string | null) {
  const input = await open(source, 'r');
  const output = copyTo === null ? null : await open(copyTo, 'wx');
  try {
    const { size } = await input.stat();
    const hash = createHash('sha256');
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let writing: Promise<unknown> = Promise.resolve();
    let position = 0;
    for (let turn = 0; ; turn ^= 1) {
      const buffer = buffers[turn]!;
      const [{ bytesRead }] = await Promise.all([
        input.read(buffer, 0, CHUNK_BYTES, position),
        writing,
      ]);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      writing = output ? output.write(chunk, 0, bytesRead, position) : Promise.resolve();
      position += bytesRead;
      await step(copyTo ? 'copyingAndChecking' : 'checking', position, size);
    }
    await writing;
    return { sha256: hash.digest('hex'), size: position };
  } finally {
    await input.close();
    await output?.close();
  }
}

/** Staging's progress, posted at most once a megabyte (or step) so the messages stay few. */
function fewProgressMessages(): StageProgress {
  let last = 0;
  let lastPhase = '';
  return (phase, done, total) => {
    if (phase === lastPhase && done - last < 1024 * 1024 && done < total) return;
    last = done;
    lastPhase = phase;
    post({ type: 'progress', phase, done, total });
  };
}

type Runners = { [K in JobKind]: (input: JobSpecs[K]['input']) => Promise<JobSpecs[K]['output']> };

const runners: Runners = {
  pdf: async (job) => {
    await step('layingOut');
    return pdfBytes(job);
  },
  'export-all': async ({ databaseFile, key }) => {
    await step('readingRecords');
    return withRecords(databaseFile, key, exportAllRecordsZip);
  },
  'export-redcap': async ({ databaseFile, key, secret, quizzes }) => {
    await step('readingRecords');
    return withRecords(databaseFile, key, (db) => redcapZip(db, secret, quizzes));
  },
  'pack-stage': async ({ zipFile, staging }) => {
    await step('openingZip');
    return stageZip(zipFile, staging, fewProgressMessages());
  },
  'deck-stage': async (input) => {
    await step('readingPages');
    return stageDeck(input, fewProgressMessages());
  },
  backup: async ({ databaseFile, key, target }) => {
    withRecords(databaseFile, key, (db) => vacuumInto(db, target));
    return null;
  },
  'media-import': ({ source, copyTo }) => hashAndCopy(source, copyTo),
  'pack-export': async ({ folder, id }) => {
    await step('packingFiles');
    return zipPackFolder(folder, id);
  },
};

const run = runners[request.kind] as (input: unknown) => Promise<unknown>;
/**
 * Bytes that own their whole buffer are transferred (moved, not copied); a view into a shared
 * buffer (Node's pool) is copied by the structured clone instead.
 */
const transferable = (output: unknown): ArrayBuffer[] =>
  output instanceof Uint8Array &&
  output.buffer instanceof ArrayBuffer &&
  output.byteOffset === 0 &&
  output.byteLength === output.buffer.byteLength
    ? [output.buffer]
    : [];

run(request.input).then(
  (output) =>
    port.postMessage({ type: 'done', output } satisfies WorkerMessage, transferable(output)),
  (error: unknown) => {
    if (error instanceof Cancelled)
      return post({ type: 'failed', message: 'cancelled', refusal: null });
    post({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      refusal: error instanceof RejectedRequest ? error.phrase : null,
    });
  },
);
