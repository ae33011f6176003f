import { useEffect, useRef } from 'react';
import type { VideoState } from '../../../electron/shared/session/sessionState';
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
  volume,
}: {
  src: string;
  captionsSrc: string | null;
  title: string;
  video: VideoState;
  serverNow: number;
  receivedAt: number;
  muted: boolean;
  /** 0 to 1, as set on the console and remembered on this machine. */
  volume: number;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useVideoSync(ref, video, serverNow, receivedAt);
  useEffect(() => {
    if (ref.current) ref.current.volume = volume;
  }, [volume]);
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
