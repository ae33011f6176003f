import { useCallback, useEffect, useRef, useState } from 'react';
import type { PackDraft } from '../../../electron/content/pack/draft';
import { call, consoleApi } from '../../platform/kiosk';
import type { EditorRequest } from './editorRequest';

const api = consoleApi();

/** The draft is written this long after the last change: typing is not a write per keystroke. */
export const KEEP_AFTER_MS = 1000;

/** Which kept draft an editing reads and writes: the pack's own once it has been saved. */
export function keptDraftKey(request: EditorRequest, savedId: string | null): string {
  if (savedId !== null) return `edit:${savedId}`;
  return request.mode === 'new' ? 'new' : `${request.mode}:${request.id}`;
}

export type KeptState = { savedAt: number } | { problem: string } | null;

/**
 * Keeps the unsaved draft in main a second after the last change (and at once when the page is
 * being left), so a crash or a restart loses at most that second. Writes go one after another, so
 * a removal is never overtaken by an earlier write still on its way.
 */
export function useKeptDraft({
  key,
  baseId,
  draftId,
  draft,
  dirty,
}: {
  key: string;
  baseId: string | null;
  draftId: string | null;
  draft: PackDraft | null;
  dirty: boolean;
}) {
  const [kept, setKept] = useState<KeptState>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef<(() => void) | null>(null);

  const write = useCallback((keyed: string, args: Omit<KeepArgs, 'key'>) => {
    queue.current = queue.current
      .then(() => call(api, 'packs:editorDraftKeep', { key: keyed, ...args }))
      .then(
        (result) => setKept(result),
        (error: Error) => setKept({ problem: error.message }),
      );
    return queue.current;
  }, []);

  useEffect(() => {
    if (!dirty || !draft) return;
    const flush = () => {
      // Forgotten (saved, discarded) or overtaken by the page being left: not again.
      if (pending.current !== flush) return;
      pending.current = null;
      void write(key, { baseId, draftId, draft: draft as Record<string, unknown> });
    };
    pending.current = flush;
    const timer = setTimeout(flush, KEEP_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (pending.current === flush) pending.current = null;
    };
  }, [key, baseId, draftId, draft, dirty, write]);

  // Leaving the page (reload, close) does not wait for the second to pass.
  useEffect(() => {
    const flushNow = () => pending.current?.();
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
    };
  }, []);

  /** Saved or discarded: nothing is left to offer back. */
  const forget = useCallback(
    (keyed: string) => {
      pending.current = null;
      return write(keyed, { baseId: null, draftId: null, draft: null });
    },
    [write],
  );

  return { kept, forget };
}

interface KeepArgs {
  key: string;
  baseId: string | null;
  draftId: string | null;
  draft: Record<string, unknown> | null;
}
