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

test('self-entry says a PIN is needed, warns before replacing typed answers, and lets the member go back', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Tuesday group',
    facilitators: ['Riley'],
  });
  const attendance = console.page.getByTestId('attendance');
  await attendance.getByLabel('First name or nickname').fill('Bea');
  await attendance.getByRole('button', { name: 'Add and check in' }).click();
  await console.jumpTo(13);
  const grid = console.page.getByTestId('quiz-grid');
  await console.page.getByLabel('Hand the laptop to').selectOption({ label: 'Bea' });
  await expect(grid.getByRole('note')).toContainText('Self-entry needs a records PIN');
  await expect(grid.getByRole('button', { name: 'Start self-entry…' })).toBeDisabled();

  await console.page.evaluate(() =>
    window.kiosk.invoke('records:setPin', { pin: '2468', currentPin: null }),
  );
  await console.page.reload();
  await grid.locator('[data-cell="Bea-q1"]').focus();
  for (const key of ['a', 'b']) await console.page.keyboard.press(key);
  await expect(grid.locator('[data-cell="Bea-q2"]')).toHaveText('B');
  await console.page.getByLabel('Hand the laptop to').selectOption({ label: 'Bea' });
  await grid.getByRole('button', { name: 'Start self-entry…' }).click();
  const check = console.page.getByRole('alertdialog', { name: 'Hand the laptop to Bea?' });
  await expect(check).toContainText('until you enter the records PIN');
  await expect(check.getByTestId('replace-warning')).toHaveText(
    'Bea already has 2 answers typed in (Q1, Q2). Each question they answer replaces the typed answer.',
  );
  await check.getByRole('button', { name: 'Cancel' }).click();
  await expect(check).toBeHidden();
  await grid.getByRole('button', { name: 'Start self-entry…' }).click();
  await check.getByRole('button', { name: 'Replace and start' }).click();

  const entry = console.page.getByRole('dialog', { name: 'Answer the quiz' });
  const back = entry.getByRole('button', { name: '← Back to the previous question' });
  await expect(back).toBeDisabled();
  await entry.getByRole('button', { name: /^D / }).click();
  await expect(entry).toContainText('Bea: question 2 of 5');
  await back.click();
  await expect(entry).toContainText('Bea: question 1 of 5');
  await expect(entry.getByRole('button', { name: /^D / })).toHaveAttribute('aria-pressed', 'true');
  await entry.getByRole('button', { name: /^C / }).click();
  await entry.getByLabel('Counselor PIN').fill('2468');
  await entry.getByRole('button', { name: 'Unlock' }).click();
  await expect(entry).toBeHidden();
  await expect(grid.locator('[data-cell="Bea-q1"]')).toHaveText('C');
  await expect(grid.locator('[data-cell="Bea-q2"]')).toHaveText('B');
});
