/**
 * The heavy jobs the kiosk runs on worker threads, so the main process's event loop (which serves
 * the projector) never waits on them: each kind's input and output, shared by the runner on the
 * main thread and the worker that does the work. Inputs and outputs are plain data (structured
 * clone); files are passed by path.
 */
import type {
  AgendaPdfInput,
  CertificatesInput,
  MarkdownHandoutPdfInput,
  ProgramReportPdfInput,
  QuizSheetPdfInput,
  ScenarioCardsPdfInput,
  SessionReportPdfInput,
} from '../services/print';
import type { RecordsKey } from '../db/cipher';
import type { RedcapQuiz } from '../services/records/exportRecords';
import type { DeckStageInput } from '../services/packs/deckImport';
import type { StagedPack } from '../services/packs/stagePack';
import type { Phrase } from '../shared/i18n/phrases';
import type { JobPhase } from './jobPhases';

export type PdfJob =
  | { document: 'agenda'; input: AgendaPdfInput }
  | { document: 'quiz'; input: QuizSheetPdfInput }
  | { document: 'scenarios'; input: ScenarioCardsPdfInput }
  | { document: 'handout'; input: MarkdownHandoutPdfInput }
  | { document: 'certificates'; input: CertificatesInput }
  | { document: 'session-report'; input: SessionReportPdfInput }
  | { document: 'program-report'; input: ProgramReportPdfInput };

export interface JobSpecs {
  /**
   * A PDF laid out with pdf-lib. Outputs that are bytes come back transferred, not copied: the
   * main thread gets the worker's buffer as it is and shelves it for the window's download.
   */
  pdf: { input: PdfJob; output: Uint8Array };
  /**
   * The zip of every CSV table, read through the worker's own read-only connection to the
   * (SQLCipher) database file, opened with the records key; it never leaves the process.
   */
  'export-all': { input: { databaseFile: string; key: RecordsKey }; output: Uint8Array };
  /** The de-identified REDCap zip; the secret is read (or made) on the main thread first. */
  'export-redcap': {
    input: { databaseFile: string; key: RecordsKey; secret: string; quizzes: RedcapQuiz[] };
    output: Uint8Array;
  };
  /** Unzip, write, validate and render a pack into `staging` (see stagePack.ts). */
  'pack-stage': { input: { zipFile: string; staging: string }; output: StagedPack };
  /** Write a deck's pages (sent from the console) as a pack into `staging`, then stage it the same way. */
  'deck-stage': { input: DeckStageInput; output: StagedPack };
  /**
   * `VACUUM INTO target` through the worker's own read-only connection, keyed like the records,
   * so the copy is encrypted with the same key and main's loop never waits on it.
   */
  backup: { input: { databaseFile: string; key: RecordsKey; target: string }; output: null };
  /** A pack folder as the `.zip` another kiosk imports (packZip.ts). */
  'pack-export': { input: { folder: string; id: string }; output: Uint8Array };
  /** Hash `source` (SHA-256) and, when `copyTo` is given, copy it there in the same pass. */
  'media-import': {
    input: { source: string; copyTo: string | null };
    output: { sha256: string; size: number };
  };
}

export type JobKind = keyof JobSpecs;

/** What a worker is sent. `paceMs` slows each step (tests only: `--slow-jobs`). */
export interface JobRequest<K extends JobKind = JobKind> {
  kind: K;
  input: JobSpecs[K]['input'];
  paceMs: number;
}

/** What a worker posts back: progress any number of times, then one result or one failure. */
export type WorkerMessage =
  | { type: 'progress'; phase: JobPhase; done: number | null; total: number | null }
  | { type: 'done'; output: unknown }
  /** `refusal`: the job refused its input (a RejectedRequest's phrase), shown to the counselor. */
  | { type: 'failed'; message: string; refusal: Phrase | null };
