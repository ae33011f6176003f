import { zipOfPack } from '../helpers/packs';
import { expect, test } from './support/fixtures';
import { makeDeck } from './support/deck';
import { DeckImportPage, PacksPage, startOnBoth } from './support/pages';
import { makeDataDir, packFolderContents, startShell } from './support/webShell';

/** The pages are drawn, then written and checked on a worker thread: a busy machine needs time. */
const IMPORTED = { timeout: 20_000 };

const DECK = [
  ['Welcome to the group', 'Phones on silent', 'What is said here stays here'],
  ['Signs of an overdose', 'Slow or no breathing', 'Blue lips and fingertips'],
  ['Practice with naloxone', 'Work in pairs'],
];

test('a deck saved as PDF is imported as a pack: its pages show on the projector with their text as notes', async ({
  shell,
  page,
  context,
  dataDir,
}) => {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  const deck = new DeckImportPage(page);
  await deck.choose('overdose.pdf', await makeDeck(DECK));
  await expect(deck.form.getByLabel('Title', { exact: true })).toHaveValue('Overdose response');
  await expect(deck.pageCard(2)).toContainText('2. Signs of an overdose');
  await deck.form.getByLabel('Program', { exact: true }).fill('Clinic training');
  await deck.splitAt(3, 'Hands-on practice', 10);
  await expect(deck.form).toContainText('2 agenda items · 14 min planned');
  await deck.importPages();
  await expect(page.getByRole('status')).toContainText(
    'Imported the deck as “Overdose response” 1.0.0 (3 slides).',
    IMPORTED,
  );
  await expect(packs.card('overdose-response')).toContainText('2 agenda items · 3 slides');
  expect(packFolderContents(dataDir)).toEqual(['overdose-response']);

  const { audience, console } = await startOnBoth(context, shell, {
    pack: 'Overdose response',
    group: 'Tuesday group',
    facilitators: ['Dana'],
  });
  await console.expectItem(1, 'Welcome to the group');
  const image = audience.root.locator('img.slide-image');
  await expect(image).toHaveAttribute('alt', 'Welcome to the group');
  // The page really was drawn: a 1920-pixel-wide image served from the pack.
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1920);
  const notes = console.page.getByTestId('slide-notes');
  await expect(notes).toHaveText(
    'Welcome to the group Phones on silent What is said here stays here',
  );
  // The page's lines stay lines in the console, as the counselor's cues.
  expect(await notes.evaluate((element: HTMLElement) => element.innerText)).toBe(
    'Welcome to the group\nPhones on silent\nWhat is said here stays here',
  );
  await console.nextButton.click();
  await expect(image).toHaveAttribute('alt', 'Signs of an overdose');
  await expect(console.page.getByTestId('slide-notes')).toContainText('Blue lips and fingertips');
  await console.nextButton.click();
  await console.nextButton.click();
  await console.expectItem(2, 'Hands-on practice');
  await expect(image).toHaveAttribute('alt', 'Practice with naloxone');
});

test('a deck is added to an agenda item of an imported pack, whose version goes up', async ({
  shell,
  page,
}) => {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  await packs.importZip('mini.zip', zipOfPack());
  await expect(packs.card('mini-pack')).toContainText('version 1.0.0', IMPORTED);
  const deck = new DeckImportPage(page);
  await deck.choose('extra.pdf', await makeDeck(DECK.slice(0, 2)));
  await deck.form.getByLabel('An agenda item of a pack imported here').check();
  await expect(deck.form.getByLabel('Agenda item', { exact: true })).toHaveValue('welcome');
  await deck.importPages();
  await expect(page.getByRole('status')).toContainText(
    'Added the deck to “Mini pack” 1.1.0 (3 slides).',
    IMPORTED,
  );
});

test('Cancel stops a deck import and leaves no pack, page or staging folder behind', async ({
  page,
}) => {
  const data = makeDataDir();
  // The worker waits at each step, so the import is still running when Cancel is pressed.
  const shell = await startShell(data.path, { slowJobsMs: 1500 });
  try {
    const packs = new PacksPage(page);
    await packs.open(shell.consoleUrl);
    const deck = new DeckImportPage(page);
    await deck.choose('overdose.pdf', await makeDeck(DECK));
    await deck.form.getByLabel('Program', { exact: true }).fill('Clinic training');
    await deck.importPages();
    await expect(page.getByTestId('job-progress')).toContainText(
      'Importing overdose.pdf',
      IMPORTED,
    );
    await deck.form.getByRole('button', { name: 'Cancel import' }).click();
    await expect(deck.root.getByRole('status')).toHaveText('Import cancelled; nothing was kept.');
    await expect(page.getByTestId('job-progress')).toHaveCount(0);
    await expect(packs.card('overdose-response')).toHaveCount(0);
    expect(packFolderContents(data.path)).toEqual([]);
    // The deck is still open, and imports once the coordinator tries again.
    await deck.importPages();
    await expect(page.getByRole('status')).toContainText('Imported the deck as', IMPORTED);
  } finally {
    await shell.stop();
    data.remove();
  }
});
