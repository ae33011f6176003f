import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { passphraseWrapping } from '../../electron/db/passphraseWrapping';
import { formatRecoveryKey } from '../../electron/db/recoveryKey';
import { blockingViolations } from './support/axe';
import { ConsolePage, UnlockPage } from './support/pages';
import { startShell, type RunningShell } from './support/webShell';

/**
 * The passphrase page, served by the browser shell with `--ask-passphrase` as the desktop app shows
 * it in its passphrase window where the system has no keyring: set at the first start, asked later,
 * a wrong one refused with a wait, the recovery key when it is forgotten.
 */

const PASSPHRASE = 'purple kettle on the windowsill';
const NEW_PASSPHRASE = 'seven quiet harbour lanterns';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];

async function expectAccessible(page: Page, view: string) {
  expect
    .soft(await blockingViolations(page), `${view}: serious or critical axe violations`)
    .toEqual([]);
}

async function screenshots(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: test.info().outputPath(`${name}-${size.width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(SIZES[0]!);
}

/** The records and the key file, byte for byte. */
function snapshot(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dataDir)
      .filter((name) => name.startsWith('kiosk.sqlite3') || name === 'records-key.json')
      .map((name) => [name, readFileSync(join(dataDir, name)).toString('base64')]),
  );
}

let dataDir: string;
let shell: RunningShell | null = null;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-unlock-'));
});
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function openConsole(page: Page, running: RunningShell) {
  await running.opened;
  // The passphrase page reloads itself when it finds its run's token gone (the records opened),
  // and that reload can abort this navigation (net::ERR_ABORTED): then it is made again.
  await expect(async () => {
    await new ConsolePage(page).open(running.consoleUrl);
  }).toPass({ timeout: 30_000 });
}

test('first start: why, a passphrase twice with a minimum strength, then the console', async ({
  page,
}) => {
  test.setTimeout(60_000);
  shell = await startShell(dataDir, { askPassphrase: true });
  const unlock = new UnlockPage(page);
  await unlock.open(shell.unlockUrl);
  await expect(unlock.heading).toHaveText('Choose a passphrase for the records');
  await expect(page.getByText(/records of this kiosk are encrypted/)).toContainText(
    '--ask-passphrase',
  );
  await expectAccessible(page, 'choose a passphrase');
  await screenshots(page, 'unlock-create');

  await unlock.create('short one');
  await expect(unlock.refusal).toHaveText(/at least 12 characters/);
  await unlock.create(PASSPHRASE, `${PASSPHRASE}.`);
  await expect(unlock.refusal).toHaveText(/not the same/);
  await expectAccessible(page, 'choose a passphrase, refused');
  await screenshots(page, 'unlock-create-refused');
  expect(readdirSync(dataDir)).not.toContain('records-key.json');

  await unlock.create(PASSPHRASE);
  await unlock.expectUnlocked();
  await openConsole(page, shell);
  const stored = JSON.parse(readFileSync(join(dataDir, 'records-key.json'), 'utf8'));
  expect(stored.kind).toBe('passphrase');
});

test('later starts: a wrong passphrase is refused with a wait and no change; the recovery key sets a new one', async ({
  page,
}) => {
  // Three starts of the shell and five scrypt derivations.
  test.setTimeout(120_000);
  shell = await startShell(dataDir, { askPassphrase: true });
  const unlock = new UnlockPage(page);
  await unlock.open(shell.unlockUrl);
  await unlock.create(PASSPHRASE);
  await unlock.expectUnlocked();
  await shell.opened;
  await shell.stop();

  shell = await startShell(dataDir, { askPassphrase: true });
  await unlock.open(shell.unlockUrl);
  await expect(unlock.heading).toHaveText('Unlock the records');
  await expectAccessible(page, 'unlock');
  const before = snapshot(dataDir);
  await unlock.enter('not the passphrase at all');
  await expect(unlock.refusal).toHaveText(/does not unlock the records\. Nothing was changed/);
  await expect(page.getByRole('button', { name: /Try again in \d s/ })).toBeDisabled();
  expect(snapshot(dataDir)).toEqual(before);
  await expectAccessible(page, 'unlock, refused');
  await screenshots(page, 'unlock-refused');

  const stored = JSON.parse(readFileSync(join(dataDir, 'records-key.json'), 'utf8'));
  const recoveryKey = formatRecoveryKey(passphraseWrapping(PASSPHRASE, 'test').unwrap(stored));
  await page.getByRole('button', { name: /Forgot the passphrase/ }).click();
  await expect(unlock.heading).toHaveText('Unlock with the recovery key');
  await expectAccessible(page, 'recovery key');
  await screenshots(page, 'unlock-recover');
  await page.getByRole('button', { name: 'Back to the passphrase' }).click();
  await unlock.recover(recoveryKey, NEW_PASSPHRASE);
  await unlock.expectUnlocked();
  await openConsole(page, shell);
  await shell.stop();

  shell = await startShell(dataDir, { askPassphrase: true });
  await unlock.open(shell.unlockUrl);
  await unlock.enter(NEW_PASSPHRASE);
  await unlock.expectUnlocked();
  await openConsole(page, shell);
});
