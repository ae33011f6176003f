import { useEffect, useState } from 'react';
import type { DisplayStatusView } from '../../../electron/services/displays';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';

const api = consoleApi();

/** Where the audience is, what to do when the projector comes and goes, and "identify screens". */
export function DisplayBar({ onError }: { onError: (message: string) => void }) {
  const t = useConsoleT();
  const [status, setStatus] = useState<DisplayStatusView | null>(null);
  useEffect(() => {
    const unsubscribe = api.on('displays:changed', setStatus);
    call(api, 'displays:status', {}).then(setStatus, (error: Error) => onError(error.message));
    return unsubscribe;
  }, [onError]);
  if (!status) return null;

  const label = (id: number | null) =>
    status.displays.find((display) => display.id === id)?.label ?? t('displays.theDisplay');
  /** Runs a request for a button; a refusal is shown, never left unhandled. */
  const act = (request: Promise<unknown>): void => {
    request.then(
      () => undefined,
      (error: Error) => onError(error.message),
    );
  };
  const moveTo = (displayId: number) =>
    act(call(api, 'displays:moveAudience', { displayId }).then(setStatus));
  const consoleDisplay = status.displays.find((display) => display.isConsole);

  return (
    <div className="display-bar">
      {status.note && <p className="display-bar__note">{status.note}</p>}
      {status.mode === 'hidden' && status.lostDisplayId !== null && (
        <p className="display-bar__alert" role="alert">
          {t('displays.disconnected')}
        </p>
      )}
      {status.mode === 'hidden' && status.lostDisplayId === null && (
        <>
          <p className="display-bar__alert" role="alert">
            {t('displays.closed')}
          </p>
          {status.offerDisplayId === null && (
            <button
              type="button"
              className="primary"
              onClick={() => act(call(api, 'displays:audienceAsWindow', {}).then(setStatus))}
            >
              {t('displays.showAgain')}
            </button>
          )}
        </>
      )}
      {status.offerDisplayId !== null && (
        <button type="button" className="primary" onClick={() => moveTo(status.offerDisplayId!)}>
          {t('displays.putFullScreen', { display: label(status.offerDisplayId) })}
        </button>
      )}
      {status.mode === 'window' && status.offerDisplayId === null && consoleDisplay && (
        <>
          <span>{status.note ? t('displays.dragThen') : t('displays.oneDisplay')}</span>
          <button type="button" onClick={() => moveTo(consoleDisplay.id)}>
            {t('displays.makeFullScreen')}
          </button>
        </>
      )}
      {status.mode === 'fullscreen' && (
        <>
          <span>{t('displays.fullScreenOn', { display: label(status.displayId) })}</span>
          <button
            type="button"
            onClick={() => act(call(api, 'displays:audienceAsWindow', {}).then(setStatus))}
          >
            {t('displays.showAsWindow')}
          </button>
        </>
      )}
      <button type="button" onClick={() => act(call(api, 'displays:identify', {}))}>
        {t('displays.identify')}
      </button>
    </div>
  );
}
