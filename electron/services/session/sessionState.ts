/**
 * The live session as a fold of its events. This file is pure (no I/O, no clock): the service
 * decides which events a command produces, writes them to SQLite, then applies them here.
 */
export type AudienceScreen = 'content' | 'black' | 'white' | 'dim';

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
}

export interface SessionState {
  startedAt: number | null;
  endedAt: number | null;
  current: number | null;
  /** When the current item's clock last started; null while paused or not running. */
  runningSince: number | null;
  pausedAt: number | null;
  slideIndex: number;
  screen: AudienceScreen;
  question: ShownQuestion | null;
  items: ItemRecord[];
  /** Item indices in the order they were first run. */
  order: number[];
}

export type SessionEvent =
  | { type: 'started'; at: number }
  | { type: 'item-entered'; index: number; slideIndex: number; at: number }
  | { type: 'slide-shown'; slideIndex: number }
  | { type: 'paused'; at: number }
  | { type: 'resumed'; at: number }
  | { type: 'skipped'; index: number; reason: string }
  | { type: 'unskipped'; index: number }
  | { type: 'adapted'; index: number; reason: string | null }
  | { type: 'screen-set'; screen: AudienceScreen }
  | { type: 'question-shown'; id: string; answersShown: boolean }
  | { type: 'question-hidden' }
  | { type: 'ended'; at: number }
  /** The counselor resumed the session after the kiosk was restarted; changes nothing but the record. */
  | { type: 'restored'; at: number };

export function initialSessionState(itemCount: number): SessionState {
  return {
    startedAt: null,
    endedAt: null,
    current: null,
    runningSince: null,
    pausedAt: null,
    slideIndex: 0,
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
  };
}

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
        runningSince: event.at,
        pausedAt: null,
        question: null,
        screen: closed.screen === 'dim' ? 'content' : closed.screen,
        order: closed.order.includes(event.index) ? closed.order : [...closed.order, event.index],
        items: updateItem(closed, event.index, {
          status: 'running',
          firstStartedAt: item.firstStartedAt ?? event.at,
          skippedReason: null,
        }),
      };
    }
    case 'slide-shown':
      return { ...state, slideIndex: event.slideIndex };
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
      return { ...state, question: { id: event.id, answersShown: event.answersShown } };
    case 'question-hidden':
      return { ...state, question: null };
    case 'ended': {
      const stopped = state.pausedAt !== null ? { ...state, runningSince: null } : state;
      const closed = stopCurrent(stopped, event.at);
      return { ...closed, endedAt: event.at, pausedAt: null, question: null, screen: 'content' };
    }
    case 'restored':
      return state;
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
