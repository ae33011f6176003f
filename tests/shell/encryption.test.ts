/** The desktop app's records key: kept by the operating system, or by a passphrase where it has none. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMain, type LoadedShell } from './harness';

let shell: LoadedShell | null = null;
afterEach(() => {
  shell?.cleanUp();
  shell = null;
});

function cliAnswer(file: string): string {
  try {
    return execFileSync('sqlite3', [file, 'SELECT count(*) FROM sqlite_schema'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
}

function passphraseFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-pass-')), 'passphrase');
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

describe('the records key in the desktop app', () => {
  it('encrypts the records and keeps the key wrapped by the operating system', async () => {
    shell = await loadMain();
    expect(shell.fake.fakeState().windows).toHaveLength(2);
    const file = join(shell.dataDir, 'kiosk.sqlite3');
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(cliAnswer(file)).toMatch(/file is not a database/);
    const stored = JSON.parse(readFileSync(join(shell.dataDir, 'records-key.json'), 'utf8'));
    expect(stored.kind).toBe('os');
    expect(Object.keys(stored).sort()).toEqual(['kind', 'sealed']);
  });

  it('with --kiosk-passphrase-file starts, and a wrong passphrase later is refused plainly, changing no file', async () => {
    const right = passphraseFile('correct horse battery staple');
    shell = await loadMain({ storageBackend: 'basic_text' });
    const dataDir = shell.dataDir;
    const home = shell.home;
    shell.fake.app.quit();
    shell = await loadMain({
      home,
      storageBackend: 'basic_text',
      switches: { 'kiosk-data': dataDir, 'kiosk-passphrase-file': right },
    });
    expect(shell.fake.fakeState().windows).toHaveLength(2);
    const stored = JSON.parse(readFileSync(join(dataDir, 'records-key.json'), 'utf8'));
    expect(stored.kind).toBe('passphrase');
    shell.fake.app.quit();

    const snapshot = () =>
      Object.fromEntries(
        readdirSync(dataDir)
          .filter((name) => name.startsWith('kiosk.sqlite3') || name === 'records-key.json')
          .map((name) => [name, readFileSync(join(dataDir, name)).toString('base64')]),
      );
    const before = snapshot();
    shell = await loadMain({
      home,
      storageBackend: 'basic_text',
      switches: {
        'kiosk-data': dataDir,
        'kiosk-passphrase-file': passphraseFile('wrong guess 123'),
      },
    });
    const state = shell.fake.fakeState();
    expect(state.exitCode).toBe(1);
    expect(state.errorBoxes[0]!.content).toMatch(/passphrase does not unlock the records/);
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(dataDir, 'kiosk.sqlite3'))).toBe(true);
  });
});
