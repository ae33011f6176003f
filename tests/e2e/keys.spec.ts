import { expect, test } from './support/fixtures';
import { AudiencePage, ConsolePage } from './support/pages';

test.describe('presenter keys', () => {
  test('work on the console: next and previous, black and white, number then Enter, Esc, and ? for the list', async ({
    shell,
    context,
  }) => {
    const audience = new AudiencePage(await context.newPage());
    const console = new ConsolePage(await context.newPage());
    await audience.open(shell.audienceUrl);
    await console.open(shell.consoleUrl);
    await console.start({
      pack: 'Negotiating Harm Reduction',
      group: 'Keys group',
      facilitators: ['Riley'],
    });
    const keys = console.page.keyboard;

    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'Enter']) {
      const before = await console.slidePosition.textContent();
      await keys.press(key);
      await expect(console.slidePosition, `key ${key}`).not.toHaveText(before!);
    }
    // Slide 5 keeps its answer back: one of the presses revealed it.
    await expect(console.slidePosition).toHaveText('Slide 6 of 24');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'Backspace']) {
      const before = await console.slidePosition.textContent();
      await keys.press(key);
      await expect(console.slidePosition, `key ${key}`).not.toHaveText(before!);
    }
    await expect(console.slidePosition).toHaveText('Slide 1 of 24');

    await keys.press('b');
    await audience.expectScreen('black');
    await keys.press('b');
    await audience.expectScreen('slide');
    await keys.press('.');
    await audience.expectScreen('black');
    await keys.press('Escape');
    await audience.expectScreen('slide');
    await keys.press('w');
    await audience.expectScreen('white');
    await keys.press('ArrowRight');
    await audience.expectScreen('slide');
    await expect(console.slidePosition).toHaveText('Slide 1 of 24');

    await keys.type('12');
    await expect(console.slidePosition).toContainText('go to slide 12');
    await keys.press('Enter');
    await expect(console.slidePosition).toHaveText('Slide 12 of 24');
    await audience.expectSlide(12, /.+/);

    await keys.press('?');
    const help = console.page.getByRole('dialog', { name: 'Keys' });
    await expect(help).toContainText('Black screen');
    await expect(help).toContainText('Jump to slide 7');
    await keys.press('Escape');
    await expect(help).toBeHidden();
  });

  test('work on the projector window too, though its page cannot command', async ({
    shell,
    context,
  }) => {
    const console = new ConsolePage(await context.newPage());
    await console.open(shell.consoleUrl);
    await console.start({ pack: 'Projector check', group: 'Keys group', facilitators: ['Riley'] });
    const audience = new AudiencePage(await context.newPage());
    await audience.open(shell.audienceUrl);
    await audience.page.bringToFront();
    await audience.expectSlide(1, 'Welcome');

    await audience.page.keyboard.press('ArrowRight');
    await audience.expectSlide(2, 'How the kiosk works');
    await expect(console.slidePosition).toHaveText('Slide 2 of 3');
    await audience.page.keyboard.press('PageUp');
    await audience.expectSlide(1, 'Welcome');
    await audience.page.keyboard.press('b');
    await audience.expectScreen('black');
    await audience.page.keyboard.press('Escape');
    await audience.expectScreen('slide');
    await audience.page.keyboard.type('3');
    await audience.page.keyboard.press('Enter');
    await audience.expectSlide(3, 'Ready to begin');
  });
});

test('identify screens labels the console and the projector', async ({ shell, context }) => {
  const audience = new AudiencePage(await context.newPage());
  const console = new ConsolePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  await console.open(shell.consoleUrl);
  await console.page.getByRole('button', { name: 'Identify screens' }).click();
  await expect(console.page.locator('.identify-overlay')).toHaveText('Console (this screen)');
  await expect(audience.page.locator('.identify-overlay')).toHaveText(
    'Audience (the room sees this)',
  );
});
