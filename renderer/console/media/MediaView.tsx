import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ResolvedMedia } from '../../../electron/services/media/mediaLibrary';
import type { MediaLibraryView } from '../../../electron/services/media/mediaViews';
import { call, consoleApi } from '../../platform/kiosk';
import { formatDuration } from '../../shared/time';
import { importMediaFile } from './importMedia';
import './media.css';

const api = consoleApi();

const SOURCE_LABEL = {
  library: 'Your file',
  'stand-in': 'Stand-in sample',
  'built-in': 'Built-in track',
} as const;

/** The media library: bind the clinic's licensed files to each pack's media, add captions, re-mark cues. */
export function MediaView() {
  const [library, setLibrary] = useState<MediaLibraryView | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const refresh = useCallback(() => call(api, 'media:library', {}).then(setLibrary), []);

  useEffect(() => {
    refresh().catch((error: Error) => setMessage({ text: error.message, error: true }));
  }, [refresh]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      const result = await work();
      setMessage(typeof result === 'string' ? { text: result, error: false } : null);
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
    await refresh();
  };

  if (!library) return <p className="media-view">Loading the media library…</p>;
  return (
    <div className="media-view">
      <h2>Media</h2>
      <p className="runner__muted">
        Import the clinic's own licensed copies and bind them to each pack's videos. Files are
        copied into the kiosk's data folder; importing the same file twice changes nothing.
      </p>
      {message && (
        <p
          className={
            message.error ? 'import-status import-status--error' : 'import-status import-status--ok'
          }
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {library.packs.map((pack) => (
        <section key={pack.packId} aria-label={pack.title}>
          <h3>{pack.title}</h3>
          <ul className="media-view__list">
            {pack.media.map((media) => (
              <MediaRow key={media.mediaId} media={media} run={run} />
            ))}
          </ul>
        </section>
      ))}
      <section aria-label="Files in the library">
        <h3>Files in the library</h3>
        {library.files.length === 0 ? (
          <p className="runner__muted">None yet.</p>
        ) : (
          <ul>
            {library.files.map((file) => (
              <li key={file.sha256}>
                {file.originalName} · {file.kind} · {(file.size / 1024 / 1024).toFixed(1)} MB
                {file.durationMs !== null && ` · ${formatDuration(file.durationMs)}`} ·{' '}
                <code>{file.sha256.slice(0, 12)}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function MediaRow({
  media,
  run,
}: {
  media: ResolvedMedia & { boundSha256: string | null };
  run: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const target = { packId: media.packId, mediaId: media.mediaId };
  const importFile = (as: 'media' | 'captions') => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProgress(0);
    await run(() =>
      importMediaFile(
        file,
        { ...target, as },
        as === 'captions' ? 'captions' : media.kind,
        setProgress,
      ),
    );
    setProgress(null);
  };
  return (
    <li className="media-row" data-media-id={media.mediaId}>
      <div className="media-row__head">
        <strong>{media.title}</strong> · {media.kind} · {formatDuration(media.lengthMs)} ·{' '}
        <span className="badge" data-testid="media-status">
          {media.source ? SOURCE_LABEL[media.source] : 'Not set up'}
        </span>
        {media.captionsSrc && <span className="badge">captions</span>}
      </div>
      {media.sourceNote && <p className="runner__muted">{media.sourceNote}</p>}
      <div className="details__buttons">
        <label className="button">
          {progress === null ? 'Choose file…' : `Importing ${Math.round(progress * 100)}%`}
          <input
            type="file"
            accept={media.kind === 'video' ? 'video/*,.mov,.m4v' : 'audio/*'}
            onChange={importFile('media')}
            data-testid="bind-file"
          />
        </label>
        {media.kind === 'video' && media.boundSha256 && (
          <label className="button">
            Captions (.vtt)…
            <input
              type="file"
              accept=".vtt,text/vtt"
              onChange={importFile('captions')}
              data-testid="bind-captions"
            />
          </label>
        )}
        {media.boundSha256 && (
          <button type="button" onClick={() => run(() => call(api, 'media:unbind', target))}>
            Unbind
          </button>
        )}
      </div>
      {media.kind === 'video' && media.src && media.cues.length > 0 && (
        <CueEditor media={media} run={run} />
      )}
    </li>
  );
}

/** Scrub the preview to where a vignette ends and mark it. */
function CueEditor({
  media,
  run,
}: {
  media: ResolvedMedia;
  run: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const preview = useRef<HTMLVideoElement>(null);
  const [position, setPosition] = useState(0);
  const target = { packId: media.packId, mediaId: media.mediaId };
  return (
    <details className="cue-editor">
      <summary>Cue points ({media.cues.filter((cue) => cue.adjusted).length} re-marked)</summary>
      <video
        ref={preview}
        src={media.src!}
        controls
        muted
        preload="metadata"
        className="video-panel__preview"
        onTimeUpdate={(event) => setPosition(event.currentTarget.currentTime * 1000)}
        onSeeked={(event) => setPosition(event.currentTarget.currentTime * 1000)}
      />
      <p>Preview at {formatDuration(position)}</p>
      <ol>
        {media.cues.map((cue) => (
          <li key={cue.id}>
            {cue.title} at {formatDuration(cue.atMs)}
            {cue.adjusted && ' (re-marked)'}{' '}
            <button
              type="button"
              onClick={() =>
                run(() =>
                  call(api, 'media:setCue', {
                    ...target,
                    cueId: cue.id,
                    atMs: Math.round(position),
                  }),
                )
              }
            >
              Mark here
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                if (preview.current) preview.current.currentTime = cue.atMs / 1000;
              }}
            >
              Go to
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => run(() => call(api, 'media:resetCues', target))}>
        Reset to the pack's times
      </button>
    </details>
  );
}
