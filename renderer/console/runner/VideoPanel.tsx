import { useState, type ChangeEvent } from 'react';
import { cueQuestionId, type SessionCommand } from '../../../electron/shared/session/commands';
import { videoPositionMs, type VideoState } from '../../../electron/shared/session/sessionState';
import type { CurrentItemView } from '../../../electron/services/session/views';
import { useConsoleT } from '../../shared/i18n/i18n';
import { formatDuration } from '../../shared/time';
import { importMediaFile } from '../media/importMedia';

type VideoItem = NonNullable<CurrentItemView['video']>;

/** The console's side of a video (the big preview plays it muted): position, cue markers and controls. */
export function VideoPanel({
  packId,
  item,
  video,
  now,
  shownQuestion,
  afterVideo,
  command,
}: {
  packId: string;
  item: VideoItem;
  video: VideoState | null;
  now: number;
  /** The id of the question on the projector, if any. */
  shownQuestion: string | null;
  /** The item Next moves on to once the video is over. */
  afterVideo: string | null;
  command: (command: SessionCommand) => void;
}) {
  const t = useConsoleT('runner');
  const media = item.media;
  if (!media?.src || !video) return <NotSetUp packId={packId} item={item} />;
  const position = videoPositionMs(video, now);
  const playing = video.playingSince !== null && position < video.stopAtMs;
  const reached = [...media.cues].reverse().find((cue) => position >= cue.atMs - 40);
  const atCue = !playing && reached !== undefined && Math.abs(position - reached.atMs) <= 40;
  const atEnd = position >= media.lengthMs - 40;
  // The last vignette's discussion stays up after the video's final seconds, until moving on.
  const discussion = !playing && (atCue || atEnd) ? reached : undefined;
  const nextCue = media.cues.find((cue) => cue.atMs > position + 40);
  const questionId = discussion ? cueQuestionId(discussion.id) : null;
  const questionShown = questionId !== null && shownQuestion === questionId;
  const nextDoes = playing
    ? null
    : atEnd
      ? afterVideo
        ? t('video.nextMovesOn', { next: afterVideo })
        : t('video.nextEnd')
      : nextCue
        ? t(nextCue === media.cues[0] ? 'video.nextPlaysVideo' : 'video.nextPlaysOn', {
            cue: nextCue.title,
          })
        : t('video.nextPlaysRest', { time: formatDuration(media.lengthMs - position) });
  return (
    <div className="video-panel" data-testid="video-panel">
      <h3>
        {t('video.title', { title: media.title })}{' '}
        {media.source === 'stand-in' && <span className="badge">{t('video.standIn')}</span>}
      </h3>
      <div className="video-panel__bar" aria-hidden="true">
        <div
          className="video-panel__played"
          style={{ width: `${(100 * position) / media.lengthMs}%` }}
        />
        {media.cues.map((cue) => (
          <span
            key={cue.id}
            className="video-panel__cue"
            style={{ left: `${(100 * cue.atMs) / media.lengthMs}%` }}
          />
        ))}
      </div>
      <label className="video-panel__scrub">
        {t('video.position', {
          position: formatDuration(position),
          length: formatDuration(media.lengthMs),
        })}
        <input
          type="range"
          min={0}
          max={media.lengthMs}
          step={40}
          value={Math.round(position)}
          onChange={(event) =>
            command({ type: 'videoSeek', positionMs: Number(event.target.value) })
          }
        />
      </label>
      <div className="details__buttons">
        <button
          type="button"
          className="primary"
          onClick={() => command({ type: playing ? 'videoPause' : 'videoPlay' })}
        >
          {playing ? t('video.pause') : atCue ? t('video.playNextVignette') : t('video.play')}
        </button>
        <button type="button" onClick={() => command({ type: 'videoBack', seconds: 10 })}>
          {t('video.back')}
        </button>
        <button
          type="button"
          disabled={!nextCue}
          onClick={() => nextCue && command({ type: 'videoSeek', positionMs: nextCue.atMs })}
        >
          {t('video.nextCue')}
        </button>
      </div>
      {nextDoes && (
        <p className="video-panel__next" data-testid="video-next">
          {nextDoes}
        </p>
      )}
      {discussion && (
        <div className="details__block video-panel__discussion" data-testid="cue-discussion">
          <h3>{t('video.stoppedAfter', { cue: discussion.title })}</h3>
          {discussion.question && <p className="details__prompt">{discussion.question}</p>}
          <ul>
            {discussion.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          {discussion.question && (
            <button
              type="button"
              aria-pressed={questionShown}
              onClick={() =>
                command(
                  questionShown
                    ? { type: 'hideQuestion' }
                    : { type: 'showQuestion', id: questionId!, answersShown: false },
                )
              }
            >
              {questionShown ? t('video.hideQuestion') : t('video.showQuestion')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Missing or unbound media: say so, offer to bind a file; the room sees a neutral slide meanwhile. */
function NotSetUp({ packId, item }: { packId: string; item: VideoItem }) {
  const t = useConsoleT('runner');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      setMessage(
        await importMediaFile(
          file,
          { packId, mediaId: item.mediaId, as: 'media' },
          'video',
          () => undefined,
        ),
      );
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="video-panel video-panel--missing" role="status" data-testid="video-not-set-up">
      <h3>{t('video.notSetUp', { title: item.title })}</h3>
      <p>{t('video.notSetUpText')}</p>
      {item.media?.sourceNote && <p className="runner__muted">{item.media.sourceNote}</p>}
      <label className="button">
        {busy ? t('video.importing') : t('video.bindFile')}
        <input
          type="file"
          accept="video/*,.mp4,.m4v,.webm,.mov"
          onChange={(event) => void onFile(event)}
          disabled={busy}
        />
      </label>
      {message && <p>{message}</p>}
    </div>
  );
}
