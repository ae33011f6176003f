import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './support/fixtures';
import { checkIn, ConsolePage, QuizGridPanel } from './support/pages';
import { openRecords, pdfText, save } from './support/records';
import { makeDataDir, startShell } from './support/webShell';

const MEMBERS = ['Alex', 'Bea', 'Cruz'];

async function runGroup(console: ConsolePage) {
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Thursday group',
    facilitators: ['Riley'],
  });
  await checkIn(console.page, MEMBERS);
  await console.jumpTo(13);
  const quiz = new QuizGridPanel(console.page);
  for (const [name, keys] of Object.entries({ Alex: 'dadcb', Bea: 'dbdaa', Cruz: 'aadcb' })) {
    await quiz.cell(name, 'q1').focus();
    for (const key of keys) await console.page.keyboard.press(key);
  }
  await expect(quiz.cell('Cruz', 'q5')).toHaveText('F');
  await console.endSession();
}

test('the records are behind a PIN and lock again', async ({ shell, page }) => {
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await openRecords(page);
  await page.getByRole('button', { name: 'Lock records' }).click();
  const gate = page.getByRole('form', { name: 'Records are locked' });
  await gate.getByLabel('Counselor PIN').fill('1111');
  await gate.getByRole('button', { name: 'Unlock' }).click();
  await expect(gate.getByRole('alert')).toHaveText('That PIN is not right.');
  await gate.getByLabel('Counselor PIN').fill('2468');
  await gate.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  const locked = await page.evaluate(async () => {
    await window.kiosk.invoke('records:lock', {});
    return window.kiosk.invoke('records:exportAll', {});
  });
  expect(locked).toMatchObject({
    ok: false,
    error: { message: expect.stringContaining('locked') },
  });
});

test("the agenda prints the program's times, and today's beside them once a start time is set", async ({
  shell,
  page,
}) => {
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await openRecords(page);
  await page.getByLabel('Pack').selectOption('hhrp-group-5');
  // Filled in with the next half hour: emptied, the agenda has the program's times only.
  await expect(page.getByLabel('Group starts at')).toHaveValue(/^\d\d:[03]0$/);
  await page.getByLabel('Group starts at').fill('');
  const plain = pdfText(
    await save(page, () => page.getByRole('button', { name: 'Group agenda' }).click()),
  );
  expect(plain).toMatch(
    /0:00\s+Begin Group \(5 mins\)\s*\n\s*Introductions – Rules – Time keeper assignment/,
  );
  expect(plain).toMatch(/0:45\s+Discussion: Response to Video \(5 mins\)/);
  expect(plain).toMatch(/2:00\s+End/);
  expect(plain).not.toMatch(/\b\d\d:\d\d\b/);

  await page.getByLabel('Group starts at').fill('6pm');
  await page.getByRole('button', { name: 'Group agenda' }).click();
  await expect(page.getByRole('alert')).toContainText('write it as HH:MM, e.g. 18:30');
  await page.getByLabel('Group starts at').fill('18:30');
  const today = pdfText(
    await save(page, () => page.getByRole('button', { name: 'Group agenda' }).click()),
  );
  expect(today).toContain('starting at 18:30');
  expect(today).toMatch(/0:45\s+19:15\s+Discussion: Response to Video \(5 mins\)/);
  expect(today).toMatch(/1:05\s+19:35\s+Review \(5 mins\)/);
  expect(today).toMatch(/2:00\s+20:30\s+End/);
});

test('answers are exported, certificates and the quiz sheet print, and the session report holds the results', async ({
  shell,
  page,
}) => {
  test.setTimeout(60_000);
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await runGroup(console);
  await openRecords(page);

  const zip = unzipSync(
    readFileSync(
      await save(page, async () => {
        await page.getByRole('button', { name: 'All records (CSV)' }).click();
        await expect(page.getByRole('group', { name: 'Confirm export' })).toContainText(
          'not protected by the kiosk',
        );
        await page.getByRole('button', { name: 'Save unprotected file' }).click();
      }),
    ),
  );
  const answers = strFromU8(zip['quiz_answers.csv']!);
  expect(answers).toContain('Alex');
  expect(answers.split('\n').filter((line) => line.includes('Bea'))).toHaveLength(5);
  expect(answers).toMatch(/Cruz.*q1.*,a,/);

  await expect(page.getByText('Print the recovery key sheet now')).toBeVisible();
  const sheet = pdfText(
    await save(page, () =>
      page.getByRole('button', { name: 'Print the recovery key sheet' }).click(),
    ),
  );
  expect(sheet).toMatch(/Recovery key\s+([0-9A-Z]{5}-){10}[0-9A-Z]{5}/);
  await expect(page.getByText(/recovery key sheet was last printed/)).toBeVisible();

  const report = readFileSync(
    await save(page, () =>
      page.locator('tr[data-session-id="1"]').getByRole('button', { name: 'CSV' }).click(),
    ),
    'utf8',
  );
  expect(report).toContain('Negotiating Harm Reduction with Partners');
  const reportPdf = pdfText(
    await save(page, () =>
      page.locator('tr[data-session-id="1"]').getByRole('button', { name: 'PDF' }).click(),
    ),
  );
  expect(reportPdf).toContain('Quiz and Feedback');

  const rule = page.getByRole('form', { name: 'Good standing rule' });
  await rule.getByLabel('Sessions attended at least').fill('1');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByText('good standing').first()).toBeVisible();
  await page.getByLabel('Pack').selectOption('hhrp-group-5');
  const certificates = pdfText(
    await save(page, () => page.getByRole('button', { name: 'Print certificates' }).click()),
  );
  for (const name of MEMBERS) expect(certificates).toContain(name);
  expect(certificates).toContain('Certificate of Achievement');

  await page.getByLabel('Paper').selectOption('A4');
  const quizFile = await save(page, () => page.getByRole('button', { name: 'Quiz sheet' }).click());
  const quiz = pdfText(quizFile);
  expect(quiz).toContain('Safer sex negotiation discussions should begin');
  expect(quiz).toContain('suggest oral sex without latex');
  expect(execFileSync('pdfinfo', [quizFile], { encoding: 'utf8' })).toMatch(
    /595\.\d+ x 841\.\d+ pts \(A4\)/,
  );

  const redcap = unzipSync(
    readFileSync(
      await save(page, () =>
        page.getByRole('button', { name: 'REDCap import (de-identified)' }).click(),
      ),
    ),
  );
  const data = strFromU8(redcap['redcap-data.csv']!);
  expect(data.split('\n')[0]).toContain('record_id');
  for (const name of [...MEMBERS, 'Riley', 'Thursday group']) expect(data).not.toContain(name);
});

test('a backup restores the records as they were', async ({ shell, page }) => {
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await runGroup(console);
  await openRecords(page);
  const backups = page.getByRole('region', { name: 'Backups' });
  await expect(backups.locator('li')).toHaveCount(2);
  const name = await backups
    .locator('li', { hasText: 'end of a session' })
    .getAttribute('data-backup');
  const afterSession = backups.locator(`li[data-backup="${name}"]`);

  await console.page.getByRole('tab', { name: 'Run session' }).click();
  await console.start({ pack: 'Projector check', group: 'Late group', facilitators: ['Sam'] });
  await console.endSession();
  await page.getByRole('tab', { name: 'Records' }).click();
  await expect(page.locator('tr[data-session-id]')).toHaveCount(2);

  await afterSession.getByRole('button', { name: 'Restore…' }).click();
  await afterSession.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Restored');
  await expect(page.locator('tr[data-session-id]')).toHaveCount(1);
});

test('damaged records are set aside at start, the latest backup restored, and the counselor told', async ({
  page,
}) => {
  const data = makeDataDir();
  let shell = await startShell(data.path);
  try {
    const console = new ConsolePage(page);
    await console.open(shell.consoleUrl);
    await console.start({
      pack: 'Projector check',
      group: 'Before the damage',
      facilitators: ['Riley'],
    });
    await console.endSession();
    // The summary shows as soon as the session ends; its backup is written just after.
    await expect
      .poll(() =>
        readdirSync(join(data.path, 'backups')).some((name) =>
          name.endsWith('-session-end.sqlite3'),
        ),
      )
      .toBe(true);
    await shell.stop();
    writeFileSync(join(data.path, 'kiosk.sqlite3'), Buffer.alloc(16_384, 0x42));
    rmSync(join(data.path, 'kiosk.sqlite3-wal'), { force: true });

    shell = await startShell(data.path, { port: shell.port });
    await console.open(shell.consoleUrl);
    await expect(page.getByRole('alert')).toContainText('The records file was damaged');
    await expect(page.getByRole('alert')).toContainText('latest good backup');
    await expect(console.summary).toContainText('Before the damage');

    // The notice stays, restart after restart, until someone acknowledges it.
    await shell.stop();
    shell = await startShell(data.path, { port: shell.port });
    await console.open(shell.consoleUrl);
    await expect(page.getByRole('alert')).toContainText('The records file was damaged');
    await page.getByRole('button', { name: 'Understood' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Run session' })).toBeVisible();
    await expect(page.getByText('The records file was damaged')).toHaveCount(0);
  } finally {
    await shell.stop();
    data.remove();
  }
});
