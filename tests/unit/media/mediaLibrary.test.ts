import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { openDatabase, type Db } from '../../../electron/db/database';
import { MediaLibrary } from '../../../electron/services/media/mediaLibrary';
import { hashFileOn, JobBoard } from '../../../electron/jobs/jobRunner';
import { PackLibrary } from '../../../electron/services/packs/packLibrary';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';
import { refusal } from '../../helpers/refusal';

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let library: MediaLibrary;
const packs = new PackLibrary(
  { builtIn: resolve('resources/curricula'), imported: '/nonexistent' },
  (id, path) => `/media/packs/${id}/${path}`,
);
const PACK = 'hhrp-group-5';
const VIGNETTES = 'negotiation-vignettes-video';

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  library = new MediaLibrary(
    db,
    new ManualClock(1_700_000_000_000),
    join(dir.path, 'media'),
    resolve('resources/media'),
    packs,
    '',
    hashFileOn(new JobBoard(() => {})),
  );
});
afterEach(() => {
  db.close();
  dir.remove();
});

async function importBytes(
  name: string,
  bytes: Buffer,
  bind: { mediaId: string; as: 'media' | 'captions' } | null = null,
) {
  const { uploadId } = library.beginUpload(name, bytes.length, 'video/mp4');
  const half = Math.floor(bytes.length / 2);
  await library.appendChunk(uploadId, 0, bytes.subarray(0, half));
  await library.appendChunk(uploadId, half, bytes.subarray(half));
  return library.finishUpload({
    uploadId,
    durationMs: 120_000,
    bind: bind && { packId: PACK, ...bind },
  });
}

describe('MediaLibrary', () => {
  it('resolves a pack stand-in, a built-in relaxation track, or nothing', () => {
    expect(library.resolve(PACK, VIGNETTES)).toMatchObject({
      source: 'stand-in',
      src: '/media/packs/hhrp-group-5/media/negotiation-vignettes.mp4',
      lengthMs: 120_000,
    });
    expect(library.resolve(PACK, VIGNETTES)!.cues.map((cue) => cue.atMs)).toEqual([
      30_000, 60_000, 90_000, 118_000,
    ]);
    expect(library.resolve(PACK, 'relaxation-audio')).toMatchObject({
      source: 'built-in',
      src: '/media/builtin/relaxation-track.ogg',
    });
    expect(library.resolve(PACK, 'nope')).toBeNull();
  });

  it('imports a file under its SHA-256, binds it, and a second import of the same bytes is a no-op', async () => {
    const bytes = Buffer.from('pretend this is a licensed video');
    const first = await importBytes('Norma & Tony.mp4', bytes, { mediaId: VIGNETTES, as: 'media' });
    expect(first.alreadyImported).toBe(false);
    expect(first.file).toMatchObject({
      size: bytes.length,
      originalName: 'Norma & Tony.mp4',
      kind: 'video',
    });
    expect(readdirSync(join(dir.path, 'media')).filter((name) => !name.startsWith('.'))).toEqual([
      `${first.file.sha256}.mp4`,
    ]);
    expect(library.resolve(PACK, VIGNETTES)).toMatchObject({
      source: 'library',
      src: `/media/library/${first.file.sha256}.mp4`,
    });

    const again = await importBytes('copy.mp4', bytes);
    expect(again.alreadyImported).toBe(true);
    expect(library.files()).toHaveLength(1);
    expect(readdirSync(join(dir.path, 'media', '.uploads'))).toEqual([]);
  });

  it('refuses parts out of order, too much data, and unknown file types', async () => {
    const { uploadId } = library.beginUpload('clip.mp4', 5, 'video/mp4');
    await expect(library.appendChunk(uploadId, 3, Buffer.from('ab'))).rejects.toThrow(
      /starting at byte 0/,
    );
    await expect(library.appendChunk(uploadId, 0, Buffer.from('abcdefg'))).rejects.toThrow(
      /larger than announced/,
    );
    expect(() => library.beginUpload('notes.docx', 5, '')).toThrow(
      /not a video, audio or captions file/,
    );
  });

  it('refuses to bind audio to a video, and captions before the video', async () => {
    const { file } = await importBytes(
      'track.vtt',
      Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'),
    );
    expect(() => library.bind(PACK, VIGNETTES, file.sha256, 'captions')).toThrow(
      /Bind the video first/,
    );
    expect(() => library.bind(PACK, VIGNETTES, file.sha256, 'media')).toThrow(
      /needs video, not captions/,
    );
  });

  it('attaches captions to a bound video', async () => {
    await importBytes('clip.mp4', Buffer.from('video bytes'), { mediaId: VIGNETTES, as: 'media' });
    const { file } = await importBytes('clip.vtt', Buffer.from('WEBVTT\n'), {
      mediaId: VIGNETTES,
      as: 'captions',
    });
    expect(library.resolve(PACK, VIGNETTES)!.captionsSrc).toBe(`/media/library/${file.sha256}.vtt`);
  });

  it('re-marks a cue point within its neighbours, and resets to the pack', async () => {
    expect(library.setCue(PACK, VIGNETTES, 'vignette-2', 64_500).map((cue) => cue.atMs)).toEqual([
      30_000, 64_500, 90_000, 118_000,
    ]);
    expect(library.resolve(PACK, VIGNETTES)!.cues[1]!.adjusted).toBe(true);
    expect(() => library.setCue(PACK, VIGNETTES, 'vignette-2', 95_000)).toThrow(
      refusal('invalid-value', /between the cues/),
    );
    expect(() => library.setCue(PACK, VIGNETTES, 'vignette-4', 500_000)).toThrow(
      refusal('invalid-value', /past the end/),
    );
    expect(() => library.setCue(PACK, VIGNETTES, 'nope', 1000)).toThrow(
      refusal('not-found', /has no cue/),
    );
    library.resetCues(PACK, VIGNETTES);
    expect(library.resolve(PACK, VIGNETTES)!.cues[1]!.atMs).toBe(60_000);
  });

  it('serves only library and built-in files by their exact names', async () => {
    const { file } = await importBytes('clip.mp4', Buffer.from('x'));
    expect(library.filePath(`/media/library/${file.sha256}.mp4`)).toBe(
      join(dir.path, 'media', `${file.sha256}.mp4`),
    );
    expect(library.filePath('/media/library/../kiosk.sqlite3')).toBeNull();
    expect(library.filePath('/media/builtin/relaxation-track.ogg')).toBe(
      resolve('resources/media/relaxation-track.ogg'),
    );
    expect(library.filePath('/media/builtin/../../package.json')).toBeNull();
    expect(existsSync(library.filePath('/media/builtin/relaxation-track.ogg')!)).toBe(true);
  });
});
