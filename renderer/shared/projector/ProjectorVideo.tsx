import { useRef } from 'react';
import type { VideoState } from '../../../electron/services/session/sessionState';
import { useVideoSync } from '../media/useVideoSync';

/** The cued video as the room sees it, following main's timeline (muted in the console's preview). */
export function ProjectorVideo({
  src,
  captionsSrc,
  title,
  video,
  serverNow,
  receivedAt,
  muted,
}: {
  src: string;
  captionsSrc: string | null;
  title: string;
  video: VideoState;
  serverNow: number;
  receivedAt: number;
  muted: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useVideoSync(ref, video, serverNow, receivedAt);
  return (
    <video
      ref={ref}
      className="projector__video"
      src={src}
      preload="auto"
      muted={muted}
      aria-label={title}
      data-testid={muted ? 'preview-video' : 'audience-video'}
    >
      {captionsSrc && (
        <track kind="captions" src={captionsSrc} srcLang="en" label="Captions" default />
      )}
    </video>
  );
}
