import { useEffect, useState } from 'react';
import { call, consoleApi } from '../platform/kiosk';

const api = consoleApi();

/** What main needs the counselor to know at start, such as damaged records having been recovered. */
export function NoticeBanner() {
  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => {
    call(api, 'app:notices', {}).then(setNotices, () => setNotices([]));
  }, []);
  if (notices.length === 0) return null;
  return (
    <div className="console__error notice-banner" role="alert">
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <button type="button" onClick={() => setNotices([])}>
        Understood
      </button>
    </div>
  );
}
