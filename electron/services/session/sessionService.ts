import type { Clock } from '../../core/clock';
import { escapeHtml } from '../../core/plainText';
import { FALLBACK_LANGUAGE, type Language } from '../../i18n';
import { say } from '../../i18n/phrases';
import type { LoadedPack } from '../../content/pack/registry';
import type { Db } from '../../db/database';
import {
  findCohortByName,
  getCohort,
  insertCohort,
  listCohortsWithLastPack,
} from '../../db/queries/cohorts';
import { insertSessionEvent, listSessionEvents } from '../../db/queries/sessionEvents';
import { readSetting, writeSetting } from '../../db/queries/settings';
import {
  findLiveSession,
  getSession,
  insertSession,
  latestEndedSession,
  markSessionEnded,
  type SessionRow,
} from '../../db/queries/sessions';
import { BONUS, type GroupRecords, type LiveContext } from '../group/groupRecords';
import type { MediaLibrary, ResolvedMedia } from '../media/mediaLibrary';
import type { PackLibrary } from '../packs/packLibrary';
import {
  cueQuestionId,
  decide,
  deckPositions,
  deckSlideCount,
  nextStop,
  phaseOf,
  SessionRuleError,
  startEvents,
  type AgendaShape,
  type DeckPosition,
  type MediaContext,
  type SessionCommand,
} from './sessionMachine';
import {
  applySessionEvent,
  initialSessionState,
  relaxationActive,
  type SessionEvent,
  type SessionState,
} from './sessionState';
import { summarizeSession, type SessionSummary } from './summary';
import { MINUTE } from './schedule';
import type {
  AudienceScreenView,
  AudienceView,
  ConsoleSessionView,
  ConsoleView,
  CurrentItemView,
  EndedSessionView,
  SetupOptions,
} from './views';

export interface StartSession {
  packId: string;
  cohortName: string;
  facilitators: string[];
  timeKeeper: string | null;
}

interface LiveSession {
  row: SessionRow;
  cohortName: string;
  pack: LoadedPack;
  agenda: AgendaShape[];
  positions: DeckPosition[];
  state: SessionState;
  recovered: boolean;
  /** A rehearsal runs like a session on both screens but is never written to the database. */
  rehearsal: boolean;
}

/** The pack's quiz items, numbered as printed, with their answer key and feedback (console only). */
function quizItemsOf(manifest: LoadedPack['manifest']) {
  return (manifest.quiz?.items ?? []).map((quizItem, number) => ({
    id: quizItem.id,
    number: number + 1,
    prompt: quizItem.prompt,
    kind: quizItem.kind,
    options: quizItem.options,
    answer: quizItem.answer,
    feedback: quizItem.feedback,
  }));
}

/** The game's scoring sheet: each criterion, then the participation bonus under its own id. */
function scoringSheetOf(manifest: LoadedPack['manifest']) {
  const game = manifest.game;
  if (!game) return [];
  return [
    ...game.criteria.map((criterion) => ({
      id: criterion.id,
      text: criterion.text,
      points: criterion.points,
    })),
    ...(game.bonus
      ? [{ id: BONUS, text: `Bonus: ${game.bonus.text}`, points: game.bonus.points }]
      : []),
  ];
}

/** The timer the projector can count down in this item: the game's practice, or a breakout. */
function practiceMinutesOf(
  manifest: LoadedPack['manifest'],
  item: LoadedPack['manifest']['agenda'][number],
): number {
  if (item.kind === 'game') return manifest.game?.practiceMinutes ?? 0;
  return item.breakout?.minutes ?? 0;
}

/** The item's questions the counselor can put on the projector: its own, then its video's cues'. */
function showableQuestions(
  manifest: LoadedPack['manifest'],
  index: number,
): { id: string; prompt: string; answers: string[] }[] {
  const item = manifest.agenda[index]!;
  const media = item.video
    ? manifest.media.find((candidate) => candidate.id === item.video!.media)
    : undefined;
  return [
    ...item.questions,
    ...(media?.cues ?? []).flatMap((cue) =>
      cue.question
        ? [{ id: cueQuestionId(cue.id), prompt: cue.question, answers: cue.points }]
        : [],
    ),
  ];
}

/** Where a live session's (or a rehearsal's) group records are read. */
function recordsContext(live: LiveSession): LiveContext {
  return { sessionId: live.row.id, cohortId: live.row.cohort_id, pack: live.pack.manifest };
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
  const stored = readSetting<Partial<Volumes>>(db, VOLUME_SETTING) ?? {};
  const level = (value: unknown) =>
    typeof value === 'number' && value >= 0 && value <= 1 ? value : 1;
  return { video: level(stored.video), relaxation: level(stored.relaxation) };
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

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly packs: PackLibrary,
    private readonly media: MediaLibrary,
    private readonly records: GroupRecords,
    private readonly log: (message: string) => void = () => {},
    /** The console's language, for the few words main itself puts in the console's view. */
    private readonly language: () => Language = () => FALLBACK_LANGUAGE,
  ) {
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
    return live && !live.rehearsal ? recordsContext(live) : null;
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
    return (
      this.db.prepare('SELECT coalesce(max(id), 0) AS id FROM session_events').get() as {
        id: number;
      }
    ).id;
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

  /**
   * Pages through a pack on both screens, with its videos and timers, as a session would run it,
   * but nothing is written: no group, no session, no record. A restart forgets it.
   */
  rehearse(packId: string): ConsoleView {
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
    this.live = {
      row: {
        id: 0,
        cohort_id: 0,
        pack_id: pack.manifest.id,
        pack_version: pack.manifest.version,
        pack_title: pack.manifest.title,
        facilitators: '[]',
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
    if (this.live)
      throw new SessionRuleError('errors.session.stillRunning', {
        title: this.live.pack.manifest.title,
      });
    const pack = this.packs.find(request.packId);
    if (!pack) throw new SessionRuleError('errors.noSuchPack', { packId: request.packId });
    const now = this.clock.now();
    const agenda = agendaShape(pack);
    const events = this.withVideoCued(
      pack,
      initialSessionState(agenda.length),
      startEvents(agenda, now),
    );
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
      for (const event of events)
        this.revision = Math.max(
          this.revision + 1,
          insertSessionEvent(this.db, session.id, now, event.type, event).id,
        );
      return session;
    })();
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
        session: this.live ? this.sessionView(this.live) : null,
        lastEnded: this.live ? null : this.lastEnded(),
      };
    }
    return { ...this.builtConsoleView, serverNow: this.clock.now() };
  }

  audienceView(): AudienceView {
    const relaxation = this.live?.state.relaxation ?? null;
    const now = this.clock.now();
    return {
      revision: this.revision,
      serverNow: now,
      language: this.audienceLanguage(),
      screen: this.audienceScreen(),
      cardPage: this.live?.state.cardPage ?? 0,
      volume: this.volumes,
      relaxationEndsAt:
        relaxation && !this.live?.recovered && relaxationActive(relaxation, now)
          ? relaxation.startedAt + relaxation.durationMs
          : null,
    };
  }

  summaryOf(sessionId: number): SessionSummary | null {
    const row = getSession(this.db, sessionId);
    return row?.summary ? (JSON.parse(row.summary) as SessionSummary) : null;
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
    const resolved = this.media.resolve(packId, mediaId);
    return resolved?.src ? resolved : null;
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
      for (const event of events) {
        revision = Math.max(
          revision + 1,
          insertSessionEvent(this.db, live.row.id, now, event.type, event).id,
        );
      }
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
    const events = listSessionEvents(this.db, row.id).map(
      (event) => JSON.parse(event.payload) as SessionEvent,
    );
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
      summary: JSON.parse(row.summary) as SessionSummary,
    };
  }

  private slideAt(
    live: LiveSession,
    position: DeckPosition,
  ): { html: string; title: string; notes: string; steps: string[]; reveal: boolean } {
    const item = live.pack.manifest.agenda[position.item]!;
    const slideId = item.slides[position.slide];
    const slide = slideId === undefined ? undefined : live.pack.slides.get(slideId);
    if (!slide) {
      const html = `<h1>${escapeHtml(item.title)}</h1>`;
      return { html, title: item.title, notes: '', steps: [html], reveal: false };
    }
    return slide;
  }

  /** What the room sees of the current slide now: only the builds shown so far. */
  private currentStepHtml(live: LiveSession, position: DeckPosition): string {
    const { steps } = this.slideAt(live, position);
    return steps[Math.min(live.state.buildStep, steps.length - 1)]!;
  }

  private currentPosition(live: LiveSession): DeckPosition | null {
    const { current, slideIndex } = live.state;
    return live.positions.find((p) => p.item === current && p.slide === slideIndex) ?? null;
  }

  private sessionView(live: LiveSession): ConsoleSessionView {
    const { manifest } = live.pack;
    const { state } = live;
    const position = this.currentPosition(live);
    const here = position ? live.positions.indexOf(position) : -1;
    const upcoming = live.positions
      .slice(here + 1)
      .find((p) => state.items[p.item]!.status !== 'skipped');
    const nextItemIndex =
      state.current === null
        ? null
        : manifest.agenda.findIndex(
            (_, index) => index > state.current! && state.items[index]!.status === 'pending',
          );
    const nextItem =
      nextItemIndex === null || nextItemIndex < 0 ? null : manifest.agenda[nextItemIndex]!;
    const slideCount = deckSlideCount(live.agenda);
    const current = position ? this.slideAt(live, position) : null;
    return {
      id: live.row.id,
      packId: manifest.id,
      packTitle: manifest.title,
      cohortName: live.cohortName,
      facilitators: JSON.parse(live.row.facilitators) as string[],
      timeKeeper: live.row.time_keeper,
      phase: phaseOf(state, live.agenda),
      recovered: live.recovered,
      rehearsal: live.rehearsal,
      state,
      agenda: manifest.agenda.map((item, index) => ({
        index,
        id: item.id,
        title: item.title,
        kind: item.kind,
        minutes: item.minutes,
        clock: item.clock ?? null,
        summary: item.summary ?? null,
        modes: item.modes,
      })),
      current: state.current === null ? null : this.currentItemView(live, state.current),
      slide: current
        ? {
            number: position!.slideNumber,
            count: slideCount,
            title: current.title,
            html: current.html,
            notes: current.notes,
            build:
              current.steps.length > 1
                ? { step: state.buildStep, count: current.steps.length, reveal: current.reveal }
                : null,
          }
        : null,
      nextSlide:
        current && state.buildStep < current.steps.length - 1
          ? {
              number: position!.slideNumber,
              itemTitle: say({ key: 'session.nextBuild' }, this.language()),
              html: current.steps[state.buildStep + 1]!,
            }
          : upcoming
            ? {
                number: upcoming.slideNumber,
                itemTitle: manifest.agenda[upcoming.item]!.title,
                html: this.slideAt(live, upcoming).steps[0]!,
              }
            : null,
      deck: live.positions.flatMap((deckPosition) => {
        if (deckPosition.slideNumber === null) return [];
        const slide = this.slideAt(live, deckPosition);
        return [
          {
            number: deckPosition.slideNumber,
            item: deckPosition.item,
            title: slide.title,
            html: slide.steps.at(-1)!,
          },
        ];
      }),
      nextItem: nextItem
        ? {
            index: nextItemIndex!,
            title: nextItem.title,
            kind: nextItem.kind,
            minutes: nextItem.minutes,
            summary: nextItem.summary ?? null,
            cues: nextItem.cues,
          }
        : null,
      screen: state.screen,
      projector: this.audienceView(),
      question: state.question,
      board: state.board,
      group: this.records.view(recordsContext(live)),
      quiz: manifest.quiz ? { items: quizItemsOf(manifest) } : null,
      game: manifest.game
        ? {
            scenarios: manifest.game.scenarios,
            criteria: scoringSheetOf(manifest),
            maxPoints: manifest.game.maxPoints,
            teams: manifest.game.teams,
            practiceMinutes: manifest.game.practiceMinutes,
          }
        : null,
    };
  }

  private currentItemView(live: LiveSession, index: number): CurrentItemView {
    const { manifest } = live.pack;
    const item = manifest.agenda[index]!;
    const quizItems = manifest.quiz?.items ?? [];
    const markerIds = [
      ...new Set([...item.quizItems, ...item.questions.flatMap((question) => question.quizItems)]),
    ];
    const video = item.video
      ? manifest.media.find((media) => media.id === item.video!.media)
      : undefined;
    return {
      instructions: item.instructions,
      cues: item.cues,
      questions: item.questions.map((question) => ({
        id: question.id,
        prompt: question.prompt,
        answers: question.answers,
        suggestions: question.suggestions,
        flipchart: question.flipchart,
        quizItems: question.quizItems,
      })),
      guidance: item.guidance,
      breakout: item.breakout
        ? { minutes: item.breakout.minutes, reportBack: item.breakout.reportBack ?? null }
        : null,
      quizMarkers: markerIds.map((id) => {
        const number = quizItems.findIndex((quizItem) => quizItem.id === id);
        return { id, number: number + 1, prompt: quizItems[number]?.prompt ?? id };
      }),
      demonstration: item.demonstration
        ? {
            speakers: item.demonstration.speakers,
            elements: item.demonstration.elements.map((element) => ({
              id: element.id,
              title: element.title,
              instruction: element.instruction ?? null,
              lines: element.lines,
            })),
          }
        : null,
      video: item.video
        ? {
            mediaId: item.video.media,
            title: video?.title ?? item.video.media,
            intro: item.video.intro ?? null,
            media: this.media.resolve(manifest.id, item.video.media),
          }
        : null,
      poll: item.poll
        ? {
            prompt: item.poll.prompt,
            options: item.poll.options,
            multiple: item.poll.multiple,
            answer: item.poll.answer,
            discussion: item.poll.discussion ?? null,
          }
        : null,
      quiz:
        item.kind === 'quiz' && manifest.quiz
          ? {
              title: manifest.quiz.title,
              instructions: manifest.quiz.instructions ?? null,
              items: quizItemsOf(manifest),
            }
          : null,
      game:
        item.kind === 'game' && manifest.game
          ? {
              title: manifest.game.title,
              practiceMinutes: manifest.game.practiceMinutes,
              instructions: manifest.game.instructions,
              criteria: scoringSheetOf(manifest),
              maxPoints: manifest.game.maxPoints,
            }
          : null,
      relaxation:
        item.kind === 'relaxation' && manifest.relaxation
          ? {
              minutes: manifest.relaxation.minutes,
              intro: manifest.relaxation.intro,
              cue: manifest.relaxation.cue ?? null,
              audio: this.media.resolve(manifest.id, manifest.relaxation.media),
            }
          : null,
    };
  }

  /** The projector speaks the running pack's language, then the ended one's, else the chosen one's. */
  private audienceLanguage(): string {
    if (this.live) return this.live.pack.manifest.language;
    return this.endedThisRun ? this.endedLanguage : this.upcomingLanguage;
  }

  private audienceScreen(): AudienceScreenView {
    const live = this.live;
    if (!live)
      return this.endedThisRun ? { kind: 'ended' } : { kind: 'idle', upcoming: this.upcoming };
    const { state } = live;
    if (live.recovered) return { kind: 'black' };
    if (state.screen === 'black' || state.screen === 'white') return { kind: state.screen };
    if (state.board) {
      const board = this.boardScreen(live, state.board);
      if (board) return board;
    }
    if (state.question) {
      const question = showableQuestions(live.pack.manifest, state.current!).find(
        (q) => q.id === state.question!.id,
      );
      if (question) {
        return {
          kind: 'question',
          prompt: question.prompt,
          answers: state.question.answersShown ? question.answers : null,
          ...(state.question.withResponses
            ? { responses: this.records.flipchartEntries(recordsContext(live), question.id) }
            : {}),
        };
      }
    }
    const index = state.current!;
    if (live.agenda[index]!.kind === 'break') {
      const plannedMs = live.agenda[index]!.minutes * MINUTE;
      const item = state.items[index]!;
      const now = this.clock.now();
      const since = state.runningSince ?? now;
      return {
        kind: 'break',
        backAt: since + plannedMs - item.elapsedMs,
        paused: state.runningSince === null,
      };
    }
    const videoItem = live.pack.manifest.agenda[index]!.video;
    const media =
      videoItem && state.video ? this.playable(live.pack.manifest.id, videoItem.media) : null;
    // The video holds the item's first slide; the item's later slides show once moved on to.
    if (media && state.video && state.screen !== 'dim' && state.slideIndex === 0) {
      return {
        kind: 'video',
        src: media.src!,
        captionsSrc: media.captionsSrc,
        title: media.title,
        video: state.video,
        lengthMs: media.lengthMs,
      };
    }
    const position = this.currentPosition(live)!;
    const slide = this.slideAt(live, position);
    return {
      kind: 'slide',
      slide: { number: position.slideNumber, html: this.currentStepHtml(live, position) },
      title: slide.title,
      dim: state.screen === 'dim',
    };
  }

  /** Boards show the group's results, never who answered what. */
  private boardScreen(
    live: LiveSession,
    board: NonNullable<SessionState['board']>,
  ): AudienceScreenView | null {
    const { manifest } = live.pack;
    const context = recordsContext(live);
    switch (board.kind) {
      case 'flipchart': {
        const question = manifest.agenda
          .flatMap((item) => item.questions)
          .find((q) => q.id === board.questionId);
        return question
          ? {
              kind: 'flipchart',
              prompt: question.prompt,
              entries: this.records.flipchartEntries(context, question.id),
            }
          : null;
      }
      case 'quiz': {
        const index =
          manifest.quiz?.items.findIndex((quizItem) => quizItem.id === board.itemId) ?? -1;
        const quizItem = manifest.quiz?.items[index];
        if (!quizItem) return null;
        const counts = this.records.quizCounts(context)[quizItem.id] ?? {};
        return {
          kind: 'quiz-result',
          number: index + 1,
          prompt: quizItem.prompt,
          options: quizItem.options.map((option) => ({
            ...option,
            count: counts[option.key] ?? 0,
          })),
          correctKey: quizItem.answer,
          feedback: quizItem.feedback,
          answered: Object.values(counts).reduce((sum, count) => sum + count, 0),
        };
      }
      case 'game': {
        const teams = this.records.teams(context);
        const best = Math.max(0, ...teams.map((team) => team.total));
        return {
          kind: 'game-results',
          teams: teams.map((team) => ({
            number: team.number,
            scenarioTitle: team.scenarioTitle,
            total: team.total,
          })),
          maxPoints: manifest.game?.maxPoints ?? 0,
          winners:
            teams.length > 0
              ? teams.filter((team) => team.total === best).map((team) => team.number)
              : [],
        };
      }
      case 'practice':
        return {
          kind: 'practice',
          title:
            manifest.agenda[live.state.current!]?.kind === 'game'
              ? 'Practice time'
              : 'Breakout groups',
          endsAt: board.startedAt + board.durationMs,
        };
      case 'poll': {
        const item = manifest.agenda[live.state.current!]!;
        if (!item.poll) return null;
        const counts = this.records.pollCounts(context)[item.id] ?? {};
        return {
          kind: 'poll',
          prompt: item.poll.prompt,
          options: item.poll.options.map((option) => ({
            key: option.key,
            text: option.text,
            count: board.revealed ? (counts[option.key] ?? null) : null,
            answer: board.revealed && item.poll!.answer.includes(option.key),
          })),
          revealed: board.revealed,
        };
      }
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
