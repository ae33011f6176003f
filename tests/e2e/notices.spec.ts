import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { blockingViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { checkIn, ConsolePage, GamePanel, RecordsPage } from './support/pages';

const SHOTS = join(tmpdir(), 'kiosk-screens', 'notices');
const LAPTOP = { width: 1366, height: 768 };

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

test('a failed action is said once, in the notice area at the top of the console, and goes with its view', async ({
  shell,
  page,
}) => {
  await page.setViewportSize(LAPTOP);
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await expect(console.notices).toBeEmpty();

  const records = new RecordsPage(page);
  await records.open();
  await page.getByLabel('Group starts at').fill('6pm');
  await page.getByRole('button', { name: 'Group agenda' }).click();
  const alert = console.notices.getByRole('alert');
  await expect(alert).toHaveText(
    'Group starts at: “6pm” is not a time; write it as HH:MM, e.g. 18:30.',
  );
  await expect(page.getByRole('alert')).toHaveCount(1);
  // Seen wherever the counselor had scrolled: the area sits above the scrolling view.
  await page.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded();
  await expect(alert).toBeInViewport();
  expect(await blockingViolations(page)).toEqual([]);
  await shot(page, 'records-error');

  // A success of the same view takes the failure back; a result worth saying replaces it.
  await page.getByLabel('Group starts at').fill('18:30');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Group agenda' }).click();
  await downloading;
  await expect(console.notices.getByRole('status')).toContainText('Saved');
  await expect(console.notices.getByRole('alert')).toHaveCount(0);
  await shot(page, 'records');

  // Another tab: the records' notice leaves with the records view.
  await page.getByRole('tab', { name: 'Run session' }).click();
  await expect(console.notices).toBeEmpty();
});

test('the group panels under the live session, at a laptop size', async ({ shell, page }) => {
  await page.setViewportSize(LAPTOP);
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Thursday group',
    facilitators: ['Riley'],
  });
  await checkIn(page, ['Alex', 'Bea', 'Cruz', 'Dee'], { welcomed: true });
  await shot(page, 'attendance');
  await console.jumpTo(13);
  await expect(page.getByTestId('quiz-grid')).toBeVisible();
  await shot(page, 'quiz-grid');
  await console.jumpTo(12);
  const game = new GamePanel(page);
  await game.root.getByRole('button', { name: 'Make teams and deal cards' }).click();
  await expect(game.teamTotal(1)).toHaveText('0');
  await game.root.scrollIntoViewIfNeeded();
  await shot(page, 'game');
});
