import type {
  ConsoleSessionView,
  ConsoleView,
  EndedSessionView,
} from '../../../electron/services/session/views';

/** What the Run tab shows, as an explicit state machine driven by main's view. */
export type ConsoleMode =
  | { mode: 'loading' }
  | { mode: 'setup'; lastEnded: EndedSessionView | null }
  | { mode: 'recovered'; session: ConsoleSessionView }
  | { mode: 'live'; session: ConsoleSessionView };

export function consoleModeOf(view: ConsoleView | null): ConsoleMode {
  if (!view) return { mode: 'loading' };
  if (!view.session) return { mode: 'setup', lastEnded: view.lastEnded };
  if (view.session.recovered) return { mode: 'recovered', session: view.session };
  return { mode: 'live', session: view.session };
}
