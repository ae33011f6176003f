import type { ReactNode } from 'react';
import { useNotices } from './NoticesProvider';
import './notices.css';

/**
 * The console's one place for what actions say: a live region that is always on the page (so
 * screen readers hear what is put in it), under the tab bar and outside the scrolling views, so a
 * failure is seen wherever the counselor had scrolled. Failures are alerts, results are statuses.
 */
export function NoticeArea({ children }: { children?: ReactNode }) {
  const { notices } = useNotices();
  return (
    <div className="console-notices" aria-live="polite" data-testid="notice-area">
      {children}
      {notices.map((notice) => (
        <p
          key={notice.source}
          className={`console-notice console-notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-code={notice.code}
        >
          {notice.text}
        </p>
      ))}
    </div>
  );
}
