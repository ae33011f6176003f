/**
 * Files main made for the counselor (PDFs, CSVs, zips) wait here until the console fetches them
 * from `/downloads/<token>` (app:// in the desktop app, loopback HTTP in the browser shell), so a
 * document's bytes never pass through a handler's result: no base64 of tens of megabytes on main,
 * none copied through IPC, none decoded on the console's thread. A token is 128 random bits, is
 * good for one fetch, and lapses after ten minutes; nothing is written to disk, so records that
 * are encrypted at rest do not leave a plain copy behind.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock';

/** What a handler answers for a file: the console saves it from `url` under `fileName`. */
export interface Download {
  fileName: string;
  mime: string;
  /** Same-origin path the window fetches the file from, once. */
  url: string;
  /** The file's size in bytes. */
  bytes: number;
}

export interface ShelvedFile {
  fileName: string;
  mime: string;
  body: Buffer;
}

const PREFIX = '/downloads/';
const LIFETIME_MS = 10 * 60_000;

export class DownloadShelf {
  private readonly files = new Map<string, ShelvedFile & { expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  /** Keeps `body` for one fetch and says where the console finds it. */
  offer(fileName: string, mime: string, body: Uint8Array | string): Download {
    this.dropExpired();
    const bytes =
      typeof body === 'string'
        ? Buffer.from(body)
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const token = randomBytes(16).toString('hex');
    this.files.set(token, {
      fileName,
      mime,
      body: bytes,
      expiresAt: this.clock.now() + LIFETIME_MS,
    });
    return { fileName, mime, url: `${PREFIX}${token}`, bytes: bytes.byteLength };
  }

  /** The file behind a `/downloads/<token>` path, handed over once; null for anything else. */
  take(urlPath: string): ShelvedFile | null {
    this.dropExpired();
    const token = /^\/downloads\/([0-9a-f]{32})$/.exec(urlPath)?.[1];
    const file = token === undefined ? undefined : this.files.get(token);
    if (!token || !file) return null;
    this.files.delete(token);
    return { fileName: file.fileName, mime: file.mime, body: file.body };
  }

  static isDownloadPath(urlPath: string): boolean {
    return urlPath.startsWith(PREFIX);
  }

  private dropExpired(): void {
    const now = this.clock.now();
    for (const [token, file] of this.files) if (file.expiresAt <= now) this.files.delete(token);
  }
}

/** The response headers of a shelved file: a download under its own name, never rendered. */
export function downloadHeaders(file: ShelvedFile): Record<string, string> {
  return {
    'Content-Type': file.mime,
    'Content-Length': String(file.body.byteLength),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'no-store',
  };
}
