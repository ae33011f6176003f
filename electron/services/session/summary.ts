import type { SessionState } from './sessionState';
import { itemElapsedMs } from './sessionState';

export interface SummaryItem {
  id: string;
  title: string;
  kind: string;
  plannedMinutes: number;
  actualMinutes: number;
  status: 'delivered' | 'skipped' | 'not-reached';
  skippedReason: string | null;
  adaptedReason: string | null;
  /** 1-based position in the order items were run, or null if never run. */
  runOrder: number | null;
}

/** The session's fidelity record: what was delivered, for how long, in what order, and what was changed. */
export interface SessionSummary {
  startedAt: number;
  endedAt: number;
  plannedMinutes: number;
  actualMinutes: number;
  items: SummaryItem[];
  order: string[];
}

const toMinutes = (ms: number) => Math.round(ms / 6_000) / 10;

export function summarizeSession(
  agenda: readonly { id: string; title: string; kind: string; minutes: number }[],
  state: SessionState,
): SessionSummary {
  const startedAt = state.startedAt ?? 0;
  const endedAt = state.endedAt ?? startedAt;
  return {
    startedAt,
    endedAt,
    plannedMinutes: agenda.reduce((sum, item) => sum + item.minutes, 0),
    actualMinutes: toMinutes(endedAt - startedAt),
    items: agenda.map((item, index) => {
      const record = state.items[index]!;
      const runOrder = state.order.indexOf(index);
      return {
        id: item.id,
        title: item.title,
        kind: item.kind,
        plannedMinutes: item.minutes,
        actualMinutes: toMinutes(itemElapsedMs(state, index, endedAt)),
        status:
          record.status === 'skipped' ? 'skipped' : runOrder >= 0 ? 'delivered' : 'not-reached',
        skippedReason: record.skippedReason,
        adaptedReason: record.adaptedReason,
        runOrder: runOrder >= 0 ? runOrder + 1 : null,
      };
    }),
    order: state.order.map((index) => agenda[index]!.id),
  };
}
