import { expect, test } from './support/fixtures';
import { AudiencePage, ConsolePage, checkIn } from './support/pages';

test('a page of the kiosk’s origin without the printed console key gets no console rights', async ({
  shell,
  context,
}) => {
  const audience = new AudiencePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  // What a script in the audience page (where a pack's files are shown) could try.
  const attempts = await audience.page.evaluate(async () => {
    const key = new URLSearchParams(location.hash.slice(1)).get('key');
    const consolePage = await (await fetch('/console.html')).text();
    const asConsole = await fetch('/__kiosk/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'console', key }),
    });
    const manifest = await fetch('/media/packs/hhrp-group-5/pack.yaml');
    const records = await window.kiosk.invoke('records:overview' as never, {} as never);
    return {
      pageHasToken: /kiosk-token|[0-9a-f]{40}/.test(consolePage),
      consoleSession: asConsole.status,
      manifest: manifest.status,
      records,
    };
  });
  expect(attempts).toEqual({
    pageHasToken: false,
    consoleSession: 401,
    manifest: 404,
    records: { ok: false, error: expect.objectContaining({ code: 'forbidden' }) },
  });

  // The console page opened without the printed key says where to open it, and shows nothing.
  const stray = await context.newPage();
  await stray.goto(new URL('/console.html', shell.consoleUrl).href);
  await expect(stray.getByRole('alert').first()).toContainText(
    'not opened from the address the kiosk printed',
  );
});

test('starting a session for a group run before asks for the PIN once, then shows its roster', async ({
  shell,
  context,
}) => {
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  expect(
    await console.page.evaluate(() =>
      window.kiosk.invoke('records:setPin', { pin: '2468', currentPin: null }),
    ),
  ).toMatchObject({ ok: true });
  await console.start({ pack: 'Projector check', group: 'Tuesday group', facilitators: ['Riley'] });
  await checkIn(console.page, ['Rosalind']);
  await console.endSession();
  await console.page.evaluate(() => window.kiosk.invoke('records:lock', {}));

  const form = console.page.getByRole('form', { name: 'Start a session' });
  await form.getByLabel('Group', { exact: true }).fill('Tuesday group');
  await form.getByLabel('Facilitator', { exact: true }).fill('Riley');
  await form.getByRole('button', { name: 'Start session' }).click();
  await expect(form).toContainText(
    '“Tuesday group” has records from earlier sessions. Enter the counselor PIN to open its roster.',
  );
  await expect(console.page.getByText('Rosalind')).toHaveCount(0);
  await form.getByLabel('Counselor PIN', { exact: true }).fill('0000');
  await form.getByRole('button', { name: 'Start session' }).click();
  await expect(console.page.getByRole('alert').first()).toContainText('That PIN is not right.');
  await form.getByLabel('Counselor PIN', { exact: true }).fill('2468');
  await form.getByRole('button', { name: 'Start session' }).click();
  await expect(console.currentItem).toBeVisible();
  await expect(console.page.getByTestId('attendance')).toContainText('Rosalind');
});
