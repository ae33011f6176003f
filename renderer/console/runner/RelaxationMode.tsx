import { Howl, Howler } from 'howler';
import { useEffect, useRef, useState } from 'react';
import type { ResolvedMedia } from '../../../electron/services/media/mediaViews';
import { envelopeFor, relaxationPhase } from '../../../electron/shared/session/relaxationEnvelope';
import type { RelaxationState } from '../../../electron/shared/session/sessionState';
import { keyLabel } from '../../../electron/shared/keyBindings';
import { useConsoleT } from '../../shared/i18n/i18n';
import { formatDuration } from '../../shared/time';

/**
 * The console during relaxation: dimmed, time left and an obvious Stop. Plays the relaxation audio
 * through howler in HTML5 mode (streamed, not decoded into memory) with a fade in and a fade out.
 */
export function RelaxationMode({
  relaxation,
  audio,
  now,
  masterVolume,
  onStop,
}: {
  relaxation: RelaxationState;
  audio: ResolvedMedia | null;
  now: number;
  /** The counselor's relaxation volume, 0 to 1: the fades play within it. */
  masterVolume: number;
  onStop: () => void;
}) {
  const t = useConsoleT('runner');
  const elapsed = now - relaxation.startedAt;
  const { phase } = relaxationPhase(elapsed, relaxation.durationMs);
  const [volume, setVolume] = useState(0);
  const stop = useRef<HTMLButtonElement>(null);

  useEffect(() => stop.current?.focus(), []);
  useEffect(() => {
    Howler.volume(masterVolume);
  }, [masterVolume]);

  useEffect(() => {
    if (!audio?.src) return;
    const { fadeInMs, fadeOutMs } = envelopeFor(relaxation.durationMs);
    const elapsedAtStart = Math.max(0, now - relaxation.startedAt);
    const howl = new Howl({
      src: [audio.src],
      html5: true,
      volume: 0,
      format: [audio.src.split('.').pop() ?? 'ogg'],
    });
    const timers: ReturnType<typeof setTimeout>[] = [];
    howl.once('play', () => {
      // After a restart the segment carries on where it was, at the volume it had reached.
      if (elapsedAtStart > 0) howl.seek((elapsedAtStart / 1000) % Math.max(1, howl.duration()));
      const start = relaxationPhase(elapsedAtStart, relaxation.durationMs);
      const fadeInLeft = Math.max(0, fadeInMs - elapsedAtStart);
      if (fadeInLeft > 0) howl.fade(start.volume, 1, fadeInLeft);
      else howl.volume(start.volume);
      const fadeOutAt = relaxation.durationMs - fadeOutMs - elapsedAtStart;
      timers.push(
        setTimeout(
          () =>
            howl.fade(
              howl.volume(),
              0,
              Math.min(fadeOutMs, relaxation.durationMs - elapsedAtStart),
            ),
          Math.max(0, fadeOutAt),
        ),
      );
    });
    howl.play();
    const meter = setInterval(() => setVolume(howl.volume()), 200);
    return () => {
      timers.forEach(clearTimeout);
      clearInterval(meter);
      // Esc or Stop restores at once: a very short fade avoids a click in the speakers.
      howl.fade(howl.volume(), 0, 150);
      setTimeout(() => howl.unload(), 200);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- start the audio once per relaxation run
  }, [audio?.src, relaxation.startedAt]);

  const left = Math.max(0, relaxation.durationMs - elapsed);
  return (
    <div
      className="relaxation-mode"
      role="dialog"
      aria-modal="true"
      aria-label={t('relaxation.label')}
      data-phase={phase}
    >
      <p className="relaxation-mode__label">{t('relaxation.dimmed')}</p>
      <p className="relaxation-mode__time" role="timer" data-testid="relaxation-left">
        {formatDuration(left)}
      </p>
      {!audio?.src && <p>{t('relaxation.noAudio')}</p>}
      {audio?.source === 'built-in' && <p className="runner__muted">{t('relaxation.builtIn')}</p>}
      <p
        className="visually-hidden"
        data-testid="relaxation-volume"
        data-volume={volume.toFixed(3)}
        data-master-volume={masterVolume.toFixed(2)}
      >
        {t('relaxation.volume', { level: Math.round(volume * 100) / 100 })}
      </p>
      <button type="button" ref={stop} className="relaxation-mode__stop" onClick={onStop}>
        {t('relaxation.stop', { key: keyLabel('Escape') })}
      </button>
    </div>
  );
}
