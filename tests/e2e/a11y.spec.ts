import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { MINIMAL_PACK, zipOfPack } from '../helpers/packs';
import { expect, test } from './support/fixtures';
import { makeDeck } from './support/deck';
import {
  AudiencePage,
  checkIn,
  ConsolePage,
  DeckImportPage,
  GamePanel,
  PackEditorPage,
  PacksPage,
  QuizGridPanel,
} from './support/pages';
import { startShell } from './support/webShell';

/**
 * Accessibility of every console and audience view: axe finds no serious or critical WCAG 2.1 A/AA
 * violation, the projector's text is large enough to read from the back of the room at 1080p with
 * AA contrast, and the runner can be driven from the keyboard alone.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
const PROJECTOR = { width: 1920, height: 1080 };
/** The smallest body text the back row of a group room can read on a 1080p projector. */
const MIN_AUDIENCE_TEXT_PX = 28;
const MIN_BODY_CONTRAST = 4.5;
const MEMBERS = ['Alex', 'Bea', 'Cruz'];

const GROUP_FIVE = 'Negotiating Harm Reduction';
const EDITOR_SECTIONS = [
  'Session',
  'Agenda',
  'Slides',
  'Quiz',
  'Team game',
  'Media',
  'Relaxation',
  'History',
];
/** Agenda indexes in the Group Five pack. */
const ITEM = {
  opening: 0,
  discussion: 2,
  demonstration: 4,
  video: 6,
  break: 8,
  game: 12,
  quiz: 13,
  relaxation: 14,
} as const;

/**
 * Runs axe on the page as it is now. Soft, so one test reports every failing view at once; the
 * message names each rule, its impact and where it failed so the fix is obvious.
 */
async function expectAccessible(page: Page, view: string, options: { showsText?: boolean } = {}) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}) at ${violation.nodes
          .map((node) => node.target.join(' > '))
          .join(', ')}`,
    );
  expect.soft(blocking, `${view}: serious or critical axe violations`).toEqual([]);
  if (options.showsText) {
    // Text contrast comes from axe's own color-contrast rule: make sure it really ran on the text,
    // and hold body text (not only large text, where AA asks 3:1) to 4.5:1 with axe's measurements.
    const checked = [...results.passes, ...results.violations]
      .filter((rule) => rule.id === 'color-contrast')
      .flatMap((rule) => rule.nodes);
    expect
      .soft(checked.length, `${view}: axe's color-contrast rule checked no text`)
      .toBeGreaterThan(0);
    const faintBodyText = checked
      .filter((node) => !/^<h[1-6]/.test(node.html))
      .map((node) => ({
        text: node.html.slice(0, 60),
        ratio: (node.any[0]?.data as { contrastRatio?: number } | undefined)?.contrastRatio ?? 0,
      }))
      .filter(({ ratio }) => ratio < MIN_BODY_CONTRAST);
    expect.soft(faintBodyText, `${view}: body text under ${MIN_BODY_CONTRAST}:1`).toEqual([]);
  }
}

interface TextSize {
  text: string;
  px: number;
}

/**
 * The size text is really drawn at: computed font-size times the scale of every CSS transform
 * above it (slides are laid out on a 1920×1080 canvas and scaled to fit the window).
 */
async function renderedTextSizes(scope: Locator): Promise<TextSize[]> {
  return scope.evaluateAll((elements) =>
    elements
      .filter((element) => {
        const ownText = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
        );
        const box = element.getBoundingClientRect();
        return ownText && box.width > 0 && box.height > 0;
      })
      .map((element) => {
        let scale = 1;
        for (let node: Element | null = element; node; node = node.parentElement) {
          const transform = getComputedStyle(node).transform;
          if (transform && transform !== 'none') {
            const matrix = new DOMMatrixReadOnly(transform);
            scale *= Math.hypot(matrix.a, matrix.b);
          }
        }
        return {
          text: element.textContent!.trim().slice(0, 40),
          px: Math.round(parseFloat(getComputedStyle(element).fontSize) * scale * 10) / 10,
        };
      }),
  );
}

const measuredSizes: Record<string, number> = {};

/** Body text on the projector must be at least 28 px at 1080p. */
async function expectReadableText(audience: AudiencePage, view: string, selector: string) {
  expect(audience.page.viewportSize()).toEqual(PROJECTOR);
  const sizes = await renderedTextSizes(audience.root.locator(selector));
  expect.soft(sizes.length, `${view}: no body text found with ${selector}`).toBeGreaterThan(0);
  const smallest = Math.min(...sizes.map((size) => size.px));
  measuredSizes[view] = smallest;
  const tooSmall = sizes.filter((size) => size.px < MIN_AUDIENCE_TEXT_PX);
  expect
    .soft(
      tooSmall,
      `${view}: text under ${MIN_AUDIENCE_TEXT_PX}px: ${tooSmall.map((size) => `"${size.text}" ${size.px}px`).join(', ')}`,
    )
    .toEqual([]);
}

test.afterAll(() => {
  if (Object.keys(measuredSizes).length > 0) {
    // Printed so the numbers are on record with the run, not only asserted.
    console.log(`audience text at 1080p, smallest per view (px): ${JSON.stringify(measuredSizes)}`);
  }
});

async function openProjector(page: Page, url: string): Promise<AudiencePage> {
  await page.setViewportSize(PROJECTOR);
  const audience = new AudiencePage(page);
  await audience.open(url);
  return audience;
}

async function checkInMembers(console: ConsolePage) {
  const attendance = await checkIn(console.page, MEMBERS);
  await expect(attendance).toContainText(`Attendance (${MEMBERS.length} present)`);
}

/** Waits for CSS fades to finish so axe measures the colours the room really sees. */
async function settleTransitions(page: Page) {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))),
  );
}

/** Every control a counselor can use, as the brief lists them, plus the Attendance toggle. */
const INTERACTIVE =
  'button:not(:disabled):visible, input:not(:disabled):visible, select:not(:disabled):visible, summary:visible, [tabindex="0"]:visible';

interface FocusStop {
  probe: string | null;
  description: string;
  focusVisible: boolean;
  indicated: boolean;
}

/**
 * Presses Tab until every interactive element on the page has had focus (or gives up), and checks
 * each one shows where focus is. Returns the elements never reached and the ones with no indicator.
 */
async function tabThroughEverything(page: Page) {
  const controls = page.locator(INTERACTIVE);
  const descriptions = await controls.evaluateAll((elements) =>
    elements
      .map((element) => {
        element.removeAttribute('data-tab-probe');
        return element;
      })
      // A radio group is one Tab stop (its checked radio); arrow keys move within it.
      .filter(
        (element) =>
          !(element instanceof HTMLInputElement) ||
          element.type !== 'radio' ||
          element.checked ||
          !document.querySelector(`input[type="radio"][name="${element.name}"]:checked`),
      )
      .map((element, index) => {
        element.setAttribute('data-tab-probe', String(index));
        const name =
          element.getAttribute('aria-label') ??
          element.getAttribute('data-cell') ??
          element.closest('label')?.textContent?.trim() ??
          element.textContent?.trim();
        return `${element.tagName.toLowerCase()} "${name?.slice(0, 40)}"`;
      }),
  );
  const reached = new Map<string, FocusStop>();
  // Twice round the page at most: Tab may start anywhere and wraps through the browser's own UI.
  for (let press = 0; press < descriptions.length * 2 + 10; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((): FocusStop => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) {
        return { probe: null, description: 'body', focusVisible: false, indicated: false };
      }
      // A file input hides inside its label button; the label shows the focus ring.
      const box = element.getBoundingClientRect();
      const ringOwner =
        box.width < 4 || box.height < 4 ? (element.closest('label') ?? element) : element;
      const style = getComputedStyle(ringOwner);
      return {
        probe: element.getAttribute('data-tab-probe'),
        description: element.outerHTML.slice(0, 80),
        focusVisible: element.matches(':focus-visible'),
        indicated: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      };
    });
    if (stop.probe !== null) reached.set(stop.probe, stop);
    if (reached.size === descriptions.length) break;
  }
  return {
    count: descriptions.length,
    unreached: descriptions.filter((_, index) => !reached.has(String(index))),
    unindicated: [...reached.values()]
      .filter((stop) => !stop.focusVisible || !stop.indicated)
      .map((stop) => stop.description),
  };
}

/** Every control on the page is reached with Tab alone and shows a focus indicator. */
async function expectKeyboardReachable(page: Page, view: string) {
  const { count, unreached, unindicated } = await tabThroughEverything(page);
  expect(count, `${view}: controls found`).toBeGreaterThan(0);
  expect.soft(unreached, `${view}: controls Tab never reached`).toEqual([]);
  expect.soft(unindicated, `${view}: focus with no visible indicator`).toEqual([]);
}

test('console: Import a deck from PDF, as a new pack split in two and into an imported pack', async ({
  shell,
  page,
}) => {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  await packs.importZip('mini.zip', zipOfPack());
  // The import runs on worker threads; a busy machine needs more than the default 5 s.
  await expect(packs.card('mini-pack')).toBeVisible({ timeout: 20_000 });
  const deck = new DeckImportPage(page);
  await deck.choose('deck.pdf', await makeDeck([['A deck', 'Its first page'], ['Page two']]));
  await expect(deck.pageCard(2).getByRole('img')).toBeVisible();
  await deck.splitAt(2, 'Second part', 5);
  await expectAccessible(page, 'console: Import a deck from PDF, a new pack');
  await expectKeyboardReachable(page, 'console: Import a deck from PDF, a new pack');
  await deck.form.getByLabel('An agenda item of a pack imported here').check();
  await expect(deck.form.getByLabel('Agenda item', { exact: true })).toBeVisible();
  await expectAccessible(page, 'console: Import a deck from PDF, into an imported pack');
  await expectKeyboardReachable(page, 'console: Import a deck from PDF, into an imported pack');
});

test('console start form, Media, Content packs with a broken pack, and Records locked and unlocked', async ({
  page,
  dataDir,
}) => {
  // Axe and a Tab through every control of six views, like the other tests here, need more than
  // the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const broken = join(dataDir, 'curricula', 'broken');
  mkdirSync(broken, { recursive: true });
  writeFileSync(
    join(broken, 'pack.yaml'),
    MINIMAL_PACK.replace('    minutes: 10', '    minutes: lots'),
  );
  const shell = await startShell(dataDir);
  try {
    const console = new ConsolePage(page);
    await console.open(shell.consoleUrl);
    await expect(page.getByRole('form', { name: 'Start a session' })).toBeVisible();
    await expectAccessible(page, 'console: start form');
    await expectKeyboardReachable(page, 'console: start form');

    await page.getByRole('tab', { name: 'Media' }).click();
    await expect(page.locator('[data-media-id="negotiation-vignettes-video"]')).toBeVisible();
    await expectAccessible(page, 'console: Media tab');
    await expectKeyboardReachable(page, 'console: Media tab');

    await page.getByRole('tab', { name: 'Content packs' }).click();
    await expect(
      page.getByRole('region', { name: 'Packs that could not be loaded' }),
    ).toBeVisible();
    await expectAccessible(page, 'console: Content packs tab with a broken pack');
    await expectKeyboardReachable(page, 'console: Content packs tab');

    await page.getByRole('tab', { name: 'Records' }).click();
    const setPin = page.getByRole('form', { name: /PIN/ });
    await expect(setPin.getByLabel('New PIN (4 to 8 digits)')).toBeVisible();
    await expectAccessible(page, 'console: Records, set a PIN');
    await setPin.getByLabel('New PIN (4 to 8 digits)').fill('2468');
    await setPin.getByLabel('The same PIN again').fill('2468');
    await setPin.getByRole('button', { name: 'Set PIN' }).click();
    await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();
    await expectAccessible(page, 'console: Records unlocked');
    await expectKeyboardReachable(page, 'console: Records unlocked');

    await page.getByRole('button', { name: 'Lock records' }).click();
    await expect(page.getByRole('form', { name: 'Records are locked' })).toBeVisible();
    await expectAccessible(page, 'console: Records locked (PIN gate)');
    await expectKeyboardReachable(page, 'console: Records locked (PIN gate)');
  } finally {
    await shell.stop();
  }
});

test('the opening, a discussion with its flipchart, the role-play, a video and the break, on both screens', async ({
  shell,
  context,
}) => {
  test.setTimeout(90_000);
  const audience = await openProjector(await context.newPage(), shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await audience.expectScreen('idle');
  await expectAccessible(audience.page, 'audience: idle');

  await console.start({ pack: GROUP_FIVE, group: 'Thursday group', facilitators: ['Riley'] });
  await checkInMembers(console);
  await expectAccessible(console.page, 'console: opening item, attendance open');
  await audience.expectSlide(1, /.+/);
  await expectAccessible(audience.page, 'audience: slide', { showsText: true });

  await console.page.keyboard.press('?');
  await expect(console.page.getByRole('dialog', { name: 'Keys' })).toBeVisible();
  await expectAccessible(console.page, 'console: key help dialog');
  await console.page.keyboard.press('Escape');

  // A slide with paragraphs or a list, to measure body text rather than the heading.
  await console.page.keyboard.press('ArrowRight');
  await audience.expectSlide(2, /.+/);
  await expectReadableText(audience, 'audience: slide', '.slide-canvas p, .slide-canvas li');

  for (const [key, screen] of [
    ['b', 'black'],
    ['w', 'white'],
  ] as const) {
    await console.page.keyboard.press(key);
    await audience.expectScreen(screen);
    await expectAccessible(audience.page, `audience: ${screen}`);
    await expectAccessible(console.page, `console: projector ${screen}`);
    await console.page.keyboard.press('Escape');
  }
  await console.page.getByRole('button', { name: 'Dim' }).click();
  await expect(audience.root.locator('.projector__dim')).toBeVisible();
  await settleTransitions(audience.page);
  await expectAccessible(audience.page, 'audience: dim', { showsText: true });
  await expectReadableText(audience, 'audience: dim', '.slide-canvas p, .slide-canvas li');
  await expectAccessible(console.page, 'console: projector dim');
  await console.page.getByRole('button', { name: 'Dim' }).click();

  await console.jumpTo(ITEM.discussion);
  const question = console.question('what-is-negotiation');
  await question.getByRole('button', { name: 'Show question' }).click();
  await question.getByRole('button', { name: 'Reveal answers' }).click();
  await expect(audience.root).toContainText('persuasion, bargaining');
  await expectAccessible(audience.page, 'audience: question with answers', { showsText: true });
  await expectReadableText(audience, 'audience: question with answers', '.projector__answers li');

  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  for (const response of ['Getting to yes', 'Give and take']) {
    await flipchart.getByLabel("Group's response").fill(response);
    await console.page.keyboard.press('Enter');
    await expect(flipchart).toContainText(response);
  }
  await expectAccessible(console.page, 'console: discussion, question shown, answers, flipchart');
  await flipchart.getByRole('button', { name: 'Show flipchart on projector' }).click();
  await expect(audience.page.getByTestId('audience-flipchart')).toContainText('Give and take');
  await expectAccessible(audience.page, 'audience: flipchart', { showsText: true });
  await expectReadableText(audience, 'audience: flipchart', '.projector__answers li');

  await console.jumpTo(ITEM.demonstration);
  await expect(console.page.getByRole('heading', { name: 'Role-play' })).toBeVisible();
  await expectAccessible(console.page, 'console: demonstration (role-play lines)');

  await console.jumpTo(ITEM.video);
  await expect(console.page.getByTestId('video-panel')).toBeVisible();
  await audience.expectScreen('video');
  await expectAccessible(console.page, 'console: video item (stand-in video)');
  await expectAccessible(audience.page, 'audience: video');

  await console.jumpTo(ITEM.break);
  await audience.expectScreen('break');
  await expectAccessible(console.page, 'console: break');
  await expectAccessible(audience.page, 'audience: break', { showsText: true });
  await expectReadableText(audience, 'audience: break', '.projector__card p');
});

test('the game, the quiz, self-entry, relaxation and the end of the session, on both screens', async ({
  shell,
  context,
}) => {
  test.setTimeout(90_000);
  const audience = await openProjector(await context.newPage(), shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.page.evaluate(() =>
    window.kiosk.invoke('records:setPin', { pin: '2468', currentPin: null }),
  );
  await console.start({ pack: GROUP_FIVE, group: 'Thursday group', facilitators: ['Riley'] });
  await checkInMembers(console);

  await console.jumpTo(ITEM.game);
  const gamePanel = new GamePanel(console.page);
  const game = gamePanel.root;
  await game.getByRole('button', { name: 'Make teams and deal cards' }).click();
  await expect(game).toContainText('Team 1');
  await game.getByRole('button', { name: /Start 5-minute practice/ }).click();
  await expect(audience.page.getByTestId('practice-countdown')).toBeVisible();
  await expectAccessible(audience.page, 'audience: practice countdown', { showsText: true });
  await expectReadableText(audience, 'audience: practice countdown', '.projector__countdown');
  for (const criterion of ["Respect for partner's concerns", 'Eroticized latex products']) {
    const box = game.getByLabel(`Team 1: ${criterion}`);
    await box.click();
    await expect(box).toBeChecked();
  }
  await expectAccessible(console.page, 'console: game, teams made and scores ticked');
  await game.getByRole('button', { name: 'Reveal scores and winner' }).click();
  await expect(audience.page.getByTestId('game-winner')).toBeVisible();
  await expectAccessible(audience.page, 'audience: game results', { showsText: true });
  await expectReadableText(
    audience,
    'audience: game results',
    '.projector__options span, .projector__feedback',
  );

  await console.jumpTo(ITEM.quiz);
  const quiz = new QuizGridPanel(console.page);
  for (const [name, keys] of Object.entries({ Alex: 'dadcb', Bea: 'dbdaa', Cruz: 'aadcf' })) {
    await quiz.cell(name, 'q1').focus();
    for (const key of keys) await console.page.keyboard.press(key);
  }
  await expect(quiz.cell('Cruz', 'q5')).toHaveText('F');
  await expectAccessible(console.page, 'console: quiz, grid filled');
  await console.page.getByRole('button', { name: 'Reveal Q1' }).click();
  await expect(audience.page.getByTestId('audience-quiz-result')).toContainText('depends on');
  await expectAccessible(audience.page, 'audience: quiz result', { showsText: true });
  await expectReadableText(
    audience,
    'audience: quiz result',
    '.projector__options span, .projector__feedback',
  );

  await console.page.getByLabel('Hand the laptop to').selectOption({ label: 'Bea' });
  await console.page.getByRole('button', { name: 'Start self-entry…' }).click();
  const check = console.page.getByRole('alertdialog', { name: 'Hand the laptop to Bea?' });
  await expect(check.getByTestId('replace-warning')).toBeVisible();
  await expectAccessible(console.page, 'console: before self-entry');
  await check.getByRole('button', { name: 'Replace and start' }).click();
  const entry = console.page.getByRole('dialog', { name: 'Answer the quiz' });
  await expect(entry).toContainText('Bea: question 1 of 5');
  await expectAccessible(console.page, 'console: self-entry quiz overlay');
  await entry.getByLabel('Counselor PIN').fill('2468');
  await entry.getByRole('button', { name: 'Unlock' }).click();
  await expect(entry).toBeHidden();

  await console.jumpTo(ITEM.relaxation);
  await console.page.getByRole('button', { name: /Start relaxation/ }).click();
  await expect(console.page.getByRole('dialog', { name: 'Relaxation' })).toBeVisible();
  await expect(audience.root).toHaveAttribute('data-relaxation', 'on');
  await settleTransitions(console.page);
  await settleTransitions(audience.page);
  await expectAccessible(console.page, 'console: relaxation mode');
  await expectAccessible(audience.page, 'audience: relaxation dim');
  await console.page.keyboard.press('Escape');
  await expect(audience.root).toHaveAttribute('data-relaxation', 'off');

  await console.endSession();
  await expectAccessible(console.page, 'console: end-of-session summary');
  // Each start form control stays in the form's column, clear of the summary beside it.
  const form = console.page.getByRole('form', { name: 'Start a session' });
  const formRight = await form.evaluate((element) => element.getBoundingClientRect().right);
  const controlsRight = await form
    .locator('select, input, button')
    .evaluateAll((elements) =>
      Math.max(...elements.map((element) => element.getBoundingClientRect().right)),
    );
  expect(controlsRight, 'start form controls overflow the form').toBeLessThanOrEqual(formRight);
  await audience.expectScreen('ended');
  await settleTransitions(audience.page);
  await expectAccessible(audience.page, 'audience: closing screen', { showsText: true });
  await expectReadableText(audience, 'audience: closing screen', 'h1');

  // The PIN that ended self-entry also unlocked the records.
  await console.page.getByRole('tab', { name: 'Records' }).click();
  await expect(console.page.locator('tr[data-session-id]')).toHaveCount(1);
  await expectAccessible(console.page, 'console: Records unlocked, with a session');
});

test('the resume prompt after a restart', async ({ shell, dataDir, context }) => {
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({ pack: 'Projector check', group: 'Setup', facilitators: ['Riley'] });
  await shell.stop();
  const restarted = await startShell(dataDir, { port: shell.port });
  try {
    await expect(
      console.page.getByRole('alertdialog', { name: 'Resume the session?' }),
    ).toBeVisible();
    await expectAccessible(console.page, 'console: resume prompt');
  } finally {
    await restarted.stop();
  }
});

test('every control in the runner is reached with Tab alone, shows focus, and the main actions work with Enter and Space', async ({
  shell,
  context,
}) => {
  test.setTimeout(120_000);
  const audience = await openProjector(await context.newPage(), shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({ pack: GROUP_FIVE, group: 'Thursday group', facilitators: ['Riley'] });
  await checkInMembers(console);
  const page = console.page;

  const prepare: Record<number, () => Promise<void>> = {
    [ITEM.discussion]: async () => {
      const flipchart = page.getByTestId('flipchart-what-is-negotiation');
      await flipchart.getByLabel("Group's response").fill('Give and take');
      await page.keyboard.press('Enter');
      await expect(flipchart).toContainText('Give and take');
    },
    [ITEM.game]: async () => {
      await page.getByRole('button', { name: 'Make teams and deal cards' }).click();
      await expect(page.getByTestId('game-panel')).toContainText('Team 1');
    },
  };
  for (const index of [ITEM.opening, ITEM.discussion, ITEM.video, ITEM.game, ITEM.quiz]) {
    if (index !== ITEM.opening) await console.jumpTo(index);
    await expect(console.currentItem).toHaveText(new RegExp(`^${index + 1}\\. `));
    await prepare[index]?.();
    await expectKeyboardReachable(page, `runner, item ${index + 1}`);
  }

  // The main actions, from the keyboard: Enter and Space activate the focused button.
  await console.jumpTo(ITEM.discussion);
  await expect(console.slidePosition).toHaveText(/^Slide 5 of 24 · heading only/);
  await console.nextButton.focus();
  await page.keyboard.press('Enter');
  await expect(console.slidePosition).toHaveText('Slide 5 of 24 · all shown');
  await page.keyboard.press('Enter');
  await expect(console.slidePosition).toHaveText('Slide 6 of 24');
  await console.previousButton.focus();
  await page.keyboard.press(' ');
  await expect(console.slidePosition).toHaveText(/^Slide 5 of 24/);

  const black = page.getByRole('button', { name: 'Black' });
  await black.focus();
  await page.keyboard.press('Enter');
  await audience.expectScreen('black');
  await expect(black).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await audience.expectScreen('slide');

  const question = console.question('what-is-negotiation');
  await question.getByRole('button', { name: 'Reveal answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(console.projectorStatus).toHaveText('Projector: the question and its answers');
  await question.getByRole('button', { name: 'Hide answers' }).focus();
  await page.keyboard.press(' ');
  await expect(console.projectorStatus).toHaveText('Projector: showing the slide');

  // The Attendance panel opens and closes from the keyboard without moving the slides on.
  const attendance = page.getByTestId('attendance');
  await attendance.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(attendance).toHaveAttribute('open', '');
  await page.keyboard.press(' ');
  await expect(attendance).not.toHaveAttribute('open', '');
  await expect(console.slidePosition).toHaveText(/^Slide 5 of 24/);

  const endSession = page.getByRole('button', { name: 'End session' });
  await endSession.focus();
  await page.keyboard.press(' ');
  const dialog = page.getByRole('alertdialog', { name: 'End the session?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep going' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(endSession).toBeFocused();
  await expect(console.currentItem).toHaveText(`${ITEM.discussion + 1}. Negotiation Defined`);
});

test('issue 13’s new views: starting soon, rehearsal, a poll, a long card, the slide sorter, member standing', async ({
  shell,
  context,
}) => {
  test.setTimeout(90_000);
  const audience = await openProjector(await context.newPage(), shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.page.getByLabel('Content pack').selectOption('harm-reduction-101');
  await expect(audience.root).toContainText('Starting soon');
  await expectAccessible(audience.page, 'audience: starting soon', { showsText: true });

  await console.page.getByRole('button', { name: 'Rehearse this pack' }).click();
  await expect(console.page.getByTestId('rehearsal')).toBeVisible();
  await expectAccessible(console.page, 'console: rehearsal');
  await console.jumpTo(14);
  const poll = console.page.getByTestId('poll');
  await poll.getByRole('button', { name: 'Show poll on projector' }).click();
  await expect(audience.page.getByTestId('audience-poll')).toBeVisible();
  await expectAccessible(audience.page, 'audience: poll', { showsText: true });
  await poll.getByRole('button', { name: 'Reveal counts' }).click();
  await expectAccessible(console.page, 'console: poll revealed');
  await expectAccessible(audience.page, 'audience: poll revealed', { showsText: true });
  await console.page.getByRole('button', { name: 'Slides…' }).click();
  await console.page.getByRole('button', { name: /Whole pack/ }).click();
  await expectAccessible(console.page, 'console: slide sorter');
  await console.page.keyboard.press('Escape');
  await console.page.getByRole('button', { name: 'End rehearsal' }).click();

  await console.start({ pack: GROUP_FIVE, group: 'Thursday group', facilitators: ['Riley'] });
  await checkInMembers(console);
  await console.jumpTo(2);
  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  await flipchart.getByRole('button', { name: 'Show flipchart on projector' }).click();
  for (let entry = 1; entry <= 16; entry += 1) {
    await flipchart.getByLabel("Group's response").fill(`Response ${entry}: both partners heard`);
    await console.page.keyboard.press('Enter');
    await expect(audience.page.getByTestId('audience-flipchart')).toContainText(
      `Response ${entry}:`,
    );
  }
  await expect(console.page.getByTestId('card-page')).toBeVisible();
  await expectAccessible(audience.page, 'audience: long card, first screen', { showsText: true });
  await console.endSession();

  await console.page.getByRole('tab', { name: 'Records' }).click();
  const setPin = console.page.getByRole('form', { name: /PIN/ });
  await setPin.getByLabel('New PIN (4 to 8 digits)').fill('2468');
  await setPin.getByLabel('The same PIN again').fill('2468');
  await setPin.getByRole('button', { name: 'Set PIN' }).click();
  await console.page.getByRole('button', { name: /Edit Bea/ }).click();
  await console.page
    .getByRole('form', { name: "Bea's sessions and certificate" })
    .getByRole('combobox')
    .selectOption('grant');
  await expectAccessible(console.page, 'console: member standing form');
});

test('issue 13 item 17’s views: answers beside the flipchart, the PIN card, forgotten PIN, self-entry, lost contact', async ({
  shell,
  context,
}) => {
  test.setTimeout(90_000);
  const audience = await openProjector(await context.newPage(), shell.audienceUrl);
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.page.evaluate(() =>
    window.kiosk.invoke('records:setPin', { pin: '2468', currentPin: null }),
  );
  await console.start({ pack: GROUP_FIVE, group: 'Thursday group', facilitators: ['Riley'] });
  await checkInMembers(console);
  await console.jumpTo(ITEM.discussion);
  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  await flipchart.getByLabel("Group's response").fill('Give and take');
  await console.page.keyboard.press('Enter');
  await console.page.getByRole('button', { name: 'Reveal beside the flipchart' }).click();
  await expect(audience.page.getByTestId('audience-answers-beside')).toBeVisible();
  await expectAccessible(audience.page, 'audience: answers beside the flipchart', {
    showsText: true,
  });
  await expectAccessible(console.page, 'console: answers beside the flipchart');

  await console.jumpTo(ITEM.quiz);
  await console.page.getByLabel('Hand the laptop to').selectOption({ label: 'Bea' });
  await console.page.getByRole('button', { name: 'Start self-entry…' }).click();
  await console.page
    .getByRole('alertdialog', { name: 'Hand the laptop to Bea?' })
    .getByRole('button', { name: 'Start self-entry', exact: true })
    .click();
  const entry = console.page.getByRole('dialog', { name: 'Answer the quiz' });
  await entry.getByRole('button', { name: 'Forgot the PIN?' }).click();
  await entry.getByLabel('Counselor PIN', { exact: true }).fill('0000');
  await entry.getByRole('button', { name: 'Unlock' }).click();
  await expect(entry.getByRole('alert')).toBeVisible();
  await expectAccessible(console.page, 'console: self-entry, wrong PIN, forgotten PIN open');
  await entry.getByLabel('Counselor PIN', { exact: true }).fill('2468');
  await entry.getByRole('button', { name: 'Unlock' }).click();
  await expect(entry).toBeHidden();

  await console.page.getByRole('tab', { name: 'Records' }).click();
  await console.page.getByRole('button', { name: 'Lock records' }).click();
  const locked = console.page.getByRole('form', { name: 'Records are locked' });
  await locked.getByLabel('Counselor PIN', { exact: true }).fill('0000');
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await console.page.getByRole('button', { name: 'Forgot the PIN?' }).click();
  const recovery = console.page.getByRole('form', { name: 'Use the recovery key' });
  await recovery.getByLabel('Recovery key').fill('ABCDE-12345');
  await recovery.getByLabel('New PIN (4 to 8 digits)').fill('1357');
  await recovery.getByLabel('The same new PIN again').fill('1357');
  await recovery.getByRole('button', { name: 'Set the new PIN' }).click();
  await expect(recovery.getByRole('alert')).toContainText('not a recovery key');
  await expectAccessible(console.page, 'console: Records locked, wrong PIN, forgotten PIN open');
  await expectKeyboardReachable(console.page, 'console: Records locked, forgotten PIN open');

  await shell.stop();
  await expect(console.page.getByTestId('connection-lost')).toBeVisible();
  await expectAccessible(console.page, 'console: lost contact with main');
});

test('the pack editor: every section of a built-in pack and of a new one, and a refused save', async ({
  shell,
  page,
}) => {
  test.setTimeout(180_000);
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'hhrp-group-5');
  for (const section of EDITOR_SECTIONS) {
    await editor.section(section);
    await expectAccessible(page, `pack editor, Group Five: ${section}`, { showsText: true });
  }
  await editor.section('Agenda');
  await editor.selectItem(5);
  const teaching = editor.entry(/^Teaching 1/);
  await editor.field("Quote from this item's material", teaching).fill('words nobody said');
  await expect(editor.problemsOf("Quote from this item's material", teaching)).toHaveCount(1);
  await expectAccessible(page, 'pack editor: teaches (with a warning) and guidance notes', {
    showsText: true,
  });
  await editor.selectItem(4);
  await expect(editor.root.getByRole('group', { name: 'Role-play script' })).toBeVisible();
  await expectAccessible(page, 'pack editor: a role-play script', { showsText: true });
  await editor.close();
  await page.getByRole('button', { name: 'Close without saving' }).click();
  await editor.openEdit(packs, 'harm-reduction-101');
  await editor.section('Agenda');
  await editor.selectItem(14);
  const poll = editor.root.getByRole('group', { name: 'Poll', exact: true });
  await editor.field('Poll question', poll).fill(' ');
  await expect(editor.problemsOf('Poll question', poll)).toHaveCount(1);
  await expectAccessible(page, 'pack editor: a poll (with an error)', { showsText: true });
  await editor.selectItem(9);
  await expectAccessible(page, 'pack editor: a breakout', { showsText: true });
  await editor.close();
  await page.getByRole('button', { name: 'Close without saving' }).click();
  await editor.openNew(packs);
  for (const section of EDITOR_SECTIONS) {
    await editor.section(section);
    await expectAccessible(page, `pack editor, new pack: ${section}`);
  }
  await editor.section('Session');
  await editor.field('Planned minutes', editor.entry('Session')).fill('');
  await editor.save();
  await expect(editor.alert).toContainText('Not saved');
  await expectAccessible(page, 'pack editor: a refused save', { showsText: true });
  await expect(editor.root).toContainText('kept on this computer at');
  // A page already gone with its dialog (a reload, a killed shell) has nothing left to answer.
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  await packs.open(shell.consoleUrl);
  await page.getByRole('button', { name: 'New pack' }).click();
  await expect(editor.resumeDraft).toBeVisible();
  await expectAccessible(page, 'pack editor: resume a kept draft', { showsText: true });
});
