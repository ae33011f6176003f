import { useEffect, useState } from 'react';
import { LOST_CONTACT } from '../../electron/web/connection';
import { onConnectionChange } from '../platform/kiosk';

/**
 * Says at once, in plain words, that main cannot be reached, and that nothing done meanwhile is
 * saved; it goes away by itself when contact is back (a restarted shell reloads the page).
 */
export function ConnectionBanner() {
  const [connected, setConnected] = useState(true);
  useEffect(() => onConnectionChange(setConnected), []);
  if (connected) return null;
  return (
    <div className="console__error connection-banner" role="alert" data-testid="connection-lost">
      <p>{LOST_CONTACT}</p>
      <p>What you do on this screen is not saved until contact is back.</p>
    </div>
  );
}
