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
