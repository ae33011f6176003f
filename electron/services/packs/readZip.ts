/**
 * Reads a pack's .zip without trusting it: the bytes actually inflated are counted (a directory
 * that understates an entry's size stops the stream as soon as it is exceeded), every entry's
 * CRC-32 is checked, and inflating runs on libuv's thread pool in parts, so the kiosk answers
 * other calls meanwhile.
 */
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** Total bytes all entries may inflate to. */
  maxBytes: number;
  maxEntries: number;
}

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** A zip the kiosk will not import, with a message for the counselor. */
export class ZipRefused extends Error {
  override name = 'ZipRefused';
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

function plainReason(error: Error, entry: Entry | null): string {
  const name = entry ? `“${entry.fileName}”` : 'an entry';
  const escape = /^(?:invalid relative path|absolute path): (.*)$/.exec(error.message);
  if (escape) return `"${escape[1]}" would be written outside the pack folder`;
  if (/too many bytes in the stream/.test(error.message))
    return `${name} holds more than the zip's directory says: a damaged zip or a zip bomb`;
  if (/not enough bytes in the stream|unexpected end/i.test(error.message))
    return `${name} is cut short: the zip is damaged`;
  return `this is not a readable .zip file (${error.message})`;
}

function readEntry(
  zip: ZipFile,
  entry: Entry,
  budget: { left: number },
  limits: ZipLimits,
): Promise<Uint8Array> {
  return new Promise((resolvePromise, reject) => {
    zip.openReadStream(entry, (openError, stream) => {
      if (openError) return reject(new ZipRefused(plainReason(openError, entry)));
      const chunks: Buffer[] = [];
      let checksum = 0;
      stream.on('data', (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy();
          reject(
            new ZipRefused(
              `“${entry.fileName}” would make the pack larger than ${megabytes(limits.maxBytes)}; import large videos in the media library instead`,
            ),
          );
          return;
        }
        checksum = crc32(chunk, checksum);
        chunks.push(chunk);
      });
      stream.on('error', (error: Error) => reject(new ZipRefused(plainReason(error, entry))));
      stream.on('end', () => {
        if (checksum >>> 0 !== entry.crc32 >>> 0) {
          reject(
            new ZipRefused(
              `“${entry.fileName}” is damaged: its contents do not match the zip's checksum`,
            ),
          );
          return;
        }
        resolvePromise(Buffer.concat(chunks));
      });
    });
  });
}

/** Every file in the zip (folders left out), or a ZipRefused saying why not. */
export async function readZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipEntry[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  } catch (error) {
    throw new ZipRefused(plainReason(error as Error, null));
  }
  if (zip.entryCount > limits.maxEntries)
    throw new ZipRefused(`a pack may hold at most ${limits.maxEntries} files`);
  const budget = { left: limits.maxBytes };
  const entries: ZipEntry[] = [];
  return new Promise((resolvePromise, reject) => {
    let declared = 0;
    const fail = (error: unknown) => {
      zip.close();
      reject(
        error instanceof ZipRefused ? error : new ZipRefused(plainReason(error as Error, null)),
      );
    };
    zip.on('error', fail);
    zip.on('end', () => resolvePromise(entries));
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      // An honest directory is refused before anything is inflated; a lying one, while inflating.
      declared += entry.uncompressedSize;
      if (declared > limits.maxBytes) {
        return fail(
          new ZipRefused(
            `“${entry.fileName}” would make the pack larger than ${megabytes(limits.maxBytes)}; import large videos in the media library instead`,
          ),
        );
      }
      readEntry(zip, entry, budget, limits).then((data) => {
        entries.push({ path: entry.fileName, data });
        zip.readEntry();
      }, fail);
    });
    zip.readEntry();
  });
}
