import { useCallback, useEffect, useState } from 'react';
import type { RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { defaultAgendaStart } from './agendaStart';
import { BackupsPanel } from './BackupsPanel';
import { ExportPanel } from './ExportPanel';
import { GroupsPanel } from './GroupsPanel';
import type { PageSize } from './PaperSelect';
import { PrintPanel } from './PrintPanel';
import { RecoveryPanel } from './RecoveryPanel';
import { SessionList } from './SessionList';
import { useRecordsAction } from './useRecordsAction';

const api = consoleApi();

/** The records page behind the PIN: sessions, printing, groups, exports, recovery, backups. */
export function RecordsContent({ onLocked }: { onLocked: () => void }) {
  const t = useConsoleT('records');
  const { run, fetchFile, fail } = useRecordsAction(onLocked);
  const [overview, setOverview] = useState<RecordsOverview | null>(null);
  const [pageSize, setPageSize] = useState<PageSize>('Letter');
  const [packId, setPackId] = useState('');
  const [startTime, setStartTime] = useState('');

  const load = useCallback(
    () =>
      void run(() => call(api, 'records:overview', {}), {
        quiet: true,
        onDone: (loaded) => {
          setOverview(loaded);
          // Printed before the group: the start time is filled in, ready to change.
          setStartTime((typed) => typed || defaultAgendaStart(loaded, Date.now()));
        },
      }),
    [run],
  );
  useEffect(load, [load]);

  if (!overview) return <p>{t('view.loading')}</p>;
  const pack = overview.packs.find((entry) => entry.id === packId) ?? overview.packs[0];

  return (
    <>
      <section aria-labelledby="sessions-title">
        <h3 id="sessions-title">{t('sessions.heading')}</h3>
        <SessionList
          newest={overview.sessions}
          total={overview.sessionCount}
          pageSize={pageSize}
          onFile={fetchFile}
          run={run}
        />
      </section>
      <PrintPanel
        overview={overview}
        pack={pack}
        onPack={setPackId}
        pageSize={pageSize}
        onPageSize={setPageSize}
        startTime={startTime}
        onStartTime={setStartTime}
        fetchFile={fetchFile}
        fail={fail}
      />
      <GroupsPanel
        overview={overview}
        pack={pack}
        pageSize={pageSize}
        run={run}
        fetchFile={fetchFile}
        onOverview={setOverview}
      />
      <ExportPanel fetchFile={fetchFile} />
      <RecoveryPanel
        overview={overview}
        pageSize={pageSize}
        fetchFile={fetchFile}
        onPrinted={load}
      />
      <BackupsPanel overview={overview} run={run} onChanged={load} />
    </>
  );
}
