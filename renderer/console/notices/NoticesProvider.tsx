import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** What one action said: a failure (main's message, already in the console's language) or a result. */
export interface Notice {
  /** The view (or hook) that said it: it has at most one notice, the latest replaces it. */
  source: string;
  tone: 'error' | 'done';
  text: string;
  /** The error result's code ('locked', 'invalid', …), kept so callers can branch on it. */
  code?: string;
  /** The hook that said it: its notice goes when that hook's view leaves the screen. */
  owner: string;
}

interface NoticesApi {
  notices: readonly Notice[];
  report: (notice: Notice) => void;
  /** Takes back a source's notice when `which` says so (all of them when it is left out). */
  clear: (source: string, which?: (notice: Notice) => boolean) => void;
}

const NoticesContext = createContext<NoticesApi | null>(null);

/** Holds the console's action notices, shown by the one NoticeArea at the console's top. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const report = useCallback(
    (notice: Notice) =>
      setNotices((current) => [...current.filter((held) => held.source !== notice.source), notice]),
    [],
  );
  const clear = useCallback(
    (source: string, which: (notice: Notice) => boolean = () => true) =>
      setNotices((current) =>
        current.some((held) => held.source === source && which(held))
          ? current.filter((held) => !(held.source === source && which(held)))
          : current,
      ),
    [],
  );
  const value = useMemo(() => ({ notices, report, clear }), [notices, report, clear]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesApi {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices needs a NoticesProvider above it');
  return notices;
}
