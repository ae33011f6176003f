import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Locator } from '@playwright/test';
import { writePack } from '../helpers/packs';
import { advance, installClocks, minutes } from './support/clock';
import { fakeClockTest } from './support/fixtures';
import { AudiencePage, checkIn, ConsolePage, QuizGridPanel } from './support/pages';
import { expectInsideSafeArea as expectSafe } from './support/safeArea';
import { makeDataDir, startShell, type RunningShell } from './support/webShell';

/** Issue 13: what got in a counselor's way on a first run of Group Five, driven as they did. */

const test = fakeClockTest;

const GROUP_FIVE = 'Negotiating Harm Reduction with Partners';

async function startGroupFive(console: ConsolePage) {
  await console.start({ pack: GROUP_FIVE, group: 'Tuesday group', facilitators: ['Riley'] });
}

/** Both clocks at the group's start, the console (and the projector when asked) open, Group Five started. */
async function openGroupFive(
  context: BrowserContext,
  shell: RunningShell,
  options: { audience?: boolean } = {},
) {
  await installClocks(context);
  const audience = options.audience ? new AudiencePage(await context.newPage()) : null;
  if (audience) {
    await audience.page.setViewportSize({ width: 1920, height: 1080 });
    await audience.open(shell.audienceUrl);
  }
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await startGroupFive(console);
  return { console, audience: audience! };
}

test('each item opens at the top of its notes, and the agenda keeps the current row in view', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  const console = new ConsolePage(page);
  await console.open(shell.consoleUrl);
  await startGroupFive(console);
  await console.jumpTo(4);
  const notes = page.getByTestId('notes-pane');
  await notes.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect.poll(() => notes.evaluate((element) => element.scrollTop)).toBeGreaterThan(200);
  for (let presses = 0; presses < 8; presses += 1) {
    if ((await console.currentItem.textContent())?.startsWith('6. ')) break;
    const position = await console.slidePosition.textContent();
    await console.nextButton.click();
    await expect(console.slidePosition).not.toHaveText(position!);
  }
  await console.expectItem(6, 'Personal Vulnerability');
  await expect.poll(() => notes.evaluate((element) => element.scrollTop)).toBe(0);

  // Typing a slide number jumps far down the agenda: the agenda scrolls to follow.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const key of ['2', '4', 'Enter']) await page.keyboard.press(key);
  await console.expectItem(15, /^15\. Relaxation/);
  const row = await console.agendaItem(14).boundingBox();
  const agenda = await console.agenda.boundingBox();
  expect(row!.y).toBeGreaterThanOrEqual(agenda!.y);
  expect(row!.y + row!.height).toBeLessThanOrEqual(agenda!.y + agenda!.height + 1);
});

test('typing quiz answers from paper runs on to the next member, and true/false reads T and F', async ({
  shell,
  context,
}) => {
  const { console } = await openGroupFive(context, shell);
  await checkIn(console.page, ['Alex', 'Bea'], { welcomed: true });
  await console.jumpTo(13);
  const quiz = new QuizGridPanel(console.page);
  await quiz.cell('Alex', 'q1').focus();
  // Two papers typed in one go: Alex d a d c t, then Bea b b d a f.
  for (const key of 'dadctbbdaf') await console.page.keyboard.press(key);
  await expect(quiz.cell('Alex', 'q5')).toHaveText('T');
  await expect(quiz.cell('Bea', 'q1')).toHaveText('B');
  await expect(quiz.cell('Bea', 'q4')).toHaveText('A');
  await expect(quiz.cell('Bea', 'q5')).toHaveText('F');
  await expect(quiz.cell('Bea', 'q5')).toHaveAccessibleName('Bea, question 5: F');
});

test('after a jump and a skip the agenda times stay in order and the projected end stays honest', async ({
  shell,
  context,
}) => {
  const { console } = await openGroupFive(context, shell);
  await advance(context, shell, minutes(5));
  // Jump over items 2–9 straight to the vignettes video, then skip item 12.
  await console.jumpTo(10);
  await console.changeItem(11, 'Covered in the vignettes', 'Skip item');
  await expect(console.agendaItem(11)).toContainText('Skipped: Covered in the vignettes');
  await expect(console.agendaItem(11).getByTestId('agenda-time')).toHaveText('—');
  await expect(console.agendaItem(11)).toContainText('0 min');
  await expect(console.agendaItem(3).getByTestId('agenda-time')).toHaveText('—');
  await expect(console.agendaItem(3)).toContainText('not run yet');

  const times = (await console.agenda.getByTestId('agenda-time').allTextContents()).filter(
    (time) => time !== '—',
  );
  expect(times).toEqual([...times].sort());
  // The jumped-over items still have to run (or be skipped): only the skipped 5 minutes are saved.
  await expect(console.lateness).toContainText('Projected end 19:55');
  await expect(console.lateness).toContainText('5 min ahead (incl. 65 min not yet run)');
});

test('the fidelity record says what really happened: passed through, adapted, revisited, in order', async ({
  shell,
  context,
}) => {
  const { console } = await openGroupFive(context, shell);
  await advance(context, shell, minutes(6));
  await console.jumpTo(1);
  await console.jumpTo(2); // item 2 only flashed by: an accidental key
  await advance(context, shell, minutes(4));
  await console.changeItem(2, 'Shortened: group was quiet', 'Mark adapted');
  await console.jumpTo(0); // back to the opening for a latecomer
  await advance(context, shell, minutes(2));
  await console.endSession();

  const row = (id: string) => console.summary.locator(`tr[data-item-id="${id}"]`);
  await expect(row('introduction')).toContainText('Passed through');
  await expect(row('negotiation-defined')).toContainText('Adapted');
  await expect(row('negotiation-defined')).not.toContainText('Delivered');
  await expect(row('begin-group')).toContainText('Delivered');
  await expect(row('begin-group')).toContainText('Revisited (2 visits)');
  await expect(row('tips-for-negotiation')).toContainText('Not reached');
  const order = console.summary.getByRole('list', { name: 'In the order it happened' });
  await expect(order.getByRole('listitem')).toHaveText([
    /18:00–18:06 Begin Group/,
    /18:06–18:06 Introduction/,
    /18:06–18:10 Negotiation Defined/,
    /18:10–18:12 Begin Group .* revisit/,
  ]);
});

test('the console preview is the projector: question, flipchart, break, video, quiz and game', async ({
  shell,
  context,
}) => {
  const { console, audience } = await openGroupFive(context, shell, { audience: true });
  const preview = console.page.getByTestId('projector-preview');
  const stage = (locator: Locator) =>
    locator.locator('.stage-canvas').evaluate((element) => (element as HTMLElement).innerText);
  const expectSame = async (kind: string) => {
    await audience.expectScreen(kind);
    await expect(preview).toHaveAttribute('data-screen', kind);
    await expect.poll(() => stage(preview)).toBe(await stage(audience.root));
  };
  await checkIn(console.page, ['Alex', 'Bea', 'Cruz', 'Dee']);
  await expectSame('slide');

  await console.jumpTo(2);
  const question = console.question('what-is-negotiation');
  await question.getByRole('button', { name: 'Reveal answers' }).click();
  await expectSame('question');
  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  await flipchart.getByLabel("Group's response").fill('Give and take');
  await console.page.keyboard.press('Enter');
  await flipchart.getByRole('button', { name: 'Show flipchart on projector' }).click();
  await expectSame('flipchart');

  await console.jumpTo(6);
  await console.page.getByRole('button', { name: 'Play', exact: true }).click();
  await expectSame('video');
  await expect(preview.locator('video')).toHaveJSProperty('muted', true);

  await console.jumpTo(8);
  await expectSame('break');

  await console.jumpTo(12);
  await console.page.getByRole('button', { name: 'Make teams and deal cards' }).click();
  await console.page.getByRole('button', { name: 'Reveal scores and winner' }).click();
  await expectSame('game-results');

  await console.jumpTo(13);
  await console.page.getByRole('button', { name: 'Reveal Q2' }).click();
  await expectSame('quiz-result');
});

const BUILDS_PACK = `format: 1
id: builds-pack
version: 1.0.0
title: Builds pack
program: Test program
language: en
minutes: 20
audience: client-group
agenda:
  - id: discuss
    title: Discussion
    kind: discussion
    minutes: 10
    slides: [answers, defined]
  - id: close
    title: Close
    kind: closing
    minutes: 10
slides:
  - id: answers
    build: true
    markdown: |
      # What did the couple do right?

      - Talked before any intimacy
      - Shopped for latex together
      - Found a win-win
  - id: defined
    reveal: true
    markdown: |
      # What is negotiation?

      Reaching a goal through **persuasion** and **compromise**.
`;

base(
  'slide builds show one bullet per Next, and a reveal slide keeps its answer off the projector',
  async ({ context }) => {
    const data = makeDataDir();
    writePack(join(data.path, 'curricula', 'builds-pack'), { 'pack.yaml': BUILDS_PACK });
    const shell = await startShell(data.path);
    try {
      const audience = new AudiencePage(await context.newPage());
      const console = new ConsolePage(await context.newPage());
      await audience.open(shell.audienceUrl);
      await console.open(shell.consoleUrl);
      await console.start({ pack: 'Builds pack', group: 'Test group', facilitators: ['Riley'] });
      const bullets = audience.root.locator('.slide-canvas li');
      const room = async () => audience.everything();

      await audience.expectSlide(1, 'What did the couple do right?');
      await expect(bullets).toHaveCount(0);
      expect(await room()).not.toContain('Talked before');
      await expect(console.page.getByTestId('build')).toContainText('0 of 3 points shown');
      await console.nextButton.click();
      await expect(bullets).toHaveText(['Talked before any intimacy']);
      expect(await room()).not.toContain('Shopped for latex');
      await console.page.keyboard.press('ArrowRight');
      await expect(bullets).toHaveCount(2);
      await console.previousButton.click();
      await expect(bullets).toHaveText(['Talked before any intimacy']);
      await console.nextButton.click();
      await console.nextButton.click();
      await expect(bullets).toHaveCount(3);
      await expect(console.page.getByTestId('build')).toContainText('all shown');
      await expect(console.page.getByTestId('projector-preview').locator('li')).toHaveCount(3);

      await console.nextButton.click();
      await audience.expectSlide(2, 'What is negotiation?');
      expect(await room()).not.toContain('persuasion');
      await expect(console.page.getByTestId('build')).toContainText(
        'heading only: Next reveals the rest',
      );
      await expect(console.page.getByTestId('projector-preview')).not.toContainText('persuasion');
      await console.nextButton.click();
      await expect(audience.root).toContainText('Reaching a goal through persuasion');
      await console.nextButton.click();
      await console.expectItem(2, 'Close');
    } finally {
      await shell.stop();
      data.remove();
    }
  },
);

test('Group Five keeps each answer slide off the projector until the counselor reveals it', async ({
  shell,
  context,
}) => {
  const { console, audience } = await openGroupFive(context, shell, { audience: true });
  const bullets = audience.root.locator('.slide-canvas li');
  for (const [index, heading, answer, presses] of [
    [2, 'What is negotiation?', 'Reaching a goal through', 1],
    [7, 'What did the couple do right?', 'Shopped for latex together', 5],
    [11, 'Sane and sober', 'Negotiate when', 2],
  ] as const) {
    await console.jumpTo(index);
    await expect(audience.root.locator('.slide-canvas h1')).toHaveText(heading);
    await expect(bullets).toHaveCount(0);
    expect(await audience.everything()).not.toContain(answer);
    for (let press = 1; press <= presses; press += 1) {
      await console.nextButton.click();
      if (press < presses) await expect(bullets).toHaveCount(press);
    }
    await expect(audience.root).toContainText(answer);
  }
});

test('projected text stays inside the safe area: long quiz feedback and revealed answers shrink to fit', async ({
  shell,
  context,
}) => {
  const { console, audience } = await openGroupFive(context, shell, { audience: true });
  const expectInsideSafeArea = () => expectSafe(audience.root, 36);
  await console.jumpTo(11);
  await console
    .question('high-or-in-passion')
    .getByRole('button', { name: 'Reveal answers' })
    .click();
  await audience.expectScreen('question');
  await expectInsideSafeArea();

  await console.jumpTo(13);
  await console.page.getByRole('button', { name: 'Reveal Q2' }).click();
  await audience.expectScreen('quiz-result');
  await expectInsideSafeArea();
});
