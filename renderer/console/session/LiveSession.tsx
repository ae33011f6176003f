import { createContext, useContext, type ReactNode } from 'react';
import type { SessionCommand } from '../../../electron/shared/session/commands';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import type { RecordWrite } from '../group/recordWrite';

/** The session being run, and the two ways to change it, for every view of the runner. */
export interface LiveSession {
  session: ConsoleSessionView;
  /** Main's clock when the view was made, and this window's clock when it arrived. */
  serverNow: number;
  receivedAt: number;
  command: (command: SessionCommand) => void;
  write: RecordWrite;
}

const LiveSessionContext = createContext<LiveSession | null>(null);

export function LiveSessionProvider({
  value,
  children,
}: {
  value: LiveSession;
  children: ReactNode;
}) {
  return <LiveSessionContext.Provider value={value}>{children}</LiveSessionContext.Provider>;
}

/** The live session; only views inside the runner (under LiveSessionProvider) may ask for it. */
export function useLiveSession(): LiveSession {
  const live = useContext(LiveSessionContext);
  if (!live) throw new Error('useLiveSession is for views inside a live session');
  return live;
}
