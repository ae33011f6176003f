import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Download, type Page } from '@playwright/test';

/** Opens the Records tab, setting the PIN 2468 on first use or unlocking with it when locked. */
export async function openRecords(page: Page) {
  await page.getByRole('tab', { name: 'Records' }).click();
  const gate = page.getByRole('form', { name: /PIN|locked/ });
  const heading = page.getByRole('heading', { name: 'Records', exact: true });
  await expect(gate.or(heading)).toBeVisible();
  if (await gate.getByLabel('New PIN (4 to 8 digits)').isVisible()) {
    await gate.getByLabel('New PIN (4 to 8 digits)').fill('2468');
    await gate.getByLabel('The same PIN again').fill('2468');
    await gate.getByRole('button', { name: 'Set PIN' }).click();
  } else if (await gate.getByLabel('Counselor PIN').isVisible()) {
    await gate.getByLabel('Counselor PIN').fill('2468');
    await gate.getByRole('button', { name: 'Unlock' }).click();
  }
  await expect(heading).toBeVisible();
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
