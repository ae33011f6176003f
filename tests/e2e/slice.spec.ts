import { expect, test } from './support/fixtures';
import { AudiencePage, ConsolePage } from './support/pages';
import { startShell } from './support/webShell';

const PROJECTOR_CHECK = {
  pack: 'Projector check',
  group: 'Setup',
  facilitators: ['Riley'],
} as const;

test('the audience shows slide 1 and follows Next from the console button at once', async ({
  shell,
  context,
}) => {
  const console = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);
  await console.focus();
  await audience.expectScreen('idle');

  await console.start({ ...PROJECTOR_CHECK, facilitators: ['Riley'] });
  await expect(console.slidePosition).toHaveText('Slide 1 of 3');
  await audience.expectSlide(1, 'Welcome');

  await console.nextButton.click();
  await expect(console.slidePosition).toHaveText('Slide 2 of 3');
  await audience.expectSlide(2, 'How the kiosk works');

  await console.previousButton.click();
  await audience.expectSlide(1, 'Welcome');
});

test('after a restart on the same data folder both pages come back on the same slide', async ({
  shell,
  dataDir,
  context,
}) => {
  const console = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);
  await console.focus();
  await console.start({ ...PROJECTOR_CHECK, facilitators: ['Riley'] });
  await console.nextButton.click();
  await console.nextButton.click();
  await audience.expectSlide(3, 'Ready to begin');

  expect(await shell.stop()).toBe(0);
  const restarted = await startShell(dataDir, { port: shell.port });
  try {
    // Pages left open reconnect by themselves; the projector stays dark until the counselor resumes.
    await expect(
      console.page.getByRole('alertdialog', { name: 'Resume the session?' }),
    ).toBeVisible();
    await audience.expectScreen('black');
    await console.page.getByRole('button', { name: 'Resume session' }).click();
    await audience.expectSlide(3, 'Ready to begin');
    await expect(console.slidePosition).toHaveText('Slide 3 of 3');
    const fresh = new AudiencePage(await context.newPage());
    await fresh.open(restarted.audienceUrl);
    await fresh.expectSlide(3, 'Ready to begin');
  } finally {
    await restarted.stop();
  }
});

test('the audience page cannot issue commands', async ({ shell, context }) => {
  const console = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.start({ ...PROJECTOR_CHECK, facilitators: ['Riley'] });
  await audience.open(shell.audienceUrl);
  await console.focus();
  const result = await audience.page.evaluate(() =>
    (window.kiosk as unknown as { invoke: (c: string, a: unknown) => Promise<unknown> }).invoke(
      'session:command',
      {
        type: 'next',
      },
    ),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await audience.expectSlide(1, 'Welcome');
});

test('the page makes no request outside its own origin', async ({ shell, context }) => {
  const outside: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(new URL(shell.consoleUrl).origin)) outside.push(request.url());
  });
  const console = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);
  await console.focus();
  await console.start({ ...PROJECTOR_CHECK, facilitators: ['Riley'] });
  await console.nextButton.click();
  await audience.expectSlide(2, 'How the kiosk works');
  expect(outside).toEqual([]);
});
