/**
 * The clinic's media library: files imported into the data folder (named by SHA-256, so importing
 * the same file twice is a no-op), bound to a pack's logical media ids, with re-marked cue points.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Clock } from '../../core/clock';
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
import { resolveAssetPath } from '../../shell/security';
import { RejectedRequest } from '../errors';
import type { PackLibrary } from '../packs/packLibrary';
import type { MediaLibraryView } from './mediaViews';

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

export interface ResolvedCue {
  id: string;
  atMs: number;
  title: string;
  question: string | null;
  points: string[];
  /** The clinic moved this cue from the pack's time. */
  adjusted: boolean;
}

export interface ResolvedMedia {
  packId: string;
  mediaId: string;
  kind: 'video' | 'audio';
  title: string;
  /** The bound file's length when known, else the pack's expected length. */
  lengthMs: number;
  /** URL the windows play, or null when nothing is set up for this media id. */
  src: string | null;
  source: 'library' | 'stand-in' | 'built-in' | null;
  captionsSrc: string | null;
  cues: ResolvedCue[];
  sourceNote: string | null;
}

export interface MediaFileView {
  sha256: string;
  size: number;
  originalName: string;
  mime: string;
  kind: MediaFileRow['kind'];
  durationMs: number | null;
}

export interface FinishUpload {
  uploadId: string;
  durationMs: number | null;
  bind: { packId: string; mediaId: string; as: 'media' | 'captions' } | null;
}

interface Upload {
  path: string;
  hash: Hash;
  /** When a part last arrived: an upload left this long is given up. */
  lastActivity: number;
  received: number;
  size: number;
  name: string;
  mime: string;
  kind: MediaFileRow['kind'];
}

const toView = (row: MediaFileRow): MediaFileView => ({
  sha256: row.sha256,
  size: row.size,
  originalName: row.original_name,
  mime: row.mime,
  kind: row.kind,
  durationMs: row.duration_ms,
});

export class MediaLibrary {
  private readonly uploads = new Map<string, Upload>();
  private readonly uploadDir: string;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly libraryDir: string,
    private readonly builtInDir: string,
    private readonly packs: PackLibrary,
    private readonly mediaOrigin: string,
  ) {
    this.uploadDir = join(libraryDir, '.uploads');
    // Uploads cut short by a crash are worthless; nothing refers to them.
    rmSync(this.uploadDir, { recursive: true, force: true });
    mkdirSync(this.uploadDir, { recursive: true });
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
    const kind = EXTENSIONS[extname(name).toLowerCase()];
    if (!kind) {
      throw new RejectedRequest(
        `“${name}” is not a video, audio or captions file the kiosk can use (${Object.keys(EXTENSIONS).join(', ')}).`,
      );
    }
    this.expireUploads();
    const idlest = [...this.uploads].sort(([, a], [, b]) => a.lastActivity - b.lastActivity);
    for (const [id] of idlest.slice(0, Math.max(0, this.uploads.size - MAX_UPLOADS + 1)))
      this.cancelUpload(id);
    const uploadId = randomBytes(12).toString('hex');
    const path = join(this.uploadDir, uploadId);
    // No file stays open between parts, so abandoned imports cannot use up file descriptors.
    writeFileSync(path, '');
    this.uploads.set(uploadId, {
      path,
      lastActivity: this.clock.now(),
      hash: createHash('sha256'),
      received: 0,
      size,
      name,
      mime: mime || 'application/octet-stream',
      kind,
    });
    return { uploadId };
  }

  appendChunk(uploadId: string, offset: number, data: Uint8Array): { received: number } {
    const upload = this.requireUpload(uploadId);
    if (offset !== upload.received) {
      throw new RejectedRequest(
        `Expected the part starting at byte ${upload.received}, not ${offset}.`,
      );
    }
    if (upload.received + data.byteLength > upload.size) {
      this.cancelUpload(uploadId);
      throw new RejectedRequest('The file is larger than announced; the import was cancelled.');
    }
    appendFileSync(upload.path, data);
    upload.hash.update(data);
    upload.received += data.byteLength;
    upload.lastActivity = this.clock.now();
    return { received: upload.received };
  }

  cancelUpload(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    rmSync(upload.path, { force: true });
  }

  /** Gives up imports idle longer than UPLOAD_IDLE_MS and removes their partial files. */
  expireUploads(): void {
    const now = this.clock.now();
    for (const [id, upload] of this.uploads)
      if (now - upload.lastActivity >= UPLOAD_IDLE_MS) this.cancelUpload(id);
  }

  finishUpload(request: FinishUpload): { file: MediaFileView; alreadyImported: boolean } {
    const upload = this.requireUpload(request.uploadId);
    if (upload.received !== upload.size) {
      throw new RejectedRequest(
        `Only ${upload.received} of ${upload.size} bytes arrived; try the import again.`,
      );
    }
    this.uploads.delete(request.uploadId);
    const sha256 = upload.hash.digest('hex');
    const existing = getMediaFile(this.db, sha256);
    let row: MediaFileRow;
    if (existing) {
      rmSync(upload.path, { force: true });
      row = existing;
    } else {
      row = {
        sha256,
        size: upload.size,
        stored_name: `${sha256}${extname(upload.name).toLowerCase()}`,
        original_name: upload.name,
        mime: upload.mime,
        kind: upload.kind,
        duration_ms: request.durationMs === null ? null : Math.round(request.durationMs),
        imported_at_ms: this.clock.now(),
      };
      renameSync(upload.path, join(this.libraryDir, row.stored_name));
      insertMediaFile(this.db, row);
    }
    if (request.bind) this.bind(request.bind.packId, request.bind.mediaId, sha256, request.bind.as);
    return { file: toView(row), alreadyImported: existing !== undefined };
  }

  bind(packId: string, mediaId: string, sha256: string, as: 'media' | 'captions' = 'media'): void {
    const media = this.requireMedia(packId, mediaId);
    const file = getMediaFile(this.db, sha256);
    if (!file) throw new RejectedRequest('That file is not in the media library.');
    if (as === 'captions') {
      if (file.kind !== 'captions')
        throw new RejectedRequest('Captions must be a WebVTT (.vtt) file.');
      if (!getBinding(this.db, packId, mediaId))
        throw new RejectedRequest('Bind the video first, then its captions.');
      setBindingCaptions(this.db, packId, mediaId, sha256);
      return;
    }
    if (file.kind !== media.kind)
      throw new RejectedRequest(`“${media.title}” needs ${media.kind}, not ${file.kind}.`);
    upsertBinding(this.db, packId, mediaId, sha256, this.clock.now());
  }

  unbind(packId: string, mediaId: string): void {
    deleteBinding(this.db, packId, mediaId);
  }

  setCue(packId: string, mediaId: string, cueId: string, atMs: number): ResolvedCue[] {
    const media = this.requireMedia(packId, mediaId);
    const cues = this.cuesOf(packId, media);
    const index = cues.findIndex((cue) => cue.id === cueId);
    if (index < 0) throw new RejectedRequest(`“${media.title}” has no cue “${cueId}”.`);
    const lengthMs = this.resolve(packId, mediaId)!.lengthMs;
    const before = cues[index - 1];
    const after = cues[index + 1];
    if (atMs > lengthMs) throw new RejectedRequest('That is past the end of the video.');
    if ((before && atMs <= before.atMs) || (after && atMs >= after.atMs)) {
      throw new RejectedRequest(
        `${cues[index]!.title} must stay between the cues before and after it.`,
      );
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
    if (!media) throw new RejectedRequest(`There is no media “${mediaId}” in pack “${packId}”.`);
    return media;
  }

  private requireUpload(uploadId: string): Upload {
    this.expireUploads();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new RejectedRequest('That import is no longer in progress; start it again.');
    return upload;
  }

  private url(path: string): string {
    return `${this.mediaOrigin}/media/${path}`;
  }
}
