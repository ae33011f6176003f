/**
 * The first start of this version on an older, plain data folder: records and backups are
 * encrypted in place. Run against the built browser shell (out/main/web.js), which is killed with
 * SIGKILL at random moments of its start, the conversion included.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/shared/clock';
import { createKioskCore } from '../../electron/core/kioskCore';
import { isPlainDatabase, openKeyed } from '../../electron/db/cipher';
import { migrate } from '../../electron/db/database';
import { storedKey } from '../helpers/recordsKey';
import { makeTempDir } from '../helpers/tempDir';

const WEB = resolve('out/main/web.js');
const MEMBERS = 20_000;
let dir: ReturnType<typeof makeTempDir>;
let file: string;

/** What an earlier version left: plain records in WAL mode, with a plain backup. */
function plainDataFolder(): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db);
  db.prepare("INSERT INTO cohorts (name, created_at_ms) VALUES ('Tuesday group', 1)").run();
  const add = db.prepare('INSERT INTO members (cohort_id, name, joined_at_ms) VALUES (1, ?, 1)');
  db.transaction(() => {
    for (let index = 0; index < MEMBERS; index += 1) add.run(`Member Zebulon ${index}`);
  })();
  mkdirSync(join(dir.path, 'backups'));
  db.prepare('VACUUM INTO ?').run(
    join(dir.path, 'backups', 'kiosk-2026-01-01T00-00-00-000Z-manual.sqlite3'),
  );
  db.close();
}

function expectAllEncrypted(): void {
  const key = storedKey(dir.path);
  const db = openKeyed(file, key, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(MEMBERS);
  db.close();
  for (const name of readdirSync(join(dir.path, 'backups'))) {
    const path = join(dir.path, 'backups', name);
    expect(isPlainDatabase(path), name).toBe(false);
    expect(
      spawnSync('sqlite3', [path, 'SELECT count(*) FROM sqlite_schema']).stderr.toString(),
    ).toMatch(/not a database/);
  }
  expect(isPlainDatabase(file)).toBe(false);
  expect(
    spawnSync('sqlite3', [file, 'SELECT count(*) FROM sqlite_schema']).stderr.toString(),
  ).toMatch(/not a database/);
  expect(readdirSync(dir.path).filter((name) => /encrypting|before-encryption/.test(name))).toEqual(
    [],
  );
  for (const entry of readdirSync(dir.path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    expect(readFileSync(path).includes('Zebulon'), path).toBe(false);
  }
}

beforeEach(() => {
  dir = makeTempDir('kiosk-encrypt-');
  file = join(dir.path, 'kiosk.sqlite3');
  plainDataFolder();
});
afterEach(() => dir.remove());

describe('plain records from an earlier version', () => {
  it('are encrypted, with their backups, at the first start, keeping every record', () => {
    const core = createKioskCore({
      dataDir: dir.path,
      resourcesDir: resolve('resources'),
      clock: new ManualClock(Date.UTC(2026, 10, 22, 9)),
    });
    expect(core.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(MEMBERS);
    core.close();
    expectAllEncrypted();
  });

  it('a SIGKILL at random moments of the conversion leaves records that open', async () => {
    const started = () => {
      const child = spawn(process.execPath, [WEB, '--data', dir.path, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const up = once(createInterface({ input: child.stdout }), 'line');
      return { child, up };
    };
    for (const delay of [5, 20, 40, 60, 90, 120, 160, 220].map((ms) => ms + Math.random() * 30)) {
      const { child } = started();
      await new Promise((resolveDelay) => setTimeout(resolveDelay, delay));
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    const { child, up } = started();
    const [line] = (await up) as [string];
    expect(line).toMatch(/^console: /);
    child.kill('SIGTERM');
    await once(child, 'exit');
    expectAllEncrypted();
  }, 60_000);
});
