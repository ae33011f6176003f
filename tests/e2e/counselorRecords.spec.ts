import { expect } from '@playwright/test';
import { advance, installClocks, minutes } from './support/clock';
import { fakeClockTest } from './support/fixtures';
import { ConsolePage } from './support/pages';
import { openRecords, pdfText, save } from './support/records';

/** Issue 13: printing and records as a counselor used to paper expects them. */

const test = fakeClockTest;

test('the agenda prints from the start time asked for: the group’s usual time, else the next half hour', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await advance(context, shell, minutes(7));
  await openRecords(console.page);
  const form = console.page.getByRole('form', { name: 'Print the agenda' });
  await expect(form.getByLabel('Starts at')).toHaveValue('18:30');

  await console.page.getByRole('tab', { name: 'Run session' }).click();
  await console.start({ pack: 'Projector check', group: 'Tuesday group', facilitators: ['Riley'] });
  await console.endSession();
  // The next morning, before the group: the agenda is printed for the evening.
  await advance(context, shell, minutes(15 * 60));
  await openRecords(console.page);
  await expect(form.getByLabel('For group')).toHaveValue('Tuesday group');
  await expect(form.getByLabel('Starts at')).toHaveValue('18:00');
  await expect(form).toContainText('usually 18:00');
  await console.page.getByLabel('Pack').selectOption('hhrp-group-5');
  await form.getByLabel('Date').fill('2026-11-26');
  const agenda = pdfText(
    await save(console.page, () => form.getByRole('button', { name: 'Print agenda' }).click()),
  );
  expect(agenda).toContain('Thursday, November 26, 2026');
  expect(agenda).toMatch(/18:00\s+Begin Group/);
  expect(agenda).toMatch(/18:05\s+/);
  expect(agenda).not.toContain('09:10');

  await form.getByLabel('Starts at').fill('17:30');
  const earlier = pdfText(
    await save(console.page, () => form.getByRole('button', { name: 'Print agenda' }).click()),
  );
  expect(earlier).toMatch(/17:30\s+Begin Group/);
});
