import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ResolvedMedia } from '../../../electron/services/media/mediaViews';
import type { MediaLibraryView } from '../../../electron/services/media/mediaViews';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { formatFileSize } from '../../shared/i18n/format';
import { formatDuration } from '../../shared/time';
import { useAction } from '../notices/useAction';
import { importMediaFile } from './importMedia';
import './media.css';

const api = consoleApi();

const SOURCE_KEY = {
  library: 'source.library',
  'stand-in': 'source.standIn',
  'built-in': 'source.builtIn',
} as const;

/** The media library: bind the clinic's licensed files to each pack's media, add captions, re-mark cues. */
export function MediaView() {
  const t = useConsoleT('media');
  const [library, setLibrary] = useState<MediaLibraryView | null>(null);
  const action = useAction('media');
  const { run: runAction } = action;
  const refresh = useCallback(
    () => runAction(() => call(api, 'media:library', {}), { onDone: setLibrary, quiet: true }),
    [runAction],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** A media change; what it says (an import's result) or its failure goes to the notice area. */
  const run = async (work: () => Promise<unknown>) => {
    await runAction(work, {
      doneText: (result) => (typeof result === 'string' ? result : undefined),
    });
    await refresh();
  };

  if (!library) return <p className="media-view">{t('view.loading')}</p>;
  return (
    <div className="media-view">
      <h2>{t('view.heading')}</h2>
      <p className="runner__muted">{t('view.intro')}</p>
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
      <section aria-label={t('view.filesHeading')}>
        <h3>{t('view.filesHeading')}</h3>
        {library.files.length === 0 ? (
          <p className="runner__muted">{t('view.noFiles')}</p>
        ) : (
          <ul>
            {library.files.map((file) => (
              <li key={file.sha256}>
                {file.durationMs === null
                  ? t('view.file', {
                      name: file.originalName,
                      kind: t(`kind.${file.kind}`),
                      size: formatFileSize(file.size),
                    })
                  : t('view.fileWithLength', {
                      name: file.originalName,
                      kind: t(`kind.${file.kind}`),
                      size: formatFileSize(file.size),
                      length: formatDuration(file.durationMs),
                    })}{' '}
                · <code>{file.sha256.slice(0, 12)}</code>
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
  const t = useConsoleT('media');
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
        <strong>{media.title}</strong> ·{' '}
        {t('row.head', { kind: t(`kind.${media.kind}`), length: formatDuration(media.lengthMs) })} ·{' '}
        <span className="badge" data-testid="media-status">
          {t(media.source ? SOURCE_KEY[media.source] : 'source.notSetUp')}
        </span>
        {media.captionsSrc && <span className="badge">{t('row.captions')}</span>}
      </div>
      {media.sourceNote && <p className="runner__muted">{media.sourceNote}</p>}
      <div className="details__buttons">
        <label className="button">
          {progress === null ? t('row.chooseFile') : t('row.importing', { percent: progress })}
          <input
            type="file"
            accept={media.kind === 'video' ? 'video/*,.mov,.m4v' : 'audio/*'}
            onChange={(event) => void importFile('media')(event)}
            data-testid="bind-file"
          />
        </label>
        {media.kind === 'video' && media.boundSha256 && (
          <label className="button">
            {t('row.captionsFile')}
            <input
              type="file"
              accept=".vtt,text/vtt"
              onChange={(event) => void importFile('captions')(event)}
              data-testid="bind-captions"
            />
          </label>
        )}
        {media.boundSha256 && (
          <button type="button" onClick={() => void run(() => call(api, 'media:unbind', target))}>
            {t('row.unbind')}
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
  const t = useConsoleT('media');
  const preview = useRef<HTMLVideoElement>(null);
  const [position, setPosition] = useState(0);
  const target = { packId: media.packId, mediaId: media.mediaId };
  return (
    <details className="cue-editor">
      <summary>
        {t('cues.summary', { count: media.cues.filter((cue) => cue.adjusted).length })}
      </summary>
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
      <p>{t('cues.previewAt', { position: formatDuration(position) })}</p>
      <ol>
        {media.cues.map((cue) => (
          <li key={cue.id}>
            {t(cue.adjusted ? 'cues.cueRemarked' : 'cues.cue', {
              title: cue.title,
              at: formatDuration(cue.atMs),
            })}{' '}
            <button
              type="button"
              onClick={() =>
                void run(() =>
                  call(api, 'media:setCue', {
                    ...target,
                    cueId: cue.id,
                    atMs: Math.round(position),
                  }),
                )
              }
            >
              {t('cues.markHere')}
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                if (preview.current) preview.current.currentTime = cue.atMs / 1000;
              }}
            >
              {t('cues.goTo')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void run(() => call(api, 'media:resetCues', target))}>
        {t('cues.reset')}
      </button>
    </details>
  );
}
