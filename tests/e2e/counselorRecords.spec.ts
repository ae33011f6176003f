import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from '@playwright/test';
import { advance, installClocks, minutes } from './support/clock';
import { fakeClockTest } from './support/fixtures';
import { checkIn, ConsolePage, QuizGridPanel } from './support/pages';
import { openRecords, pdfText, save } from './support/records';

/** Issue 13: printing and records as a counselor used to paper expects them. */

const test = fakeClockTest;

test('the agenda’s start time is filled in: the group’s usual time, else the next half hour', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await advance(context, shell, minutes(7));
  await openRecords(console.page);
  const startsAt = console.page.getByLabel('Group starts at');
  await expect(startsAt).toHaveValue('18:30');

  await console.page.getByRole('tab', { name: 'Run session' }).click();
  await console.start({ pack: 'Projector check', group: 'Tuesday group', facilitators: ['Riley'] });
  await console.endSession();
  // The next morning, before the group: the agenda is printed for the evening.
  await advance(context, shell, minutes(15 * 60));
  await console.page.reload();
  await openRecords(console.page);
  await expect(startsAt).toHaveValue('18:00');
  await console.page.getByLabel('Pack').selectOption('hhrp-group-5');
  const agenda = pdfText(
    await save(console.page, () =>
      console.page.getByRole('button', { name: 'Group agenda' }).click(),
    ),
  );
  expect(agenda).toMatch(/starting at 18:00|starting at 6:00/);
  expect(agenda).not.toMatch(/starting at 09:/);
});

test('a graduate, sessions on paper before the kiosk and the counselor’s own decision all give certificates, and the report says why', async ({
  shell,
  context,
}) => {
  test.setTimeout(60_000);
  await installClocks(context);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({ pack: 'Projector check', group: 'Tuesday group', facilitators: ['Riley'] });
  const attendance = await checkIn(console.page, ['Alex', 'Bea', 'Cruz', 'Dee']);
  const graduating = attendance.locator('li', { hasText: 'Alex' }).getByLabel('graduating');
  await graduating.click();
  await expect(graduating).toBeChecked();
  await expect(attendance.locator('li', { hasText: 'Dee' })).toContainText('1 session · 0 quizzes');
  await console.endSession();

  await openRecords(console.page);
  const member = (name: string) => console.page.locator(`li[data-member="${name}"]`);
  await expect(member('Alex').getByTestId('certificate')).toHaveText('certificate: graduating');
  await expect(member('Dee').getByTestId('certificate')).toHaveText(
    'no certificate: 1 session of 4',
  );

  await member('Bea')
    .getByRole('button', { name: /Edit Bea/ })
    .click();
  const bea = console.page.getByRole('form', { name: "Bea's sessions and certificate" });
  await bea.getByLabel('Sessions before the kiosk').fill('3');
  await bea.getByLabel('Where they are recorded').fill('paper sign-in sheets');
  await bea.getByRole('button', { name: 'Save' }).click();
  await expect(member('Bea')).toContainText('1 session + 3 before the kiosk');
  await expect(member('Bea').getByTestId('certificate')).toHaveText('certificate: good standing');

  await member('Cruz')
    .getByRole('button', { name: /Edit Cruz/ })
    .click();
  const cruz = console.page.getByRole('form', { name: "Cruz's sessions and certificate" });
  await cruz.getByLabel('Certificate').selectOption('give a certificate');
  await cruz.getByLabel('Reason').fill('Finished the program at the county clinic');
  await cruz.getByRole('button', { name: 'Save' }).click();
  await expect(member('Cruz').getByTestId('certificate')).toHaveText(
    'certificate: given by the counselor: Finished the program at the county clinic',
  );

  await console.page.getByLabel('Pack').selectOption('projector-check');
  const certificates = pdfText(
    await save(console.page, () =>
      console.page.getByRole('button', { name: 'Print certificates' }).click(),
    ),
  );
  for (const name of ['Alex', 'Bea', 'Cruz']) expect(certificates).toContain(name);
  expect(certificates).not.toContain('Dee');

  const session = console.page.locator('tr[data-session-id="1"]');
  const report = pdfText(
    await save(console.page, () => session.getByRole('button', { name: 'PDF' }).click()),
  );
  expect(report).toContain('Members and certificates');
  expect(report).toMatch(/Bea\s+1 session here, 3 before \(paper/);
  expect(report).toMatch(/Alex.*Yes\s+Yes: graduating/);
  expect(report).toMatch(/Dee.*No: 1 session of 4/);
  const csv = readFileSync(
    await save(console.page, () => session.getByRole('button', { name: 'CSV' }).click()),
    'utf8',
  );
  expect(csv).toContain(
    'Cruz,1,0,,,yes,given by the counselor: Finished the program at the county clinic',
  );
  expect(csv).toContain('Bea,1,3,paper sign-in sheets,,yes,good standing');
});

test('the REDCap dictionary comes from the pack, every option with its text, the same in every export', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  const dictionary = async () => {
    await openRecords(console.page);
    const zip = unzipSync(
      readFileSync(
        await save(console.page, () =>
          console.page.getByRole('button', { name: 'REDCap import (de-identified)' }).click(),
        ),
      ),
    );
    return strFromU8(zip['redcap-data-dictionary.csv']!);
  };
  const before = await dictionary();
  expect(before).toContain(
    'quiz_q2,session,,radio,"Q2. If your partner refuses to use latex protection for penetrative sex, you should:"',
  );
  expect(before).toContain(
    'a, refuse to have unsafe sex | b, suggest oral sex without latex | c, suggest vaginal or anal sex without ejaculation (no coming inside partner) | d, none of the above',
  );
  expect(before).toContain('a, True | b, False');

  await console.page.getByRole('tab', { name: 'Run session' }).click();
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Tuesday group',
    facilitators: ['Riley'],
  });
  await checkIn(console.page, ['Alex']);
  await console.jumpTo(13);
  const quiz = new QuizGridPanel(console.page);
  await quiz.cell('Alex', 'q1').focus();
  await console.page.keyboard.press('b');
  await expect(quiz.cell('Alex', 'q1')).toHaveText('B');
  await console.endSession();
  expect(await dictionary()).toBe(before);
});
