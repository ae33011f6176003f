import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseRange,
  respondWithFile,
  type MediaResponse,
} from '../../../electron/services/media/mediaResponse';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let file: string;
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(() => {
  dir = makeTempDir();
  file = join(dir.path, 'clip.mp4');
  writeFileSync(file, bytes);
});
afterAll(() => dir.remove());

async function body(response: MediaResponse): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=50-10', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['items=0-1', 'unsatisfiable'],
    ['bytes=0-1,5-6', null],
    [undefined, null],
  ])('%s', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('respondWithFile', () => {
  it('serves the whole file with Accept-Ranges when no range is asked', async () => {
    const response = await respondWithFile(file, 'GET', null);
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'Accept-Ranges': 'bytes',
      'Content-Length': '1000',
      'Content-Type': 'video/mp4',
    });
    expect((await body(response)).equals(bytes)).toBe(true);
  });

  it('serves a range as 206 with a correct Content-Range', async () => {
    const response = await respondWithFile(file, 'GET', 'bytes=100-199');
    expect(response.status).toBe(206);
    expect(response.headers).toMatchObject({
      'Content-Range': 'bytes 100-199/1000',
      'Content-Length': '100',
    });
    expect((await body(response)).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('serves the end of the file for a suffix range (how players find an index at the end)', async () => {
    const response = await respondWithFile(file, 'GET', 'bytes=-10');
    expect(response.headers['Content-Range']).toBe('bytes 990-999/1000');
    expect((await body(response)).equals(bytes.subarray(990))).toBe(true);
  });

  it('answers 416 for a range past the end', async () => {
    const response = await respondWithFile(file, 'GET', 'bytes=5000-');
    expect(response.status).toBe(416);
    expect(response.headers['Content-Range']).toBe('bytes */1000');
    expect(response.body).toBeNull();
  });

  it('sends headers only for HEAD', async () => {
    const response = await respondWithFile(file, 'HEAD', null);
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });

  it('answers 404 for no file, a missing file or a folder', async () => {
    expect((await respondWithFile(null, 'GET', null)).status).toBe(404);
    expect((await respondWithFile(join(dir.path, 'nope.mp4'), 'GET', null)).status).toBe(404);
    expect((await respondWithFile(dir.path, 'GET', null)).status).toBe(404);
  });
});
