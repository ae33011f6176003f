import { useEffect, useState } from 'react';
import type { StartupNotice } from '../../electron/db/recovery';
import { call, consoleApi } from '../platform/kiosk';
import { useConsoleT } from '../shared/i18n/i18n';

const api = consoleApi();

/**
 * What main needs the counselor to know, such as damaged records having been recovered. Shown at
 * every start until someone acknowledges it, so a restart does not hide it.
 */
export function NoticeBanner() {
  const t = useConsoleT();
  const [notices, setNotices] = useState<StartupNotice[]>([]);
  useEffect(() => {
    call(api, 'app:notices', {}).then(setNotices, () => setNotices([]));
  }, []);
  if (notices.length === 0) return null;
  const acknowledge = (id: string) =>
    call(api, 'app:acknowledgeNotice', { id }).then(setNotices, () =>
      setNotices((current) => current.filter((notice) => notice.id !== id)),
    );
  return (
    <div className="console__error notice-banner" role="alert">
      {notices.map((notice) => (
        <p key={notice.id}>
          {notice.message}{' '}
          <button type="button" onClick={() => void acknowledge(notice.id)}>
            {t('notices.understood')}
          </button>
        </p>
      ))}
    </div>
  );
}
