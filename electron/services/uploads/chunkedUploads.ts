/**
 * Files sent to main in parts (media to the library, packs to import): each part is appended to a
 * file in `folder` on libuv's thread pool, so a large file never sits in one message or blocks the
 * main thread. At most `maxUploads` at once (beginning another gives up the one idle longest);
 * one that receives nothing for `idleMs` was abandoned and is removed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { RejectedRequest } from '../errors';

export interface Upload<Meta> {
  path: string;
  name: string;
  size: number;
  received: number;
  /** When a part last arrived: an upload left this long is given up. */
  lastActivity: number;
  /** The parts' writes, in order: each waits for the one before it. */
  writing: Promise<void>;
  meta: Meta;
}

export class ChunkedUploads<Meta> {
  private readonly uploads = new Map<string, Upload<Meta>>();

  constructor(
    private readonly folder: string,
    private readonly clock: Clock,
    private readonly maxUploads: number,
    private readonly idleMs: number,
  ) {
    // Uploads cut short by a crash are worthless; nothing refers to them.
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
  }

  begin(name: string, size: number, meta: Meta): { uploadId: string } {
    this.expire();
    const idlest = [...this.uploads].sort(([, a], [, b]) => a.lastActivity - b.lastActivity);
    for (const [id] of idlest.slice(0, Math.max(0, this.uploads.size - this.maxUploads + 1)))
      this.cancel(id);
    const uploadId = randomBytes(12).toString('hex');
    const path = join(this.folder, uploadId);
    // No file stays open between parts, so abandoned imports cannot use up file descriptors.
    writeFileSync(path, '');
    this.uploads.set(uploadId, {
      path,
      name,
      size,
      received: 0,
      lastActivity: this.clock.now(),
      writing: Promise.resolve(),
      meta,
    });
    return { uploadId };
  }

  async append(uploadId: string, offset: number, data: Uint8Array): Promise<{ received: number }> {
    const upload = this.require(uploadId);
    if (offset !== upload.received) {
      throw new RejectedRequest('errors.uploads.wrongOffset', {
        expected: upload.received,
        offset,
      });
    }
    if (upload.received + data.byteLength > upload.size) {
      this.cancel(uploadId);
      throw new RejectedRequest('errors.uploads.tooLarge');
    }
    // Counted before the write, so a part sent again meanwhile is refused rather than doubled.
    upload.received += data.byteLength;
    upload.lastActivity = this.clock.now();
    upload.writing = upload.writing.then(() => appendFile(upload.path, data));
    await upload.writing;
    return { received: upload.received };
  }

  cancel(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    rmSync(upload.path, { force: true });
  }

  /** Gives up uploads idle longer than `idleMs` and removes their partial files. */
  expire(): void {
    const now = this.clock.now();
    for (const [id, upload] of this.uploads)
      if (now - upload.lastActivity >= this.idleMs) this.cancel(id);
  }

  /** A complete upload; it stays listed (and its file kept) until `cancel` or `release`. */
  async complete(uploadId: string): Promise<Upload<Meta>> {
    const upload = this.require(uploadId);
    await upload.writing;
    if (upload.received !== upload.size) {
      throw new RejectedRequest('errors.uploads.incomplete', {
        received: upload.received,
        size: upload.size,
      });
    }
    upload.lastActivity = this.clock.now();
    return upload;
  }

  /** Forgets an upload whose file was moved elsewhere. */
  release(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  private require(uploadId: string): Upload<Meta> {
    this.expire();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new RejectedRequest('errors.uploads.gone');
    return upload;
  }
}
