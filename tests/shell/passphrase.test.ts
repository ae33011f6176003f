/**
 * The passphrase window of the desktop app where the operating system cannot keep the records key
 * (Linux without a keyring: safeStorage reports basic_text): set at the first start, asked at each
 * later one, refused plainly when wrong (no file changes), and replaced through the recovery key.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphraseWrapping } from '../../electron/db/passphraseWrapping';
import { formatRecoveryKey } from '../../electron/db/recoveryKey';
import type { FakeBrowserWindow } from './fakeElectron';
import { call, loadMain, windowsByRole, type LoadedShell } from './harness';

const FIRST = 'purple kettle on the windowsill';
const SECOND = 'seven quiet harbour lanterns';

let shell: LoadedShell | null = null;
afterEach(() => {
  shell?.cleanUp();
  shell = null;
});

type Answer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function unlockWindow(current: LoadedShell): FakeBrowserWindow {
  const window = current.fake
    .fakeState()
    .windows.find((entry) => entry.loadedUrl === 'app://kiosk/unlock.html');
  if (!window) throw new Error('no passphrase window was opened');
  return window;
}

async function ask(window: FakeBrowserWindow, channel: string, args: unknown): Promise<Answer> {
  return (await window.contents.invoke(channel, args)) as Answer;
}

function refusal(answer: Answer): string {
  if (answer.ok) throw new Error('expected a refusal');
  return answer.error.message;
}

/** The bytes of the records and the key file, to show a refusal changed none of them. */
function snapshot(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dataDir)
      .filter((name) => name.startsWith('kiosk.sqlite3') || name === 'records-key.json')
      .map((name) => [name, readFileSync(join(dataDir, name)).toString('base64')]),
  );
}

/** Quits and starts again on the same data folder (the harness makes a new home for each load). */
async function restart(previous: LoadedShell): Promise<LoadedShell> {
  previous.fake.app.quit();
  const next = await loadMain({
    home: previous.home,
    storageBackend: 'basic_text',
    switches: { 'kiosk-data': previous.dataDir },
  });
  return { ...next, dataDir: previous.dataDir };
}

async function unlockAndSettle(current: LoadedShell, channel: string, args: unknown) {
  const answer = await ask(unlockWindow(current), channel, args);
  await current.fake.settle();
  return answer;
}

/** A first start that sets FIRST: the show's windows open, the passphrase window closes. */
async function firstStart(): Promise<LoadedShell> {
  const started = await loadMain({ storageBackend: 'basic_text' });
  const answer = await unlockAndSettle(started, 'unlock:create', {
    passphrase: FIRST,
    repeat: FIRST,
  });
  expect(answer).toEqual({ ok: true, value: { unlocked: true } });
  return started;
}

// Each scenario derives scrypt keys several times (deliberately slow) and restarts the app.
describe('the passphrase window (no keyring)', { timeout: 30_000 }, () => {
  it('at the first start explains why, asks twice with a minimum strength, then opens the records', async () => {
    shell = await loadMain({ storageBackend: 'basic_text' });
    const state = shell.fake.fakeState();
    expect(state.windows).toHaveLength(1);
    const window = unlockWindow(shell);
    expect(window.isVisible()).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String(window.options.webPreferences?.preload)).toMatch(/unlock\.cjs$/);
    // Nothing is written before the counselor has chosen the passphrase.
    expect(readdirSync(shell.dataDir)).not.toContain('kiosk.sqlite3');
    expect(readdirSync(shell.dataDir)).not.toContain('records-key.json');

    const view = (await ask(window, 'unlock:view', {})) as {
      ok: true;
      value: { mode: string; why: string };
    };
    expect(view.value.mode).toBe('create');
    expect(view.value.why).toMatch(/no keyring/);
    // The window has only its own channels; the show's are unknown to it.
    expect(await ask(window, 'session:consoleView', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    // A page in a frame, or another origin, gets no role.
    const foreign = { url: 'https://example.org/', parent: null } as never;
    expect(await window.contents.invoke('unlock:view', {}, foreign)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    expect(
      refusal(await ask(window, 'unlock:create', { passphrase: 'short', repeat: 'short' })),
    ).toMatch(/at least 12 characters/);
    expect(
      refusal(
        await ask(window, 'unlock:create', {
          passphrase: '123456789012345',
          repeat: '123456789012345',
        }),
      ),
    ).toMatch(/only digits/);
    expect(
      refusal(await ask(window, 'unlock:create', { passphrase: FIRST, repeat: `${FIRST}!` })),
    ).toMatch(/not the same/);
    expect(readdirSync(shell.dataDir)).not.toContain('records-key.json');

    expect(
      await unlockAndSettle(shell, 'unlock:create', { passphrase: FIRST, repeat: FIRST }),
    ).toEqual({
      ok: true,
      value: { unlocked: true },
    });
    expect(window.isDestroyed()).toBe(true);
    expect(state.quit).toBe(false);
    const { console: consoleWindow } = windowsByRole(shell.fake);
    await expect(call(consoleWindow, 'session:consoleView')).resolves.toBeTruthy();
    const stored = JSON.parse(readFileSync(join(shell.dataDir, 'records-key.json'), 'utf8'));
    expect(stored.kind).toBe('passphrase');
    const header = readFileSync(join(shell.dataDir, 'kiosk.sqlite3')).subarray(0, 15);
    expect(header.toString('latin1')).not.toBe('SQLite format 3');
  });

  it('restarted, asks once, and the right passphrase opens the records', async () => {
    shell = await restart(await firstStart());
    const window = unlockWindow(shell);
    expect(await ask(window, 'unlock:view', {})).toMatchObject({
      ok: true,
      value: { mode: 'enter' },
    });
    expect(await unlockAndSettle(shell, 'unlock:enter', { passphrase: FIRST })).toMatchObject({
      ok: true,
    });
    const { console: consoleWindow } = windowsByRole(shell.fake);
    await expect(call(consoleWindow, 'session:consoleView')).resolves.toBeTruthy();
  });

  it('a wrong passphrase is refused plainly, changes no file, and the next try waits', async () => {
    shell = await restart(await firstStart());
    const before = snapshot(shell.dataDir);
    const window = unlockWindow(shell);
    expect(
      refusal(await ask(window, 'unlock:enter', { passphrase: 'not the passphrase at all' })),
    ).toMatch(/does not unlock the records\. Nothing was changed\. You can try again in 1 second/);
    expect(snapshot(shell.dataDir)).toEqual(before);
    expect(shell.fake.fakeState().windows).toHaveLength(1);
    expect(refusal(await ask(window, 'unlock:enter', { passphrase: FIRST }))).toMatch(
      /Wait 1 second/,
    );
    const view = (await ask(window, 'unlock:view', {})) as { ok: true; value: { waitMs: number } };
    expect(view.value.waitMs).toBeGreaterThan(0);
    expect(view.value.waitMs).toBeLessThanOrEqual(1000);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, view.value.waitMs + 50));
    expect(await unlockAndSettle(shell, 'unlock:enter', { passphrase: FIRST })).toMatchObject({
      ok: true,
    });
    expect(windowsByRole(shell.fake).console.isDestroyed()).toBe(false);
  });

  it('a forgotten passphrase: the recovery key unlocks and sets a new one', async () => {
    const first = await firstStart();
    const stored = JSON.parse(readFileSync(join(first.dataDir, 'records-key.json'), 'utf8'));
    const recoveryKey = formatRecoveryKey(passphraseWrapping(FIRST, 'test').unwrap(stored));
    shell = await restart(first);
    const before = snapshot(shell.dataDir);
    const window = unlockWindow(shell);
    // One misread character in the first group (the last one also carries padding bits).
    const typo = `${recoveryKey.slice(0, 2)}${recoveryKey[2] === 'A' ? 'B' : 'A'}${recoveryKey.slice(3)}`;
    expect(
      refusal(
        await ask(window, 'unlock:recover', {
          recoveryKey: typo,
          passphrase: SECOND,
          repeat: SECOND,
        }),
      ),
    ).toMatch(/mistake in it/);
    expect(snapshot(shell.dataDir)).toEqual(before);
    expect(
      await unlockAndSettle(shell, 'unlock:recover', {
        recoveryKey: recoveryKey.toLowerCase(),
        passphrase: SECOND,
        repeat: SECOND,
      }),
    ).toMatchObject({ ok: true });
    await expect(
      call(windowsByRole(shell.fake).console, 'session:consoleView'),
    ).resolves.toBeTruthy();

    shell = await restart(shell);
    expect(refusal(await ask(unlockWindow(shell), 'unlock:enter', { passphrase: FIRST }))).toMatch(
      /does not unlock/,
    );
    shell = await restart(shell);
    expect(await unlockAndSettle(shell, 'unlock:enter', { passphrase: SECOND })).toMatchObject({
      ok: true,
    });
    expect(existsSync(join(shell.dataDir, 'kiosk.sqlite3'))).toBe(true);
  });

  it('closing the passphrase window quits without creating records', async () => {
    shell = await loadMain({ storageBackend: 'basic_text' });
    unlockWindow(shell).close();
    await shell.fake.settle();
    expect(shell.fake.fakeState().quitRequested).toBeGreaterThan(0);
    expect(readdirSync(shell.dataDir)).not.toContain('kiosk.sqlite3');
  });
});
