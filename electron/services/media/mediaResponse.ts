/**
 * Serves a media file with HTTP ranges, for both shells: Electron's media scheme (protocol.handle)
 * and the browser shell's /media/ route. Streams from disk; never reads a whole video into memory.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { contentTypeFor } from '../../shell/security';

/** Larger reads than the 64 KB default: a player asks for ranges of a megabyte or more. */
const READ_CHUNK_BYTES = 1024 * 1024;

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: ReadStream | null;
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/** Parses a single `Range: bytes=…` header against a file size; multiple ranges are served whole. */
export function parseRange(header: string | null | undefined, size: number): ByteRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match)
    return header.trim().startsWith('bytes=') && header.includes(',') ? null : 'unsatisfiable';
  const [, first, last] = match;
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export async function respondWithFile(
  file: string | null,
  method: string,
  rangeHeader: string | null | undefined,
): Promise<MediaResponse> {
  const notFound: MediaResponse = {
    status: 404,
    headers: { 'Content-Type': 'text/plain' },
    body: null,
  };
  if (!file) return notFound;
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return notFound;
    size = info.size;
  } catch {
    return notFound;
  }
  const base = {
    'Content-Type': contentTypeFor(file),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
  };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` }, body: null };
  }
  const head = method === 'HEAD';
  if (range === null) {
    return {
      status: 200,
      headers: { ...base, 'Content-Length': String(size) },
      body: head || size === 0 ? null : createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }),
    };
  }
  return {
    status: 206,
    headers: {
      ...base,
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
      'Content-Length': String(range.end - range.start + 1),
    },
    body: head
      ? null
      : createReadStream(file, {
          start: range.start,
          end: range.end,
          highWaterMark: READ_CHUNK_BYTES,
        }),
  };
}
