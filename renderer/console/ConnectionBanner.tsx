import { useEffect, useState } from 'react';
import { onConnectionChange } from '../platform/kiosk';
import { useConsoleT } from '../shared/i18n/i18n';

/**
 * Says at once, in plain words, that main cannot be reached, and that nothing done meanwhile is
 * saved; it goes away by itself when contact is back (a restarted shell reloads the page).
 */
export function ConnectionBanner() {
  const t = useConsoleT();
  const [connected, setConnected] = useState(true);
  useEffect(() => onConnectionChange(setConnected), []);
  if (connected) return null;
  return (
    <div className="console__error connection-banner" role="alert" data-testid="connection-lost">
      <p>{t('connection.lostContact')}</p>
      <p>{t('connection.notSaved')}</p>
    </div>
  );
}
