import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/wire';
import type { Result } from '../../electron/ipc/contract';

type Call = (channel: string, args: unknown) => Promise<Result<unknown>>;

/** Sends a pack's .zip in parts, as the console does, and imports it: the `packs:import` result. */
export async function importPackZip(call: Call, zip: Uint8Array, replace = false) {
  const begun = await call('packs:beginUpload', { name: 'pack.zip', size: zip.byteLength });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value as { uploadId: string };
  for (let offset = 0; offset < zip.byteLength; offset += UPLOAD_CHUNK_BYTES) {
    const data = Buffer.from(zip.subarray(offset, offset + UPLOAD_CHUNK_BYTES)).toString('base64');
    const sent = await call('packs:uploadChunk', { uploadId, offset, data });
    if (!sent.ok) return sent;
  }
  return call('packs:import', { uploadId, replace });
}
