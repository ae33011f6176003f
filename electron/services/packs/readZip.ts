/**
 * Reads a pack's .zip without trusting it: the bytes actually inflated are counted (a directory
 * that understates an entry's size stops the stream as soon as it is exceeded), every entry's
 * CRC-32 is checked, and inflating runs on libuv's thread pool in parts, so the kiosk answers
 * other calls meanwhile.
 */
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { say } from '../../shared/i18n/phrases';
import { phrase, type Phrase } from '../../shared/i18n/phraseKeys';

export interface ZipLimits {
  /** Total bytes all entries may inflate to. */
  maxBytes: number;
  maxEntries: number;
  /** Told the bytes inflated so far and the total the directory declares, after each entry. */
  onInflated?: (done: number, total: number) => void;
}

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** A zip the kiosk will not import: why, in English and as a phrase the console words. */
export class ZipRefused extends Error {
  override name = 'ZipRefused';

  constructor(readonly words: Phrase) {
    super(say(words));
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 ** 2);

const tooLarge = (entry: Entry, limits: ZipLimits) =>
  new ZipRefused(
    phrase('packImport.entryTooLarge', {
      file: entry.fileName,
      megabytes: megabytes(limits.maxBytes),
    }),
  );

function plainReason(error: Error, entry: Entry | null): Phrase {
  const name = entry
    ? phrase('packImport.theEntry', { file: entry.fileName })
    : phrase('packImport.anEntry');
  const escape = /^(?:invalid relative path|absolute path): (.*)$/.exec(error.message);
  if (escape) return phrase('packImport.outsideFolder', { path: escape[1]! });
  if (/too many bytes in the stream/.test(error.message))
    return phrase('packImport.overstated', { entry: name });
  if (/not enough bytes in the stream|unexpected end/i.test(error.message))
    return phrase('packImport.cutShort', { entry: name });
  // yauzl's own reason stays as it says it: a detail for whoever looks into the file.
  return phrase('packImport.notZip', { detail: error.message });
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
          reject(tooLarge(entry, limits));
          return;
        }
        checksum = crc32(chunk, checksum);
        chunks.push(chunk);
      });
      stream.on('error', (error: Error) => reject(new ZipRefused(plainReason(error, entry))));
      stream.on('end', () => {
        if (checksum >>> 0 !== entry.crc32 >>> 0) {
          reject(new ZipRefused(phrase('packImport.checksum', { file: entry.fileName })));
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
    throw new ZipRefused(phrase('packImport.tooManyFiles', { max: limits.maxEntries }));
  const budget = { left: limits.maxBytes };
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let inflated = 0;
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
        return fail(tooLarge(entry, limits));
      }
      declaredTotal = Math.max(declaredTotal, declared);
      readEntry(zip, entry, budget, limits).then((data) => {
        entries.push({ path: entry.fileName, data });
        inflated += data.byteLength;
        limits.onInflated?.(inflated, declaredTotal);
        zip.readEntry();
      }, fail);
    });
    zip.readEntry();
  });
}
