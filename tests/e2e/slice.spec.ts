import { expect, test } from './support/fixtures';
import { AudiencePage, ConsolePage } from './support/pages';
import { startShell } from './support/webShell';

test('the audience shows slide 1 and follows Next from the console button at once', async ({
  shell,
  context,
}) => {
  const consolePage = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await consolePage.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);

  await consolePage.expectSlide(1, 3);
  await audience.expectSlide(1, 'Welcome');

  await consolePage.nextButton.click();
  await consolePage.expectSlide(2, 3);
  await audience.expectSlide(2, 'How the kiosk works');

  await consolePage.previousButton.click();
  await audience.expectSlide(1, 'Welcome');
});

test('the right-arrow key on the console moves the audience on; left moves back', async ({
  shell,
  context,
}) => {
  const consolePage = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await consolePage.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);

  await consolePage.page.keyboard.press('ArrowRight');
  await audience.expectSlide(2, 'How the kiosk works');
  await consolePage.page.keyboard.press('ArrowRight');
  await audience.expectSlide(3, 'Ready to begin');
  await consolePage.page.keyboard.press('ArrowRight');
  await consolePage.expectSlide(3, 3);
  await consolePage.page.keyboard.press('ArrowLeft');
  await audience.expectSlide(2, 'How the kiosk works');
});

test('the audience page never shows the counselor notes', async ({ shell, context }) => {
  const consolePage = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await consolePage.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);
  for (let slide = 1; slide <= 3; slide += 1) {
    await consolePage.expectSlide(slide, 3);
    const notes = await consolePage.notes.locator('p').textContent();
    expect(notes).toBeTruthy();
    await audience.expectSlide(slide, await consolePage.currentSlide.locator('h1').innerText());
    expect(await audience.page.content()).not.toContain(notes!);
    if (slide < 3) await consolePage.nextButton.click();
  }
  await expect(consolePage.nextButton).toBeDisabled();
});

test('the audience page cannot issue commands', async ({ shell, context }) => {
  const audience = new AudiencePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  const result = await audience.page.evaluate(() =>
    (window.kiosk as unknown as { invoke: (c: string, a: unknown) => Promise<unknown> }).invoke(
      'show:next',
      {},
    ),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await audience.expectSlide(1, 'Welcome');
});

test('after a restart on the same data folder both pages come back on the same slide', async ({
  shell,
  dataDir,
  context,
}) => {
  const consolePage = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await consolePage.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);
  await consolePage.nextButton.click();
  await consolePage.nextButton.click();
  await audience.expectSlide(3, 'Ready to begin');

  expect(await shell.stop()).toBe(0);
  const restarted = await startShell(dataDir, shell.port);
  try {
    // Pages left open reconnect by themselves and reload with the new run's state…
    await audience.expectSlide(3, 'Ready to begin');
    await consolePage.expectSlide(3, 3);
    // …and freshly opened ones start there too.
    const fresh = new AudiencePage(await context.newPage());
    await fresh.open(restarted.audienceUrl);
    await fresh.expectSlide(3, 'Ready to begin');
  } finally {
    await restarted.stop();
  }
});

test('the page makes no request outside its own origin', async ({ shell, context }) => {
  const outside: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(new URL(shell.consoleUrl).origin)) outside.push(request.url());
  });
  const consolePage = new ConsolePage(await context.newPage());
  await consolePage.open(shell.consoleUrl);
  await consolePage.nextButton.click();
  await consolePage.expectSlide(2, 3);
  expect(outside).toEqual([]);
});
