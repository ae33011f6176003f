import { describe, expect, it } from 'vitest';
import { computeSchedule, MINUTE, warningFor } from '../../../electron/shared/session/schedule';
import {
  decide,
  startEvents,
  type AgendaShape,
} from '../../../electron/services/session/sessionMachine';
import { type SessionCommand } from '../../../electron/shared/session/commands';
import {
  applySessionEvent,
  initialSessionState,
  type SessionState,
} from '../../../electron/shared/session/sessionState';

const agenda: AgendaShape[] = [5, 10, 15, 10].map((minutes, index) => ({
  id: `item-${index}`,
  kind: 'didactic',
  minutes,
  slideCount: 1,
  questionIds: [],
}));
const T0 = Date.UTC(2026, 10, 22, 18, 7);

function run(commands: [SessionCommand, number][]): SessionState {
  let state = startEvents(agenda, T0).reduce(applySessionEvent, initialSessionState(agenda.length));
  for (const [command, at] of commands)
    state = decide(state, agenda, command, at).reduce(applySessionEvent, state);
  return state;
}

describe('computeSchedule', () => {
  it('sets planned times from the real start time', () => {
    const schedule = computeSchedule(agenda, run([]), T0 + MINUTE);
    expect(schedule.items.map((item) => (item.plannedStart - T0) / MINUTE)).toEqual([0, 5, 15, 30]);
    expect(schedule.plannedEnd).toBe(T0 + 40 * MINUTE);
    expect(schedule.sessionLeftMs).toBe(39 * MINUTE);
    expect(schedule.current).toEqual({
      index: 0,
      elapsedMs: MINUTE,
      leftMs: 4 * MINUTE,
      warning: 'none',
    });
    expect(schedule.lateMs).toBe(0);
  });

  it('previews the timetable from now before the session starts', () => {
    const schedule = computeSchedule(agenda, initialSessionState(agenda.length), T0);
    expect(schedule.plannedEnd).toBe(T0 + 40 * MINUTE);
    expect(schedule.current).toBeNull();
  });

  it('re-projects the rest when an item overruns, and says how late the group is', () => {
    const now = T0 + 8 * MINUTE;
    const schedule = computeSchedule(agenda, run([]), now);
    expect(schedule.current).toMatchObject({ leftMs: -3 * MINUTE, warning: 'overrun' });
    expect(schedule.items[1]!.projectedStart).toBe(now);
    expect(schedule.projectedEnd).toBe(now + 35 * MINUTE);
    expect(schedule.lateMs).toBe(3 * MINUTE);
  });

  it('gains the time of a skipped item back', () => {
    const state = run([
      [{ type: 'skip', index: 2, reason: 'No time' }, T0],
      [{ type: 'next' }, T0 + 8 * MINUTE],
    ]);
    const schedule = computeSchedule(agenda, state, T0 + 8 * MINUTE);
    expect(schedule.items[2]!.projectedStart).toBeNull();
    expect(schedule.projectedEnd).toBe(T0 + 8 * MINUTE + 20 * MINUTE);
    expect(schedule.lateMs).toBe(-12 * MINUTE);
  });

  it('uses actual times for finished items and the end time once ended', () => {
    const state = run([
      [{ type: 'next' }, T0 + 6 * MINUTE],
      [{ type: 'end' }, T0 + 20 * MINUTE],
    ]);
    const schedule = computeSchedule(agenda, state, T0 + 99 * MINUTE);
    expect(schedule.items[0]).toMatchObject({
      projectedStart: T0,
      projectedEnd: T0 + 6 * MINUTE,
      elapsedMs: 6 * MINUTE,
    });
    expect(schedule.items[1]).toMatchObject({ elapsedMs: 14 * MINUTE, status: 'done' });
    expect(schedule.projectedEnd).toBe(T0 + 20 * MINUTE);
    expect(schedule.current).toBeNull();
  });

  it('does not drift: the same timestamps give the same answer however often it is asked', () => {
    const state = run([[{ type: 'next' }, T0 + 4 * MINUTE + 999]]);
    const first = computeSchedule(agenda, state, T0 + 2 * 3_600_000);
    for (let i = 0; i < 1000; i += 1) computeSchedule(agenda, state, T0 + i * 7_200);
    expect(computeSchedule(agenda, state, T0 + 2 * 3_600_000)).toEqual(first);
  });
});

describe('warningFor', () => {
  it('warns in the last minute, or the last fifth of a short item, and on overrun', () => {
    expect(warningFor(10 * MINUTE, 8 * MINUTE)).toBe('none');
    expect(warningFor(10 * MINUTE, 9 * MINUTE)).toBe('ending-soon');
    expect(warningFor(2 * MINUTE, 100_000)).toBe('ending-soon');
    expect(warningFor(2 * MINUTE, 90_000)).toBe('none');
    expect(warningFor(2 * MINUTE, 60_000)).toBe('none');
    expect(warningFor(10 * MINUTE, 10 * MINUTE + 1)).toBe('overrun');
  });
});
