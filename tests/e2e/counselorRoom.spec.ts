import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { writePack } from '../helpers/packs';
import { advance, installClocks, minutes } from './support/clock';
import { fakeClockTest, test as realClockTest } from './support/fixtures';
import { AudiencePage, checkIn, ConsolePage, QuizGridPanel } from './support/pages';
import { makeDataDir, readRecords, startShell } from './support/webShell';
import { openRecords, save } from './support/records';
import { expectInsideSafeArea } from './support/safeArea';
import { readFileSync } from 'node:fs';

/** Issue 13: what the room sees and the counselor does in the room, driven as a counselor would. */

const test = fakeClockTest;

test('a poll goes to the room, the counselor types the hands for each option, reveals them with the discussion cue, and the report keeps the counts', async ({
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
  await console.jumpTo(14);
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
  await poll.getByRole('button', { name: 'Reveal counts' }).click();
  await expect(board.locator('[data-option="a"]')).toHaveText('7');
  await expect(board.locator('[data-option="d"]')).toHaveText('12');
  await expect(board.locator('[data-option="b"]')).toHaveText('–');
  // This poll has no right answer: the reveal shows the hands, and the console the discussion.
  await expect(board.locator('.projector__correct')).toHaveCount(0);
  await expect(poll).toContainText('Now: Ask the room how each one could increase risk');

  // The counts are records: they survive leaving the item and coming back.
  await console.jumpTo(15);
  await console.jumpTo(14);
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
    'risk-question,Which of these can increase risk for harm?,d,No access to safer supplies,12,',
  );
  expect(report).toContain(
    'risk-question,Which of these can increase risk for harm?,b,No or low income,,',
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
  await checkIn(console.page, ['Bea']);
  await console.jumpTo(13);
  const quiz = new QuizGridPanel(console.page);
  const grid = quiz.root;
  await console.page.getByLabel('Hand the laptop to').selectOption({ label: 'Bea' });
  await expect(grid.getByRole('note')).toContainText('Self-entry needs a records PIN');
  await expect(grid.getByRole('button', { name: 'Start self-entry…' })).toBeDisabled();

  await console.page.evaluate(() =>
    window.kiosk.invoke('records:setPin', { pin: '2468', currentPin: null }),
  );
  await console.page.reload();
  await quiz.cell('Bea', 'q1').focus();
  for (const key of ['a', 'b']) await console.page.keyboard.press(key);
  await expect(quiz.cell('Bea', 'q2')).toHaveText('B');
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
  await expect(quiz.cell('Bea', 'q1')).toHaveText('C');
  await expect(quiz.cell('Bea', 'q2')).toHaveText('B');
});

test('a flipchart too long for one screen at the readable floor continues on a second, and Next pages through it', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const audience = new AudiencePage(await context.newPage());
  await audience.page.setViewportSize({ width: 1920, height: 1080 });
  await audience.open(shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Tuesday group',
    facilitators: ['Riley'],
  });
  await console.jumpTo(2);
  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  const card = audience.page.getByTestId('audience-flipchart');
  await flipchart.getByRole('button', { name: 'Show flipchart on projector' }).click();
  const responses = Array.from(
    { length: 16 },
    (_, index) => `Response ${index + 1}: working it out together so both partners feel heard`,
  );
  for (const response of responses) {
    await flipchart.getByLabel("Group's response").fill(response);
    await console.page.keyboard.press('Enter');
    await expect(console.page.getByTestId('projector-preview')).toContainText(response);
  }
  await expect(card).toHaveAttribute('data-pages', '2');
  await expect(card).toHaveAttribute('data-page', '1');
  await expect(console.projectorStatus).toContainText('screen 1 of 2 (Next shows the rest)');
  await expectInsideSafeArea(audience.root, 36);
  await expect(card.getByText('Response 1:')).toBeVisible();
  await expect(card.getByText('Response 16:')).toBeHidden();

  const position = await console.slidePosition.textContent();
  await console.nextButton.click();
  await expect(card).toHaveAttribute('data-page', '2');
  await expect(card.getByText('Response 16:')).toBeVisible();
  await expect(card.getByText('Response 1:', { exact: false }).first()).toBeHidden();
  await expect(card.locator('h1')).toBeVisible();
  await expect(console.projectorStatus).toContainText('screen 2 of 2');
  await expectInsideSafeArea(audience.root, 36);
  await expect(console.slidePosition).toHaveText(position!);

  await console.previousButton.click();
  await expect(card).toHaveAttribute('data-page', '1');
  await console.nextButton.click();
  await console.nextButton.click();
  await expect(console.slidePosition).not.toHaveText(position!);
});

const LONG_SLIDE_PACK = `format: 1
id: long-slide
version: 1.0.0
title: Long slide pack
program: Test program
language: en
minutes: 10
audience: client-group
agenda:
  - id: welcome
    title: Welcome
    kind: opening
    minutes: 10
    slides: [everything]
slides:
  - id: everything
    markdown: |
      # Everything a partner might say about latex, and what to answer

${Array.from({ length: 11 }, (_, index) => `      - Point ${index + 1}: listen first, then answer the worry behind it`).join('\n')}
`;

base(
  'every slide, built in or imported, is fitted inside the projector’s safe area at a readable size',
  async ({ context }) => {
    base.setTimeout(90_000);
    const data = makeDataDir();
    writePack(join(data.path, 'curricula', 'long-slide'), { 'pack.yaml': LONG_SLIDE_PACK });
    const shell = await startShell(data.path);
    try {
      const audience = new AudiencePage(await context.newPage());
      await audience.page.setViewportSize({ width: 1920, height: 1080 });
      await audience.open(shell.audienceUrl);
      const console = new ConsolePage(await context.newPage());
      await console.open(shell.consoleUrl);
      for (const pack of [
        'Long slide pack',
        'Negotiating Harm Reduction',
        'Harm Reduction 101',
        'Projector check',
      ]) {
        await console.start({ pack, group: `Group for ${pack}`, facilitators: ['Riley'] });
        const count = Number(/of (\d+)/.exec((await console.slidePosition.textContent())!)![1]);
        for (let number = 1; number <= count; number += 1) {
          await console.page.evaluate(
            (slide) => window.kiosk.invoke('session:command', { type: 'goToSlide', number: slide }),
            number,
          );
          // A video or break item shows its own screen; every other slide is projected.
          await expect(console.slidePosition).toContainText(`Slide ${number} of`);
          await expect
            .poll(() =>
              audience.root.evaluate((root) =>
                root.dataset.screen === 'slide' ? root.dataset.slideNumber : 'other',
              ),
            )
            .toMatch(new RegExp(`^(${number}|other)$`));
          if ((await audience.root.getAttribute('data-screen')) !== 'slide') continue;
          await expectInsideSafeArea(audience.root, 36);
        }
        await console.endSession();
      }
      await audience.page.close();
    } finally {
      await shell.stop();
      data.remove();
    }
  },
);

realClockTest(
  'a rehearsal pages through a pack on both screens, with its video and timers, and writes no record',
  async ({ shell, dataDir, context }) => {
    const audience = new AudiencePage(await context.newPage());
    await audience.page.setViewportSize({ width: 1920, height: 1080 });
    await audience.open(shell.audienceUrl);
    const console = new ConsolePage(await context.newPage());
    await console.open(shell.consoleUrl);
    const form = console.page.getByRole('form', { name: 'Start a session' });
    const packs = form.getByLabel('Content pack');
    await packs.selectOption(
      (await packs
        .locator('option', { hasText: 'Negotiating Harm Reduction' })
        .getAttribute('value'))!,
    );
    await form.getByRole('button', { name: 'Rehearse this pack' }).click();

    await expect(console.page.getByTestId('rehearsal')).toHaveText(
      'Rehearsal: nothing is recorded',
    );
    await audience.expectSlide(1, /Negotiating Harm Reduction/);
    await console.nextButton.click();
    await audience.expectSlide(2, /.+/);
    await expect(console.itemTimer).not.toHaveText('0:00');
    await expect(console.page.getByTestId('attendance')).toHaveCount(0);
    await console.jumpTo(6);
    await audience.expectScreen('video');
    await console.nextButton.click();
    await expect
      .poll(() =>
        audience.page.evaluate(
          () =>
            document.querySelector<HTMLVideoElement>('[data-testid="audience-video"]')!.currentTime,
        ),
      )
      .toBeGreaterThan(0.2);

    await console.page.getByRole('button', { name: 'End rehearsal' }).click();
    await expect(form).toBeVisible();
    await audience.expectScreen('idle');
    const counts = readRecords(
      dataDir,
      "SELECT (SELECT count(*) FROM sessions) || ',' || (SELECT count(*) FROM session_events) || ',' || (SELECT count(*) FROM cohorts)",
    );
    expect(counts).toBe('0,0,0');
  },
);

base(
  'before a session the projector says the group is starting soon, and the volumes set on the console are kept on this machine',
  async ({ context }) => {
    const data = makeDataDir();
    let shell = await startShell(data.path);
    try {
      const audience = new AudiencePage(await context.newPage());
      await audience.page.setViewportSize({ width: 1920, height: 1080 });
      await audience.open(shell.audienceUrl);
      const console = new ConsolePage(await context.newPage());
      await console.open(shell.consoleUrl);
      const form = console.page.getByRole('form', { name: 'Start a session' });
      const packs = form.getByLabel('Content pack');
      await packs.selectOption('harm-reduction-101');
      await audience.expectScreen('idle');
      await expect(audience.root).toContainText('Harm Reduction 101');
      await expect(audience.root).toContainText('Starting soon');
      await packs.selectOption('hhrp-group-5');
      await expect(audience.root).toContainText('Negotiating Harm Reduction with Partners');

      await console.start({
        pack: 'Negotiating Harm Reduction',
        group: 'Tuesday group',
        facilitators: ['Riley'],
      });
      await console.jumpTo(6);
      await console.page.getByLabel('Video volume').fill('40');
      const audienceVolume = () =>
        audience.page.evaluate(
          // Null until the projector has drawn the video (the poll then asks again).
          () =>
            document.querySelector<HTMLVideoElement>('[data-testid="audience-video"]')?.volume ??
            null,
        );
      await expect.poll(audienceVolume).toBeCloseTo(0.4);
      await console.jumpTo(14);
      await console.page.getByLabel('Relaxation volume').fill('25');
      await expect(console.page.getByLabel('Relaxation volume')).toHaveValue('25');

      // Another day: the kiosk restarted, the same laptop remembers both.
      await console.endSession();
      await shell.stop();
      shell = await startShell(data.path, { port: shell.port });
      await console.open(shell.consoleUrl);
      await audience.open(shell.audienceUrl);
      await console.start({
        pack: 'Negotiating Harm Reduction',
        group: 'Wednesday group',
        facilitators: ['Riley'],
      });
      await console.jumpTo(6);
      await expect(console.page.getByLabel('Video volume')).toHaveValue('40');
      await expect.poll(audienceVolume).toBeCloseTo(0.4);
      await console.jumpTo(14);
      await console.page.getByRole('button', { name: /Start relaxation/ }).click();
      await expect(console.page.getByTestId('relaxation-volume')).toHaveAttribute(
        'data-master-volume',
        '0.25',
      );
      await console.page.keyboard.press('Escape');
    } finally {
      await shell.stop();
      data.remove();
    }
  },
);

test('the slide sorter shows the item’s and the whole pack’s slides as thumbnails, and a click jumps there', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const audience = new AudiencePage(await context.newPage());
  await audience.page.setViewportSize({ width: 1920, height: 1080 });
  await audience.open(shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Tuesday group',
    facilitators: ['Riley'],
  });
  await console.jumpTo(4);
  await console.page.getByRole('button', { name: 'Slides…' }).click();
  const sorter = console.page.getByRole('dialog', { name: 'Slide sorter' });
  const thumbnails = sorter.getByRole('button', { name: /^Slide \d+:/ });
  await expect(sorter.getByRole('heading', { level: 3 })).toHaveText(['5. Elements of Persuasion']);
  const itemSlides = await thumbnails.count();
  expect(itemSlides).toBeGreaterThan(0);
  await expect(thumbnails.first()).toHaveAttribute('aria-current', 'true');
  await expect(thumbnails.first()).toBeFocused();

  await sorter.getByRole('button', { name: /Whole pack/ }).click();
  await expect(thumbnails).toHaveCount(24);
  await expect(sorter.getByRole('heading', { level: 3 })).toHaveCount(15);
  await sorter.getByRole('button', { name: /^Slide 20:/ }).click();
  await expect(sorter).toBeHidden();
  await expect(console.slidePosition).toContainText('Slide 20 of 24');
  await expect(audience.root).toHaveAttribute('data-slide-number', '20');

  await console.page.getByRole('button', { name: 'Slides…' }).click();
  await console.page.keyboard.press('Escape');
  await expect(sorter).toBeHidden();
  await expect(console.page.getByRole('button', { name: 'Slides…' })).toBeFocused();
});

test('the time bar stays one line at 1366 and 1280 px, also at “Ending soon”', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'A group with a long name for the time bar',
    facilitators: ['Riley', 'Sam'],
    timeKeeper: 'Jordan',
  });
  const bar = console.page.locator('header.timebar');
  /** 1 when every block shares one line (they all overlap vertically), else 2. */
  const rows = () =>
    bar.locator('.timebar__block').evaluateAll((blocks) => {
      const boxes = blocks.map((block) => block.getBoundingClientRect());
      const lowestTop = Math.max(...boxes.map((box) => box.top));
      return lowestTop < Math.min(...boxes.map((box) => box.bottom)) ? 1 : 2;
    });
  const heights: number[] = [];
  for (const width of [1366, 1280]) {
    await console.page.setViewportSize({ width, height: width === 1366 ? 768 : 720 });
    expect(await rows(), `${width} px`).toBe(1);
    heights.push((await bar.boundingBox())!.height);
  }
  await advance(context, shell, minutes(4) + 15_000);
  await expect(console.itemTimer).toContainText('Ending soon');
  for (const [index, width] of [1366, 1280].entries()) {
    await console.page.setViewportSize({ width, height: width === 1366 ? 768 : 720 });
    expect(await rows(), `${width} px, ending soon`).toBe(1);
    expect((await bar.boundingBox())!.height).toBe(heights[index]);
  }
});

test('after going back, an item already run further down shows no clock time out of order', async ({
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
  for (const index of [1, 2, 3]) {
    await advance(context, shell, minutes(5));
    await console.jumpTo(index);
  }
  await advance(context, shell, minutes(5));
  await console.jumpTo(1);
  const times = console.agenda.getByTestId('agenda-time');
  await expect(console.agendaItem(2).getByTestId('agenda-time')).toHaveText('—, ran at 18:10');
  await expect(console.agendaItem(3).getByTestId('agenda-time')).toHaveText('—, ran at 18:15');
  const clocks = (await times.allTextContents()).filter((text) => /^\d\d:\d\d$/.test(text));
  expect(clocks.length).toBeGreaterThan(10);
  expect([...clocks].sort()).toEqual(clocks);
});
