import type { Download, RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { formatDateTime } from '../../shared/i18n/format';
import { useConsoleT } from '../../shared/i18n/i18n';
import type { PageSize } from './PaperSelect';

const api = consoleApi();

/** The recovery-key sheet: when it was last printed, and printing it (again). */
export function RecoveryPanel({
  overview,
  pageSize,
  fetchFile,
  onPrinted,
}: {
  overview: RecordsOverview;
  pageSize: PageSize;
  fetchFile: (request: () => Promise<Download>) => Promise<unknown>;
  onPrinted: () => void;
}) {
  const t = useConsoleT('records');
  return (
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
          void fetchFile(() => call(api, 'records:recoverySheet', { pageSize })).then(onPrinted)
        }
      >
        {t('recovery.print')}
      </button>
    </section>
  );
}
