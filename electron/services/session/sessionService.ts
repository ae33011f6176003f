import type { Clock } from '../../shared/clock';
import { FALLBACK_LANGUAGE, type Language } from '../../shared/i18n';
import { say } from '../../shared/i18n/phrases';
import type { LoadedPack } from '../../content/pack/registry';
import type { Db } from '../../db/database';
import {
  findCohortByName,
  getCohort,
  insertCohort,
  listCohortsWithLastPack,
} from '../../db/queries/cohorts';
import {
  insertSessionEvent,
  latestSessionEventId,
  listSessionEvents,
} from '../../db/queries/sessionEvents';
import { readSetting, writeSetting } from '../../db/queries/settings';
import {
  findLiveSession,
  getSession,
  insertSession,
  latestEndedSession,
  markSessionEnded,
  type SessionRow,
} from '../../db/queries/sessions';
import type { GroupRecords, LiveContext } from '../group/groupRecords';
import type { MediaLibrary } from '../media/mediaLibrary';
import type { ResolvedMedia } from '../media/mediaViews';
import type { PackLibrary } from '../packs/packLibrary';
import {
  decide,
  deckPositions,
  nextStop,
  SessionRuleError,
  startEvents,
  type AgendaShape,
  type MediaContext,
} from './sessionMachine';
import { type SessionCommand } from '../../shared/session/commands';
import {
  applySessionEvent,
  initialSessionState,
  type SessionEvent,
  type SessionState,
} from '../../shared/session/sessionState';
import { summarizeSession, type SessionSummary } from './summary';
import { MINUTE } from '../../shared/session/schedule';
import {
  groupContextOf,
  playable,
  projectAudience,
  projectConsoleSession,
  showableQuestions,
  type LiveSession,
  type ProjectionReads,
} from './projection';
import type { AudienceView, ConsoleView, EndedSessionView, SetupOptions } from './views';

export interface StartSession {
  packId: string;
  cohortName: string;
  facilitators: string[];
  timeKeeper: string | null;
}

/** The timer the projector can count down in this item: the game's practice, or a breakout. */
function practiceMinutesOf(
  manifest: LoadedPack['manifest'],
  item: LoadedPack['manifest']['agenda'][number],
): number {
  if (item.kind === 'game') return manifest.game?.practiceMinutes ?? 0;
  return item.breakout?.minutes ?? 0;
}

/** The agenda as the state machine sees it: ids, kinds, minutes, slides and their build steps. */
export function agendaShape(pack: LoadedPack): AgendaShape[] {
  return pack.manifest.agenda.map((item, index) => ({
    id: item.id,
    kind: item.kind,
    minutes: item.minutes,
    slideCount: item.slides.length,
    slideSteps: item.slides.map((id) => pack.slides.get(id)?.steps.length ?? 1),
    questionIds: showableQuestions(pack.manifest, index).map((question) => question.id),
  }));
}

export interface Volumes {
  video: number;
  relaxation: number;
}

const VOLUME_SETTING = 'volume';

/** This machine's volumes (0 to 1); full volume until the counselor sets them. */
function readVolumes(db: Db): Volumes {
  return readSetting(db, VOLUME_SETTING) ?? { video: 1, relaxation: 1 };
}

/** Runs one session at a time: commands become events in SQLite, then state, then views. */
export class SessionService {
  private live: LiveSession | null = null;
  private volumes: Volumes;
  /** The pack chosen on the start form, for the projector's "starting soon" screen. */
  private upcoming: { title: string; program: string } | null = null;
  /** The languages of the pack chosen on the start form and of the session that just ended. */
  private upcomingLanguage: string = FALLBACK_LANGUAGE;
  private endedLanguage: string = FALLBACK_LANGUAGE;
  private endedThisRun = false;
  private builtConsoleView: Omit<ConsoleView, 'serverNow'> | null = null;
  private revision: number;
  private readonly listeners = new Set<() => void>();
  /** What the views read besides the session: the group's records and the media files. */
  private readonly reads: ProjectionReads;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly packs: PackLibrary,
    private readonly media: MediaLibrary,
    group: GroupRecords,
    private readonly log: (message: string) => void = () => {},
    /** The console's language, for the few words main itself puts in the console's view. */
    private readonly language: () => Language = () => FALLBACK_LANGUAGE,
  ) {
    this.reads = {
      group,
      resolveMedia: (packId, mediaId) => this.media.resolve(packId, mediaId),
    };
    this.revision = this.latestEventId();
    this.volumes = readVolumes(db);
    const row = findLiveSession(db);
    if (row) this.live = this.restore(row);
  }

  /** After a backup was restored underneath: re-read the log and any live session from the database. */
  reload(): void {
    // Windows drop views older than the newest they hold, so a revision never goes back, even
    // when the restored log is shorter than the one it replaced.
    this.revision = Math.max(this.revision + 1, this.latestEventId());
    const row = findLiveSession(this.db);
    this.live = row ? this.restore(row) : null;
    this.volumes = readVolumes(this.db);
    this.endedThisRun = false;
    this.notify();
  }

  /** When the running session of this pack started (for printing today's agenda), or null. */
  startedAt(packId: string): number | null {
    const live = this.live;
    return live && !live.rehearsal && live.pack.manifest.id === packId
      ? live.state.startedAt
      : null;
  }

  /** The running session, for the group records; null when none runs or in a rehearsal. */
  liveContext(): LiveContext | null {
    const live = this.live;
    return live && !live.rehearsal ? groupContextOf(live) : null;
  }

  /** Tells the windows about a change that was not a session event (answers, flipchart, scores). */
  refresh(): void {
    this.revision += 1;
    this.notify();
  }

  /** A video item whose file was just bound gets its video cued at once, without another command. */
  cueIfNeeded(): void {
    const live = this.live;
    if (!live || live.recovered) return;
    const events = this.withVideoCued(live.pack, live.state, []);
    if (events.length > 0) this.record(live, events, this.clock.now());
  }

  private latestEventId(): number {
    return latestSessionEventId(this.db);
  }

  isLive(): boolean {
    return this.live !== null;
  }

  /** Remembered on this machine: the video on the projector and the relaxation audio. */
  setVolume(kind: keyof Volumes, level: number): ConsoleView {
    this.volumes = { ...this.volumes, [kind]: level };
    writeSetting(this.db, VOLUME_SETTING, this.volumes);
    this.refresh();
    return this.consoleView();
  }

  /** The pack about to run: before a session the projector shows its title, calmly. */
  prepare(packId: string): null {
    const pack = this.packs.find(packId);
    const upcoming = pack ? { title: pack.manifest.title, program: pack.manifest.program } : null;
    const language = pack?.manifest.language ?? this.upcomingLanguage;
    if (upcoming?.title !== this.upcoming?.title || language !== this.upcomingLanguage) {
      this.upcoming = upcoming;
      this.upcomingLanguage = language;
      this.refresh();
    }
    return null;
  }

  isRehearsing(): boolean {
    return this.live?.rehearsal ?? false;
  }

  /** The pack a session or rehearsal opens and its first events; refused while one is running. */
  private opening(packId: string) {
    if (this.live)
      throw new SessionRuleError('errors.session.stillRunning', {
        title: this.live.pack.manifest.title,
      });
    const pack = this.packs.find(packId);
    if (!pack) throw new SessionRuleError('errors.noSuchPack', { packId });
    const now = this.clock.now();
    const agenda = agendaShape(pack);
    const events = this.withVideoCued(
      pack,
      initialSessionState(agenda.length),
      startEvents(agenda, now),
    );
    return { pack, now, agenda, events };
  }

  /**
   * Pages through a pack on both screens, with its videos and timers, as a session would run it,
   * but nothing is written: no group, no session, no record. A restart forgets it.
   */
  rehearse(packId: string): ConsoleView {
    const { pack, now, agenda, events } = this.opening(packId);
    this.live = {
      row: {
        id: 0,
        cohort_id: 0,
        pack_id: pack.manifest.id,
        pack_version: pack.manifest.version,
        pack_title: pack.manifest.title,
        facilitators: [],
        time_keeper: null,
        created_at_ms: now,
        status: 'live',
        summary: null,
      },
      cohortName: '',
      pack,
      agenda,
      positions: deckPositions(agenda),
      state: events.reduce(applySessionEvent, initialSessionState(agenda.length)),
      recovered: false,
      rehearsal: true,
    };
    this.revision += events.length;
    this.endedThisRun = false;
    this.notify();
    return this.consoleView();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setupOptions(): SetupOptions {
    return {
      packs: this.packs.listView().packs.map((pack) => ({
        id: pack.id,
        title: pack.title,
        program: pack.program,
        session: pack.session,
        minutes: pack.minutes,
        itemCount: pack.itemCount,
        audience: pack.audience,
      })),
      cohorts: listCohortsWithLastPack(this.db).map((cohort) => ({
        id: cohort.id,
        name: cohort.name,
        lastPackId: cohort.last_pack_id,
      })),
    };
  }

  start(request: StartSession): ConsoleView {
    const { pack, now, agenda, events } = this.opening(request.packId);
    let revision = this.revision;
    const row = this.db.transaction(() => {
      const cohortName = request.cohortName.trim();
      const cohort =
        findCohortByName(this.db, cohortName) ?? insertCohort(this.db, cohortName, now);
      const session = insertSession(this.db, {
        cohortId: cohort.id,
        packId: pack.manifest.id,
        packVersion: pack.manifest.version,
        packTitle: pack.manifest.title,
        facilitators: request.facilitators.map((name) => name.trim()).filter(Boolean),
        timeKeeper: request.timeKeeper?.trim() || null,
        createdAtMs: now,
      });
      revision = this.appendEvents(session.id, now, events);
      return session;
    })();
    this.revision = revision;
    this.live = {
      row,
      cohortName: getCohort(this.db, row.cohort_id)!.name,
      pack,
      agenda,
      positions: deckPositions(agenda),
      state: events.reduce(applySessionEvent, initialSessionState(agenda.length)),
      recovered: false,
      rehearsal: false,
    };
    this.endedThisRun = false;
    this.notify();
    return this.consoleView();
  }

  command(command: SessionCommand): ConsoleView {
    const live = this.requireLive();
    if (live.recovered && command.type !== 'end')
      throw new SessionRuleError('errors.session.resumeFirst');
    const now = this.clock.now();
    const events = this.withVideoCued(
      live.pack,
      live.state,
      decide(live.state, live.agenda, command, now, this.mediaContext(live)),
    );
    if (events.length === 0) return this.consoleView();
    // Ending writes its event and the fidelity record together, so a failure leaves neither.
    this.record(
      live,
      events,
      now,
      command.type === 'end' ? (state) => this.finish(live, state) : undefined,
    );
    this.notify();
    return this.consoleView();
  }

  /** The counselor chose to carry on after a restart: the projector lights up again. */
  resume(): ConsoleView {
    const live = this.requireLive();
    if (!live.recovered) return this.consoleView();
    const now = this.clock.now();
    this.record(live, [{ type: 'restored', at: now }], now);
    live.recovered = false;
    this.notify();
    return this.consoleView();
  }

  /**
   * Every change bumps the revision, so the view built for a revision stays right until the next
   * one: a command's answer and the push that follows it share one build.
   */
  consoleView(): ConsoleView {
    if (this.builtConsoleView?.revision !== this.revision) {
      this.builtConsoleView = {
        revision: this.revision,
        session: this.live
          ? projectConsoleSession(this.live, this.audienceView(), this.reads, {
              nextBuild: say({ key: 'session.nextBuild' }, this.language()),
            })
          : null,
        lastEnded: this.live ? null : this.lastEnded(),
      };
    }
    return { ...this.builtConsoleView, serverNow: this.clock.now() };
  }

  audienceView(): AudienceView {
    return projectAudience(
      {
        live: this.live,
        endedThisRun: this.endedThisRun,
        upcoming: this.upcoming,
        language: this.audienceLanguage(),
        volumes: this.volumes,
        revision: this.revision,
        now: this.clock.now(),
      },
      this.reads,
    );
  }

  /** The projector speaks the running pack's language, then the ended one's, else the chosen one's. */
  private audienceLanguage(): string {
    if (this.live) return this.live.pack.manifest.language;
    return this.endedThisRun ? this.endedLanguage : this.upcomingLanguage;
  }

  summaryOf(sessionId: number): SessionSummary | null {
    const row = getSession(this.db, sessionId);
    return row?.summary ?? null;
  }

  /** The current item's video (when a file is set up) and relaxation length, for the state machine. */
  private mediaContext(live: LiveSession): MediaContext {
    const item =
      live.state.current === null ? null : live.pack.manifest.agenda[live.state.current]!;
    const video = item?.video ? this.playable(live.pack.manifest.id, item.video.media) : null;
    return {
      video: video
        ? {
            mediaId: video.mediaId,
            lengthMs: video.lengthMs,
            cuesMs: video.cues.map((cue) => cue.atMs),
          }
        : null,
      relaxationMs:
        item?.kind === 'relaxation' && live.pack.manifest.relaxation
          ? live.pack.manifest.relaxation.minutes * MINUTE
          : null,
      practiceMs: item ? practiceMinutesOf(live.pack.manifest, item) * MINUTE || null : null,
      quizItemIds: live.pack.manifest.quiz?.items.map((quizItem) => quizItem.id) ?? [],
      flipchartQuestionIds:
        item?.questions.filter((question) => question.flipchart).map((question) => question.id) ??
        [],
      poll: item?.poll !== undefined,
    };
  }

  private playable(packId: string, mediaId: string): ResolvedMedia | null {
    return playable(this.reads.resolveMedia, packId, mediaId);
  }

  /** Entering a video item cues its video at the start, stopping at the first vignette's end. */
  private withVideoCued(
    pack: LoadedPack,
    before: SessionState,
    events: SessionEvent[],
  ): SessionEvent[] {
    const after = events.reduce(applySessionEvent, before);
    if (after.current === null || after.video || after.endedAt !== null) return events;
    const item = pack.manifest.agenda[after.current]!;
    const video = item.video ? this.playable(pack.manifest.id, item.video.media) : null;
    if (!video) return events;
    const stopAtMs = nextStop(
      0,
      video.cues.map((cue) => cue.atMs),
      video.lengthMs,
    );
    return [...events, { type: 'video-cued', mediaId: video.mediaId, stopAtMs }];
  }

  private requireLive(): LiveSession {
    if (!this.live) throw new SessionRuleError('errors.session.noneRunning');
    return this.live;
  }

  /** Written to SQLite in one transaction first; only then does the in-memory state change. */
  private record(
    live: LiveSession,
    events: readonly SessionEvent[],
    now: number,
    alsoInTransaction?: (state: SessionState) => void,
  ): void {
    const state = events.reduce(applySessionEvent, live.state);
    if (live.rehearsal) {
      this.revision += events.length;
      live.state = state;
      // The end of a rehearsal leaves the projector as it was before it: nothing ended.
      if (state.endedAt !== null) this.live = null;
      return;
    }
    let revision = this.revision;
    this.db.transaction(() => {
      revision = this.appendEvents(live.row.id, now, events);
      alsoInTransaction?.(state);
    })();
    this.revision = revision;
    live.state = state;
    if (state.endedAt !== null) {
      this.endedLanguage = live.pack.manifest.language;
      this.live = null;
      this.endedThisRun = true;
    }
  }

  /**
   * Appends events to a session's log, inside the caller's transaction, and answers the revision
   * they bring the views to: each event is one revision, and never one behind the log's own ids.
   */
  private appendEvents(sessionId: number, now: number, events: readonly SessionEvent[]): number {
    let revision = this.revision;
    for (const event of events) {
      revision = Math.max(
        revision + 1,
        insertSessionEvent(this.db, sessionId, now, event.type, event).id,
      );
    }
    return revision;
  }

  private finish(live: LiveSession, state: SessionState): void {
    markSessionEnded(this.db, live.row.id, summarizeSession(live.pack.manifest.agenda, state));
  }

  private restore(row: SessionRow): LiveSession | null {
    const pack = this.packs.find(row.pack_id);
    const cohortName = getCohort(this.db, row.cohort_id)?.name ?? '';
    if (!pack) {
      this.log(
        `Live session ${row.id} uses pack ${row.pack_id}, which is no longer installed; closing it.`,
      );
      markSessionEnded(this.db, row.id, null);
      return null;
    }
    const agenda = agendaShape(pack);
    let state = initialSessionState(agenda.length);
    let events: SessionEvent[];
    try {
      events = listSessionEvents(this.db, row.id).map((record) => record.event);
    } catch (error) {
      // A log this version cannot read would replay a wrong session; its rows stay as they are.
      this.log(`Live session ${row.id}: ${(error as Error).message} Closing it.`);
      markSessionEnded(this.db, row.id, null);
      return null;
    }
    const fits = events.every((event) => !('index' in event) || event.index < agenda.length);
    if (pack.manifest.version !== row.pack_version || !fits) {
      // Replaying one pack's events against another agenda would record the wrong items.
      this.log(
        `Live session ${row.id} ran ${row.pack_id} ${row.pack_version}, now ${pack.manifest.version}; closing it.`,
      );
      markSessionEnded(this.db, row.id, null);
      return null;
    }
    for (const event of events) state = applySessionEvent(state, event);
    if (state.endedAt !== null) {
      // Ended, but the power went before its record was written (older versions wrote it apart).
      markSessionEnded(this.db, row.id, summarizeSession(pack.manifest.agenda, state));
      return null;
    }
    return {
      row,
      cohortName,
      pack,
      agenda,
      positions: deckPositions(agenda),
      state,
      recovered: true,
      rehearsal: false,
    };
  }

  private lastEnded(): EndedSessionView | null {
    const row = latestEndedSession(this.db);
    if (!row?.summary) return null;
    return {
      id: row.id,
      packTitle: row.pack_title,
      cohortName: getCohort(this.db, row.cohort_id)?.name ?? '',
      summary: row.summary,
    };
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
