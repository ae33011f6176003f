import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { zipOfPack } from '../helpers/packs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { PacksPage } from './support/pages';
import { openRecords, pdfText, save } from './support/records';
import { makeDataDir, packFolderContents, startShell, type RunningShell } from './support/webShell';

const zip = zipOfPack();

/** A browser shell whose worker jobs wait at each step, so the progress bar stays long enough to act on. */
async function slowShell(run: (shell: RunningShell, dataDir: string) => Promise<void>) {
  const data = makeDataDir();
  const shell = await startShell(data.path, { slowJobsMs: 1500 });
  try {
    await run(shell, data.path);
  } finally {
    await shell.stop();
    data.remove();
  }
}

/** Starts importing the mini pack and waits for its progress bar. */
async function startImport(page: Page, shell: RunningShell) {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  await packs.importZip('mini.zip', zip);
  const job = page.getByTestId('job-progress');
  await expect(job).toContainText('Importing mini.zip');
  await expect(job.getByRole('progressbar')).toBeVisible();
  return { packs, job };
}

test('a pack import shows its progress, then the pack', async ({ page }) => {
  await slowShell(async (shell, dataDir) => {
    const { job } = await startImport(page, shell);
    await expect(page.getByRole('status')).toContainText('Imported “Mini pack” 1.0.0.');
    await expect(job).toHaveCount(0);
    expect(packFolderContents(dataDir)).toEqual(['mini-pack']);
  });
});

test('Cancel stops a pack import and leaves no file behind', async ({ page }) => {
  await slowShell(async (shell, dataDir) => {
    const { packs, job } = await startImport(page, shell);
    await job.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert')).toContainText('Cancelled; nothing was kept.');
    await expect(job).toHaveCount(0);
    await expect(packs.card('mini-pack')).toHaveCount(0);
    expect(packFolderContents(dataDir)).toEqual([]);
  });
});

test('Cancel stops printing: nothing is downloaded and the console says so', async ({ page }) => {
  await slowShell(async (shell) => {
    await page.goto(shell.consoleUrl);
    await openRecords(page);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await page.getByRole('button', { name: 'Group agenda' }).click();
    const job = page.getByTestId('job-progress');
    await expect(job).toContainText('Printing');
    await job.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert')).toContainText('Cancelled; nothing was kept.');
    await expect(job).toHaveCount(0);
    // The same print, not cancelled, does download: the first one was stopped, not lost.
    const file = await save(page, () => page.getByRole('button', { name: 'Group agenda' }).click());
    expect(pdfText(file)).toContain('Harm Reduction 101');
    expect(downloads).toEqual([basename(file).replace(/^kiosk-\d+-/, '')]);
  });
});

test('Cancel stops a media import and leaves no copy or upload part behind', async ({ page }) => {
  await slowShell(async (shell, dataDir) => {
    await page.goto(shell.consoleUrl);
    await page.getByRole('tab', { name: 'Media' }).click();
    const row = page.locator('[data-media-id="negotiation-vignettes-video"]');
    const mediaFolder = join(dataDir, 'media');
    const before = filesIn(mediaFolder);
    await row
      .getByTestId('bind-file')
      .setInputFiles(resolve('resources/curricula/hhrp-group-5/media/latex-negotiation.mp4'));
    const job = page.getByTestId('job-progress');
    await expect(job.getByRole('progressbar')).toBeVisible();
    await job.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert')).toContainText('Cancelled; nothing was kept.');
    await expect(job).toHaveCount(0);
    await expect(row.getByTestId('media-status')).toHaveText('Stand-in sample');
    expect(filesIn(mediaFolder)).toEqual(before);
  });
});

/** Every file under a folder (hidden upload parts included), as relative paths. */
function filesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}
