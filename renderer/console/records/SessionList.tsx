import { useState } from 'react';
import type { EndedSessionRow } from '../../../electron/db/queries/sessions';
import type { Download } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { formatClock } from '../../shared/time';
import type { PageSize } from './PaperSelect';

const api = consoleApi();

/**
 * The ended sessions with their reports: the newest page comes with the overview, earlier pages
 * on request, so ten years of sessions never reach the console at once.
 */
export function SessionList({
  newest,
  total,
  pageSize,
  onFile,
  onError,
}: {
  newest: readonly EndedSessionRow[];
  total: number;
  pageSize: PageSize;
  onFile: (request: () => Promise<Download>) => void;
  onError: (error: Error) => void;
}) {
  // Earlier pages belong to the overview they were read after: a refreshed one starts again.
  const [earlier, setEarlier] = useState({ after: newest, rows: [] as EndedSessionRow[] });
  const [loading, setLoading] = useState(false);
  const sessions = [...newest, ...(earlier.after === newest ? earlier.rows : [])];

  const showEarlier = () => {
    const oldest = sessions.at(-1);
    if (!oldest) return;
    setLoading(true);
    call(api, 'records:sessions', { beforeId: oldest.id })
      .then(
        (page) => setEarlier({ after: newest, rows: [...sessions.slice(newest.length), ...page] }),
        onError,
      )
      .finally(() => setLoading(false));
  };
  const report = (sessionId: number, format: 'pdf' | 'csv') =>
    onFile(() => call(api, 'records:sessionReport', { sessionId, format, pageSize }));

  if (sessions.length === 0) return <p className="runner__muted">No session has ended yet.</p>;
  return (
    <>
      <table className="summary__table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Group</th>
            <th scope="col">Pack</th>
            <th scope="col">Minutes</th>
            <th scope="col">Report</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} data-session-id={session.id}>
              <td>
                {new Date(session.startedAt).toLocaleDateString()} {formatClock(session.startedAt)}
              </td>
              <td>{session.cohortName}</td>
              <td>{session.packTitle}</td>
              <td>
                {session.actualMinutes} of {session.plannedMinutes}
              </td>
              <td>
                <button type="button" onClick={() => report(session.id, 'pdf')}>
                  PDF
                </button>{' '}
                <button type="button" onClick={() => report(session.id, 'csv')}>
                  CSV
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.length < total && (
        <p>
          <button type="button" onClick={showEarlier} disabled={loading}>
            Show earlier sessions ({total - sessions.length} more)
          </button>
        </p>
      )}
    </>
  );
}
