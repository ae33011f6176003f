import { useEffect, useState } from 'react';
import type { DisplayStatusView } from '../../../electron/services/displays';
import { call, consoleApi } from '../../platform/kiosk';

const api = consoleApi();

/** Where the audience is, what to do when the projector comes and goes, and "identify screens". */
export function DisplayBar({ onError }: { onError: (message: string) => void }) {
  const [status, setStatus] = useState<DisplayStatusView | null>(null);
  useEffect(() => {
    const unsubscribe = api.on('displays:changed', setStatus);
    call(api, 'displays:status', {}).then(setStatus, (error: Error) => onError(error.message));
    return unsubscribe;
  }, [onError]);
  if (!status) return null;

  const label = (id: number | null) =>
    status.displays.find((display) => display.id === id)?.label ?? 'the display';
  const act = (request: Promise<unknown>) =>
    request.then(
      () => undefined,
      (error: Error) => onError(error.message),
    );
  const moveTo = (displayId: number) =>
    act(call(api, 'displays:moveAudience', { displayId }).then(setStatus));
  const consoleDisplay = status.displays.find((display) => display.isConsole);

  return (
    <div className="display-bar">
      {status.note && <p className="display-bar__note">{status.note}</p>}
      {status.mode === 'hidden' && status.lostDisplayId !== null && (
        <p className="display-bar__alert" role="alert">
          The projector was disconnected. The audience window is hidden; the session goes on.
        </p>
      )}
      {status.mode === 'hidden' && status.lostDisplayId === null && (
        <>
          <p className="display-bar__alert" role="alert">
            The audience window was closed; the room sees nothing. The session goes on.
          </p>
          {status.offerDisplayId === null && (
            <button
              type="button"
              className="primary"
              onClick={() => act(call(api, 'displays:audienceAsWindow', {}).then(setStatus))}
            >
              Show the audience window again
            </button>
          )}
        </>
      )}
      {status.offerDisplayId !== null && (
        <button type="button" className="primary" onClick={() => moveTo(status.offerDisplayId!)}>
          Put the audience full screen on {label(status.offerDisplayId)}
        </button>
      )}
      {status.mode === 'window' && status.offerDisplayId === null && consoleDisplay && (
        <>
          <span>
            {status.note
              ? 'The audience is a window: drag it to the projector, then'
              : 'One display: the audience is a window you can move.'}
          </span>
          <button type="button" onClick={() => moveTo(consoleDisplay.id)}>
            Make it full screen
          </button>
        </>
      )}
      {status.mode === 'fullscreen' && (
        <>
          <span>Audience full screen on {label(status.displayId)}.</span>
          <button
            type="button"
            onClick={() => act(call(api, 'displays:audienceAsWindow', {}).then(setStatus))}
          >
            Show as a window
          </button>
        </>
      )}
      <button type="button" onClick={() => act(call(api, 'displays:identify', {}))}>
        Identify screens
      </button>
    </div>
  );
}
