import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { GROUP_START } from './support/clock';
import { ConsolePage } from './support/pages';
import { ProgramPage, runProgram, type PlannedSession } from './support/program';
import { makeDataDir, startShell, type RunningShell } from './support/webShell';

const MEMBERS = ['Alex', 'Bea', 'Cruz', 'Dee', 'Eve', 'Finn'];
/** Group Five's agenda indexes used below. */
const BEGIN = 0;
const NEGOTIATION_DEFINED = 2;
const ELEMENTS_OF_PERSUASION = 4;
const DRUGS_AND_ALCOHOL = 11;

/**
 * Four sessions of Group Five in two groups. Quiz keys are q1 d, q2 a, q3 d, q4 c, q5 b; the
 * drugs-and-alcohol item teaches q2 and q4.
 */
const PROGRAM: PlannedSession[] = [
  {
    group: 'Thursday group',
    present: ['Alex', 'Bea', 'Cruz'],
    answers: { Alex: 'dadcb', Bea: 'dbdaa', Cruz: 'aadcb' },
    skip: { [ELEMENTS_OF_PERSUASION]: 'Co-facilitator absent' },
    daysLater: 0,
  },
  {
    group: 'Thursday group',
    present: ['Alex', 'Bea'],
    answers: { Alex: 'dadcb', Bea: 'dbdcb' },
    skip: { [DRUGS_AND_ALCOHOL]: 'Ran short of time' },
    adapt: { [NEGOTIATION_DEFINED]: 'Group was quiet' },
    minutes: { [BEGIN]: 17 },
    daysLater: 7,
  },
  {
    group: 'Thursday group',
    present: ['Alex', 'Cruz', 'Dee'],
    answers: { Alex: 'dadcb', Cruz: 'dadcb', Dee: 'dbdcb' },
    daysLater: 7,
  },
  {
    group: 'Monday group',
    present: ['Eve', 'Finn'],
    answers: { Eve: 'dadcb', Finn: 'dadca' },
    daysLater: 1,
  },
];

const PIN = '2468';

async function openProgram(page: Page, shell: RunningShell): Promise<ProgramPage> {
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await page.getByRole('tab', { name: 'Records' }).click();
  const gate = page.getByRole('form', { name: /PIN/ });
  await gate.getByLabel('New PIN (4 to 8 digits)').fill(PIN);
  await gate.getByLabel('The same PIN again').fill(PIN);
  await gate.getByRole('button', { name: 'Set PIN' }).click();
  // A group's second session shows its roster, which takes the PIN (issue 11).
  await runProgram(page, shell, PROGRAM, PIN);
  await page.reload();
  await page.getByRole('tab', { name: 'Records' }).click();
  // The sessions took hours on main's clock: the records locked meanwhile.
  const locked = page.getByRole('form', { name: 'Records are locked' });
  await locked.getByLabel('Counselor PIN').fill(PIN);
  await locked.getByRole('button', { name: 'Unlock' }).click();
  const program = new ProgramPage(page);
  await program.open();
  return program;
}

async function save(page: Page, click: () => Promise<void>): Promise<string> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const file = join(tmpdir(), `kiosk-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

test.describe('the Program view', () => {
  let data: ReturnType<typeof makeDataDir>;
  let shell: RunningShell;
  test.beforeEach(async () => {
    data = makeDataDir();
    shell = await startShell(data.path, { fakeClock: GROUP_START });
  });
  test.afterEach(async () => {
    await shell.stop();
    data.remove();
  });

  test('charts fidelity, attendance and quiz results across sessions, and prints them without names', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const program = await openProgram(page, shell);
    await expect(program.counts).toHaveText(
      '4 sessions · 2 groups · 6 members · time charts show each session',
    );

    // Fidelity: planned against actual minutes, with the spread, and what was skipped or adapted.
    const minutes = 'fidelity-minutes-hhrp-group-5';
    await expect(program.row(minutes, '1. Begin Group').locator('td')).toHaveText([
      '5',
      '4',
      '5',
      '5',
      '5',
      '8',
      '17',
    ]);
    const changes = 'fidelity-changes-hhrp-group-5';
    await expect(program.row(changes, /^5\. /).locator('td')).toHaveText(['4', '1', '0', '0']);
    await expect(program.chart(changes)).toContainText('Co-facilitator absent');
    await expect(program.chart(changes)).toContainText('Group was quiet');
    await expect(program.chart('fidelity-length-hhrp-group-5')).toContainText(
      '1 of 4 sessions ran more than 5 minutes over the planned 120 minutes.',
    );

    // Attendance and retention: Alex came to both next sessions, Bea and Cruz to one of them;
    // Dee, Eve and Finn have not had two more sessions yet.
    await expect(program.chart('attendance-members')).toContainText(
      '6 members came to 4 sessions; 2.5 present per session on average.',
    );
    await expect(program.chart('attendance-retention')).toContainText(
      'Of 6 members at a first session, 1 came to both of the group’s next 2 (33% of 3); 3 too recent to tell.',
    );

    // Quiz: Q2 is the weakest item, B the wrong answer chosen most, and it was not taught first
    // in the session that skipped its item.
    const quiz = 'quiz-items-hhrp-group-5';
    await expect(program.chart(quiz)).toContainText('Fewest right: Q2 (70%); most chose B');
    await expect(
      program
        .row(quiz, /^Q2\. /)
        .locator('td')
        .nth(3),
    ).toHaveText('70');
    await expect(
      program
        .row(quiz, /^Q2\. /)
        .locator('td')
        .nth(4),
    ).toHaveText(/^B: /);
    await expect(
      program
        .row(quiz, /^Q2\. /)
        .locator('td')
        .nth(5),
    ).toHaveText('3');
    const coverage = 'quiz-coverage-hhrp-group-5';
    await expect(program.row(coverage, /^Q2\. /).locator('td')).toHaveText(['4', '3', '75', '50']);

    // One group: the counts and the retention follow the selection.
    await program.filters.getByLabel('Group').selectOption({ label: 'Monday group' });
    await expect(program.counts).toHaveText(
      '1 session · 1 group · 2 members · time charts show each session',
    );
    await program.filters.getByLabel('Group').selectOption({ label: 'All groups' });
    await expect(program.counts).toContainText('4 sessions');

    const csv = readFileSync(
      await save(page, () =>
        program
          .chart('attendance-retention')
          .getByRole('button', { name: /Figures for/ })
          .click(),
      ),
      'utf8',
    );
    expect(csv).toContain('Period of first session,First sessions,Came to both');
    expect(csv).toContain('Thursday group",3,1,2,0,0,33');

    await page.getByLabel('Paper').selectOption('A4');
    const pdfFile = await save(page, () =>
      page.getByRole('button', { name: 'Program report (PDF)' }).click(),
    );
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(
      /595\.\d+ x 841\.\d+ pts \(A4\)/,
    );
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Program report');
    expect(text).toContain('Negotiating Harm Reduction with Partners');
    const layout = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(layout).toMatch(/Groups:\s+2\n/);
    expect(layout).toMatch(/Sessions:\s+4\n/);
    expect(text).toContain('1 of 4 sessions ran more than 5 minutes over the planned 120 minutes.');
    expect(text).toContain('Fewest right: Q2 (70%)');
    expect(text).toContain('Came to neither');
    expect(text).toContain('Co-facilitator absent');
    for (const name of MEMBERS) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  test('is locked with the records and has no serious accessibility problem', async ({ page }) => {
    test.setTimeout(90_000);
    await openProgram(page, shell);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const blocking = results.violations
      .filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
      );
    expect(blocking).toEqual([]);

    const locked = await page.evaluate(async () => {
      await window.kiosk.invoke('records:lock', {});
      return window.kiosk.invoke('records:program', {
        packId: null,
        cohortId: null,
        from: null,
        to: null,
      });
    });
    expect(locked).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('locked') },
    });
  });
});
