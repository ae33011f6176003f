import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { RunningShell } from './webShell';

/**
 * Opens a printed URL as a fresh page load. Going to the URL a page already shows, fragment and
 * all, is only a fragment navigation in Chromium, which would keep the page of an earlier run.
 */
async function load(page: Page, url: string): Promise<void> {
  if (page.url() === url) await page.reload();
  else await page.goto(url);
}

export interface StartDetails {
  pack: string;
  group: string;
  facilitators: [string] | [string, string];
  timeKeeper?: string;
}

/** The console's Run tab: the start form, the resume prompt, the runner and the summary. */
export class ConsolePage {
  readonly currentItem: Locator;
  readonly slidePosition: Locator;
  readonly projectorStatus: Locator;
  readonly itemTimer: Locator;
  readonly itemLeft: Locator;
  readonly sessionLeft: Locator;
  readonly lateness: Locator;
  readonly phase: Locator;
  readonly clock: Locator;
  readonly agenda: Locator;
  readonly nextButton: Locator;
  readonly previousButton: Locator;
  readonly nextItem: Locator;
  readonly summary: Locator;
  /** The console's one notice area: what actions said (failures as alerts, results as statuses). */
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.notices = page.getByTestId('notice-area');
    this.currentItem = page.getByTestId('current-item');
    this.slidePosition = page.getByTestId('slide-position');
    this.projectorStatus = page.getByTestId('projector-status');
    this.itemTimer = page.getByTestId('item-timer');
    this.itemLeft = page.getByTestId('item-left');
    this.sessionLeft = page.getByTestId('session-left');
    this.lateness = page.getByTestId('lateness');
    this.phase = page.getByTestId('phase');
    this.clock = page.getByTestId('clock');
    this.agenda = page.getByRole('navigation', { name: 'Agenda' });
    this.nextButton = page.getByRole('button', { name: 'Next →' });
    this.previousButton = page.getByRole('button', { name: '← Previous' });
    this.nextItem = page.getByTestId('next-item');
    this.summary = page.getByRole('region', { name: /Last session/ });
  }

  async open(url: string) {
    await load(this.page, url);
    await expect(this.page.getByRole('tab', { name: 'Run session' })).toBeVisible();
  }

  /** Brings the console tab to the front: a background tab's frames are throttled, which slows clicks. */
  async focus() {
    await this.page.bringToFront();
  }

  async start(details: StartDetails) {
    const form = this.page.getByRole('form', { name: 'Start a session' });
    const packs = form.getByLabel('Content pack');
    const value = await packs
      .locator('option', { hasText: details.pack })
      .first()
      .getAttribute('value');
    await packs.selectOption(value!);
    await form.getByLabel('Group', { exact: true }).fill(details.group);
    await form.getByLabel('Facilitator', { exact: true }).fill(details.facilitators[0]);
    if (details.facilitators[1])
      await form.getByLabel('Co-facilitator (optional)').fill(details.facilitators[1]);
    if (details.timeKeeper) await form.getByLabel(/Time-keeper/).fill(details.timeKeeper);
    await form.getByRole('button', { name: 'Start session' }).click();
    await expect(this.currentItem).toBeVisible();
  }

  async expectItem(number: number, title: string | RegExp) {
    await expect(this.currentItem).toHaveText(
      typeof title === 'string' ? `${number}. ${title}` : title,
    );
  }

  agendaItem(index: number): Locator {
    return this.agenda.locator(`[data-item-index="${index}"]`);
  }

  /** Jumps to an agenda item and waits until main's snapshot has it running. */
  async jumpTo(index: number) {
    await this.agendaItem(index).locator('.agenda__jump').click();
    await expect(this.agendaItem(index)).toHaveAttribute('aria-current', 'step');
  }

  async changeItem(index: number, reason: string, action: 'Skip item' | 'Mark adapted') {
    const item = this.agendaItem(index);
    await item.getByRole('button', { name: /Skip or adapt/ }).click();
    await item.getByLabel('Reason').fill(reason);
    await item.getByRole('button', { name: action }).click();
  }

  question(id: string): Locator {
    return this.page.locator(`[data-question-id="${id}"]`);
  }

  async endSession() {
    await this.page.getByRole('button', { name: 'End session' }).click();
    await this.page
      .getByRole('alertdialog', { name: 'End the session?' })
      .getByRole('button', { name: 'End session' })
      .click();
    await expect(this.summary).toBeVisible();
  }
}

/** The words of the attendance panel's add form, in the console's language. */
export interface AttendanceWords {
  name: string;
  add: string;
  /** Beside a member at their first session. */
  welcome: string;
}

export const ATTENDANCE_ENGLISH: AttendanceWords = {
  name: 'First name or nickname',
  add: 'Add and check in',
  welcome: 'new: welcome',
};

/** The runner's attendance panel (check-in at the start). */
export class AttendancePanel {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly words: AttendanceWords = ATTENDANCE_ENGLISH,
  ) {
    this.root = page.getByTestId('attendance');
  }

  member(name: string): Locator {
    return this.root.locator('li', { hasText: name });
  }

  /**
   * Adds and checks in new members one at a time, each listed (and, with `welcomed`, marked new)
   * before the next is typed.
   */
  async checkIn(names: readonly string[], options: { welcomed?: boolean } = {}) {
    for (const name of names) {
      await this.root.getByLabel(this.words.name).fill(name);
      await this.root.getByRole('button', { name: this.words.add }).click();
      await expect(this.root).toContainText(
        options.welcomed ? `${name}${this.words.welcome}` : name,
      );
    }
  }
}

/** The one check-in helper: new members added and checked in; returns the attendance panel. */
export async function checkIn(
  page: Page,
  names: readonly string[],
  options: { welcomed?: boolean; words?: AttendanceWords } = {},
): Promise<Locator> {
  const attendance = new AttendancePanel(page, options.words);
  await attendance.checkIn(names, options);
  return attendance.root;
}

/** The quiz grid of a quiz item: members in rows, questions in columns. */
export class QuizGridPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('quiz-grid');
  }

  /** A member's answer cell for one quiz item ("Alex", "q1"). */
  cell(member: string, itemId: string): Locator {
    return this.root.locator(`[data-cell="${member}-${itemId}"]`);
  }

  /** Types an answer into a member's cell, as the counselor does. */
  async answer(member: string, itemId: string, key: string) {
    await this.cell(member, itemId).focus();
    await this.page.keyboard.press(key);
  }
}

/** The team game's panel: teams, the score sheet and the totals. */
export class GamePanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('game-panel');
  }

  teamTotal(number: number): Locator {
    return this.root.getByTestId(`team-${number}-total`);
  }
}

/** The Records tab, behind the counselor PIN. */
export class RecordsPage {
  readonly tab: Locator;
  readonly gate: Locator;
  readonly heading: Locator;
  readonly sessionRows: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Records' });
    this.gate = page.getByRole('form', { name: /PIN|locked/ });
    this.heading = page.getByRole('heading', { name: 'Records', exact: true });
    this.sessionRows = page.locator('#panel-records tr[data-session-id]');
  }

  /** Opens the tab, setting the PIN on first use or unlocking with it when locked. */
  async open(pin = '2468') {
    await this.tab.click();
    await expect(this.gate.or(this.heading)).toBeVisible();
    if (await this.gate.getByLabel('New PIN (4 to 8 digits)').isVisible()) {
      await this.gate.getByLabel('New PIN (4 to 8 digits)').fill(pin);
      await this.gate.getByLabel('The same PIN again').fill(pin);
      await this.gate.getByRole('button', { name: 'Set PIN' }).click();
    } else if (await this.gate.getByLabel('Counselor PIN').isVisible()) {
      await this.gate.getByLabel('Counselor PIN').fill(pin);
      await this.gate.getByRole('button', { name: 'Unlock' }).click();
    }
    await expect(this.heading).toBeVisible();
  }

  backup(name: string): Locator {
    return this.page.locator(`[data-backup="${name}"]`);
  }
}

/** The Media tab: each pack's media, bound to the clinic's files. */
export class MediaPage {
  readonly tab: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Media' });
  }

  async open() {
    await this.tab.click();
    await expect(this.page.getByRole('heading', { level: 2 })).toBeVisible();
  }

  row(mediaId: string): Locator {
    return this.page.locator(`[data-media-id="${mediaId}"]`);
  }
}

/** The projector page and the console page of one shell, with a session started on the console. */
export async function startOnBoth(
  context: BrowserContext,
  shell: RunningShell,
  details: StartDetails,
): Promise<{ audience: AudiencePage; console: ConsolePage }> {
  const audience = new AudiencePage(await context.newPage());
  const console = new ConsolePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  await console.open(shell.consoleUrl);
  await console.start(details);
  return { audience, console };
}

export class AudiencePage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('main.audience');
  }

  async open(url: string) {
    await load(this.page, url);
    await expect(this.root).toBeVisible();
  }

  async expectScreen(kind: string) {
    await expect(this.root).toHaveAttribute('data-screen', kind);
  }

  async expectSlide(number: number, heading: string | RegExp) {
    await this.expectScreen('slide');
    await expect(this.root).toHaveAttribute('data-slide-number', String(number));
    await expect(this.root.locator('.slide-canvas h1')).toHaveText(heading);
  }

  /** Everything the projector page holds, visible or not. */
  async everything(): Promise<string> {
    return this.page.content();
  }
}

export class PacksPage {
  readonly list: Locator;
  readonly broken: Locator;
  readonly zipInput: Locator;
  readonly folderInput: Locator;

  constructor(readonly page: Page) {
    // Named in the console's language: the editor's Spanish test opens packs from it too.
    this.list = page.getByRole('list', { name: /^(Loaded packs|Paquetes cargados)$/ });
    this.broken = page.getByRole('region', { name: 'Packs that could not be loaded' });
    this.zipInput = page.getByTestId('import-zip');
    this.folderInput = page.getByTestId('import-folder');
  }

  async open(consoleUrl: string) {
    await load(this.page, consoleUrl);
    await this.page.getByRole('tab', { name: 'Content packs' }).click();
    await expect(this.list).toBeVisible();
  }

  /** After a shell restart: the page's own reload lands on the Run tab; back to Content packs. */
  async awaitSelfReload() {
    const tab = this.page.getByRole('tab', { name: 'Content packs' });
    await expect(tab).toHaveAttribute('aria-selected', 'false', { timeout: 15_000 });
    await tab.click();
    await expect(this.list).toBeVisible();
  }

  card(id: string): Locator {
    return this.list.locator(`[data-pack-id="${id}"]`);
  }

  async importZip(name: string, buffer: Buffer) {
    await this.zipInput.setInputFiles({ name, mimeType: 'application/zip', buffer });
  }
}

/** The pack editor (Content packs → Edit / New pack / Duplicate). */
export class PackEditorPage {
  readonly root: Locator;
  readonly checkSummary: Locator;
  readonly agendaTotal: Locator;
  readonly agendaRows: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  /** A slide's Markdown: CodeMirror's editable content (role textbox, named by aria-label). */
  readonly markdown: Locator;
  /** "You have unsaved changes from …": a draft kept from before a reload or a restart. */
  readonly resumeDraft: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Pack editor' });
    this.markdown = this.root.getByRole('textbox', { name: 'Markdown', exact: true });
    this.resumeDraft = this.root.getByRole('alertdialog', { name: 'Unsaved changes' });
    this.checkSummary = page.getByTestId('check-summary');
    this.agendaTotal = this.root.getByTestId('agenda-total').first();
    this.agendaRows = this.root.getByRole('list', { name: 'Agenda items' }).locator('> li');
    this.status = this.root.getByRole('status').filter({ hasText: /Saved|saved|restored/ });
    this.alert = this.root.getByRole('alert');
  }

  async openNew(packs: PacksPage) {
    await packs.page.getByRole('button', { name: 'New pack' }).click();
    await expect(this.root).toBeVisible();
    await this.expectValid();
  }

  async openEdit(packs: PacksPage, id: string, how: 'Edit' | 'Duplicate' = 'Edit') {
    await packs.card(id).getByRole('button', { name: how, exact: false }).first().click();
    await expect(this.checkSummary).toHaveText(/^(Valid|\d+ error)/);
  }

  async section(name: string) {
    await this.root
      .getByRole('navigation', { name: 'Pack sections' })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();
  }

  /** A field by its label, inside `scope` (a section or list entry) when given. */
  field(label: string, scope: Locator = this.root): Locator {
    return scope.getByLabel(label, { exact: true });
  }

  /** The problems shown beside a field. */
  problemsOf(label: string, scope: Locator = this.root): Locator {
    return scope
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__problems');
  }

  entry(name: string | RegExp): Locator {
    return this.root.getByRole('region', { name, exact: typeof name === 'string' });
  }

  async selectItem(index: number) {
    await this.agendaRows.nth(index).locator('.agenda-row__select').click();
  }

  /** Drags an agenda row by its handle onto another row, with the pointer moving as a hand does. */
  async dragRow(from: number, to: number) {
    const handle = this.agendaRows.nth(from).getByRole('button', { name: /^Drag/ });
    const start = (await handle.boundingBox())!;
    const target = (await this.agendaRows.nth(to).boundingBox())!;
    await this.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + start.width / 2, target.y + target.height * 0.75, {
      steps: 12,
    });
    await this.page.mouse.up();
    // dnd-kit swallows clicks for 50 ms after a drop (the click that ends a drag); no hand is faster.
    await this.page.waitForTimeout(100);
  }

  async expectValid() {
    await expect(this.checkSummary).toHaveText(/^Valid/);
  }

  async save() {
    await this.root.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async close() {
    await this.root.getByRole('button', { name: 'Close', exact: true }).click();
  }
}

/** Content packs → Import a deck (PDF)…: the pages read from the PDF and where they go. */
export class DeckImportPage {
  readonly root: Locator;
  readonly form: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: /Import a deck from PDF/ });
    this.form = this.root.getByRole('form', { name: 'Import the deck' });
    this.progress = this.root.getByRole('progressbar');
  }

  async choose(name: string, pdf: Uint8Array) {
    await this.page
      .getByTestId('import-deck')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await expect(this.form).toBeVisible();
  }

  pageCard(number: number): Locator {
    return this.root.locator(`[data-page="${number}"]`);
  }

  /** Starts a new agenda item at the page, titled and timed as given. */
  async splitAt(number: number, title: string, minutes: number) {
    const card = this.pageCard(number);
    await card.getByLabel('A new agenda item starts here').check();
    await card.getByLabel('Item title').fill(title);
    await card.getByLabel('Minutes').fill(String(minutes));
  }

  async importPages() {
    await this.form.getByRole('button', { name: /^Import \d+ pages?$/ }).click();
  }
}

/** The passphrase page (the desktop app's passphrase window; the browser shell's `--ask-passphrase`). */
export class UnlockPage {
  readonly heading: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.refusal = page.getByRole('alert');
  }

  async open(url: string) {
    await load(this.page, url);
    await expect(this.page.locator('form input').first()).toBeVisible();
  }

  async create(passphrase: string, repeat = passphrase) {
    await this.page.getByLabel('New passphrase').fill(passphrase);
    await this.page.getByLabel('The same passphrase again').fill(repeat);
    await this.page.getByRole('button', { name: /Set the passphrase/ }).click();
  }

  async enter(passphrase: string) {
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  async recover(recoveryKey: string, passphrase: string) {
    await this.page.getByRole('button', { name: /Forgot the passphrase/ }).click();
    await this.page.getByLabel('Recovery key').fill(recoveryKey);
    await this.page.getByLabel('New passphrase').fill(passphrase);
    await this.page.getByLabel('The same passphrase again').fill(passphrase);
    await this.page.getByRole('button', { name: /Unlock and set/ }).click();
  }

  async expectUnlocked() {
    await expect(this.page.getByRole('status')).toHaveText(/records are unlocked/);
  }
}
