import { useEffect } from 'react';
import type { AudienceView } from '../../electron/services/session/views';
import { audienceApi, call } from '../platform/kiosk';
import { FALLBACK_LANGUAGE } from '../../electron/shared/i18n';
import { useDocumentLanguage } from '../shared/i18n/i18n';
import { IdentifyOverlay } from '../shared/IdentifyOverlay';
import { ProjectorStage } from '../shared/projector/ProjectorScreen';
import { useServerNow } from '../shared/time';
import { useView } from '../shared/useView';

const api = audienceApi();

/** Keeps the projector from sleeping while a session is on (Screen Wake Lock; Electron also blocks sleep). */
function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = () => {
      navigator.wakeLock.request('screen').then(
        (sentinel) => {
          if (cancelled) void sentinel.release();
          else lock = sentinel;
        },
        () => undefined,
      );
    };
    acquire();
    const onVisible = () => document.visibilityState === 'visible' && acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onVisible);
      void lock?.release();
    };
  }, [active]);
}

/** The projector: only what the room should see, pushed from main. It never issues commands. */
export function AudienceApp() {
  const { view, receivedAt } = useView<AudienceView>(
    () => call(api, 'session:audienceView', {}),
    (listener) => api.on('session:audience', listener),
  );
  const screen = view?.screen ?? { kind: 'idle', upcoming: null };
  const now = useServerNow(view?.serverNow ?? 0, receivedAt);
  const relaxing = view !== null && view.relaxationEndsAt !== null && now < view.relaxationEndsAt;
  useWakeLock(screen.kind !== 'idle' && screen.kind !== 'ended');
  useDocumentLanguage(view?.language);
  return (
    <main
      className={`audience audience--${screen.kind}`}
      data-screen={screen.kind}
      data-relaxation={relaxing ? 'on' : 'off'}
      data-slide-number={screen.kind === 'slide' ? (screen.slide.number ?? '') : ''}
    >
      <IdentifyOverlay api={api} role="audience" />
      <ProjectorStage
        screen={screen}
        language={view?.language ?? FALLBACK_LANGUAGE}
        relaxing={relaxing}
        serverNow={view?.serverNow ?? 0}
        receivedAt={receivedAt}
        cardPage={view?.cardPage ?? 0}
        videoVolume={view?.volume.video ?? 1}
        muted={false}
      />
    </main>
  );
}
