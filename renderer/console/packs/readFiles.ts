/** Reads a browser File as base64 (works the same in Electron and in the browser shell). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
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
