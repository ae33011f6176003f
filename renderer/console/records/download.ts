import type { Download } from '../../../electron/services/records/recordsDesk';

/**
 * Saves a document main made (PDF, CSV, zip) through the browser's own download: the window fetches
 * it from main's one-time `/downloads/…` address, so the bytes never pass through script.
 */
export function saveDownload(download: Download): void {
  const link = document.createElement('a');
  link.href = download.url;
  link.download = download.fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
