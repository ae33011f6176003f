import { useState, type FormEvent } from 'react';
import type { RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { formatClock } from '../../shared/time';

const HALF_HOUR = 30 * 60_000;

/** `2026-11-24`, the laptop's local date, as a date input holds it. */
function localDate(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * When the group usually starts: its most frequent start time (to the quarter hour), the latest
 * one on a tie; null for a group that has not met in the kiosk yet.
 */
export function usualStart(
  sessions: RecordsOverview['sessions'],
  cohortName: string,
): string | null {
  const tally = new Map<string, number>();
  // Sessions come newest first, so the first time to reach the top count is the latest.
  for (const session of sessions.filter((entry) => entry.cohortName === cohortName)) {
    const quarter = 15 * 60_000;
    const clock = formatClock(Math.round(session.startedAt / quarter) * quarter);
    tally.set(clock, (tally.get(clock) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [clock, count] of tally) if (best === null || count > tally.get(best)!) best = clock;
  return best;
}

/** `18:00` as this laptop writes times (`6:00 PM` in the US), matching the time input. */
function localTimeLabel(clock: string): string {
  const [hours, minutes] = clock.split(':').map(Number);
  return new Date(2000, 0, 1, hours, minutes).toLocaleTimeString([], {
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** The next full or half hour from now. */
function nextHalfHour(now: number): string {
  return formatClock(Math.ceil(now / HALF_HOUR) * HALF_HOUR);
}

/**
 * Counselors print the agenda before the group: ask when it starts (the group's usual time by
 * default, else the next half hour) and print the times from then.
 */
export function AgendaPrintForm({
  overview,
  onPrint,
}: {
  overview: RecordsOverview;
  onPrint: (startsAt: number) => void;
}) {
  const [cohortName, setCohortName] = useState(() => overview.sessions[0]?.cohortName ?? '');
  const [date, setDate] = useState(() => localDate(Date.now()));
  const [time, setTime] = useState(
    () => usualStart(overview.sessions, cohortName) ?? nextHalfHour(Date.now()),
  );
  const usual = cohortName ? usualStart(overview.sessions, cohortName) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [year, month, day] = date.split('-').map(Number);
    const [hours, minutes] = time.split(':').map(Number);
    onPrint(new Date(year!, month! - 1, day!, hours!, minutes!).getTime());
  };

  return (
    <form className="inline-form" aria-label="Print the agenda" onSubmit={submit}>
      {overview.cohorts.length > 0 && (
        <label>
          For group
          <select
            value={cohortName}
            onChange={(event) => {
              setCohortName(event.target.value);
              const start = usualStart(overview.sessions, event.target.value);
              if (start) setTime(start);
            }}
          >
            <option value="">any group</option>
            {overview.cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.name}>
                {cohort.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Date
        <input
          type="date"
          required
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
      <label>
        Starts at
        <input
          type="time"
          required
          value={time}
          onChange={(event) => setTime(event.target.value)}
        />
      </label>
      {usual && <span className="runner__muted">usually {localTimeLabel(usual)}</span>}
      <button type="submit">Print agenda</button>
    </form>
  );
}
