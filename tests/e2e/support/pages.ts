import { expect, type Locator, type Page } from '@playwright/test';

export class ConsolePage {
  readonly position: Locator;
  readonly nextButton: Locator;
  readonly previousButton: Locator;
  readonly notes: Locator;
  readonly currentSlide: Locator;

  constructor(readonly page: Page) {
    this.position = page.getByTestId('slide-position');
    this.nextButton = page.getByRole('button', { name: /Next/ });
    this.previousButton = page.getByRole('button', { name: /Previous/ });
    this.notes = page.getByRole('complementary').getByLabel('Counselor notes');
    this.currentSlide = page.getByRole('region', { name: 'Current slide on the projector' });
  }

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.position).toBeVisible();
  }

  async expectSlide(number: number, of: number) {
    await expect(this.position).toHaveText(`Slide ${number} of ${of}`);
  }
}

export class AudiencePage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('main.audience');
  }

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.root.locator('.slide-canvas')).toBeVisible();
  }

  async expectSlide(number: number, heading: string) {
    await expect(this.root).toHaveAttribute('data-slide-number', String(number));
    await expect(this.root.locator('.slide-canvas h1')).toHaveText(heading);
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
    await this.page.goto(consoleUrl);
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
