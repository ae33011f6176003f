import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { storedKey } from '../helpers/recordsKey';
import { installClocks } from './support/clock';
import { fakeClockTest, test as realClockTest } from './support/fixtures';
import { AudiencePage, ConsolePage, checkIn } from './support/pages';
import { openRecords } from './support/records';
import { expectInsideSafeArea } from './support/safeArea';
import { makeDataDir, startShell, type RunningShell } from './support/webShell';

/** Issue 13, item 17: the smaller things that got in a counselor's way, driven as they did. */

const test = fakeClockTest;

const GROUP_FIVE = 'Negotiating Harm Reduction';
const LAPTOPS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];
/** Screens to look at (outside test-results, which each run empties). */
const SHOTS = join(tmpdir(), 'kiosk-screens', 'counselor-details');
/** Agenda indexes in Group Five. */
const ITEM = { discussion: 2, game: 12, quiz: 13 } as const;

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function openConsole(context: BrowserContext, shell: RunningShell, size = LAPTOPS[0]!) {
  const console = new ConsolePage(await context.newPage());
  await console.page.setViewportSize(size);
  await console.open(shell.consoleUrl);
  return console;
}

/** Every button in the notes pane lies inside it, and the pane never scrolls sideways. */
async function expectButtonsInsideNotes(page: Page, view: string) {
  const escaping = await page.getByTestId('notes-pane').evaluate((pane) => {
    const edge = pane.getBoundingClientRect().left + pane.clientWidth;
    const out = [...pane.querySelectorAll('button')]
      .filter((button) => button.offsetParent !== null)
      .filter((button) => {
        const box = button.getBoundingClientRect();
        return box.right > edge + 0.5 || button.scrollWidth > button.clientWidth + 1;
      })
      .map((button) => button.textContent);
    return { out, sideways: pane.scrollWidth > pane.clientWidth + 1 };
  });
  expect(escaping, view).toEqual({ out: [], sideways: false });
}

test('the Reveal buttons wrap inside the notes at 1366×768 and 1280×720, and score boxes are big targets', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  for (const size of LAPTOPS) {
    const console = await openConsole(context, shell, size);
    const label = `${size.width}x${size.height}`;
    if (size === LAPTOPS[0]) {
      await console.start({ pack: GROUP_FIVE, group: 'Tuesday group', facilitators: ['Riley'] });
      await checkIn(console.page, ['Alex', 'Bea', 'Cruz', 'Dee']);
    }
    await console.jumpTo(ITEM.discussion);
    const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
    if (size === LAPTOPS[0]) {
      await flipchart.getByLabel("Group's response").fill('Give and take');
      await console.page.keyboard.press('Enter');
    }
    await expect(flipchart).toContainText('Give and take');
    await expectButtonsInsideNotes(console.page, `discussion at ${label}`);
    await shot(console.page, `reveal-discussion-${label}`);

    await console.jumpTo(ITEM.quiz);
    await expect(console.page.getByRole('button', { name: 'Reveal Q5' })).toBeVisible();
    await expectButtonsInsideNotes(console.page, `quiz at ${label}`);
    await console.page.getByRole('button', { name: 'Reveal Q5' }).scrollIntoViewIfNeeded();
    await shot(console.page, `reveal-quiz-${label}`);

    await console.jumpTo(ITEM.game);
    if (size === LAPTOPS[0])
      await console.page.getByRole('button', { name: 'Make teams and deal cards' }).click();
    const boxes = console.page.getByTestId('game-panel').getByRole('checkbox');
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) {
      const bounds = (await box.boundingBox())!;
      expect(Math.min(bounds.width, bounds.height)).toBeGreaterThanOrEqual(24);
    }
    // Ticked from the first laptop size; the second shows it ticked.
    if (size === LAPTOPS[0]) await boxes.first().click();
    await expect(boxes.first()).toBeChecked();
    await expect(console.page.getByTestId('team-1-total')).not.toHaveText('0');
    await expectButtonsInsideNotes(console.page, `game at ${label}`);
    await boxes.first().scrollIntoViewIfNeeded();
    await shot(console.page, `score-sheet-${label}`);
    await console.page.close();
  }
});

test('the keys help and the buttons spell each key one way', async ({ shell, context }) => {
  await installClocks(context);
  const console = await openConsole(context, shell);
  await console.start({ pack: GROUP_FIVE, group: 'Tuesday group', facilitators: ['Riley'] });
  await console.page.getByRole('button', { name: 'Show keys' }).click();
  const help = console.page.getByRole('dialog', { name: 'Keys' });
  const keys = await help.locator('kbd').allTextContents();
  const spellings = ['→', '↓', '←', '↑', 'Space', 'PgDn', 'PgUp', 'Enter', 'Backspace', 'Esc'];
  const letters = ['N', 'P', 'B', 'W', '.', ',', '?', '7'];
  expect(keys.filter((key) => !spellings.includes(key) && !letters.includes(key))).toEqual([]);
  expect(keys.filter((key) => key === 'Enter')).toHaveLength(2);
  await shot(console.page, 'keys-help');
  await help.getByRole('button', { name: 'Close' }).click();
  // The buttons name the same keys, spelled the same way.
  await expect(console.nextButton).toHaveAttribute('title', 'Next slide or item (→)');
  await expect(console.previousButton).toHaveAttribute('title', 'Previous slide (←)');
  await expect(console.page.getByRole('button', { name: 'Black', exact: true })).toHaveAttribute(
    'title',
    /\(B\)$/,
  );
  await console.page.getByRole('button', { name: 'Slides…' }).click();
  await expect(console.page.getByRole('button', { name: 'Close (Esc)' })).toBeVisible();
});

test('every icon-only button in the console has a tooltip and a name', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = await openConsole(context, shell);
  await console.start({ pack: GROUP_FIVE, group: 'Tuesday group', facilitators: ['Riley'] });
  await console.jumpTo(ITEM.discussion);
  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  await flipchart.getByLabel("Group's response").fill('Give and take');
  await console.page.keyboard.press('Enter');
  await expect(flipchart.getByRole('button', { name: 'Remove Give and take' })).toBeVisible();
  const iconButtons = () =>
    console.page.locator('button').evaluateAll((buttons) =>
      buttons
        .filter(
          (button) =>
            (button as HTMLElement).offsetParent !== null &&
            !/[\p{L}\p{N}]/u.test(button.textContent ?? ''),
        )
        .map((button) => ({
          text: button.textContent,
          title: button.getAttribute('title') ?? '',
          name: button.getAttribute('aria-label') ?? '',
        })),
    );
  const found = await iconButtons();
  // The agenda's ⋯ buttons, the time bar's ?, the flipchart's ✕.
  expect(new Set(found.map((button) => button.text))).toEqual(new Set(['⋯', '?', '✕']));
  for (const button of found) {
    expect(button.title, `${button.text} ${button.name}`).not.toBe('');
    expect(button.name, `${button.text} ${button.title}`).not.toBe('');
  }
  const remove = flipchart.getByRole('button', { name: 'Remove Give and take' });
  await expect(remove).toHaveAttribute('title', 'Remove Give and take');
  await remove.hover();
  await shot(console.page, 'icon-tooltip');
});

test('a lost connection to main says so at once in plain words, and the console comes back with the shell', async ({
  context,
}) => {
  const data = makeDataDir();
  let shell = await startShell(data.path);
  try {
    const console = await openConsole(context, shell);
    await console.start({ pack: GROUP_FIVE, group: 'Tuesday group', facilitators: ['Riley'] });
    await console.nextButton.click();
    await expect(console.slidePosition).toHaveText(/^Slide 2 of/);

    await shell.stop();
    const lost = console.page.getByTestId('connection-lost');
    await expect(lost).toBeVisible({ timeout: 3000 });
    await expect(lost).toHaveText(
      /The kiosk has lost contact with its records .* Trying again….*not saved until contact is back/,
    );
    await console.nextButton.click();
    await console.page.getByRole('tab', { name: 'Records' }).click();
    await expect(console.page.getByRole('main')).not.toContainText(/TypeError|Failed to fetch/);
    await shot(console.page, 'connection-lost');

    shell = await startShell(data.path, { port: shell.port });
    // The page reloads by itself once the shell is back; main offers to resume where it stopped.
    await expect(lost).toBeHidden({ timeout: 15_000 });
    await console.page.getByRole('button', { name: 'Resume session' }).click();
    await expect(console.slidePosition).toHaveText(/^Slide 2 of/);
  } finally {
    await shell.stop();
    data.remove();
  }
});

test("choosing a group preselects the pack it ran last; a new group keeps the counselor's choice", async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = await openConsole(context, shell);
  await console.start({
    pack: 'Harm Reduction 101',
    group: 'Thursday providers',
    facilitators: ['Riley'],
  });
  await console.endSession();
  const form = console.page.getByRole('form', { name: 'Start a session' });
  const packs = form.getByLabel('Content pack');
  const groupFive = await packs
    .locator('option', { hasText: GROUP_FIVE })
    .first()
    .getAttribute('value');
  await packs.selectOption(groupFive!);
  await form.getByLabel('Group', { exact: true }).fill('Thursday providers');
  await expect(packs).toHaveValue('harm-reduction-101');
  await form.getByLabel('Group', { exact: true }).fill('A new group');
  await packs.selectOption(groupFive!);
  await form.getByLabel('Group', { exact: true }).fill('A new group, evenings');
  await expect(packs).toHaveValue(groupFive!);
  await form.getByLabel('Group', { exact: true }).fill('Thursday providers');
  await expect(packs).toHaveValue('harm-reduction-101');
  await shot(console.page, 'pack-remembered');
});

test('the slide count is the same on the Content packs tab, in the console header and in the sorter', async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const console = await openConsole(context, shell);
  await console.page.getByRole('tab', { name: 'Content packs' }).click();
  const cards = console.page.getByRole('list', { name: 'Loaded packs' });
  // Harm Reduction 101 shows two of its slides twice: the deck as it runs has 38.
  await expect(cards.locator('[data-pack-id="harm-reduction-101"]')).toContainText('38 slides');
  await expect(cards.locator('[data-pack-id="hhrp-group-5"]')).toContainText('24 slides');
  await console.page.getByRole('tab', { name: 'Run session' }).click();
  await console.start({ pack: 'Harm Reduction 101', group: 'Providers', facilitators: ['Riley'] });
  await expect(console.slidePosition).toHaveText('Slide 1 of 38');
  await console.page.getByRole('button', { name: 'Slides…' }).click();
  const sorter = console.page.getByRole('dialog', { name: /Slide sorter/ });
  await sorter.getByRole('button', { name: 'Whole pack (38 slides)' }).click();
  await expect(sorter.locator('.sorter__number')).toHaveCount(38);
  await sorter.getByRole('button', { name: 'Close (Esc)' }).click();
  await console.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const key of ['3', '8', 'Enter']) await console.page.keyboard.press(key);
  await expect(console.slidePosition).toHaveText('Slide 38 of 38');
});

test("Reveal beside the flipchart keeps the group's responses next to the expected answers, on the projector and the console", async ({
  shell,
  context,
}) => {
  await installClocks(context);
  const audience = new AudiencePage(await context.newPage());
  await audience.page.setViewportSize({ width: 1920, height: 1080 });
  await audience.open(shell.audienceUrl);
  const console = await openConsole(context, shell);
  await console.start({ pack: GROUP_FIVE, group: 'Tuesday group', facilitators: ['Riley'] });
  await console.jumpTo(ITEM.discussion);
  const question = console.question('what-is-negotiation');
  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  for (const response of ['Give and take', 'Talking it through', 'Both get something']) {
    await flipchart.getByLabel("Group's response").fill(response);
    await console.page.keyboard.press('Enter');
    await expect(flipchart).toContainText(response);
  }
  await question.getByRole('button', { name: 'Reveal beside the flipchart' }).click();
  await audience.expectScreen('question');
  const beside = audience.page.getByTestId('audience-answers-beside');
  await expect(beside.getByTestId('beside-responses').getByRole('listitem')).toHaveText([
    'Give and take',
    'Talking it through',
    'Both get something',
  ]);
  const answers = beside.getByTestId('beside-answers').getByRole('listitem');
  await expect(answers.first()).toBeVisible();
  // Side by side: the answers' column starts right of the responses' column, at the same height.
  const said = (await beside.getByTestId('beside-responses').boundingBox())!;
  const expected = (await beside.getByTestId('beside-answers').boundingBox())!;
  expect(expected.x).toBeGreaterThanOrEqual(said.x + said.width);
  expect(Math.abs(expected.y - said.y)).toBeLessThan(2);
  await expectInsideSafeArea(audience.root, 36);
  const preview = console.page.getByTestId('projector-preview');
  await expect(preview.getByTestId('beside-responses')).toContainText('Talking it through');
  await expect(console.projectorStatus).toContainText("the answers beside the group's flipchart");
  // A response typed now joins the projector at once.
  await flipchart.getByLabel("Group's response").fill('Meet halfway');
  await console.page.keyboard.press('Enter');
  await expect(beside.getByTestId('beside-responses')).toContainText('Meet halfway');
  await shot(audience.page, 'projector-answers-beside');
  await shot(console.page, 'console-answers-beside');

  // Plain Reveal answers still replaces the flipchart, as before.
  await question.getByRole('button', { name: 'Reveal answers' }).click();
  await expect(beside).toBeHidden();
  await expect(audience.root).not.toContainText('Give and take');
  await expect(audience.root.locator('.projector__answers li').first()).toBeVisible();
});

realClockTest(
  'the locked records are a centred card with a labelled PIN, a clear error and a way forward with the recovery key',
  async ({ shell, dataDir, page }) => {
    await page.setViewportSize(LAPTOPS[0]!);
    const console = new ConsolePage(page);
    await console.open(shell.consoleUrl);
    await openRecords(page);
    await page.getByRole('button', { name: 'Lock records' }).click();
    const locked = page.getByRole('form', { name: 'Records are locked' });
    const card = page.locator('.pin-card');
    const box = (await card.boundingBox())!;
    const panel = (await page.getByRole('tabpanel').boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - (panel.x + panel.width / 2))).toBeLessThan(2);
    const pin = locked.getByLabel('Counselor PIN', { exact: true });
    await expect(pin).toBeFocused();
    await pin.fill('0000');
    await locked.getByRole('button', { name: 'Unlock' }).click();
    await expect(locked.getByRole('alert')).toHaveText('That PIN is not right.');
    await expect(pin).toHaveAttribute('aria-invalid', 'true');
    await expect(pin).toHaveAccessibleDescription('That PIN is not right.');
    await shot(page, 'records-locked-error');

    await page.getByRole('button', { name: 'Forgot the PIN?' }).click();
    const recovery = page.getByRole('form', { name: 'Use the recovery key' });
    await expect(recovery).toContainText('recovery key sheet');
    await recovery.getByLabel('Recovery key').fill('09'.repeat(32));
    await recovery.getByLabel('New PIN (4 to 8 digits)').fill('1357');
    await recovery.getByLabel('The same new PIN again').fill('1357');
    await recovery.getByRole('button', { name: 'Set the new PIN' }).click();
    await expect(recovery.getByRole('alert')).toContainText('not the one for these records');
    await shot(page, 'records-forgot-pin');
    // The sheet prints the key in hex for IT too (the groups of five are checked in the unit tests).
    await recovery.getByLabel('Recovery key').fill(storedKey(dataDir).toString('hex'));
    await recovery.getByLabel('New PIN (4 to 8 digits)').fill('1357');
    await recovery.getByLabel('The same new PIN again').fill('1357');
    await recovery.getByRole('button', { name: 'Set the new PIN' }).click();
    await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Lock records' }).click();
    await locked.getByLabel('Counselor PIN', { exact: true }).fill('2468');
    await locked.getByRole('button', { name: 'Unlock' }).click();
    await expect(locked.getByRole('alert')).toHaveText('That PIN is not right.');
    await locked.getByLabel('Counselor PIN', { exact: true }).fill('1357');
    await locked.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();
  },
);

realClockTest(
  "self-entry's PIN field is whole on a 768 px high screen, and a forgotten PIN ends it with the recovery key",
  async ({ shell, dataDir, page }) => {
    await page.setViewportSize(LAPTOPS[0]!);
    const console = new ConsolePage(page);
    await console.open(shell.consoleUrl);
    await page.evaluate(() =>
      window.kiosk.invoke('records:setPin', { pin: '2468', currentPin: null }),
    );
    await console.start({ pack: GROUP_FIVE, group: 'Tuesday group', facilitators: ['Riley'] });
    await checkIn(console.page, ['Bea']);
    await console.jumpTo(ITEM.quiz);
    await page.getByLabel('Hand the laptop to').selectOption({ label: 'Bea' });
    await page.getByRole('button', { name: 'Start self-entry…' }).click();
    await page
      .getByRole('alertdialog', { name: 'Hand the laptop to Bea?' })
      .getByRole('button', { name: 'Start self-entry', exact: true })
      .click();
    const entry = page.getByRole('dialog', { name: 'Answer the quiz' });
    const pin = entry.getByLabel('Counselor PIN', { exact: true });
    for (let question = 1; question <= 5; question += 1) {
      await expect(entry).toContainText(`Bea: question ${question} of 5`);
      const box = (await pin.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `question ${question}`).toBeLessThanOrEqual(768);
      expect(await entry.evaluate((element) => element.scrollTop)).toBe(0);
      if (question === 1) await shot(page, 'self-entry-1366x768');
      await entry.locator('.self-entry__options button').first().click();
    }
    await expect(entry).toContainText('Please hand the laptop back');
    await entry.getByRole('button', { name: 'Forgot the PIN?' }).click();
    const recovery = entry.getByRole('form', { name: 'Use the recovery key' });
    await recovery.getByLabel('Recovery key').fill(storedKey(dataDir).toString('hex'));
    await recovery.getByLabel('New PIN (4 to 8 digits)').fill('8642');
    await recovery.getByLabel('The same new PIN again').fill('8642');
    await shot(page, 'self-entry-forgot-pin');
    await recovery.getByRole('button', { name: 'Set the new PIN' }).click();
    await expect(entry).toBeHidden();
    await expect(page.getByTestId('quiz-grid').locator('[data-cell="Bea-q1"]')).toHaveText('A');
  },
);
