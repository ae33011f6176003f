import { useRef } from 'react';
import type { VideoState } from '../../electron/services/session/sessionState';
import { useVideoSync } from '../shared/media/useVideoSync';

/** The video on the projector, with sound and captions, following main's timeline. */
export function AudienceVideo({
  src,
  captionsSrc,
  title,
  video,
  serverNow,
  receivedAt,
}: {
  src: string;
  captionsSrc: string | null;
  title: string;
  video: VideoState;
  serverNow: number;
  receivedAt: number;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useVideoSync(ref, video, serverNow, receivedAt);
  return (
    <video
      ref={ref}
      className="audience__video"
      src={src}
      preload="auto"
      aria-label={title}
      data-testid="audience-video"
    >
      {captionsSrc && (
        <track kind="captions" src={captionsSrc} srcLang="en" label="Captions" default />
      )}
    </video>
  );
}
