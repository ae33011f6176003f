import { zipOfPack } from '../helpers/packs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { PacksPage } from './support/pages';
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
