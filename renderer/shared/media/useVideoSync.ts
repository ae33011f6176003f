import { useEffect, useRef, type RefObject } from 'react';
import { videoPositionMs, type VideoState } from '../../../electron/shared/session/sessionState';

/** Seek when the element strays this far from main's clock. */
const DRIFT_TOLERANCE_MS = 300;
const DEFAULT_FRAME_MS = 40;

/**
 * Keeps a <video> on main's timeline: it plays from the state's position and stops by itself at
 * `stopAtMs` (the next cue), within one frame, using frame callbacks rather than `timeupdate`
 * (which fires only every ~250 ms). Console preview and projector run the same code, so they agree.
 */
export function useVideoSync(
  ref: RefObject<HTMLVideoElement | null>,
  video: VideoState,
  serverNow: number,
  receivedAt: number,
): void {
  const target = useRef({ video, serverNow, receivedAt });
  useEffect(() => {
    target.current = { video, serverNow, receivedAt };
  });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frameMs = DEFAULT_FRAME_MS;
    let lastMediaTime: number | null = null;
    let frameHandle: number | null = null;
    let stopped = false;

    const mainNow = () =>
      target.current.serverNow + Math.max(0, Date.now() - target.current.receivedAt);
    const stopAt = (ms: number) => {
      element.pause();
      element.currentTime = ms / 1000;
    };

    const reconcile = () => {
      const { video: state } = target.current;
      const expected = videoPositionMs(state, mainNow());
      const playing = state.playingSince !== null && expected < state.stopAtMs;
      if (!playing) {
        if (!element.paused) element.pause();
        if (Math.abs(element.currentTime * 1000 - expected) > 20)
          element.currentTime = expected / 1000;
        return;
      }
      if (Math.abs(element.currentTime * 1000 - expected) > DRIFT_TOLERANCE_MS)
        element.currentTime = expected / 1000;
      if (element.paused) {
        element.play().catch((error: Error) => {
          // Without a user gesture a page may only autoplay muted; the picture matters most.
          if (error.name === 'NotAllowedError' && !element.muted) {
            element.muted = true;
            void element.play().catch(() => undefined);
          }
        });
      }
    };

    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      if (stopped) return;
      if (lastMediaTime !== null) {
        const step = (metadata.mediaTime - lastMediaTime) * 1000;
        if (step > 5 && step < 200) frameMs = step;
      }
      lastMediaTime = metadata.mediaTime;
      const { video: state } = target.current;
      // Stop on the frame before the cue would be passed, then show exactly the cue's frame.
      if (
        state.playingSince !== null &&
        metadata.mediaTime * 1000 + frameMs * 1.5 >= state.stopAtMs
      ) {
        stopAt(state.stopAtMs);
      }
      frameHandle = element.requestVideoFrameCallback(onFrame);
    };

    frameHandle = element.requestVideoFrameCallback(onFrame);
    reconcile();
    const timer = setInterval(reconcile, 500);
    element.addEventListener('loadedmetadata', reconcile);
    return () => {
      stopped = true;
      clearInterval(timer);
      element.removeEventListener('loadedmetadata', reconcile);
      if (frameHandle !== null) element.cancelVideoFrameCallback(frameHandle);
    };
  }, [ref]);

  // A new command from main (play, pause, seek): apply it at once rather than at the next check.
  const command = `${video.mediaId}|${video.positionMs}|${video.playingSince}|${video.stopAtMs}`;
  useEffect(() => {
    const element = ref.current;
    const { video: state, serverNow: sentAt, receivedAt: arrivedAt } = target.current;
    if (!element) return;
    const expected = videoPositionMs(state, sentAt + Math.max(0, Date.now() - arrivedAt));
    const playing = state.playingSince !== null && expected < state.stopAtMs;
    if (Math.abs(element.currentTime * 1000 - expected) > 20) element.currentTime = expected / 1000;
    if (playing) void element.play().catch(() => undefined);
    else element.pause();
  }, [ref, command]);
}
