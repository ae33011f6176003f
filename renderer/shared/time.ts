import { useEffect, useState } from 'react';
import { formatClockTime, type Language } from '../../electron/shared/i18n';

/** `14:05`, in the laptop's local time (Intl, the same in every language the kiosk speaks). */
export const formatClock = (epochMs: number, language?: Language): string =>
  formatClockTime(epochMs, language);

/** `12:04` for minutes and seconds, `1:02:03` past an hour; a leading minus when negative. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${sign}${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** This window's clock, ticking every second. */
export function useTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Main's clock as seen from this window, ticking every second: the view's `serverNow` plus the time
 * since it arrived, so a window whose clock differs (or is faked in tests) still agrees with main.
 */
export function useServerNow(serverNow: number, receivedAt: number): number {
  const tick = useTick();
  return serverNow + Math.max(0, Math.max(tick, receivedAt) - receivedAt);
}
