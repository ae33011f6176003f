/**
 * Files the kiosk serves from a folder it owns (a pack, the media library, the build): which file
 * a URL path names, never one outside that folder, and its content type. Both shells and the
 * services that hand out those files use them.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL path onto a file under `root`, or null for anything that would escape it
 * (`..`, encoded separators, absolute paths, NUL bytes).
 */
export function resolveAssetPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded.replace(/^\/+/, '');
  if (relativePath === '') return null;
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const fromBase = relative(base, target);
  if (fromBase === '' || fromBase.startsWith('..') || isAbsolute(fromBase)) return null;
  return target.startsWith(base + sep) ? target : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.m4a': 'audio/mp4',
  '.opus': 'audio/ogg',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && CONTENT_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
