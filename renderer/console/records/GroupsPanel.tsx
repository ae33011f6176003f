import { useState } from 'react';
import type { Download, RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { CohortStandings } from './CohortStandings';
import type { PageSize } from './PaperSelect';
import type { RecordsRun } from './useRecordsAction';

const api = consoleApi();

/** Groups and certificates: the rule, the group's members and standings, printing certificates. */
export function GroupsPanel({
  overview,
  pack,
  pageSize,
  run,
  fetchFile,
  onOverview,
}: {
  overview: RecordsOverview;
  pack: RecordsOverview['packs'][number] | undefined;
  pageSize: PageSize;
  run: RecordsRun;
  fetchFile: (request: () => Promise<Download>) => unknown;
  onOverview: (overview: RecordsOverview) => void;
}) {
  const t = useConsoleT('records');
  const [cohortId, setCohortId] = useState<number | null>(null);
  const cohort = overview.cohorts.find((entry) => entry.id === cohortId) ?? overview.cohorts[0];
  return (
    <section aria-labelledby="groups-title">
      <h3 id="groups-title">{t('groups.heading')}</h3>
      <RuleEditor
        overview={overview}
        onSave={(rule) =>
          void run(() => call(api, 'records:setCertificateRule', rule), { onDone: onOverview })
        }
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
          <CohortStandings cohortId={cohort.id} rule={overview.certificateRule} run={run} />
        </>
      )}
    </section>
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
