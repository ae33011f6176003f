import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { KioskCallError } from '../../platform/kiosk';
import { useNotices, type Notice } from './NoticesProvider';

/** Why an action failed: the error result's code and its message, worded for the counselor. */
export interface ActionFailure {
  code: string;
  message: string;
}

/** A failure that is not an error result (a bug, a browser refusal) keeps its message under this code. */
export const UNEXPECTED = 'unexpected';

const isError = (notice: Notice) => notice.tone === 'error';

export function actionFailure(reason: unknown): ActionFailure {
  if (reason instanceof KioskCallError) return { code: reason.code, message: reason.message };
  return { code: UNEXPECTED, message: reason instanceof Error ? reason.message : String(reason) };
}

export interface ActionOptions<T> {
  /** Runs with the value when the call succeeds. */
  onDone?: (value: T) => void;
  /** A result worth saying in the notice area (a file saved, a backup restored). */
  doneText?: (value: T) => string | undefined;
  /**
   * A read (a view loaded, a list refreshed): its success says nothing and takes nothing back,
   * so the failure of the action before it stays in sight.
   */
  quiet?: boolean;
  /** Words the failure for this action ("Not saved: …"); the code is kept. */
  describe?: (failure: ActionFailure) => string;
  /**
   * Sees a failure first; returning true means it was handled here (a PIN prompt, say) and is
   * not put in the notice area.
   */
  onFailure?: (failure: ActionFailure) => boolean | void;
}

export interface Action {
  /** Runs a call; never rejects: a failure goes to the notice area (resolves undefined). */
  run: <T>(call: () => Promise<T>, options?: ActionOptions<T>) => Promise<T | undefined>;
  /** Says something in this action's notice slot without a call (a typed time that is no time). */
  fail: (failure: ActionFailure) => void;
  busy: boolean;
  failure: ActionFailure | null;
}

/**
 * The console's one way to run a call from a view: tracks busy and the last failure, and reports
 * failures (and results worth saying) to the console's notice area. Actions sharing a `source`
 * share one notice, the latest replacing the one before; a success clears the failure. The
 * notice goes when the view that said it leaves the screen.
 */
export function useAction(source?: string): Action {
  const { report, clear } = useNotices();
  const ownId = useId();
  const slot = source ?? ownId;
  const [pending, setPending] = useState(0);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clear(slot, (notice) => notice.owner === ownId);
    };
  }, [clear, slot, ownId]);

  const fail = useCallback(
    (next: ActionFailure) => {
      if (mounted.current) setFailure(next);
      report({ source: slot, tone: 'error', text: next.message, code: next.code, owner: ownId });
    },
    [report, slot, ownId],
  );

  const run = useCallback(
    async <T>(request: () => Promise<T>, options: ActionOptions<T> = {}) => {
      setPending((count) => count + 1);
      try {
        const value = await request();
        if (mounted.current) setFailure(null);
        const text = options.doneText?.(value);
        // A success takes back the failure before it; a result said earlier stays until replaced.
        if (text !== undefined) report({ source: slot, tone: 'done', text, owner: ownId });
        else if (!options.quiet) clear(slot, isError);
        options.onDone?.(value);
        return value;
      } catch (reason) {
        const failed = actionFailure(reason);
        const next = options.describe ? { ...failed, message: options.describe(failed) } : failed;
        if (options.onFailure?.(next) === true) {
          clear(slot, isError);
          return undefined;
        }
        fail(next);
        return undefined;
      } finally {
        if (mounted.current) setPending((count) => count - 1);
      }
    },
    [clear, fail, report, slot, ownId],
  );

  return { run, fail, busy: pending > 0, failure };
}
