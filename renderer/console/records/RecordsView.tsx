import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent } from 'react';
import type { LockStatus } from '../../../electron/services/access/recordsLock';
import type { Download, RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { formatDateTime, formatFileSize } from '../../shared/i18n/format';
import { useConsoleT } from '../../shared/i18n/i18n';
import { PinInput } from '../../shared/PinInput';
import { defaultAgendaStart } from './agendaStart';
import { CohortStandings } from './CohortStandings';
import { ForgotPin } from './ForgotPin';
import { saveDownload } from './download';
import { isRecordsLocked } from './locked';
import { SessionList } from './SessionList';
import { PaperSelect, type PageSize } from './PaperSelect';
import './records.css';

const api = consoleApi();
/** A 24-hour time of day, as the agenda's start time is typed. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Charts for the whole program: loaded only when opened, so the console starts as fast as before. */
const ProgramView = lazy(() => import('./program/ProgramView'));
/** A session's report: the printable PDF and the figures as CSV. */
const BACKUP_REASON_KEY = {
  'session-end': 'backups.reason.sessionEnd',
  daily: 'backups.reason.daily',
  manual: 'backups.reason.manual',
  'before-restore': 'backups.reason.beforeRestore',
} as const;

/** Past sessions, printing, exports and backups: behind the counselor PIN, locked when idle. */
export function RecordsView() {
  const t = useConsoleT('records');
  const [lock, setLock] = useState<LockStatus | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [page, setPage] = useState<'records' | 'program'>('records');
  const refreshLock = useCallback(() => call(api, 'records:lockStatus', {}).then(setLock), []);
  useEffect(() => {
    void refreshLock();
  }, [refreshLock]);

  useEffect(() => {
    if (!lock?.unlocked) return;
    let timer = setTimeout(
      () => void call(api, 'records:lock', {}).then(setLock),
      lock.idleMinutes * 60_000,
    );
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => void call(api, 'records:lock', {}).then(setLock),
        lock.idleMinutes * 60_000,
      );
    };
    window.addEventListener('pointerdown', reset);
    window.addEventListener('keydown', reset);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', reset);
      window.removeEventListener('keydown', reset);
    };
  }, [lock]);

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
        <button type="button" onClick={() => call(api, 'records:lock', {}).then(setLock)}>
          {t('view.lock')}
        </button>
      </header>
      {message && (
        <p
          className={`import-status ${message.error ? 'import-status--error' : 'import-status--ok'}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {page === 'program' ? (
        <Suspense fallback={<p>{t('view.loadingProgram')}</p>}>
          <ProgramView onMessage={setMessage} onLocked={() => void refreshLock()} />
        </Suspense>
      ) : (
        <RecordsContent onMessage={setMessage} onLocked={() => void refreshLock()} />
      )}
    </div>
  );
}

function PinGate({ lock, onChange }: { lock: LockStatus; onChange: (status: LockStatus) => void }) {
  const t = useConsoleT('records');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!lock.pinSet && pin !== again) {
      setError(t('pin.differ'));
      return;
    }
    const request = lock.pinSet
      ? call(api, 'records:unlock', { pin })
      : call(api, 'records:setPin', { pin, currentPin: null });
    request.then(onChange, (failure: Error) => setError(failure.message));
    setPin('');
    setAgain('');
  };
  return (
    <div className="pin-page">
      <section className="pin-card">
        <form onSubmit={submit} aria-labelledby="pin-title">
          <h2 id="pin-title">{t(lock.pinSet ? 'pin.locked' : 'pin.setTitle')}</h2>
          <p>{t('pin.why', { count: lock.idleMinutes })}</p>
          <PinInput
            label={t(lock.pinSet ? 'pin.counselorPin' : 'pin.newPin')}
            value={pin}
            onChange={setPin}
            autoFocus
            error={error ? 'pin-error' : undefined}
          />
          {!lock.pinSet && <PinInput label={t('pin.again')} value={again} onChange={setAgain} />}
          {error && (
            <p className="pin-card__error" role="alert" id="pin-error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {t(lock.pinSet ? 'pin.unlock' : 'pin.set')}
          </button>
        </form>
        {lock.pinSet && <ForgotPin onReset={(status) => onChange(status)} />}
      </section>
    </div>
  );
}

function RecordsContent({
  onMessage,
  onLocked,
}: {
  onMessage: (message: { text: string; error: boolean } | null) => void;
  onLocked: () => void;
}) {
  const t = useConsoleT('records');
  const [overview, setOverview] = useState<RecordsOverview | null>(null);
  const [pageSize, setPageSize] = useState<PageSize>('Letter');
  const [packId, setPackId] = useState('');
  const [startTime, setStartTime] = useState('');
  const [cohortId, setCohortId] = useState<number | null>(null);

  const fail = useCallback(
    (error: Error) => {
      onMessage({ text: error.message, error: true });
      if (isRecordsLocked(error)) onLocked();
    },
    [onMessage, onLocked],
  );
  const load = useCallback(
    () =>
      call(api, 'records:overview', {}).then((loaded) => {
        setOverview(loaded);
        // Printed before the group: the start time is filled in, ready to change.
        setStartTime((typed) => typed || defaultAgendaStart(loaded, Date.now()));
      }, fail),
    [fail],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const fetchFile = (request: () => Promise<Download>) =>
    request().then((download) => {
      saveDownload(download);
      onMessage({ text: t('view.saved', { fileName: download.fileName }), error: false });
    }, fail);

  if (!overview) return <p>{t('view.loading')}</p>;
  const pack = overview.packs.find((entry) => entry.id === packId) ?? overview.packs[0];
  const cohort = overview.cohorts.find((entry) => entry.id === cohortId) ?? overview.cohorts[0];

  return (
    <>
      <section aria-labelledby="sessions-title">
        <h3 id="sessions-title">{t('sessions.heading')}</h3>
        <SessionList
          newest={overview.sessions}
          total={overview.sessionCount}
          pageSize={pageSize}
          onFile={fetchFile}
          onError={fail}
        />
      </section>

      <section aria-labelledby="print-title">
        <h3 id="print-title">{t('print.heading')}</h3>
        <div className="inline-form">
          <label>
            {t('print.pack')}
            <select value={pack?.id ?? ''} onChange={(event) => setPackId(event.target.value)}>
              {overview.packs.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
            </select>
          </label>
          <PaperSelect value={pageSize} onChange={setPageSize} />
          <label>
            {t('print.startsAt')}
            <input
              type="text"
              inputMode="numeric"
              placeholder={t('print.timeFormat')}
              maxLength={5}
              size={6}
              value={startTime}
              onChange={(event) => setStartTime(event.target.value.trim())}
              aria-invalid={startTime !== '' && !TIME_OF_DAY.test(startTime)}
              aria-describedby="start-time-hint"
            />
          </label>
        </div>
        <p id="start-time-hint" className="runner__muted">
          {t('print.startHint')}
        </p>
        {pack && (
          <div className="details__buttons">
            <button
              type="button"
              onClick={() =>
                startTime !== '' && !TIME_OF_DAY.test(startTime)
                  ? onMessage({
                      text: t('print.notATime', { typed: startTime }),
                      error: true,
                    })
                  : fetchFile(() =>
                      call(api, 'records:print', {
                        document: 'agenda',
                        packId: pack.id,
                        pageSize,
                        ...(startTime ? { startTime } : {}),
                      }),
                    )
              }
            >
              {t('print.agenda')}
            </button>
            {pack.hasQuiz && (
              <button
                type="button"
                onClick={() =>
                  fetchFile(() =>
                    call(api, 'records:print', { document: 'quiz', packId: pack.id, pageSize }),
                  )
                }
              >
                {t('print.quiz')}
              </button>
            )}
            {pack.hasGame && (
              <button
                type="button"
                onClick={() =>
                  fetchFile(() =>
                    call(api, 'records:print', {
                      document: 'scenarios',
                      packId: pack.id,
                      pageSize,
                    }),
                  )
                }
              >
                {t('print.scenarios')}
              </button>
            )}
            {pack.handouts.map((handout) => (
              <button
                key={handout.id}
                type="button"
                onClick={() =>
                  fetchFile(() =>
                    call(api, 'records:print', {
                      document: 'handout',
                      packId: pack.id,
                      handoutId: handout.id,
                      pageSize,
                    }),
                  )
                }
              >
                {handout.title}
              </button>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="groups-title">
        <h3 id="groups-title">{t('groups.heading')}</h3>
        <RuleEditor
          overview={overview}
          onSave={(rule) => call(api, 'records:setCertificateRule', rule).then(setOverview, fail)}
        />
        {cohort && (
          <>
            <div className="inline-form">
              <label>
                {t('groups.group')}
                <select
                  value={cohort.id}
                  onChange={(event) => setCohortId(Number(event.target.value))}
                >
                  {overview.cohorts.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.name}
                    </option>
                  ))}
                </select>
              </label>
              {pack && (
                <button
                  type="button"
                  onClick={() =>
                    fetchFile(() =>
                      call(api, 'records:print', {
                        document: 'certificates',
                        packId: pack.id,
                        cohortId: cohort.id,
                        pageSize,
                      }),
                    )
                  }
                >
                  {t('groups.printCertificates')}
                </button>
              )}
            </div>
            <CohortStandings cohortId={cohort.id} rule={overview.certificateRule} onError={fail} />
          </>
        )}
      </section>

      <section aria-labelledby="export-title">
        <h3 id="export-title">{t('export.heading')}</h3>
        <div className="details__buttons">
          <ExportAllButton onSave={() => fetchFile(() => call(api, 'records:exportAll', {}))} />
          <button
            type="button"
            onClick={() => fetchFile(() => call(api, 'records:exportRedcap', {}))}
          >
            {t('export.redcap')}
          </button>
        </div>
      </section>

      <section aria-labelledby="recovery-title">
        <h3 id="recovery-title">{t('recovery.heading')}</h3>
        <p
          className={
            overview.recoverySheetPrintedAt === null
              ? 'import-status import-status--error'
              : 'runner__muted'
          }
        >
          {overview.recoverySheetPrintedAt === null
            ? t('recovery.notPrinted')
            : t('recovery.printedAt', { when: formatDateTime(overview.recoverySheetPrintedAt) })}
        </p>
        <button
          type="button"
          onClick={() =>
            fetchFile(() => call(api, 'records:recoverySheet', { pageSize })).then(() => load())
          }
        >
          {t('recovery.print')}
        </button>
      </section>

      <section aria-labelledby="backups-title">
        <h3 id="backups-title">{t('backups.heading')}</h3>
        <p className="runner__muted">{t('backups.when')}</p>
        <button
          type="button"
          onClick={() => call(api, 'records:backup', {}).then(() => load(), fail)}
        >
          {t('backups.now')}
        </button>
        <ul className="records__backups">
          {overview.backups.map((backup) => (
            <li key={backup.name} data-backup={backup.name}>
              {t('backups.entry', {
                when: formatDateTime(backup.createdAt),
                reason: t(BACKUP_REASON_KEY[backup.reason]),
                size: formatFileSize(backup.size),
              })}{' '}
              <RestoreButton
                name={backup.name}
                onRestored={(text) => {
                  onMessage({ text, error: false });
                  void load();
                }}
                onError={fail}
              />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function RuleEditor({
  overview,
  onSave,
}: {
  overview: RecordsOverview;
  onSave: (rule: RecordsOverview['certificateRule']) => void;
}) {
  const t = useConsoleT('records');
  const [minSessions, setMinSessions] = useState(overview.certificateRule.minSessions);
  const [requireQuizzes, setRequireQuizzes] = useState(overview.certificateRule.requireQuizzes);
  return (
    <form
      className="inline-form"
      aria-label={t('groups.rule')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ minSessions, requireQuizzes });
      }}
    >
      <label>
        {t('groups.minSessions')}
        <input
          type="number"
          min={1}
          max={100}
          value={minSessions}
          onChange={(event) => setMinSessions(Number(event.target.value))}
        />
      </label>
      <label className="records__check">
        <input
          type="checkbox"
          checked={requireQuizzes}
          onChange={(event) => setRequireQuizzes(event.target.checked)}
        />
        {t('groups.requireQuizzes')}
      </label>
      <button type="submit">{t('groups.saveRule')}</button>
    </form>
  );
}

/** The all-records export holds every name: the counselor is told before the file is saved. */
function ExportAllButton({ onSave }: { onSave: () => void }) {
  const t = useConsoleT('records');
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        {t('export.all')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t('export.confirm')}>
      {t('export.warning')}{' '}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setConfirming(false);
          onSave();
        }}
      >
        {t('export.save')}
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        {t('export.cancel')}
      </button>
    </span>
  );
}

function RestoreButton({
  name,
  onRestored,
  onError,
}: {
  name: string;
  onRestored: (text: string) => void;
  onError: (error: Error) => void;
}) {
  const t = useConsoleT('records');
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        {t('backups.restore')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t('backups.confirm')}>
      {t('backups.question')}{' '}
      <button
        type="button"
        className="primary"
        onClick={() =>
          call(api, 'records:restore', { name }).then(
            (result) =>
              onRestored(
                t('backups.restored', {
                  from: result.restoredFrom,
                  safety: result.safetyBackup.name,
                }),
              ),
            onError,
          )
        }
      >
        {t('backups.restoreNow')}
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        {t('backups.cancel')}
      </button>
    </span>
  );
}
