import { expect } from '@playwright/test';
import { installClocks } from './support/clock';
import { fakeClockTest } from './support/fixtures';
import { AudiencePage, ConsolePage } from './support/pages';
import { openRecords, save } from './support/records';
import { readFileSync } from 'node:fs';

/** Issue 13: what the room sees and the counselor does in the room, driven as a counselor would. */

const test = fakeClockTest;

test('a poll goes to the room, the counselor types the hands for each option, reveals them with the answer, and the report keeps the counts', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const audience = new AudiencePage(await context.newPage());
  await audience.page.setViewportSize({ width: 1920, height: 1080 });
  await audience.open(shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({ pack: 'Harm Reduction 101', group: 'Providers', facilitators: ['Riley'] });
  await console.jumpTo(13);
  const poll = console.page.getByTestId('poll');
  await expect(poll).toContainText('Which of these can increase risk for harm?');

  await poll.getByRole('button', { name: 'Show poll on projector' }).click();
  await audience.expectScreen('poll');
  const board = audience.page.getByTestId('audience-poll');
  await expect(board).toContainText('e. Not able to use supplies');
  await expect(board).not.toContainText('✓');
  await expect(board.locator('.projector__count')).toHaveCount(0);

  await poll.getByLabel('Hands for a. Unstable housing').fill('7');
  await poll.getByLabel('Hands for d. No access to safer supplies').fill('12');
  await poll.getByRole('button', { name: 'Reveal counts and answer' }).click();
  await expect(board.locator('[data-option="a"]')).toHaveText('7');
  await expect(board.locator('[data-option="d"]')).toHaveText('12');
  await expect(board.locator('[data-option="b"]')).toHaveText('–');
  await expect(board.locator('.projector__correct')).toHaveCount(5);
  await expect(poll).toContainText('Now: All five can increase risk.');

  // The counts are records: they survive leaving the item and coming back.
  await console.jumpTo(14);
  await console.jumpTo(13);
  await expect(poll.getByLabel('Hands for d. No access to safer supplies')).toHaveValue('12');
  await console.endSession();
  await openRecords(console.page);
  const report = readFileSync(
    await save(console.page, () =>
      console.page.locator('tr[data-session-id="1"]').getByRole('button', { name: 'CSV' }).click(),
    ),
    'utf8',
  );
  expect(report).toContain('Polls\r\nItem,Prompt,Option,Text,Hands,Answer');
  expect(report).toContain(
    'risk-question,Which of these can increase risk for harm?,d,No access to safer supplies,12,yes',
  );
  expect(report).toContain(
    'risk-question,Which of these can increase risk for harm?,b,No or low income,,yes',
  );
});
