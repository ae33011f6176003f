/**
 * Serves a media file with HTTP ranges, for both shells: Electron's media scheme (protocol.handle)
 * and the browser shell's /media/ route. Streams from disk; never reads a whole video into memory.
 *
 * Only the kinds of file a pack needs are served (images, Markdown, video, audio, captions, PDF
 * handouts), each with its type, `nosniff` and a sandboxing CSP: never HTML, script, an SVG that
 * carries script, or the manifest (which holds the answer key). Pack files come from the kiosk's
 * own origin, so anything that could run there would run with the console's rights.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { contentTypeFor } from '../../content/files';

/** Larger reads than the 64 KB default: a player asks for ranges of a megabyte or more. */
const READ_CHUNK_BYTES = 1024 * 1024;

const SERVED_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** A served file is never a document that runs anything, even when opened on its own. */
export const MEDIA_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Larger SVGs than this are not images a slide needs; refusing them bounds the check below. */
const MAX_SVG_BYTES = 5 * 1024 * 1024;
// Elements and attributes through which an SVG runs script or pulls in a document; images embedded
// as data: PNG/JPEG/GIF/WebP are fine. The sandboxing CSP stops script even if one slips through.
const SVG_ACTIVE_CONTENT =
  /<\s*(script|foreignObject|iframe|embed|object|handler|listener)\b|\son[a-z]+\s*=|=\s*["']?\s*(?:javascript|vbscript):|data:(?!image\/(?:png|jpe?g|gif|webp)[;,])|<!ENTITY/i;

/** The type a file is served as, or null when it is not a kind of file a page may load. */
export function servedType(path: string): string | null {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && SERVED_TYPES[path.slice(dot).toLowerCase()]) || null;
}

async function isInertSvg(file: string, size: number): Promise<boolean> {
  if (size > MAX_SVG_BYTES) return false;
  return !SVG_ACTIVE_CONTENT.test(await readFile(file, 'utf8'));
}

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
  const notFound = notFoundWith(MEDIA_HEADERS);
  const type = file ? servedType(file) : null;
  if (!file || !type) return notFound;
  const size = await fileSize(file);
  if (size === null) return notFound;
  if (type.startsWith('image/svg') && !(await isInertSvg(file, size).catch(() => false))) {
    return notFound;
  }
  return streamFile(file, size, method, rangeHeader, {
    ...MEDIA_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-cache',
  });
}

/**
 * Serves a file of the app's own build (its pages, scripts, styles), with the app's headers. Only
 * the Electron shell's app:// handler uses it; packs and media go through respondWithFile.
 */
export async function respondWithBuildFile(
  file: string | null,
  method: string,
  headers: Readonly<Record<string, string>>,
): Promise<MediaResponse> {
  const notFound = notFoundWith(headers);
  const size = file ? await fileSize(file) : null;
  if (!file || size === null) return notFound;
  return streamFile(file, size, method, null, { ...headers, 'Content-Type': contentTypeFor(file) });
}

function notFoundWith(headers: Readonly<Record<string, string>>): MediaResponse {
  return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' }, body: null };
}

async function fileSize(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

function streamFile(
  file: string,
  size: number,
  method: string,
  rangeHeader: string | null | undefined,
  headers: Readonly<Record<string, string>>,
): MediaResponse {
  const base = { ...headers, 'Accept-Ranges': 'bytes' };
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
