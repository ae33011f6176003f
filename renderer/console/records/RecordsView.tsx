import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent } from 'react';
import type { LockStatus } from '../../../electron/services/access/recordsLock';
import type { Download, RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { PinInput } from '../../shared/PinInput';
import { defaultAgendaStart } from './agendaStart';
import { CohortStandings } from './CohortStandings';
import { ForgotPin } from './ForgotPin';
import { saveDownload } from './download';
import { SessionList } from './SessionList';
import { PaperSelect, type PageSize } from './PaperSelect';
import './records.css';

const api = consoleApi();
/** A 24-hour time of day, as the agenda's start time is typed. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Charts for the whole program: loaded only when opened, so the console starts as fast as before. */
const ProgramView = lazy(() => import('./program/ProgramView'));

/** Past sessions, printing, exports and backups: behind the counselor PIN, locked when idle. */
export function RecordsView() {
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

  if (!lock) return <p className="records">Loading…</p>;
  if (!lock.unlocked) return <PinGate lock={lock} onChange={setLock} />;
  return (
    <div className="records">
      <header className="records__header">
        <h2>Records</h2>
        <div className="details__buttons" role="group" aria-label="Records pages">
          <button
            type="button"
            aria-pressed={page === 'records'}
            onClick={() => setPage('records')}
          >
            Sessions and exports
          </button>
          <button
            type="button"
            aria-pressed={page === 'program'}
            onClick={() => setPage('program')}
          >
            Program at a glance
          </button>
        </div>
        <button type="button" onClick={() => call(api, 'records:lock', {}).then(setLock)}>
          Lock records
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
        <Suspense fallback={<p>Loading the Program view…</p>}>
          <ProgramView onMessage={setMessage} onLocked={() => void refreshLock()} />
        </Suspense>
      ) : (
        <RecordsContent onMessage={setMessage} onLocked={() => void refreshLock()} />
      )}
    </div>
  );
}

function PinGate({ lock, onChange }: { lock: LockStatus; onChange: (status: LockStatus) => void }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!lock.pinSet && pin !== again) {
      setError('The two PINs differ. Type the same PIN in both fields.');
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
          <h2 id="pin-title">
            {lock.pinSet ? 'Records are locked' : 'Set a counselor PIN for the records'}
          </h2>
          <p>
            Records hold members&apos; names and answers. They lock after {lock.idleMinutes} minutes
            without use.
          </p>
          <PinInput
            label={lock.pinSet ? 'Counselor PIN' : 'New PIN (4 to 8 digits)'}
            value={pin}
            onChange={setPin}
            autoFocus
            error={error ? 'pin-error' : undefined}
          />
          {!lock.pinSet && (
            <PinInput label="The same PIN again" value={again} onChange={setAgain} />
          )}
          {error && (
            <p className="pin-card__error" role="alert" id="pin-error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {lock.pinSet ? 'Unlock' : 'Set PIN'}
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
  const [overview, setOverview] = useState<RecordsOverview | null>(null);
  const [pageSize, setPageSize] = useState<PageSize>('Letter');
  const [packId, setPackId] = useState('');
  const [startTime, setStartTime] = useState('');
  const [cohortId, setCohortId] = useState<number | null>(null);

  const fail = useCallback(
    (error: Error) => {
      onMessage({ text: error.message, error: true });
      if (/locked/.test(error.message)) onLocked();
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
      onMessage({ text: `Saved ${download.fileName}.`, error: false });
    }, fail);

  if (!overview) return <p>Loading records…</p>;
  const pack = overview.packs.find((entry) => entry.id === packId) ?? overview.packs[0];
  const cohort = overview.cohorts.find((entry) => entry.id === cohortId) ?? overview.cohorts[0];

  return (
    <>
      <section aria-labelledby="sessions-title">
        <h3 id="sessions-title">Sessions</h3>
        <SessionList
          newest={overview.sessions}
          total={overview.sessionCount}
          pageSize={pageSize}
          onFile={fetchFile}
          onError={fail}
        />
      </section>

      <section aria-labelledby="print-title">
        <h3 id="print-title">Print</h3>
        <div className="inline-form">
          <label>
            Pack
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
            Group starts at
            <input
              type="text"
              inputMode="numeric"
              placeholder="HH:MM"
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
          The agenda prints the program&apos;s times; with a start time (24-hour, e.g. 18:30), or
          while a session of the pack runs, it adds today&apos;s clock times beside them. The start
          time is filled in with the last group&apos;s usual start, else the next half hour.
        </p>
        {pack && (
          <div className="details__buttons">
            <button
              type="button"
              onClick={() =>
                startTime !== '' && !TIME_OF_DAY.test(startTime)
                  ? onMessage({
                      text: `Group starts at: “${startTime}” is not a time; write it as HH:MM, e.g. 18:30.`,
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
              Group agenda
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
                Quiz sheet
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
                Scenario cards
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
        <h3 id="groups-title">Groups and certificates</h3>
        <RuleEditor
          overview={overview}
          onSave={(rule) => call(api, 'records:setCertificateRule', rule).then(setOverview, fail)}
        />
        {cohort && (
          <>
            <div className="inline-form">
              <label>
                Group
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
                  Print certificates
                </button>
              )}
            </div>
            <CohortStandings cohortId={cohort.id} rule={overview.certificateRule} onError={fail} />
          </>
        )}
      </section>

      <section aria-labelledby="export-title">
        <h3 id="export-title">Export</h3>
        <div className="details__buttons">
          <ExportAllButton onSave={() => fetchFile(() => call(api, 'records:exportAll', {}))} />
          <button
            type="button"
            onClick={() => fetchFile(() => call(api, 'records:exportRedcap', {}))}
          >
            REDCap import (de-identified)
          </button>
        </div>
      </section>

      <section aria-labelledby="recovery-title">
        <h3 id="recovery-title">Recovery key</h3>
        <p
          className={
            overview.recoverySheetPrintedAt === null
              ? 'import-status import-status--error'
              : 'runner__muted'
          }
        >
          {overview.recoverySheetPrintedAt === null
            ? 'The records and backups on this laptop are encrypted. Print the recovery key sheet now and keep it in the clinic’s locked cabinet: without it, they cannot be opened on another laptop.'
            : `The records and backups are encrypted. The recovery key sheet was last printed ${new Date(overview.recoverySheetPrintedAt).toLocaleString()}.`}
        </p>
        <button
          type="button"
          onClick={() =>
            fetchFile(() => call(api, 'records:recoverySheet', { pageSize })).then(() => load())
          }
        >
          Print the recovery key sheet
        </button>
      </section>

      <section aria-labelledby="backups-title">
        <h3 id="backups-title">Backups</h3>
        <p className="runner__muted">
          Made at the end of every session and once a day; the last ten are kept.
        </p>
        <button
          type="button"
          onClick={() => call(api, 'records:backup', {}).then(() => load(), fail)}
        >
          Back up now
        </button>
        <ul className="records__backups">
          {overview.backups.map((backup) => (
            <li key={backup.name} data-backup={backup.name}>
              {new Date(backup.createdAt).toLocaleString()} · {backup.reason} ·{' '}
              {(backup.size / 1024).toFixed(0)} KB{' '}
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
  const [minSessions, setMinSessions] = useState(overview.certificateRule.minSessions);
  const [requireQuizzes, setRequireQuizzes] = useState(overview.certificateRule.requireQuizzes);
  return (
    <form
      className="inline-form"
      aria-label="Good standing rule"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ minSessions, requireQuizzes });
      }}
    >
      <label>
        Sessions attended at least
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
        and took the quizzes
      </label>
      <button type="submit">Save rule</button>
    </form>
  );
}

/** The all-records export holds every name: the counselor is told before the file is saved. */
function ExportAllButton({ onSave }: { onSave: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        All records (CSV)
      </button>
    );
  }
  return (
    <span role="group" aria-label="Confirm export">
      This file holds every member’s name and is not protected by the kiosk: anyone who opens it can
      read it. Save it only to an encrypted drive, and delete it when done.{' '}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setConfirming(false);
          onSave();
        }}
      >
        Save unprotected file
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
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
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        Restore…
      </button>
    );
  }
  return (
    <span role="group" aria-label="Confirm restore">
      Replace all records with this backup? A safety backup is made first.{' '}
      <button
        type="button"
        className="primary"
        onClick={() =>
          call(api, 'records:restore', { name }).then(
            (result) =>
              onRestored(
                `Restored ${result.restoredFrom}; the previous records are in ${result.safetyBackup.name}.`,
              ),
            onError,
          )
        }
      >
        Restore
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
