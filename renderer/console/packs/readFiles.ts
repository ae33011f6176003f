import { i18n } from '../../shared/i18n/i18n';

/** Reads a browser File as base64 (works the same in Electron and in the browser shell). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () =>
      reject(reader.error ?? new Error(i18n.t('import.unreadableFile', { ns: 'packs' })));
    reader.readAsDataURL(file);
  });
}

/** The path of a file chosen with a folder picker, relative to the chosen folder's parent. */
export function relativePathOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

/** Sends a file to main in parts of UPLOAD_CHUNK_BYTES through `sendPart`, telling the fraction sent. */
export async function sendInParts(
  file: Blob,
  chunkBytes: number,
  sendPart: (offset: number, data: string) => Promise<unknown>,
  onProgress: (fraction: number) => void = () => {},
): Promise<void> {
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    await sendPart(offset, await fileToBase64(file.slice(offset, offset + chunkBytes)));
    onProgress(Math.min(1, (offset + chunkBytes) / Math.max(1, file.size)));
  }
}

/**
 * An upload from begin to last part: `begin` opens it, each part goes through `sendPart`, and a
 * failure cancels it in main (its partial file removed) before the error is passed on.
 */
export async function uploadInParts(
  file: Blob,
  chunkBytes: number,
  channels: {
    begin: () => Promise<{ uploadId: string }>;
    sendPart: (uploadId: string, offset: number, data: string) => Promise<unknown>;
    cancel: (uploadId: string) => Promise<unknown>;
  },
  onProgress: (fraction: number) => void = () => {},
  afterParts: (uploadId: string) => Promise<void> = async () => {},
): Promise<string> {
  const { uploadId } = await channels.begin();
  try {
    await sendInParts(
      file,
      chunkBytes,
      (offset, data) => channels.sendPart(uploadId, offset, data),
      onProgress,
    );
    await afterParts(uploadId);
  } catch (error) {
    await channels.cancel(uploadId).catch(() => undefined);
    throw error;
  }
  return uploadId;
}
