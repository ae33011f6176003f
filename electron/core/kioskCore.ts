import { existsSync, mkdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from '../db/database';
import { lockDataFolder } from '../db/dataFolderLock';
import { findCohortByName } from '../db/queries/cohorts';
import { vacuumInto } from '../db/queries/copies';
import { loadRecordsKey, ownerOnlyFileWrapping, type KeyWrapping } from '../db/recordsKey';
import { acknowledgeRecoveryNotice, openRecords, recoveryNotices } from '../db/recovery';
import type { Language } from '../i18n';
import { phrase, say } from '../i18n/phrases';
import { events, SELF_ENTRY_CHANNELS, type EventName, type EventPayloads } from '../ipc/contract';
import { createRouter, type Handlers, type Router } from '../ipc/router';
import { hashFileOn, JobBoard, startJob, type RunningJob } from '../jobs/jobRunner';
import { browserDisplays, type DisplayPort } from '../services/displays';
import { RecordsLock } from '../services/access/recordsLock';
import { RejectedRequest } from '../services/errors';
import { BackupService } from '../services/records/backups';
import { RecordsDesk } from '../services/records/recordsDesk';
import { DownloadShelf, type ShelvedFile } from '../services/downloads/downloadShelf';
import { ProgramDesk } from '../services/program/programDesk';
import { GroupRecords, type LiveContext } from '../services/group/groupRecords';
import { SelfEntry } from '../services/group/selfEntry';
import { MediaLibrary } from '../services/media/mediaLibrary';
import { DeckUploads } from '../services/packs/deckImport';
import { EditorDrafts } from '../services/packs/editorDrafts';
import { PackEditor, type SaveResult } from '../services/packs/packEditor';
import { adoptStaged, PackLibrary } from '../services/packs/packLibrary';
import type { ImportResult } from '../services/packs/packViews';
import { packAssetUrl, type StagedPack } from '../services/packs/stagePack';
import { ChunkedUploads } from '../services/uploads/chunkedUploads';
import { SessionService } from '../services/session/sessionService';
import {
  consoleLanguageOf,
  readConsoleLanguage,
  systemLanguage,
  writeConsoleLanguage,
} from '../services/settings/consoleLanguage';
import { KeyInterpreter } from '../shell/keyBindings';
import { systemClock, type Clock } from './clock';

export type EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

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
  chooseFile?: (purpose: 'pack' | 'media') => Promise<string | null>;
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

/**
 * Everything both shells share: the database, the services and the IPC router. Holds the data
 * folder's lock until close(). When the kiosk cannot start it throws a StartupError, whose message
 * is for the counselor (a shell shows it as it is) and whose `detail` is for the log.
 */
/** Records at least this large (with their WAL) are backed up on a worker thread. */
const BACKUP_ON_WORKER_FROM_BYTES = 2 * 1024 * 1024;

function recordsBytes(databaseFile: string): number {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return size(databaseFile) + size(`${databaseFile}-wal`);
}

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
  let key: ReturnType<typeof loadRecordsKey>['key'];
  try {
    ({ key } = loadRecordsKey(options.dataDir, databaseFile, keyWrapping, {
      recoveryKey: options.recoveryKey,
    }));
    opened = openRecords(databaseFile, join(options.dataDir, 'backups'), clock.now(), key);
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
    const records = new GroupRecords(db, clock);
    const sessions = new SessionService(
      db,
      clock,
      packs,
      media,
      records,
      options.log,
      consoleLanguage,
    );
    /** Group records belong to the running session; each write is committed, then the windows refreshed. */
    const withLive = <T>(write: (context: LiveContext) => T) => {
      const context = sessions.liveContext();
      if (!context)
        throw new RejectedRequest(
          sessions.isRehearsing() ? 'errors.rehearsal' : 'errors.noSession',
        );
      write(context);
      sessions.refresh();
      return sessions.consoleView();
    };
    // The projector first: its view is small and the room is watching; the console's view is larger.
    sessions.subscribe(() => {
      emit('session:audience', sessions.audienceView());
      emit('session:console', sessions.consoleView());
    });
    const audienceKeys = new KeyInterpreter();
    const displays = options.displays ?? browserDisplays;
    displays.onChange(() => emit('displays:changed', displays.status()));

    /** Bound files and cues change what a running session shows: push fresh views. */
    const mediaChanged = <T>(result: T): T => {
      sessions.cueIfNeeded();
      sessions.refresh();
      return result;
    };

    const lock = new RecordsLock(db, clock);
    /** A group run before has a roster of names, attendance and quiz counts: records, behind the PIN. */
    const openRosterOf = async (cohortName: string, pin: string | undefined) => {
      if (!findCohortByName(db, cohortName)) return;
      await lock.admit(pin, phrase('errors.pin.rosterLocked', { group: cohortName }));
    };
    /**
     * Backups copy the whole records file: ten years of records take seconds, so on a worker's
     * own connection (cancelled at close); a small file is copied sooner than a thread starts.
     */
    const backupJobs = new Set<RunningJob<'backup'>>();
    const backups = new BackupService(db, join(options.dataDir, 'backups'), clock, key, {
      vacuumInto: async (target) => {
        if (recordsBytes(databaseFile) < BACKUP_ON_WORKER_FROM_BYTES) {
          vacuumInto(db, target);
          return;
        }
        const job = startJob('backup', { databaseFile, key, target }, () => undefined);
        backupJobs.add(job);
        try {
          await job.result;
        } finally {
          backupJobs.delete(job);
        }
      },
    });
    const selfEntry = new SelfEntry(db, () => sessions.liveContext(), records, lock);
    laptopWithMember = () => selfEntry.isActive();
    const selfEntryChanged = <T>(result: T): T => {
      emit('selfEntry:changed', selfEntry.view());
      sessions.refresh();
      return result;
    };
    const downloads = new DownloadShelf(clock);
    const desk = new RecordsDesk(
      db,
      clock,
      packs,
      backups,
      lock,
      (packId) => sessions.startedAt(packId),
      { key, where: keyWrapping.where },
      jobs,
      databaseFile,
      downloads,
      consoleLanguage,
    );
    /** Paths the desktop app's own dialog returned: the only paths main reads for a window. */
    const chosenPaths = new Set<string>();
    const requireChosen = (path: string) => {
      if (!options.chooseFile || !chosenPaths.has(path))
        throw new RejectedRequest('errors.chooseAgain');
      return path;
    };
    /** Stages a pack on a worker, then swaps it in here; a cancelled or failed import leaves nothing. */
    const stageAndAdopt = async (
      stage: (staging: string) => Promise<StagedPack>,
      replace: boolean,
    ): Promise<ImportResult> => {
      // The running session's pack may not change under it; its agenda is being replayed.
      const inUse = sessions.liveContext()?.pack.id ?? null;
      const staging = packs.stagingFolder();
      try {
        const result = packs.adopt(staging, await stage(staging), replace, inUse);
        if (result.status === 'imported') emit('packs:changed', packs.listView());
        return result;
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    };
    const importPack = (zipFile: string, name: string, replace: boolean) =>
      stageAndAdopt(
        (staging) =>
          jobs.run('pack-stage', phrase('jobs.labels.importing', { name }), { zipFile, staging }, [
            staging,
          ]),
        replace,
      );
    const decks = new DeckUploads(join(options.dataDir, 'curricula', '.uploads'), packs, clock);
    /** A deck's pages have all arrived: the worker writes and checks the pack; Cancel stops it. */
    const importDeck = async (deckId: string) => {
      const deck = await decks.complete(deckId);
      try {
        return await stageAndAdopt(
          (staging) =>
            jobs.run('deck-stage', deck.label, { ...deck.input, staging }, [staging], (cancel) =>
              decks.jobStarted(deckId, cancel),
            ),
          deck.replaces,
        );
      } finally {
        await decks.cancel(deckId);
      }
    };
    const editorDrafts = new EditorDrafts(db, clock);
    // A draft kept for after a crash keeps the images it added.
    const editor = new PackEditor(packs, downloads, jobs, editorDrafts.imageFolders());
    /** A saved pack is in the catalog at once: the lists in every view refresh. */
    const packsSaved = async (saving: Promise<SaveResult>) => {
      const result = await saving;
      if (result.status === 'saved') emit('packs:changed', packs.listView());
      return result;
    };
    const program = new ProgramDesk(db, clock, packs, lock, consoleLanguage, downloads, jobs);
    const backUp = (reason: 'session-end' | 'daily') =>
      (reason === 'daily' ? backups.backupIfDue() : backups.backup(reason)).catch(
        (error: unknown) => options.log?.(`backup (${reason}) failed: ${(error as Error).message}`),
      );
    void backUp('daily');
    const dailyBackups = setInterval(() => void backUp('daily'), 60 * 60_000);
    dailyBackups.unref?.();
    const abandonedUploads = setInterval(() => {
      media.expireUploads();
      decks.expire();
    }, 60_000);
    abandonedUploads.unref?.();

    const handlers: Handlers = {
      'session:consoleView': () => sessions.consoleView(),
      'app:notices': () => recoveryNotices(options.dataDir, consoleLanguage()),
      'app:acknowledgeNotice': ({ id }) =>
        acknowledgeRecoveryNotice(options.dataDir, id, consoleLanguage()),
      'session:audienceView': () => sessions.audienceView(),
      'session:setupOptions': () => sessions.setupOptions(),
      'session:start': async (request) => {
        await openRosterOf(request.cohortName, request.pin);
        return sessions.start(request);
      },
      'session:command': async (command) => {
        const rehearsing = sessions.isRehearsing();
        const view = sessions.command(command);
        if (command.type === 'end' && view.session === null && !rehearsing)
          await backUp('session-end');
        return view;
      },
      'session:resume': () => sessions.resume(),
      'session:rehearse': ({ packId }) => sessions.rehearse(packId),
      'session:prepare': ({ packId }) => sessions.prepare(packId),
      'settings:setVolume': ({ kind, level }) => sessions.setVolume(kind, level),
      'settings:consoleLanguage': () => readConsoleLanguage(db),
      'settings:setConsoleLanguage': ({ language }) => writeConsoleLanguage(db, language),
      'session:summary': ({ sessionId }) => sessions.summaryOf(sessionId),
      'displays:status': () => displays.status(),
      'displays:identify': () => {
        const labels = displays.identify();
        const language = consoleLanguage();
        emit('displays:identify', {
          console: say(labels.console, language),
          audience: say(labels.audience, language),
        });
        return null;
      },
      'displays:moveAudience': ({ displayId }) => {
        displays.moveAudienceTo(displayId);
        return displays.status();
      },
      'displays:audienceAsWindow': () => {
        displays.showAudienceAsWindow();
        return displays.status();
      },
      'group:addMember': ({ name, checkIn }) =>
        withLive((context) => records.addMember(context, name, checkIn)),
      'group:setPresent': ({ memberId, present }) =>
        withLive((context) => records.setPresent(context, memberId, present)),
      'group:setGraduated': ({ memberId, graduated }) =>
        withLive((context) => records.setGraduated(context, memberId, graduated)),
      'group:addFlipchart': ({ questionId, text }) =>
        withLive((context) => records.addFlipchart(context, questionId, text)),
      'group:removeFlipchart': ({ entryId }) =>
        withLive((context) => records.removeFlipchart(context, entryId)),
      'group:answer': ({ memberId, itemId, answer, enteredBy }) =>
        withLive((context) => records.recordAnswer(context, memberId, itemId, answer, enteredBy)),
      'group:pollCount': ({ itemId, optionKey, count }) =>
        withLive((context) => records.setPollCount(context, itemId, optionKey, count)),
      'group:makeTeams': ({ teamCount }) =>
        withLive((context) => records.makeTeams(context, teamCount)),
      'group:score': ({ teamId, criterionId, points }) =>
        withLive((context) => records.setScore(context, teamId, criterionId, points)),
      'records:lockStatus': () => lock.status(),
      'records:setPin': ({ pin, currentPin }) => lock.setPin(pin, currentPin),
      'records:unlock': ({ pin }) => lock.unlock(pin),
      'records:resetPin': ({ recoveryKey, pin }) => lock.resetPin(recoveryKey, pin, key),
      'records:lock': () => lock.lock(),
      'records:overview': () => desk.overview(),
      'records:sessions': ({ beforeId }) => desk.sessionsBefore(beforeId),
      'records:standings': ({ cohortId }) => desk.standings(cohortId),
      'records:setCertificateRule': (rule) => desk.setCertificateRule(rule),
      'records:setMemberStanding': (change) => desk.setMemberStanding(change),
      'records:sessionReport': ({ sessionId, format, pageSize }) =>
        desk.sessionReport(sessionId, format, pageSize),
      'records:print': (request) => desk.print(request),
      'records:program': (selection) => program.view(selection),
      'records:programReport': ({ pageSize, ...selection }) => program.report(selection, pageSize),
      'records:programFigures': ({ chartId, ...selection }) => program.figures(selection, chartId),
      'records:exportAll': () => desk.exportAll(),
      'records:recoverySheet': ({ pageSize }) => desk.recoverySheet(pageSize),
      'records:exportRedcap': () => desk.exportRedcap(),
      'records:backup': () => desk.backupNow(),
      'records:restore': async ({ name }) => {
        const result = await desk.restore(name, sessions.isLive());
        sessions.reload();
        return result;
      },
      'media:library': () => media.libraryView(),
      'media:beginUpload': ({ name, size, mime }) => media.beginUpload(name, size, mime),
      'media:uploadChunk': ({ uploadId, offset, data }) =>
        media.appendChunk(uploadId, offset, Buffer.from(data, 'base64')),
      'media:finishUpload': async (request) => mediaChanged(await media.finishUpload(request)),
      'media:cancelUpload': ({ uploadId }) => {
        media.cancelUpload(uploadId);
        return null;
      },
      'media:bind': ({ packId, mediaId, sha256, as }) => {
        media.bind(packId, mediaId, sha256, as);
        return mediaChanged(media.libraryView());
      },
      'media:unbind': ({ packId, mediaId }) => {
        media.unbind(packId, mediaId);
        return mediaChanged(media.libraryView());
      },
      'media:setCue': ({ packId, mediaId, cueId, atMs }) =>
        mediaChanged(media.setCue(packId, mediaId, cueId, atMs)),
      'media:resetCues': ({ packId, mediaId }) => {
        media.resetCues(packId, mediaId);
        return mediaChanged(media.libraryView());
      },
      'selfEntry:view': () => selfEntry.view(),
      'selfEntry:begin': ({ memberId }) => selfEntryChanged(selfEntry.begin(memberId)),
      'selfEntry:answer': ({ itemId, answer }) =>
        selfEntryChanged(selfEntry.answer(itemId, answer)),
      'selfEntry:back': () => selfEntryChanged(selfEntry.back()),
      'selfEntry:finish': async ({ pin }) => selfEntryChanged(await selfEntry.finish(pin)),
      'packs:list': () => packs.listView(),
      'packs:beginUpload': ({ name, size }) => packUploads.begin(name, size, null),
      'packs:uploadChunk': ({ uploadId, offset, data }) =>
        packUploads.append(uploadId, offset, Buffer.from(data, 'base64')),
      'packs:cancelUpload': ({ uploadId }) => {
        packUploads.cancel(uploadId);
        return null;
      },
      'packs:import': async ({ uploadId, replace }) => {
        const upload = await packUploads.complete(uploadId);
        const result = await importPack(upload.path, upload.name, replace).catch(
          (error: unknown) => {
            packUploads.cancel(uploadId);
            throw error;
          },
        );
        // Kept while the counselor is asked whether to replace; otherwise done with.
        if (result.status !== 'needs-confirmation') packUploads.cancel(uploadId);
        return result;
      },
      'packs:deckTargets': () => decks.targets(),
      'packs:beginDeck': (plan) => decks.begin(plan),
      'packs:deckChunk': ({ deckId, page, offset, data, last }) =>
        decks.appendPage(deckId, page, offset, Buffer.from(data, 'base64'), last),
      'packs:importDeck': ({ deckId }) => importDeck(deckId),
      'packs:cancelDeck': async ({ deckId }) => {
        await decks.cancel(deckId);
        return null;
      },
      'packs:importPath': ({ path, replace }) =>
        importPack(requireChosen(path), basename(path), replace),
      'media:importPath': ({ path, durationMs, bind }) =>
        media
          .importFromPath(requireChosen(path), { durationMs, bind })
          .then((result) => mediaChanged(result)),
      'packs:editorOpen': ({ id }) => editor.open(id),
      'packs:editorCheck': ({ baseId, draftId, draft }) => editor.check(baseId, draftId, draft),
      'packs:editorPreview': ({ baseId, draftId, slide }) =>
        editor.previewSlide(baseId, draftId, slide),
      'packs:editorSave': ({ baseId, draftId, draft }) =>
        packsSaved(editor.save(baseId, draftId, draft, sessions.liveContext()?.pack.id ?? null)),
      'packs:editorAddImage': ({ draftId, name, data }) =>
        editor.addImage(draftId, name, Buffer.from(data, 'base64')),
      'packs:editorDraftKeep': ({ key, baseId, draftId, draft }) =>
        editorDrafts.keep(key, baseId, draftId, draft),
      'packs:editorDraftFind': ({ key }) => {
        const kept = editorDrafts.find(key);
        return kept && { ...kept, images: editor.draftImages(kept.draftId) };
      },
      'packs:history': ({ id }) => editor.history(id),
      'packs:restore': ({ id, version }) =>
        packsSaved(editor.restore(id, version, sessions.liveContext()?.pack.id ?? null)),
      'packs:export': ({ id }) => editor.export(id),
      'app:capabilities': () => ({ choosesFiles: options.chooseFile !== undefined }),
      'files:choose': async ({ purpose }) => {
        if (!options.chooseFile) throw new RejectedRequest('errors.chooseInPage');
        const path = await options.chooseFile(purpose);
        if (path === null) return null;
        chosenPaths.add(path);
        return { path, name: basename(path) };
      },
      'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
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
        clearInterval(dailyBackups);
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
