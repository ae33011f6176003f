/**
 * The live session as a fold of its events. This file is pure (no I/O, no clock): the service
 * decides which events a command produces, writes them to SQLite, then applies them here.
 */
import type { AudienceScreen, NewSessionEvent, StoredBoard } from './sessionEventSchema';

export type { AudienceScreen };

export type ItemStatus = 'pending' | 'running' | 'done' | 'skipped';

export interface ItemRecord {
  status: ItemStatus;
  /** Time spent on the item in earlier stretches (the current stretch is counted from `runningSince`). */
  elapsedMs: number;
  firstStartedAt: number | null;
  lastEndedAt: number | null;
  skippedReason: string | null;
  adaptedReason: string | null;
}

export interface ShownQuestion {
  id: string;
  answersShown: boolean;
  /** The revealed answers sit beside the group's flipchart responses instead of replacing them. */
  withResponses: boolean;
}

/** A cued video: where it is, and (while playing) since when and up to which cue it plays. */
export interface VideoState {
  mediaId: string;
  positionMs: number;
  playingSince: number | null;
  /** Playback stops here by itself: the next cue point, or the end of the video. */
  stopAtMs: number;
}

export interface RelaxationState {
  startedAt: number;
  durationMs: number;
  stoppedAt: number | null;
}

/** A board the counselor put on the projector over the slide (its shapes: sessionEventSchema.ts). */
export type Board = StoredBoard;

export interface SessionState {
  startedAt: number | null;
  endedAt: number | null;
  current: number | null;
  /** When the current item's clock last started; null while paused or not running. */
  runningSince: number | null;
  pausedAt: number | null;
  slideIndex: number;
  /** How far the current slide's builds have gone: 0 is the first step. */
  buildStep: number;
  screen: AudienceScreen;
  question: ShownQuestion | null;
  items: ItemRecord[];
  /** Item indices in the order they were first run. */
  order: number[];
  /** Every entry into an item, in the order it happened (revisits included), for the fidelity record. */
  visits: { index: number; at: number }[];
  video: VideoState | null;
  relaxation: RelaxationState | null;
  board: Board | null;
  /**
   * A shown question or board too long for one screen at the readable floor continues on further
   * screens: how many (as the console's preview measured it) and which one the room sees.
   */
  cardPages: number;
  cardPage: number;
}

/** What changes the session, as the state machine makes it; its stored, versioned form is db/'s. */
export type SessionEvent = NewSessionEvent;

export function initialSessionState(itemCount: number): SessionState {
  return {
    startedAt: null,
    endedAt: null,
    current: null,
    runningSince: null,
    pausedAt: null,
    slideIndex: 0,
    buildStep: 0,
    screen: 'content',
    question: null,
    items: Array.from({ length: itemCount }, () => ({
      status: 'pending' as const,
      elapsedMs: 0,
      firstStartedAt: null,
      lastEndedAt: null,
      skippedReason: null,
      adaptedReason: null,
    })),
    order: [],
    visits: [],
    video: null,
    relaxation: null,
    board: null,
    cardPages: 1,
    cardPage: 0,
  };
}

/** What a new card starts with: one screen, the first. */
const FIRST_CARD = { cardPages: 1, cardPage: 0 } as const;

function updateItem(state: SessionState, index: number, change: Partial<ItemRecord>): ItemRecord[] {
  return state.items.map((item, i) => (i === index ? { ...item, ...change } : item));
}

/** Closes the current item's running stretch at `at`. */
function stopCurrent(state: SessionState, at: number): SessionState {
  if (state.current === null) return state;
  const item = state.items[state.current]!;
  const stretch = state.runningSince === null ? 0 : Math.max(0, at - state.runningSince);
  return {
    ...state,
    runningSince: null,
    items: updateItem(state, state.current, {
      status: 'done',
      elapsedMs: item.elapsedMs + stretch,
      lastEndedAt: at,
    }),
  };
}

export function applySessionEvent(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'started':
      return { ...state, startedAt: event.at };
    case 'item-entered': {
      const closed = stopCurrent(state, event.at);
      const item = closed.items[event.index]!;
      return {
        ...closed,
        current: event.index,
        slideIndex: event.slideIndex,
        buildStep: 0,
        runningSince: event.at,
        pausedAt: null,
        question: null,
        video: null,
        relaxation: null,
        board: null,
        ...FIRST_CARD,
        screen: closed.screen === 'dim' ? 'content' : closed.screen,
        order: closed.order.includes(event.index) ? closed.order : [...closed.order, event.index],
        visits: [...closed.visits, { index: event.index, at: event.at }],
        items: updateItem(closed, event.index, {
          status: 'running',
          firstStartedAt: item.firstStartedAt ?? event.at,
          skippedReason: null,
        }),
      };
    }
    case 'slide-shown':
      return { ...state, slideIndex: event.slideIndex, buildStep: 0, ...FIRST_CARD };
    case 'build-shown':
      return { ...state, buildStep: event.step };
    case 'paused': {
      if (state.current === null || state.runningSince === null) return state;
      const item = state.items[state.current]!;
      return {
        ...state,
        pausedAt: event.at,
        runningSince: null,
        items: updateItem(state, state.current, {
          elapsedMs: item.elapsedMs + Math.max(0, event.at - state.runningSince),
        }),
      };
    }
    case 'resumed':
      return { ...state, pausedAt: null, runningSince: event.at };
    case 'skipped':
      return {
        ...state,
        items: updateItem(state, event.index, { status: 'skipped', skippedReason: event.reason }),
      };
    case 'unskipped':
      return {
        ...state,
        items: updateItem(state, event.index, { status: 'pending', skippedReason: null }),
      };
    case 'adapted':
      return { ...state, items: updateItem(state, event.index, { adaptedReason: event.reason }) };
    case 'screen-set':
      return { ...state, screen: event.screen };
    case 'question-shown':
      return {
        ...state,
        question: {
          id: event.id,
          answersShown: event.answersShown,
          withResponses: event.withResponses ?? false,
        },
        board: null,
        ...FIRST_CARD,
      };
    case 'question-hidden':
      return { ...state, question: null, ...FIRST_CARD };
    case 'ended': {
      const stopped = state.pausedAt !== null ? { ...state, runningSince: null } : state;
      const closed = stopCurrent(stopped, event.at);
      return {
        ...closed,
        endedAt: event.at,
        pausedAt: null,
        question: null,
        screen: 'content',
        video: null,
        relaxation: null,
      };
    }
    case 'restored':
      return state;
    case 'video-cued':
      return {
        ...state,
        video: {
          mediaId: event.mediaId,
          positionMs: 0,
          playingSince: null,
          stopAtMs: event.stopAtMs,
        },
      };
    case 'video-played':
      return state.video
        ? {
            ...state,
            video: {
              ...state.video,
              positionMs: event.fromMs,
              playingSince: event.at,
              stopAtMs: event.stopAtMs,
            },
          }
        : state;
    case 'video-paused':
      return state.video
        ? { ...state, video: { ...state.video, positionMs: event.positionMs, playingSince: null } }
        : state;
    case 'relaxation-started':
      return {
        ...state,
        relaxation: { startedAt: event.at, durationMs: event.durationMs, stoppedAt: null },
      };
    case 'board-shown':
      return { ...state, board: event.board, question: null, ...FIRST_CARD };
    case 'board-hidden':
      return { ...state, board: null, ...FIRST_CARD };
    case 'card-measured':
      return {
        ...state,
        cardPages: event.pages,
        cardPage: Math.min(state.cardPage, event.pages - 1),
      };
    case 'card-paged':
      return { ...state, cardPage: event.page };
    case 'relaxation-stopped':
      return state.relaxation
        ? { ...state, relaxation: { ...state.relaxation, stoppedAt: event.at } }
        : state;
  }
}

/** Milliseconds the item has run, including the stretch still running at `now`. */
export function itemElapsedMs(state: SessionState, index: number, now: number): number {
  const item = state.items[index]!;
  const running =
    index === state.current && state.runningSince !== null
      ? Math.max(0, now - state.runningSince)
      : 0;
  return item.elapsedMs + running;
}

/** Where the video is at `now`: it plays from its position and stops by itself at `stopAtMs`. */
export function videoPositionMs(video: VideoState, now: number): number {
  if (video.playingSince === null) return video.positionMs;
  return Math.min(video.positionMs + Math.max(0, now - video.playingSince), video.stopAtMs);
}

/** Whether the room is in relaxation mode at `now`; it ends by itself when its minutes are up. */
export function relaxationActive(relaxation: RelaxationState | null, now: number): boolean {
  return (
    relaxation !== null &&
    relaxation.stoppedAt === null &&
    now < relaxation.startedAt + relaxation.durationMs
  );
}
