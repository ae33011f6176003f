import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Download, type Page } from '@playwright/test';
import { RecordsPage } from './pages';

/** Opens the Records tab, setting the PIN 2468 on first use or unlocking with it when locked. */
export async function openRecords(page: Page) {
  await new RecordsPage(page).open('2468');
}

/** Clicks something that downloads a file and returns where the file was saved. */
export async function save(page: Page, click: () => Promise<void>): Promise<string> {
  const downloading = page.waitForEvent('download');
  await click();
  const download: Download = await downloading;
  const file = join(tmpdir(), `kiosk-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

export const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
