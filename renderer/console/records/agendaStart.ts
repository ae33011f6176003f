import type { RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { formatClock } from '../../shared/time';

const QUARTER_HOUR = 15 * 60_000;
const HALF_HOUR = 30 * 60_000;

/**
 * When a group usually starts: its most frequent start time (to the quarter hour), the latest one
 * on a tie; null for a group that has not met in the kiosk yet.
 */
export function usualStart(
  sessions: RecordsOverview['sessions'],
  cohortName: string,
): string | null {
  const tally = new Map<string, number>();
  // Sessions come newest first, so the first time to reach the top count is the latest.
  for (const session of sessions.filter((entry) => entry.cohortName === cohortName)) {
    const clock = formatClock(Math.round(session.startedAt / QUARTER_HOUR) * QUARTER_HOUR);
    tally.set(clock, (tally.get(clock) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [clock, count] of tally) if (best === null || count > tally.get(best)!) best = clock;
  return best;
}

/**
 * What the agenda's start time is filled in with (counselors print it before the group): the usual
 * start of the group that met last, else the next full or half hour from now.
 */
export function defaultAgendaStart(overview: RecordsOverview, now: number): string {
  const latest = overview.sessions[0]?.cohortName;
  return (
    (latest ? usualStart(overview.sessions, latest) : null) ??
    formatClock(Math.ceil(now / HALF_HOUR) * HALF_HOUR)
  );
}
