import { useState } from 'react';
import type { RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { formatDateTime, formatFileSize } from '../../shared/i18n/format';
import { useConsoleT } from '../../shared/i18n/i18n';
import type { RecordsRun } from './useRecordsAction';

const api = consoleApi();
const BACKUP_REASON_KEY = {
  'session-end': 'backups.reason.sessionEnd',
  daily: 'backups.reason.daily',
  manual: 'backups.reason.manual',
  'before-restore': 'backups.reason.beforeRestore',
} as const;

/** The backups kept in the data folder: one now, and restoring one (a safety backup first). */
export function BackupsPanel({
  overview,
  run,
  onChanged,
}: {
  overview: RecordsOverview;
  run: RecordsRun;
  /** A backup was made or restored: the overview is read again. */
  onChanged: () => void;
}) {
  const t = useConsoleT('records');
  return (
    <section aria-labelledby="backups-title">
      <h3 id="backups-title">{t('backups.heading')}</h3>
      <p className="runner__muted">{t('backups.when')}</p>
      <button
        type="button"
        onClick={() => void run(() => call(api, 'records:backup', {}), { onDone: onChanged })}
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
            <RestoreButton name={backup.name} run={run} onRestored={onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RestoreButton({
  name,
  run,
  onRestored,
}: {
  name: string;
  run: RecordsRun;
  onRestored: () => void;
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
          void run(() => call(api, 'records:restore', { name }), {
            doneText: (result) =>
              t('backups.restored', {
                from: result.restoredFrom,
                safety: result.safetyBackup.name,
              }),
            onDone: onRestored,
          })
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
