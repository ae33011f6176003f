import type { Download } from '../../../electron/services/records/recordsDesk';

/** Saves a document main made (PDF, CSV, zip) through the browser's own download. */
export function saveDownload(download: Download): void {
  const bytes = Uint8Array.from(atob(download.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: download.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = download.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
