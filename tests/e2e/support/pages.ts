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

  constructor(readonly page: Page) {
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
    this.list = page.getByRole('list', { name: 'Loaded packs' });
    this.broken = page.getByRole('region', { name: 'Packs that could not be loaded' });
    this.zipInput = page.getByTestId('import-zip');
    this.folderInput = page.getByTestId('import-folder');
  }

  async open(consoleUrl: string) {
    await load(this.page, consoleUrl);
    await this.page.getByRole('tab', { name: 'Content packs' }).click();
    await expect(this.list).toBeVisible();
  }

  card(id: string): Locator {
    return this.list.locator(`[data-pack-id="${id}"]`);
  }

  async importZip(name: string, buffer: Buffer) {
    await this.zipInput.setInputFiles({ name, mimeType: 'application/zip', buffer });
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
