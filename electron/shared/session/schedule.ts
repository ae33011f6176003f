/**
 * The timetable of a session, computed from timestamps alone so it never drifts and windows can
 * recompute it every second without a message from main. Pure; shared by main and the renderer.
 */
import { itemElapsedMs, type ItemStatus, type SessionState } from './sessionState';

export const MINUTE = 60_000;

export type TimeWarning = 'none' | 'ending-soon' | 'overrun';

export interface ScheduledItem {
  plannedStart: number;
  plannedEnd: number;
  /** When the item is expected to start and end given what has happened so far; null if it will not run. */
  projectedStart: number | null;
  projectedEnd: number | null;
  elapsedMs: number;
  status: ItemStatus;
  /** Pending but before the current item: jumped over, still to be run or skipped. */
  passedOver: boolean;
  /**
   * Run already, but after the current item in the agenda (the counselor went back): when it ran.
   * It gets no clock time in the agenda, which would read out of order among the times to come.
   */
  ranAt: number | null;
}

export interface Schedule {
  startedAt: number;
  plannedEnd: number;
  projectedEnd: number;
  /** Positive when running late, negative when ahead. */
  lateMs: number;
  /** Minutes still owed to items jumped over (counted in `projectedEnd`). */
  passedOverMs: number;
  /** Until the planned end of the session (negative after it). */
  sessionLeftMs: number;
  items: ScheduledItem[];
  current: { index: number; elapsedMs: number; leftMs: number; warning: TimeWarning } | null;
}

/** When an item nears its end: the last minute, or the last fifth of a short item. */
export function warningFor(plannedMs: number, elapsedMs: number): TimeWarning {
  if (elapsedMs > plannedMs) return 'overrun';
  if (plannedMs - elapsedMs <= Math.min(MINUTE, plannedMs / 5)) return 'ending-soon';
  return 'none';
}

export function computeSchedule(
  agenda: readonly { minutes: number }[],
  state: SessionState,
  now: number,
): Schedule {
  const startedAt = state.startedAt ?? now;
  const clockNow = state.endedAt ?? now;
  let plannedCursor = startedAt;
  const items: ScheduledItem[] = agenda.map((item, index) => {
    const plannedStart = plannedCursor;
    plannedCursor += item.minutes * MINUTE;
    const record = state.items[index]!;
    return {
      plannedStart,
      plannedEnd: plannedCursor,
      projectedStart: null,
      projectedEnd: null,
      elapsedMs: itemElapsedMs(state, index, clockNow),
      status: record.status,
      passedOver: false,
      ranAt: null,
    };
  });
  const plannedEnd = plannedCursor;

  let cursor = clockNow;
  let current: Schedule['current'] = null;
  if (state.current !== null && state.endedAt === null) {
    const index = state.current;
    const plannedMs = agenda[index]!.minutes * MINUTE;
    const elapsedMs = items[index]!.elapsedMs;
    const leftMs = plannedMs - elapsedMs;
    const scheduled = items[index]!;
    // A revisited item is shown at the start of this visit, so the times read in order.
    scheduled.projectedStart = state.visits.at(-1)?.at ?? state.items[index]!.firstStartedAt;
    scheduled.projectedEnd = clockNow + Math.max(0, leftMs);
    cursor = scheduled.projectedEnd;
    current = { index, elapsedMs, leftMs, warning: warningFor(plannedMs, elapsedMs) };
  }
  let passedOverMs = 0;
  if (state.endedAt === null) {
    // Items still to come run in agenda order after the current one. Pending items the counselor
    // jumped over still count toward the end (they are not skipped), but get no clock time:
    // where they will fit is unknown. Skipped items count as zero.
    for (let index = 0; index < agenda.length; index += 1) {
      const scheduled = items[index]!;
      if (scheduled.status !== 'pending') continue;
      const leftMs = Math.max(0, agenda[index]!.minutes * MINUTE - scheduled.elapsedMs);
      if (state.current !== null && index < state.current) {
        scheduled.passedOver = true;
        passedOverMs += leftMs;
        continue;
      }
      scheduled.projectedStart = cursor;
      cursor += leftMs;
      scheduled.projectedEnd = cursor;
    }
  }
  items.forEach((scheduled, index) => {
    if (scheduled.status !== 'done') return;
    const live = state.endedAt === null && state.current !== null;
    if (live && index > state.current!) {
      scheduled.ranAt = state.items[index]!.firstStartedAt;
      return;
    }
    scheduled.projectedStart = state.items[index]!.firstStartedAt;
    scheduled.projectedEnd = state.items[index]!.lastEndedAt;
  });
  const projectedEnd = state.endedAt ?? cursor + passedOverMs;
  return {
    startedAt,
    plannedEnd,
    projectedEnd,
    lateMs: projectedEnd - plannedEnd,
    passedOverMs,
    sessionLeftMs: plannedEnd - clockNow,
    items,
    current,
  };
}
