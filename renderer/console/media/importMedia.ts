import type { RequestOf } from '../../../electron/ipc/contract';
import { UPLOAD_CHUNK_BYTES } from '../../../electron/shared/wire';
import { call, consoleApi } from '../../platform/kiosk';
import { i18n } from '../../shared/i18n/i18n';
import { uploadInParts } from '../packs/readFiles';

const api = consoleApi();
/** The counselor's words, in the console's language at the moment they are said. */
const t = i18n.getFixedT(null, 'media');

export type PlayableCheck = { ok: true; durationMs: number | null } | { ok: false; reason: string };

function explain(file: File, detail: string): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.mov')) {
    return t('import.mov', { name: file.name });
  }
  if (name.endsWith('.mkv') || name.endsWith('.avi') || name.endsWith('.wmv')) {
    return t('import.container', { name: file.name });
  }
  return t('import.unplayable', { name: file.name, detail });
}

/**
 * Checks that this Chromium can really decode the file before importing it: `canPlayType` for the
 * type, then a real decode of the first frame from a local object URL (nothing is uploaded yet).
 */
export function checkPlayable(file: File, kind: 'video' | 'audio'): Promise<PlayableCheck> {
  const element = document.createElement(kind);
  if (file.type && element.canPlayType(file.type) === '') {
    return Promise.resolve({
      ok: false,
      reason: explain(file, t('import.typeUnsupported', { type: file.type })),
    });
  }
  const url = URL.createObjectURL(file);
  return new Promise<PlayableCheck>((resolve) => {
    const finish = (result: PlayableCheck) => {
      clearTimeout(timer);
      element.removeAttribute('src');
      element.load();
      URL.revokeObjectURL(url);
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: explain(file, t('import.tooSlow')) }),
      15_000,
    );
    element.preload = 'auto';
    element.muted = true;
    element.onerror = () =>
      finish({
        ok: false,
        reason: explain(file, element.error?.message || t('import.decoderRefused')),
      });
    element.onloadeddata = () => {
      // A video whose picture cannot be decoded may still report its sound track: no size means no picture.
      if (element instanceof HTMLVideoElement && element.videoWidth === 0) {
        finish({ ok: false, reason: explain(file, t('import.noPicture')) });
        return;
      }
      finish({
        ok: true,
        durationMs: Number.isFinite(element.duration) ? element.duration * 1000 : null,
      });
    };
    element.src = url;
  });
}

export type BindTarget = NonNullable<RequestOf<'media:finishUpload'>['bind']>;

/** Checks, then sends the file to main in parts and binds it; returns a message for the counselor. */
export async function importMediaFile(
  file: File,
  target: BindTarget,
  kind: 'video' | 'audio' | 'captions',
  onProgress: (fraction: number) => void,
): Promise<string> {
  let durationMs: number | null = null;
  if (kind !== 'captions') {
    const check = await checkPlayable(file, kind);
    if (!check.ok) throw new Error(check.reason);
    durationMs = check.durationMs;
  }
  let alreadyImported = false;
  await uploadInParts(
    file,
    UPLOAD_CHUNK_BYTES,
    {
      begin: () =>
        call(api, 'media:beginUpload', { name: file.name, size: file.size, mime: file.type }),
      sendPart: (uploadId, offset, data) =>
        call(api, 'media:uploadChunk', { uploadId, offset, data }),
      cancel: (uploadId) => call(api, 'media:cancelUpload', { uploadId }),
    },
    onProgress,
    async (uploadId) => {
      ({ alreadyImported } = await call(api, 'media:finishUpload', {
        uploadId,
        durationMs,
        bind: target,
      }));
    },
  );
  return t(alreadyImported ? 'import.alreadyImported' : 'import.imported', { name: file.name });
}
