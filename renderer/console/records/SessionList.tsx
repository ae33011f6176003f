import { Fragment, useState } from 'react';
import type { EndedSessionRow } from '../../../electron/db/queries/sessions';
import type { Download } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { formatShortDate } from '../../shared/i18n/format';
import { useConsoleT } from '../../shared/i18n/i18n';
import { formatClock } from '../../shared/time';
import type { PageSize } from './PaperSelect';
import type { RecordsRun } from './useRecordsAction';

const api = consoleApi();
const REPORT_FORMATS = ['pdf', 'csv'] as const;

/**
 * The ended sessions with their reports: the newest page comes with the overview, earlier pages
 * on request, so ten years of sessions never reach the console at once.
 */
export function SessionList({
  newest,
  total,
  pageSize,
  onFile,
  run,
}: {
  newest: readonly EndedSessionRow[];
  total: number;
  pageSize: PageSize;
  onFile: (request: () => Promise<Download>) => unknown;
  run: RecordsRun;
}) {
  const t = useConsoleT('records');
  // Earlier pages belong to the overview they were read after: a refreshed one starts again.
  const [earlier, setEarlier] = useState({ after: newest, rows: [] as EndedSessionRow[] });
  const [loading, setLoading] = useState(false);
  const sessions = [...newest, ...(earlier.after === newest ? earlier.rows : [])];

  const showEarlier = () => {
    const oldest = sessions.at(-1);
    if (!oldest) return;
    setLoading(true);
    void run(() => call(api, 'records:sessions', { beforeId: oldest.id }), {
      quiet: true,
      onDone: (page) =>
        setEarlier({ after: newest, rows: [...sessions.slice(newest.length), ...page] }),
    }).finally(() => setLoading(false));
  };
  const report = (sessionId: number, format: (typeof REPORT_FORMATS)[number]) =>
    onFile(() => call(api, 'records:sessionReport', { sessionId, format, pageSize }));

  if (sessions.length === 0) return <p className="runner__muted">{t('sessions.none')}</p>;
  return (
    <>
      <table className="summary__table">
        <thead>
          <tr>
            <th scope="col">{t('sessions.date')}</th>
            <th scope="col">{t('sessions.group')}</th>
            <th scope="col">{t('sessions.pack')}</th>
            <th scope="col">{t('sessions.minutes')}</th>
            <th scope="col">{t('sessions.report')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} data-session-id={session.id}>
              <td>
                {t('sessions.when', {
                  date: formatShortDate(session.startedAt),
                  time: formatClock(session.startedAt),
                })}
              </td>
              <td>{session.cohortName}</td>
              <td>{session.packTitle}</td>
              <td>
                {t('sessions.length', {
                  actual: session.actualMinutes,
                  planned: session.plannedMinutes,
                })}
              </td>
              <td>
                {REPORT_FORMATS.map((format, index) => (
                  <Fragment key={format}>
                    {index > 0 && ' '}
                    <button type="button" onClick={() => report(session.id, format)}>
                      {t(`sessions.${format}`)}
                    </button>
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.length < total && (
        <p>
          <button type="button" onClick={showEarlier} disabled={loading}>
            {t('sessions.showEarlier', { count: total - sessions.length })}
          </button>
        </p>
      )}
    </>
  );
}
