import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { LockStatus } from '../../../electron/services/access/recordsLock';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useAction } from '../notices/useAction';
import { PinGate } from './PinGate';
import { RecordsContent } from './RecordsContent';
import './records.css';

const api = consoleApi();
/** Charts for the whole program: loaded only when opened, so the console starts as fast as before. */
const ProgramView = lazy(() => import('./program/ProgramView'));

/** Past sessions, printing, exports and backups: behind the counselor PIN, locked when idle. */
export function RecordsView() {
  const t = useConsoleT('records');
  const [lock, setLock] = useState<LockStatus | null>(null);
  const [page, setPage] = useState<'records' | 'program'>('records');
  const { run } = useAction('records');
  const refreshLock = useCallback(
    () => void run(() => call(api, 'records:lockStatus', {}), { onDone: setLock, quiet: true }),
    [run],
  );
  const lockNow = useCallback(
    () => void run(() => call(api, 'records:lock', {}), { onDone: setLock }),
    [run],
  );
  useEffect(refreshLock, [refreshLock]);

  useEffect(() => {
    if (!lock?.unlocked) return;
    let timer = setTimeout(lockNow, lock.idleMinutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lockNow, lock.idleMinutes * 60_000);
    };
    window.addEventListener('pointerdown', reset);
    window.addEventListener('keydown', reset);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', reset);
      window.removeEventListener('keydown', reset);
    };
  }, [lock, lockNow]);

  if (!lock) return <p className="records">{t('view.loading')}</p>;
  if (!lock.unlocked) return <PinGate lock={lock} onChange={setLock} />;
  return (
    <div className="records">
      <header className="records__header">
        <h2>{t('view.heading')}</h2>
        <div className="details__buttons" role="group" aria-label={t('view.pages')}>
          <button
            type="button"
            aria-pressed={page === 'records'}
            onClick={() => setPage('records')}
          >
            {t('view.sessionsPage')}
          </button>
          <button
            type="button"
            aria-pressed={page === 'program'}
            onClick={() => setPage('program')}
          >
            {t('view.programPage')}
          </button>
        </div>
        <button type="button" onClick={lockNow}>
          {t('view.lock')}
        </button>
      </header>
      {page === 'program' ? (
        <Suspense fallback={<p>{t('view.loadingProgram')}</p>}>
          <ProgramView onLocked={refreshLock} />
        </Suspense>
      ) : (
        <RecordsContent onLocked={refreshLock} />
      )}
    </div>
  );
}
