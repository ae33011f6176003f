import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  AudiencePage,
  checkIn,
  ConsolePage,
  PackEditorPage,
  PacksPage,
  QuizGridPanel,
} from './support/pages';
import { makeDataDir, startShell } from './support/webShell';

/** A coordinator's pack editor: build, check, save, keep versions, and run what they built. */

const BUILT_IN_GROUP_FIVE = resolve('resources/curricula/hhrp-group-5/pack.yaml');
/** A 1×1 PNG: a page of a clinic's own deck, exported as an image. */
const PAGE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('a coordinator builds a three-item pack with a quiz from scratch and runs it on both screens', async ({
  shell,
  dataDir,
  page,
  context,
}) => {
  // Building a pack by hand, then running it, is the longest thing a coordinator does here.
  test.setTimeout(90_000);
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openNew(packs);

  const session = editor.entry('Session');
  await editor.field('Title', session).fill('Safer use basics');
  await editor.field('Program', session).fill('Clinic groups');
  await editor.field('Pack id', session).fill('safer-use-basics');
  await editor.field('Planned minutes', session).fill('30');
  await expect(editor.agendaTotal).toHaveText('Agenda 5 of 30 min · 25 min still to plan');

  await editor.section('Agenda');
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  const talk = editor.entry('Agenda item 2');
  await editor.field('Title', talk).fill('Talking it through');
  await editor.field('Id', talk).fill('talk');
  await editor.field('Kind', talk).selectOption('discussion');
  await editor.field('Minutes', talk).fill('15');
  await talk.getByRole('button', { name: 'New slide' }).click();
  await talk.getByRole('button', { name: 'Add question' }).click();
  const question = talk.getByRole('region', { name: /^Question 1/ });
  await editor.field('Question', question).fill('What helps you stay safe?');
  await editor
    .field('Answers (revealed on the projector)', question)
    .fill('Planning ahead\nCarrying supplies');
  await editor.field("Write the group's responses on the flipchart", question).check();

  await page.getByRole('button', { name: 'Add agenda item' }).click();
  const quizItem = editor.entry('Agenda item 3');
  await editor.field('Title', quizItem).fill('Quiz');
  await editor.field('Id', quizItem).fill('quiz');
  await editor.field('Kind', quizItem).selectOption('quiz');
  // A quiz item without a quiz: said beside the field, as pack:check says it.
  await expect(editor.problemsOf('Kind', quizItem)).toHaveText(
    'a quiz item needs the pack to have a quiz section',
  );
  await expect(editor.agendaTotal).toHaveText('Agenda 30 of 30 min · adds up');

  await editor.section('Quiz');
  await page.getByRole('button', { name: 'Add a quiz' }).click();
  const q1 = editor.entry(/^Quiz question 1/);
  await editor.field('Question', q1).fill('Carrying supplies helps you stay safe.');
  await editor.field('Kind', q1).selectOption('true-false');
  await editor.field('Text', q1.getByRole('region', { name: 'Option a' })).fill('True');
  await editor.field('Text', q1.getByRole('region', { name: 'Option b' })).fill('False');
  await editor.field('Feedback (read after the answer)', q1).fill('True: supplies at hand.');

  await editor.section('Agenda');
  await editor.selectItem(1);
  await page.getByRole('checkbox', { name: /^q1:/ }).check();
  await editor.expectValid();

  // Reorder with the buttons, by dragging, and by keyboard on the drag handle.
  await page.getByRole('button', { name: 'Move 3. Quiz up' }).click();
  await expect(editor.agendaRows.nth(1)).toContainText('2. Quiz');
  await editor.dragRow(1, 2);
  await expect(editor.agendaRows.nth(2)).toContainText('3. Quiz');
  // And by keyboard with the handle: Space picks the item up, an arrow moves it, Space drops it.
  await editor.agendaRows.nth(2).getByRole('button', { name: /^Drag/ }).focus();
  const announced = (text: string) =>
    expect(page.getByRole('status').filter({ hasText: text })).toHaveCount(1);
  await page.keyboard.press('Space');
  await announced('3. Quiz is over position 3.');
  // dnd-kit's KeyboardSensor starts listening for the arrows in a setTimeout after the pick-up;
  // a later timer of the page's own fires after it, so the arrow is not pressed into the void.
  await page.evaluate(() => new Promise((resolveTimer) => setTimeout(resolveTimer, 10)));
  await page.keyboard.press('ArrowUp');
  await announced('3. Quiz is over position 2.');
  await page.keyboard.press('Space');
  await expect(editor.agendaRows.nth(1)).toContainText('2. Quiz');
  await page.getByRole('button', { name: 'Move 2. Quiz down' }).click();
  await expect(editor.agendaRows.nth(2)).toContainText('3. Quiz');

  await editor.save();
  await expect(editor.status).toHaveText('Saved “Safer use basics” version 1.0.0.');
  const saved = parse(
    readFileSync(join(dataDir, 'curricula', 'safer-use-basics', 'pack.yaml'), 'utf8'),
  ) as { agenda: { id: string }[]; quiz: { items: { answer: string }[] } };
  expect(saved.agenda.map((item) => item.id)).toEqual(['welcome', 'talk', 'quiz']);
  expect(saved.quiz.items[0]!.answer).toBe('a');
  await editor.close();
  await expect(packs.card('safer-use-basics')).toContainText('3 agenda items · 2 slides');

  const audience = new AudiencePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  const console = new ConsolePage(page);
  await console.focus();
  await page.getByRole('tab', { name: 'Run session' }).click();
  await console.start({
    pack: 'Safer use basics',
    group: 'Tuesday group',
    facilitators: ['Riley'],
  });
  await console.expectItem(1, 'Welcome');
  await audience.expectSlide(1, 'Welcome');
  await checkIn(page, ['Alex']);
  await console.nextButton.click();
  await console.expectItem(2, 'Talking it through');
  await audience.expectSlide(2, 'Talking it through');
  await console.question('talk-question').getByRole('button', { name: 'Show question' }).click();
  await expect(audience.root).toContainText('What helps you stay safe?');

  await console.jumpTo(2);
  const quiz = new QuizGridPanel(page);
  await quiz.cell('Alex', 'q1').focus();
  await page.keyboard.press('t');
  await expect(quiz.cell('Alex', 'q1')).toHaveText('T');
  await page.getByRole('button', { name: /^Reveal Q1/ }).click();
  await expect(audience.root).toContainText('Carrying supplies helps you stay safe.');
  await expect(audience.root).toContainText('True: supplies at hand.');
  await console.endSession();
});

test('editing a built-in pack saves a copy under a new id and leaves the built-in untouched', async ({
  shell,
  dataDir,
  page,
}) => {
  const before = readFileSync(BUILT_IN_GROUP_FIVE, 'utf8');
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'hhrp-group-5');
  await expect(editor.root.getByRole('note')).toContainText('This pack is built in');
  // Group Five's two printed-time warnings are pack:check's.
  await expect(editor.checkSummary).toHaveText('Valid, 2 warnings');

  await editor.section('Agenda');
  await editor.selectItem(1);
  const item = editor.entry('Agenda item 2');
  await editor.field('Minutes', item).fill('12');
  await expect(editor.agendaTotal).toContainText('min over');
  await editor.save();
  await expect(editor.status).toContainText(
    'was saved as a new pack, hhrp-group-5-local version 1.1.1: the built-in pack hhrp-group-5 is unchanged.',
  );
  expect(readFileSync(BUILT_IN_GROUP_FIVE, 'utf8')).toBe(before);
  expect(existsSync(join(dataDir, 'curricula', 'hhrp-group-5'))).toBe(false);
  const copy = parse(
    readFileSync(join(dataDir, 'curricula', 'hhrp-group-5-local', 'pack.yaml'), 'utf8'),
  ) as { agenda: { minutes: number }[]; version: string };
  expect(copy.agenda[1]!.minutes).toBe(12);
  await editor.close();
  await expect(packs.card('hhrp-group-5')).toContainText('built-in');
  await expect(packs.card('hhrp-group-5-local')).toContainText('version 1.1.1');
});

test('an invalid edit cannot be saved and says where', async ({ shell, dataDir, page }) => {
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'projector-check', 'Duplicate');
  await editor.save();
  await expect(editor.status).toContainText('version 1.0.0');

  await editor.section('Agenda');
  const item = editor.entry('Agenda item 1');
  await editor.field('Minutes', item).fill('-3');
  await editor.field('Printed clock time', item).fill('half past');
  await expect(editor.problemsOf('Minutes', item)).toHaveText(/Too small/);
  await expect(editor.problemsOf('Printed clock time', item)).toHaveText(
    'write a clock time as h:mm, e.g. "1:05"',
  );
  await expect(editor.checkSummary).toHaveText('2 errors to fix before saving');
  await editor.save();
  await expect(editor.alert).toContainText('Not saved');
  await expect(editor.alert).toContainText(/Agenda item 1 “.+” › Minutes: Too small/);
  await expect(editor.alert).toContainText(
    /Agenda item 1 “.+” › Printed clock time: write a clock/,
  );
  const onDisk = readFileSync(
    join(dataDir, 'curricula', 'projector-check-copy', 'pack.yaml'),
    'utf8',
  );
  expect(onDisk).not.toContain('half past');

  // Closing with changes not saved asks first.
  await editor.root.getByRole('button', { name: 'Close', exact: true }).click();
  const closing = page.getByRole('alertdialog', { name: 'Close without saving?' });
  await closing.getByRole('button', { name: 'Keep editing' }).click();
  await expect(closing).toHaveCount(0);

  // "Show" takes the coordinator to the field.
  await editor.section('Session');
  await editor.alert.getByRole('button', { name: 'Show' }).first().click();
  await expect(editor.field('Minutes', item)).toBeVisible();
});

test('history keeps the previous version and restores it', async ({ shell, dataDir, page }) => {
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'projector-check', 'Duplicate');
  const session = editor.entry('Session');
  await editor.field('Title', session).fill('Room check');
  await editor.save();
  await expect(editor.status).toHaveText('Saved “Room check” version 1.0.0.');
  await editor.field('Title', session).fill('Room check, second take');
  await editor.save();
  await expect(editor.status).toHaveText('Saved “Room check, second take” version 1.0.1.');

  await editor.section('History');
  const history = editor.entry('History');
  await expect(history).toContainText('Version 1.0.0 · “Room check”');
  await history.getByRole('button', { name: 'Restore version 1.0.0' }).click();
  await expect(editor.status).toHaveText('Version 1.0.0 restored as version 1.0.2.');
  const current = readFileSync(
    join(dataDir, 'curricula', 'projector-check-copy', 'pack.yaml'),
    'utf8',
  );
  expect(current).toContain('title: Room check\n');
  expect(current).toContain('version: 1.0.2');
  await expect(history).toContainText('Version 1.0.1 · “Room check, second take”');
  await editor.section('Session');
  await expect(editor.field('Title', session)).toHaveValue('Room check');
});

test('slides: a live preview at projector size that warns when the text does not fit, an image slide, and a .zip another kiosk imports', async ({
  shell,
  dataDir,
  page,
}) => {
  test.setTimeout(90_000);
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'projector-check', 'Duplicate');
  await editor.section('Slides');
  const markdown = editor.markdown;
  const preview = editor.root.getByRole('img', { name: 'Preview at projector size' });
  await markdown.fill('# Short and clear\n\n- One point');
  await expect(preview.locator('h1')).toHaveText('Short and clear');
  await expect(editor.root.getByTestId('fit-note')).toHaveCount(0);
  await markdown.fill(
    `# Far too much\n\n${Array.from({ length: 30 }, (_, index) => `- Point number ${index + 1}`).join('\n')}`,
  );
  await expect(editor.alert).toContainText('Too much for one slide');
  await markdown.fill('# Short again');
  await expect(editor.alert).toHaveCount(0);

  await editor.root.getByRole('button', { name: 'New slide' }).click();
  await editor.field('Slide id').fill('deck-page-1');
  await editor.root.getByRole('radio', { name: /An image/ }).check();
  const chooser = page.waitForEvent('filechooser');
  await editor.root.getByRole('button', { name: 'Add an image…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'Deck page 1.png', mimeType: 'image/png', buffer: PAGE_PNG });
  await expect(editor.field('Image')).toHaveValue('images/deck-page-1.png');
  const image = preview.locator('img.slide-image');
  await expect(image).toHaveAttribute(
    'src',
    /^\/media\/drafts\/[0-9a-f]{24}\/images\/deck-page-1\.png$/,
  );
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBe(1);

  await editor.section('Agenda');
  await page.getByLabel('Show another slide of the pack:').selectOption('deck-page-1');
  await editor.expectValid();
  await editor.save();
  await expect(editor.status).toContainText('version 1.0.0');
  expect(
    readFileSync(join(dataDir, 'curricula', 'projector-check-copy', 'images', 'deck-page-1.png')),
  ).toEqual(PAGE_PNG);

  const download = page.waitForEvent('download');
  await editor.root.getByRole('button', { name: 'Export .zip' }).click();
  const zipPath = join(dataDir, 'exported.zip');
  await (await download).saveAs(zipPath);
  expect((await download).suggestedFilename()).toBe('projector-check-copy-1.0.0.zip');

  const otherClinic = makeDataDir();
  const other = await startShell(otherClinic.path);
  try {
    const otherPacks = new PacksPage(page);
    await otherPacks.open(other.consoleUrl);
    await otherPacks.importZip('projector-check-copy-1.0.0.zip', readFileSync(zipPath));
    await expect(page.getByRole('status')).toContainText(
      'Imported “Projector check (copy)” 1.0.0.',
    );
    await expect(otherPacks.card('projector-check-copy')).toContainText('1 agenda item · 4 slides');
  } finally {
    await other.stop();
    otherClinic.remove();
  }
});

test('an unsaved draft survives a tab switch, and reloading with it asks first', async ({
  shell,
  page,
}) => {
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'projector-check', 'Duplicate');
  const session = editor.entry('Session');
  await editor.field('Title', session).fill('Room check, not saved');
  await editor.section('Agenda');

  for (const tab of ['Records', 'Media', 'Run session']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(editor.root).toBeHidden();
  }
  await page.getByRole('tab', { name: 'Content packs' }).click();
  await expect(editor.root).toBeVisible();
  await expect(editor.entry('Agenda item 1')).toBeVisible();
  await editor.section('Session');
  await expect(editor.field('Title', session)).toHaveValue('Room check, not saved');
  await expect(editor.root).toContainText('not saved yet');

  // Reloading asks; staying keeps the draft.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.evaluate(() => window.location.reload());
  await expect.poll(() => asked).toEqual(['beforeunload']);
  await expect(editor.field('Title', session)).toHaveValue('Room check, not saved');

  // Once saved, nothing is left to lose: the page reloads without asking.
  await editor.save();
  await expect(editor.status).toContainText('Saved “Room check, not saved”');
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Run session' })).toBeVisible();
  expect(asked).toEqual(['beforeunload']);
});

test('an unsaved draft is kept: offered back after a reload and after the shell is killed, resumed, and gone once saved', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const data = makeDataDir();
  let shell = await startShell(data.path);
  try {
    const packs = new PacksPage(page);
    const editor = new PackEditorPage(page);
    // Leaving with changes not saved: the browser's "Leave site?" is answered Leave.
    // A page already gone with its dialog (a reload, a killed shell) has nothing left to answer.
    page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
    await packs.open(shell.consoleUrl);
    await editor.openEdit(packs, 'projector-check', 'Duplicate');
    const session = editor.entry('Session');
    await editor.field('Title', session).fill('Room check, kept');
    await editor.section('Slides');
    await editor.markdown.fill('# Kept through a crash\n\n- Typed before the power cut');
    await expect(editor.root.getByRole('img', { name: 'Preview at projector size' })).toContainText(
      'Kept through a crash',
    );
    await expect(editor.root).toContainText(/kept on this computer at \d\d:\d\d/);

    // A reload (main still running): offered back; Resume carries on where it was.
    await packs.open(shell.consoleUrl);
    await packs.card('projector-check').getByRole('button', { name: 'Duplicate' }).click();
    await expect(editor.resumeDraft).toContainText(
      /You have unsaved changes to “Room check, kept” from today at \d\d:\d\d/,
    );
    await editor.resumeDraft.getByRole('button', { name: 'Resume' }).click();
    await expect(editor.field('Title', session)).toHaveValue('Room check, kept');
    await expect(editor.root).toContainText('not saved yet');

    // Power cut: the shell is killed, and comes back on the same data folder.
    await shell.kill();
    shell = await startShell(data.path, { port: shell.port });
    // The page reloads itself once it finds the shell restarted (crash.spec.ts relies on it too);
    // a reload of the test's own would race that one.
    await packs.awaitSelfReload();
    await packs.card('projector-check').getByRole('button', { name: 'Duplicate' }).click();
    await editor.resumeDraft.getByRole('button', { name: 'Resume' }).click();
    await editor.section('Slides');
    await expect(editor.markdown).toContainText('Typed before the power cut');
    await editor.save();
    await expect(editor.status).toContainText('Saved “Room check, kept”');

    // Saved: nothing is offered back, neither for the copy nor for another duplicate.
    await editor.close();
    await editor.openEdit(packs, 'projector-check-copy');
    await expect(editor.resumeDraft).toHaveCount(0);
    await editor.close();
    await editor.openEdit(packs, 'projector-check', 'Duplicate');
    await expect(editor.resumeDraft).toHaveCount(0);
  } finally {
    await shell.stop();
    data.remove();
  }
});

test('discarding a kept draft opens the pack as saved, and it is not offered again', async ({
  shell,
  page,
}) => {
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'projector-check');
  const session = editor.entry('Session');
  // The browser's "Leave site?" is answered Leave.
  // A page already gone with its dialog (a reload, a killed shell) has nothing left to answer.
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  await editor.field('Title', session).fill('Thrown away');
  await expect(editor.root).toContainText('kept on this computer at');
  await packs.open(shell.consoleUrl);
  await packs.card('projector-check').getByRole('button', { name: 'Edit' }).click();
  await editor.resumeDraft.getByRole('button', { name: 'Discard' }).click();
  await expect(editor.field('Title', session)).toHaveValue('Projector check');
  await packs.open(shell.consoleUrl);
  await editor.openEdit(packs, 'projector-check');
  await expect(editor.resumeDraft).toHaveCount(0);
});

/** A copy of a built-in pack open in the editor on one of its agenda items. */
async function editCopyAt(page: Page, consoleUrl: string, packId: string, item: number) {
  const packs = new PacksPage(page);
  const editor = new PackEditorPage(page);
  await packs.open(consoleUrl);
  await editor.openEdit(packs, packId, 'Duplicate');
  await editor.section('Agenda');
  await editor.selectItem(item);
  return editor;
}

/** The agenda of a pack as the editor saved it to the data folder. */
function savedAgenda(dataDir: string, packId: string): Record<string, unknown>[] {
  const manifest = parse(readFileSync(join(dataDir, 'curricula', packId, 'pack.yaml'), 'utf8')) as {
    agenda: Record<string, unknown>[];
  };
  return manifest.agenda;
}

test('polls, teaches, guidance notes and breakouts have forms, checked with pack:check rules', async ({
  shell,
  dataDir,
  page,
}) => {
  test.setTimeout(60_000);
  // The poll of a poll item.
  const editor = await editCopyAt(page, shell.consoleUrl, 'harm-reduction-101', 14);
  const poll = editor.root.getByRole('group', { name: 'Poll', exact: true });
  await expect(editor.field('Poll question', poll)).toHaveValue(
    'Which of these can increase risk for harm?',
  );
  await expect(editor.field('Members may choose several options', poll)).toBeChecked();
  await editor.field('Poll question', poll).fill(' ');
  await expect(editor.problemsOf('Poll question', poll)).toHaveText('must not be empty');
  await editor.field('Poll question', poll).fill('Which of these raise the risk of harm?');
  await poll.getByRole('button', { name: 'Add poll option' }).click();
  const added = poll.getByRole('region').last();
  await editor.field('Key', added).fill('AB');
  await expect(editor.problemsOf('Key', added)).toHaveText('a single letter');
  await editor.field('Key', added).fill('z');
  await editor.field('Text', added).fill('None of these');
  await poll.getByRole('checkbox', { name: 'z: None of these' }).check();
  // Removing the poll from a poll item is what pack:check refuses.
  await poll.getByRole('button', { name: 'Remove the poll' }).click();
  await expect(poll).toContainText('a poll item needs a poll section');
  await expect(editor.checkSummary).toHaveText('1 error to fix before saving');
  await poll.getByRole('button', { name: 'Add the poll' }).click();
  await editor.field('Poll question', poll).fill('Which of these raise the risk of harm?');
  for (const [key, text] of [
    ['a', 'Unstable housing'],
    ['b', 'No or low income'],
  ]) {
    const option = poll.getByRole('region', { name: `Poll option ${key}` });
    await editor.field('Text', option).fill(text!);
  }
  await poll.getByRole('checkbox', { name: 'b: No or low income' }).check();

  // A breakout of an activity.
  await editor.selectItem(9);
  const breakout = editor.root.getByRole('group', { name: 'Breakout', exact: true });
  await expect(editor.field('Breakout minutes', breakout)).toHaveValue('6');
  await editor.field('Breakout minutes', breakout).fill('0');
  await expect(editor.problemsOf('Breakout minutes', breakout)).toHaveText(/Too small/);
  await editor.field('Breakout minutes', breakout).fill('8');

  // A guidance note: its source must be a web address.
  await editor.root.getByRole('button', { name: 'Add a guidance note' }).click();
  const note = editor.entry('Guidance note 1');
  await editor.field('Note', note).fill('Check the local syringe service hours.');
  await editor.field('Source title', note).fill('Clinic handbook');
  await expect(editor.problemsOf('Source web address', note)).toHaveText(
    'a web address starting with https:// (shown as text, never opened)',
  );
  await editor.field('Source web address', note).fill('https://example.org/handbook');
  await expect(editor.checkSummary).toHaveText(/^Valid/);
  await editor.save();
  await expect(editor.status).toContainText('version 1.0.0');

  const saved = savedAgenda(dataDir, 'harm-reduction-101-copy');
  expect(saved[14]!.poll).toEqual({
    prompt: 'Which of these raise the risk of harm?',
    options: [
      { key: 'a', text: 'Unstable housing' },
      { key: 'b', text: 'No or low income' },
    ],
    answer: ['b'],
  });
  expect(saved[9]!.breakout).toMatchObject({ minutes: 8 });
  expect(saved[9]!.guidance).toEqual([
    {
      note: 'Check the local syringe service hours.',
      source: { title: 'Clinic handbook', url: 'https://example.org/handbook' },
    },
  ]);
});

test('teaches: the quiz option an item teaches and the quote, checked against its material', async ({
  shell,
  dataDir,
  page,
}) => {
  const editor = await editCopyAt(page, shell.consoleUrl, 'hhrp-group-5', 5);
  const teaching = editor.entry(/^Teaching 1/);
  await expect(editor.field('Quiz option', teaching)).toHaveValue('q3.d');
  await editor.field("Quote from this item's material", teaching).fill('words nobody said');
  await expect(editor.problemsOf("Quote from this item's material", teaching)).toHaveText(
    /^Warning: "words nobody said" is not in this item's slides/,
  );
  await editor
    .field("Quote from this item's material", teaching)
    .fill('know how to eroticize latex');
  await expect(editor.problemsOf("Quote from this item's material", teaching)).toHaveCount(0);
  await editor.root.getByRole('button', { name: 'Add a quiz option it teaches' }).click();
  const second = editor.entry(/^Teaching 2/);
  await editor.field('Quiz option', second).selectOption('q3.a');
  await editor.field("Quote from this item's material", second).fill('');
  await expect(editor.problemsOf("Quote from this item's material", second)).toHaveText(
    'must not be empty',
  );
  await editor.field("Quote from this item's material", second).fill('eroticize latex');
  await editor.save();
  await expect(editor.status).toContainText('version 1.0.0');
  expect(savedAgenda(dataDir, 'hhrp-group-5-copy')[5]!.teaches).toEqual([
    { option: 'q3.d', quote: 'know how to eroticize latex' },
    { option: 'q3.a', quote: 'eroticize latex' },
  ]);
});

test('a role-play script: speakers, parts and their lines, checked with pack:check rules', async ({
  shell,
  dataDir,
  page,
}) => {
  const editor = await editCopyAt(page, shell.consoleUrl, 'hhrp-group-5', 4);
  const script = editor.root.getByRole('group', { name: 'Role-play script', exact: true });
  const part = script.getByRole('region', { name: /^Role-play part 1(:|$)/ });
  await expect(editor.field('Speaker', part.getByRole('region', { name: 'Line 1' }))).toHaveValue(
    '1',
  );
  await expect(editor.field('Speaker 1', script)).toHaveValue('Counselor #1');
  await editor.field('Speaker 2', script).fill('Partner');
  await part.getByRole('button', { name: 'Add a line' }).click();
  const lines = part.getByRole('region', { name: /^Line \d+$/ });
  const added = lines.last();
  await expect(editor.problemsOf('Line', added)).toHaveText('must not be empty');
  await editor.field('Speaker', added).selectOption({ label: '2: Partner' });
  await editor.field('Line', added).fill('Then let us try it that way.');
  await editor.field('Part title', part).fill(' ');
  await expect(editor.problemsOf('Part title', part)).toHaveText('must not be empty');
  await editor.field('Part title', part).fill("Respect for partner's concerns");
  await expect(editor.checkSummary).toHaveText(/^Valid/);
  await editor.save();
  await expect(editor.status).toContainText('version 1.0.0');
  const demonstration = savedAgenda(dataDir, 'hhrp-group-5-copy')[4]!.demonstration as {
    speakers: string[];
    elements: { lines: unknown[] }[];
  };
  expect(demonstration.speakers).toEqual(['Counselor #1', 'Partner']);
  expect(demonstration.elements[0]!.lines.at(-1)).toEqual({
    speaker: 2,
    text: 'Then let us try it that way.',
  });
});
