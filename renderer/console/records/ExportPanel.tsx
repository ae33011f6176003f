import { useState } from 'react';
import type { Download } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';

const api = consoleApi();

/** Every record as one file, and the REDCap export. */
export function ExportPanel({
  fetchFile,
}: {
  fetchFile: (request: () => Promise<Download>) => unknown;
}) {
  const t = useConsoleT('records');
  return (
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
