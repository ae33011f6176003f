import { useCallback } from 'react';
import type { Download } from '../../../electron/services/records/recordsDesk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useAction, type ActionOptions } from '../notices/useAction';
import { saveDownload } from './download';
import { isRecordsLocked } from './locked';

export type RecordsRun = <T>(
  request: () => Promise<T>,
  options?: ActionOptions<T>,
) => Promise<T | undefined>;

/**
 * The records views' actions: one notice for all of Records (the latest says what happened), and
 * a refusal because the records locked meanwhile shows the PIN again.
 */
export function useRecordsAction(onLocked: () => void): {
  run: RecordsRun;
  fetchFile: (request: () => Promise<Download>) => Promise<Download | undefined>;
  fail: (text: string) => void;
} {
  const t = useConsoleT('records');
  const { run: runAction, fail: report } = useAction('records');
  const run = useCallback<RecordsRun>(
    (request, options = {}) =>
      runAction(request, {
        ...options,
        onFailure: (failure) => {
          if (isRecordsLocked(failure)) onLocked();
          return options.onFailure?.(failure);
        },
      }),
    [runAction, onLocked],
  );
  const fetchFile = useCallback(
    (request: () => Promise<Download>) =>
      run(request, {
        onDone: saveDownload,
        doneText: (download) => t('view.saved', { fileName: download.fileName }),
      }),
    [run, t],
  );
  const fail = useCallback((text: string) => report({ code: 'invalid', message: text }), [report]);
  return { run, fetchFile, fail };
}
