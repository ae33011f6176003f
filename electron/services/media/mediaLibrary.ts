/**
 * The clinic's media library: files imported into the data folder (named by SHA-256, so importing
 * the same file twice is a no-op), bound to a pack's logical media ids, with re-marked cue points.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Clock } from '../../shared/clock';
import type { Db } from '../../db/database';
import {
  deleteBinding,
  deleteCueOverrides,
  getBinding,
  getMediaFile,
  insertMediaFile,
  listCueOverrides,
  listMediaFiles,
  setBindingCaptions,
  upsertBinding,
  upsertCue,
  type MediaFileRow,
} from '../../db/queries/media';
import { toSeconds, type MediaManifest } from '../../content/pack/schema';
import { phrase, type Phrase } from '../../shared/i18n/phrases';
import { contentTypeFor, resolveAssetPath } from '../../content/files';
import { RejectedRequest } from '../errors';
import type { PackLibrary } from '../packs/packLibrary';
import { ChunkedUploads } from '../uploads/chunkedUploads';
import type { MediaFileView, MediaLibraryView, ResolvedCue, ResolvedMedia } from './mediaViews';

export const BUILT_IN_RELAXATION = 'relaxation-track.ogg';
/** Imports in progress at once; beginning another gives up the one idle longest. */
export const MAX_UPLOADS = 4;
/** An import that receives nothing for this long was abandoned (a closed window, a crash). */
export const UPLOAD_IDLE_MS = 10 * 60_000;

const EXTENSIONS: Readonly<Record<string, MediaFileRow['kind']>> = {
  '.mp4': 'video',
  '.m4v': 'video',
  '.webm': 'video',
  '.mov': 'video',
  '.ogv': 'video',
  '.mp3': 'audio',
  '.m4a': 'audio',
  '.ogg': 'audio',
  '.opus': 'audio',
  '.wav': 'audio',
  '.vtt': 'captions',
};

export interface FinishUpload {
  uploadId: string;
  durationMs: number | null;
  bind: { packId: string; mediaId: string; as: 'media' | 'captions' } | null;
}

interface UploadMeta {
  mime: string;
  kind: MediaFileRow['kind'];
}

/** Hashes a file (SHA-256), copying it to `copyTo` in the same pass when given; off the main thread. */
export type HashFile = (
  label: Phrase,
  source: string,
  copyTo: string | null,
) => Promise<{ sha256: string; size: number }>;

const toView = (row: MediaFileRow): MediaFileView => ({
  sha256: row.sha256,
  size: row.size,
  originalName: row.original_name,
  mime: row.mime,
  kind: row.kind,
  durationMs: row.duration_ms,
});

export class MediaLibrary {
  private readonly uploads: ChunkedUploads<UploadMeta>;
  private readonly uploadDir: string;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly libraryDir: string,
    private readonly builtInDir: string,
    private readonly packs: PackLibrary,
    private readonly mediaOrigin: string,
    private readonly hashFile: HashFile,
  ) {
    this.uploadDir = join(libraryDir, '.uploads');
    this.uploads = new ChunkedUploads(this.uploadDir, clock, MAX_UPLOADS, UPLOAD_IDLE_MS);
  }

  /** The file behind `/media/library/<name>` or `/media/builtin/<name>`, or null. */
  filePath(urlPath: string): string | null {
    const library = /^\/media\/library\/([0-9a-f]{64}\.[a-z0-9]+)$/.exec(urlPath);
    if (library) return resolveAssetPath(this.libraryDir, `/${library[1]}`);
    const builtIn = /^\/media\/builtin\/([a-z0-9-]+\.[a-z0-9]+)$/.exec(urlPath);
    if (builtIn) return resolveAssetPath(this.builtInDir, `/${builtIn[1]}`);
    return null;
  }

  resolve(packId: string, mediaId: string): ResolvedMedia | null {
    const pack = this.packs.find(packId);
    const media = pack?.manifest.media.find((entry) => entry.id === mediaId);
    if (!pack || !media) return null;
    const binding = getBinding(this.db, packId, mediaId);
    const bound = binding ? getMediaFile(this.db, binding.sha256) : undefined;
    const captions = binding?.captions_sha256
      ? getMediaFile(this.db, binding.captions_sha256)
      : undefined;
    let src: string | null = null;
    let source: ResolvedMedia['source'] = null;
    if (bound) {
      src = this.url(`library/${bound.stored_name}`);
      source = 'library';
    } else if (media.file !== undefined) {
      src = this.url(
        `packs/${encodeURIComponent(packId)}/${media.file.split('/').map(encodeURIComponent).join('/')}`,
      );
      source = 'stand-in';
    } else if (media.kind === 'audio' && existsSync(join(this.builtInDir, BUILT_IN_RELAXATION))) {
      src = this.url(`builtin/${BUILT_IN_RELAXATION}`);
      source = 'built-in';
    }
    return {
      packId,
      mediaId,
      kind: media.kind,
      title: media.title,
      lengthMs: bound?.duration_ms ?? toSeconds(media.length) * 1000,
      src,
      source,
      captionsSrc: captions ? this.url(`library/${captions.stored_name}`) : null,
      cues: this.cuesOf(packId, media),
      sourceNote: media.source ?? null,
    };
  }

  files(): MediaFileView[] {
    return listMediaFiles(this.db).map(toView);
  }

  libraryView(): MediaLibraryView {
    return {
      files: this.files(),
      packs: this.packs.listView().packs.flatMap((summary) => {
        const pack = this.packs.find(summary.id)!;
        if (pack.manifest.media.length === 0) return [];
        return [
          {
            packId: summary.id,
            title: summary.title,
            media: pack.manifest.media.map((entry) => ({
              ...this.resolve(summary.id, entry.id)!,
              boundSha256: getBinding(this.db, summary.id, entry.id)?.sha256 ?? null,
            })),
          },
        ];
      }),
    };
  }

  beginUpload(name: string, size: number, mime: string): { uploadId: string } {
    return this.uploads.begin(name, size, {
      mime: mime || 'application/octet-stream',
      kind: this.kindOf(name),
    });
  }

  appendChunk(uploadId: string, offset: number, data: Uint8Array): Promise<{ received: number }> {
    return this.uploads.append(uploadId, offset, data);
  }

  cancelUpload(uploadId: string): void {
    this.uploads.cancel(uploadId);
  }

  /** Gives up imports idle longer than UPLOAD_IDLE_MS and removes their partial files. */
  expireUploads(): void {
    this.uploads.expire();
  }

  /** Hashes the uploaded file on a worker thread, then files it in the library under its hash. */
  async finishUpload(
    request: FinishUpload,
  ): Promise<{ file: MediaFileView; alreadyImported: boolean }> {
    const upload = await this.uploads.complete(request.uploadId);
    try {
      const { sha256 } = await this.hashFile(
        phrase('jobs.labels.importing', { name: upload.name }),
        upload.path,
        null,
      );
      return this.file(upload.path, sha256, upload.size, upload.name, upload.meta, request);
    } finally {
      this.uploads.cancel(request.uploadId);
    }
  }

  /**
   * The desktop app's import of a file the counselor chose: a worker reads it once from where it
   * is, hashing and copying it into the library, so its bytes never pass through a window.
   */
  async importFromPath(
    path: string,
    request: Omit<FinishUpload, 'uploadId'>,
  ): Promise<{ file: MediaFileView; alreadyImported: boolean }> {
    const name = basename(path);
    const meta = { mime: contentTypeFor(name).split(';')[0]!, kind: this.kindOf(name) };
    const copy = join(this.uploadDir, randomBytes(12).toString('hex'));
    try {
      const { sha256, size } = await this.hashFile(
        phrase('jobs.labels.importing', { name }),
        path,
        copy,
      );
      return this.file(copy, sha256, size, name, meta, request);
    } finally {
      rmSync(copy, { force: true });
    }
  }

  /** Files a hashed copy in the library (or drops it when the library has it already), then binds. */
  private file(
    path: string,
    sha256: string,
    size: number,
    name: string,
    meta: UploadMeta,
    request: Omit<FinishUpload, 'uploadId'>,
  ): { file: MediaFileView; alreadyImported: boolean } {
    const existing = getMediaFile(this.db, sha256);
    let row: MediaFileRow;
    if (existing) {
      row = existing;
    } else {
      row = {
        sha256,
        size,
        stored_name: `${sha256}${extname(name).toLowerCase()}`,
        original_name: name,
        mime: meta.mime,
        kind: meta.kind,
        duration_ms: request.durationMs === null ? null : Math.round(request.durationMs),
        imported_at_ms: this.clock.now(),
      };
      renameSync(path, join(this.libraryDir, row.stored_name));
      insertMediaFile(this.db, row);
    }
    if (request.bind) this.bind(request.bind.packId, request.bind.mediaId, sha256, request.bind.as);
    return { file: toView(row), alreadyImported: existing !== undefined };
  }

  private kindOf(name: string): MediaFileRow['kind'] {
    const kind = EXTENSIONS[extname(name).toLowerCase()];
    if (!kind) {
      throw new RejectedRequest('errors.media.notMedia', {
        name,
        extensions: Object.keys(EXTENSIONS).join(', '),
      });
    }
    return kind;
  }

  bind(packId: string, mediaId: string, sha256: string, as: 'media' | 'captions' = 'media'): void {
    const media = this.requireMedia(packId, mediaId);
    const file = getMediaFile(this.db, sha256);
    if (!file) throw new RejectedRequest('errors.media.notInLibrary');
    if (as === 'captions') {
      if (file.kind !== 'captions') throw new RejectedRequest('errors.media.captionsVtt');
      if (!getBinding(this.db, packId, mediaId))
        throw new RejectedRequest('errors.media.videoFirst');
      setBindingCaptions(this.db, packId, mediaId, sha256);
      return;
    }
    if (file.kind !== media.kind)
      throw new RejectedRequest('errors.media.wrongKind', {
        title: media.title,
        needs: phrase(`media.kinds.${media.kind}`),
        got: phrase(`media.kinds.${file.kind}`),
      });
    upsertBinding(this.db, packId, mediaId, sha256, this.clock.now());
  }

  unbind(packId: string, mediaId: string): void {
    deleteBinding(this.db, packId, mediaId);
  }

  setCue(packId: string, mediaId: string, cueId: string, atMs: number): ResolvedCue[] {
    const media = this.requireMedia(packId, mediaId);
    const cues = this.cuesOf(packId, media);
    const index = cues.findIndex((cue) => cue.id === cueId);
    if (index < 0)
      throw new RejectedRequest('errors.media.noSuchCue', { title: media.title, cueId });
    const lengthMs = this.resolve(packId, mediaId)!.lengthMs;
    const before = cues[index - 1];
    const after = cues[index + 1];
    if (atMs > lengthMs) throw new RejectedRequest('errors.media.pastEnd');
    if ((before && atMs <= before.atMs) || (after && atMs >= after.atMs)) {
      throw new RejectedRequest('errors.media.cueOrder', { title: cues[index]!.title });
    }
    upsertCue(this.db, packId, mediaId, cueId, Math.round(atMs));
    return this.cuesOf(packId, media);
  }

  resetCues(packId: string, mediaId: string): void {
    this.requireMedia(packId, mediaId);
    deleteCueOverrides(this.db, packId, mediaId);
  }

  private cuesOf(packId: string, media: MediaManifest): ResolvedCue[] {
    const overrides = new Map(
      listCueOverrides(this.db, packId, media.id).map((row) => [row.cue_id, row.at_ms]),
    );
    return media.cues.map((cue) => ({
      id: cue.id,
      atMs: overrides.get(cue.id) ?? toSeconds(cue.at) * 1000,
      title: cue.title,
      question: cue.question ?? null,
      points: cue.points,
      adjusted: overrides.has(cue.id),
    }));
  }

  private requireMedia(packId: string, mediaId: string): MediaManifest {
    const media = this.packs.find(packId)?.manifest.media.find((entry) => entry.id === mediaId);
    if (!media) throw new RejectedRequest('errors.media.noSuchMedia', { mediaId, packId });
    return media;
  }

  private url(path: string): string {
    return `${this.mediaOrigin}/media/${path}`;
  }
}
