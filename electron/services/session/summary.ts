import type { SessionState } from '../../shared/session/sessionState';
import { itemElapsedMs } from '../../shared/session/sessionState';

/**
 * What really happened to an item: run for its content (`delivered`, or `adapted` with a reason),
 * only passed through on the way elsewhere (`passed-through`), `skipped` with a reason, or never
 * reached.
 */
export type DeliveryStatus = 'delivered' | 'adapted' | 'passed-through' | 'skipped' | 'not-reached';

export interface SummaryItem {
  id: string;
  title: string;
  kind: string;
  plannedMinutes: number;
  actualMinutes: number;
  status: DeliveryStatus;
  skippedReason: string | null;
  adaptedReason: string | null;
  /** 1-based position in the order items were first run, or null if never run. */
  runOrder: number | null;
  /** How many times the item was entered (more than one: revisited); absent in older fidelity records. */
  visits?: number;
}

/** One stretch on one item, in the order the session went (a revisit is a second stretch). */
export interface SummaryStretch {
  id: string;
  title: string;
  startedAt: number;
  endedAt: number;
  minutes: number;
  /** This stretch went back to an item already run earlier. */
  revisit: boolean;
}

/** The session's fidelity record: what was delivered, for how long, in what order, and what was changed. */
export interface SessionSummary {
  startedAt: number;
  endedAt: number;
  plannedMinutes: number;
  actualMinutes: number;
  items: SummaryItem[];
  order: string[];
  /** Absent in fidelity records saved before stretches were kept. */
  stretches?: SummaryStretch[];
}

/** An item on screen for less than this was passed through (an accidental key), not delivered. */
export const PASSED_THROUGH_MS = 60_000;

const toMinutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** Whether an item's content counts as covered: delivered as planned or adapted. */
export function wasRun(status: DeliveryStatus): boolean {
  return status === 'delivered' || status === 'adapted';
}

function statusOf(
  record: SessionState['items'][number],
  ran: boolean,
  elapsedMs: number,
): DeliveryStatus {
  if (record.status === 'skipped') return 'skipped';
  if (!ran) return 'not-reached';
  if (elapsedMs < PASSED_THROUGH_MS) return 'passed-through';
  return record.adaptedReason ? 'adapted' : 'delivered';
}

export function summarizeSession(
  agenda: readonly { id: string; title: string; kind: string; minutes: number }[],
  state: SessionState,
): SessionSummary {
  const startedAt = state.startedAt ?? 0;
  const endedAt = state.endedAt ?? startedAt;
  const seen = new Set<number>();
  const stretches = state.visits.map((visit, position) => {
    const until = state.visits[position + 1]?.at ?? endedAt;
    const revisit = seen.has(visit.index);
    seen.add(visit.index);
    return {
      id: agenda[visit.index]!.id,
      title: agenda[visit.index]!.title,
      startedAt: visit.at,
      endedAt: until,
      minutes: toMinutes(until - visit.at),
      revisit,
    };
  });
  return {
    startedAt,
    endedAt,
    plannedMinutes: agenda.reduce((sum, item) => sum + item.minutes, 0),
    actualMinutes: toMinutes(endedAt - startedAt),
    items: agenda.map((item, index) => {
      const record = state.items[index]!;
      const runOrder = state.order.indexOf(index);
      const elapsedMs = itemElapsedMs(state, index, endedAt);
      return {
        id: item.id,
        title: item.title,
        kind: item.kind,
        plannedMinutes: item.minutes,
        actualMinutes: toMinutes(elapsedMs),
        status: statusOf(record, runOrder >= 0, elapsedMs),
        skippedReason: record.skippedReason,
        adaptedReason: record.adaptedReason,
        runOrder: runOrder >= 0 ? runOrder + 1 : null,
        visits: state.visits.filter((visit) => visit.index === index).length,
      };
    }),
    order: state.order.map((index) => agenda[index]!.id),
    stretches,
  };
}
