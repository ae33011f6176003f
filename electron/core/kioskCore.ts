import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { lockDataFolder } from '../db/dataFolderLock';
import { findCohortByName } from '../db/queries/cohorts';
import { vacuumInto } from '../db/queries/copies';
import { loadRecordsKey, ownerOnlyFileWrapping, type KeyWrapping } from '../db/recordsKey';
import { openRecords } from '../db/recovery';
import type { Language } from '../shared/i18n';
import { phrase } from '../shared/i18n/phrases';
import { events, SELF_ENTRY_CHANNELS } from '../ipc/contract';
import { createRouter, type Handlers, type Router } from '../ipc/router';
import { hashFileOn, JobBoard, startJob, type RunningJob } from '../jobs/jobRunner';
import { browserDisplays, type DisplayPort } from '../services/displays';
import { RecordsLock } from '../services/access/recordsLock';
import { BackupService } from '../services/records/backups';
import { RecordsDesk } from '../services/records/recordsDesk';
import { DownloadShelf, type ShelvedFile } from '../services/downloads/downloadShelf';
import { ProgramDesk } from '../services/program/programDesk';
import { GroupRecords } from '../services/group/groupRecords';
import { SelfEntry } from '../services/group/selfEntry';
import { MediaLibrary } from '../services/media/mediaLibrary';
import { DeckUploads } from '../services/packs/deckImport';
import { EditorDrafts } from '../services/packs/editorDrafts';
import { PackEditor } from '../services/packs/packEditor';
import { adoptStaged, PackLibrary } from '../services/packs/packLibrary';
import { packAssetUrl } from '../services/packs/stagePack';
import { ChunkedUploads } from '../services/uploads/chunkedUploads';
import { SessionService } from '../services/session/sessionService';
import { consoleLanguageOf, systemLanguage } from '../services/settings/consoleLanguage';
import { KeyInterpreter } from '../shared/keyBindings';
import { ChosenFiles, type ChooseFile } from './chosenFiles';
import { systemClock, type Clock } from '../shared/clock';
import { appHandlers } from './handlers/app';
import { displayHandlers } from './handlers/displays';
import type { EventSink } from './handlers/domain';
import { editorHandlers } from './handlers/editor';
import { groupHandlers } from './handlers/group';
import { mediaHandlers } from './handlers/media';
import { packHandlers } from './handlers/packs';
import { programHandlers } from './handlers/program';
import { recordsDeskHandlers } from './handlers/recordsDesk';
import { recordsLockHandlers } from './handlers/recordsLock';
import { selfEntryHandlers } from './handlers/selfEntry';
import { sessionHandlers } from './handlers/session';
import { settingsHandlers } from './handlers/settings';
import { packImports } from './packImports';
import { loggedBackUp, scheduleDailyBackups } from './rules';

export type { EventSink };

export interface KioskCoreOptions {
  /** Where the records database lives (Electron: userData; browser shell: --data). */
  dataDir: string;
  /** The app's read-only resources: built-in curricula and sample media. */
  resourcesDir: string;
  clock?: Clock;
  /** The shell's screens: real displays in Electron, none in the browser shell. */
  displays?: DisplayPort;
  log?: (message: string) => void;
  /** Named to a second kiosk that finds the data folder taken: 'desktop app' or 'browser shell'. */
  shellName?: string;
  /**
   * The desktop app's open-file dialog: the path chosen, or null. Without it (the browser shell)
   * files come from the page, in parts; with it, main reads the chosen file from where it is.
   */
  chooseFile?: ChooseFile;
  /** Tests only (`--slow-jobs`): each step of a worker job waits this long, so Cancel can be tried. */
  jobPaceMs?: number;
  /**
   * How the shell keeps the records key: the Electron shell by the operating system (safeStorage)
   * or a passphrase, the browser shell in an owner-only file (the default) or a passphrase.
   */
  keyWrapping?: KeyWrapping;
  /** The recovery key from the printed sheet, for records or backups made on another laptop. */
  recoveryKey?: string;
  /**
   * The system's user-interface language (BCP 47; Electron: `app.getLocale()`), which main speaks
   * while the counselor has not chosen one. The process's locale when not given.
   */
  systemLanguage?: string;
}

export interface KioskCore {
  readonly router: Router;
  readonly databaseFile: string;
  readonly db: Db;
  /** Whether a session is running: the Electron shell keeps the displays awake meanwhile. */
  isLive(): boolean;
  /** The language main speaks to the counselor in now (the console's). */
  consoleLanguage(): Language;
  onEvent(sink: EventSink): () => void;
  /**
   * A key pressed while the audience window has focus. The shell forwards it here (Electron from
   * before-input-event, the browser shell from its page bridge): the projector's own page never
   * issues commands. `repeat` marks the keyboard's auto-repeat of a held key.
   */
  audienceKey(key: string, repeat?: boolean): void;
  /** Maps a `/media/…` URL path to the file it serves, or null when nothing may be served there. */
  resolveMedia(urlPath: string): string | null;
  /** Hands over, once, the file a handler answered with a `/downloads/…` URL; null otherwise. */
  takeDownload(urlPath: string): ShelvedFile | null;
  close(): void;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite3';

/** Records at least this large (with their WAL) are backed up on a worker thread. */
const BACKUP_ON_WORKER_FROM_BYTES = 2 * 1024 * 1024;

/** The records database's size on disk, with its write-ahead log. */
function databaseBytes(databaseFile: string): number {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return size(databaseFile) + size(`${databaseFile}-wal`);
}

/**
 * Everything both shells share: the database, the services and the IPC router. Holds the data
 * folder's lock until close(). When the kiosk cannot start it throws a StartupError, whose message
 * is for the counselor (a shell shows it as it is) and whose `detail` is for the log.
 */
export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const folderLock = lockDataFolder(
    options.dataDir,
    options.shellName ?? 'desktop app',
    clock.now(),
  );
  const keyWrapping = options.keyWrapping ?? ownerOnlyFileWrapping();
  let opened: ReturnType<typeof openRecords>;
  /** The key the records database is encrypted with. */
  let databaseKey: ReturnType<typeof loadRecordsKey>['key'];
  try {
    ({ key: databaseKey } = loadRecordsKey(options.dataDir, databaseFile, keyWrapping, {
      recoveryKey: options.recoveryKey,
    }));
    opened = openRecords(databaseFile, join(options.dataDir, 'backups'), clock.now(), databaseKey);
  } catch (error) {
    folderLock.release();
    throw error;
  }
  const { db, notice } = opened;
  if (notice) options.log?.(notice);
  const sinks = new Set<EventSink>();
  let laptopWithMember = () => false;
  const emit: EventSink = (event, payload) => {
    // While a member holds the laptop, the console is sent nothing of the console's own.
    const consoleOnly = !(events[event].roles as readonly string[]).includes('audience');
    if (consoleOnly && event !== 'selfEntry:changed' && laptopWithMember()) return;
    for (const sink of sinks) sink(event, payload);
  };

  /** Main's words to the counselor (errors, job labels, notices, staff reports) follow the console. */
  const consoleLanguage = consoleLanguageOf(db, systemLanguage(options.systemLanguage));
  try {
    const jobs = new JobBoard(
      (progress) => emit('jobs:progress', progress),
      options.jobPaceMs,
      consoleLanguage,
    );
    const packs = new PackLibrary(
      {
        builtIn: join(options.resourcesDir, 'curricula'),
        imported: join(options.dataDir, 'curricula'),
      },
      packAssetUrl,
      adoptStaged,
    );
    const packUploads = new ChunkedUploads<null>(
      join(options.dataDir, 'curricula', '.uploads'),
      clock,
      2,
      10 * 60_000,
    );
    const libraryDir = join(options.dataDir, 'media');
    mkdirSync(libraryDir, { recursive: true });
    const media = new MediaLibrary(
      db,
      clock,
      libraryDir,
      join(options.resourcesDir, 'media'),
      packs,
      '',
      hashFileOn(jobs),
    );
    const groupRecords = new GroupRecords(db, clock);
    const sessions = new SessionService(
      db,
      clock,
      packs,
      media,
      groupRecords,
      options.log,
      consoleLanguage,
    );
    // The projector first: its view is small and the room is watching; the console's view is larger.
    sessions.subscribe(() => {
      emit('session:audience', sessions.audienceView());
      emit('session:console', sessions.consoleView());
    });
    const audienceKeys = new KeyInterpreter();
    const displays = options.displays ?? browserDisplays;
    displays.onChange(() => emit('displays:changed', displays.status()));

    /** The PIN in front of the Records desk and the rosters. */
    const recordsLock = new RecordsLock(db, clock);
    /** A group run before has a roster of names, attendance and quiz counts: behind the PIN. */
    const admitToRoster = async (cohortName: string, pin: string | undefined) => {
      if (!findCohortByName(db, cohortName)) return;
      await recordsLock.admit(pin, phrase('errors.pin.rosterLocked', { group: cohortName }));
    };
    /**
     * Backups copy the whole records database: ten years of records take seconds, so on a worker's
     * own connection (cancelled at close); a small file is copied sooner than a thread starts.
     */
    const backupJobs = new Set<RunningJob<'backup'>>();
    const backups = new BackupService(db, join(options.dataDir, 'backups'), clock, databaseKey, {
      vacuumInto: async (target) => {
        if (databaseBytes(databaseFile) < BACKUP_ON_WORKER_FROM_BYTES) {
          vacuumInto(db, target);
          return;
        }
        const job = startJob('backup', { databaseFile, key: databaseKey, target }, () => undefined);
        backupJobs.add(job);
        try {
          await job.result;
        } finally {
          backupJobs.delete(job);
        }
      },
    });
    const selfEntry = new SelfEntry(db, () => sessions.liveContext(), groupRecords, recordsLock);
    laptopWithMember = () => selfEntry.isActive();
    const downloads = new DownloadShelf(clock);
    const recordsDesk = new RecordsDesk(
      db,
      clock,
      packs,
      backups,
      recordsLock,
      (packId) => sessions.startedAt(packId),
      { key: databaseKey, where: keyWrapping.where },
      jobs,
      databaseFile,
      downloads,
      consoleLanguage,
    );
    const chosenFiles = new ChosenFiles(options.chooseFile);
    const announceCatalog = () => emit('packs:changed', packs.listView());
    const packInUse = () => sessions.liveContext()?.pack.id ?? null;
    const decks = new DeckUploads(join(options.dataDir, 'curricula', '.uploads'), packs, clock);
    const imports = packImports(packs, decks, jobs, packInUse, announceCatalog);
    const editorDrafts = new EditorDrafts(db, clock);
    // A draft kept for after a crash keeps the images it added.
    const editor = new PackEditor(packs, downloads, jobs, editorDrafts.imageFolders());
    const program = new ProgramDesk(
      db,
      clock,
      packs,
      recordsLock,
      consoleLanguage,
      downloads,
      jobs,
    );
    const backUp = loggedBackUp(backups, options.log);
    const stopDailyBackups = scheduleDailyBackups(backUp);
    const abandonedUploads = setInterval(() => {
      media.expireUploads();
      decks.expire();
    }, 60_000);
    abandonedUploads.unref?.();

    const handlers: Handlers = {
      ...appHandlers(options.dataDir, consoleLanguage, chosenFiles, jobs),
      ...sessionHandlers({ sessions, admitToRoster, backUp }),
      ...settingsHandlers(db, sessions),
      ...displayHandlers(displays, emit, consoleLanguage),
      ...groupHandlers(sessions, groupRecords),
      ...selfEntryHandlers(selfEntry, sessions, emit),
      ...recordsLockHandlers(recordsLock, databaseKey),
      ...recordsDeskHandlers(recordsDesk, sessions),
      ...programHandlers(program),
      ...mediaHandlers(media, sessions, chosenFiles),
      ...packHandlers(packs, packUploads, decks, imports, chosenFiles),
      ...editorHandlers(editor, editorDrafts, packInUse, announceCatalog),
    };

    const router = createRouter(handlers, options.log, consoleLanguage);
    return {
      router: {
        dispatch(channel, args, sender) {
          if (
            sender === 'console' &&
            selfEntry.isActive() &&
            !(SELF_ENTRY_CHANNELS as readonly unknown[]).includes(channel)
          ) {
            return Promise.resolve({
              ok: false,
              error: {
                code: 'forbidden',
                message:
                  'A member is answering the quiz on this laptop; the counselor PIN ends self-entry first.',
              },
            });
          }
          return router.dispatch(channel, args, sender);
        },
      },
      databaseFile,
      db,
      isLive: () => sessions.isLive(),
      consoleLanguage,
      onEvent(sink) {
        sinks.add(sink);
        return () => sinks.delete(sink);
      },
      audienceKey(key, repeat = false) {
        if (selfEntry.isActive()) return;
        const interpreted = audienceKeys.interpret(key, repeat);
        if (interpreted?.kind !== 'command') return;
        try {
          sessions.command(interpreted.command);
        } catch (error) {
          options.log?.(`audience key ${key}: ${(error as Error).message}`);
        }
      },
      takeDownload: (urlPath) => downloads.take(urlPath),
      resolveMedia(urlPath) {
        const libraryFile = media.filePath(urlPath);
        if (libraryFile) return libraryFile;
        const draft = /^\/media\/drafts\/([0-9a-f]{24})\/(.+)$/.exec(urlPath);
        if (draft) {
          try {
            return editor.draftAssetPath(draft[1]!, decodeURIComponent(draft[2]!));
          } catch {
            return null;
          }
        }
        const match = /^\/media\/packs\/([^/]+)\/(.+)$/.exec(urlPath);
        if (!match) return null;
        try {
          return packs.assetPath(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!));
        } catch {
          return null;
        }
      },
      close() {
        void jobs.cancelAll();
        for (const job of backupJobs) void job.cancel();
        stopDailyBackups();
        clearInterval(abandonedUploads);
        sinks.clear();
        if (db.open) db.close();
        folderLock.release();
      },
    };
  } catch (error) {
    db.close();
    folderLock.release();
    throw error;
  }
}
