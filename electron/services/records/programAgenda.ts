import type { AgendaItemManifest } from '../../content/pack/schema';
import type { AgendaPdfInput } from '../print';

const DAY_MINUTES = 24 * 60;

function clockToMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** "1:05": hours and minutes from the start, as the program prints them. */
function offsetLabel(minutes: number): string {
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** "18:05": a time of day, wrapping past midnight. */
export function timeOfDayLabel(minutesOfDay: number): string {
  const whole = ((Math.round(minutesOfDay) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** Minutes after midnight of a time of day written as HH:MM. */
export function parseTimeOfDay(value: string): number {
  return clockToMinutes(value);
}

/**
 * The program's agenda as printed: each item at its printed clock time (or, for a pack that prints
 * none, at the sum of the durations before it), the line printed under it, and the end. With a
 * start (minutes after midnight) each line also gets today's time: the start plus the printed time,
 * as the manual says to "adjust times based on beginning time".
 */
export function programAgenda(
  agenda: readonly AgendaItemManifest[],
  startMinutesOfDay: number | null,
): Pick<AgendaPdfInput, 'items' | 'end'> {
  const today = (offset: number) =>
    startMinutesOfDay === null ? null : timeOfDayLabel(startMinutesOfDay + offset);
  let offset = 0;
  const items = agenda.map((item) => {
    offset = item.clock === undefined ? offset : clockToMinutes(item.clock);
    const row = {
      clock: item.clock ?? offsetLabel(offset),
      today: today(offset),
      title: item.title,
      minutes: item.minutes,
      detail: item.summary ?? null,
    };
    offset += item.minutes;
    return row;
  });
  return { items, end: { clock: offsetLabel(offset), today: today(offset) } };
}
