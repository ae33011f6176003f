/**
 * Start-up errors carry their message as a phrase too (`words`), which the shells word in the
 * system's language; its English must be the message as written, word for word.
 */
import Database from 'better-sqlite3';
import { chmodSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError } from '../../../electron/db/dataFolderLock';
import { migrate } from '../../../electron/db/database';
import { passphraseWrapping } from '../../../electron/db/passphraseWrapping';
import {
  KEY_FILE,
  loadRecordsKey,
  ownerOnlyFileWrapping,
  readStoredKey,
} from '../../../electron/db/recordsKey';
import { openRecords } from '../../../electron/db/recovery';
import { parseRecoveryKey } from '../../../electron/db/recoveryKey';
import { StartupError, startupErrorFrom } from '../../../electron/db/startupError';
import { say } from '../../../electron/shared/i18n/phrases';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';

const MB = 1024 ** 2;
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

function thrown(run: () => unknown): StartupError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return error as StartupError;
  }
  throw new Error('nothing was thrown');
}

function expectWorded(error: StartupError, spanish: RegExp): void {
  expect(say(error.words, 'en')).toBe(error.message);
  const es = say(error.words, 'es');
  expect(es).toMatch(spanish);
  expect(es).not.toMatch(/\{\{|\[object|the records|changed/);
}

describe('start-up errors say the same in English, and are worded in Spanish', () => {
  it('from the disk and the database engine', () => {
    const io = (code: string) => Object.assign(new Error('boom'), { code });
    expectWorded(
      startupErrorFrom(io('SQLITE_FULL'), 'x', () => 5 * MB, 100 * MB),
      /lleno \(quedan 5 MB libres\).*al menos 100 MB/,
    );
    expectWorded(
      startupErrorFrom(io('ENOSPC'), 'x', () => null, 100 * MB),
      /lleno\. Libere/,
    );
    expectWorded(
      startupErrorFrom(io('SQLITE_IOERR'), 'x', () => null, 0),
      /no puede leer/,
    );
    expectWorded(
      startupErrorFrom(new Error('odd'), 'x', () => null, 0),
      /error inesperado/,
    );
  });

  it('from the data folder’s lock, naming who holds it', () => {
    const since = Date.UTC(2026, 0, 5, 9);
    expectWorded(
      new DataFolderInUseError(
        { pid: 42, shell: 'desktop app', host: hostname(), since },
        dir.path,
      ),
      /abiertos en la aplicación de escritorio \(proceso 42, desde /,
    );
    expectWorded(
      new DataFolderInUseError(
        { pid: 7, shell: 'browser shell', host: 'other-laptop', since },
        dir.path,
      ),
      /la versión para navegador \(proceso 7 en other-laptop, desde /,
    );
    expectWorded(new DataFolderInUseError(null, dir.path), /otra copia de Facilitator Kiosk/);
  });

  it('from a database of a newer version or of another program', () => {
    const file = join(dir.path, 'kiosk.sqlite3');
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    expectWorded(
      thrown(() => migrate(newer)),
      /versión más nueva de Facilitator Kiosk \(esquema 999;/,
    );
    newer.close();
    expectWorded(
      thrown(() => openRecords(file, join(dir.path, 'backups'), 0, TEST_KEY)),
      /esquema 999;/,
    );
    const other = join(dir.path, 'other.sqlite3');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE recipes (name TEXT); PRAGMA user_version = 1');
    foreign.close();
    expectWorded(
      thrown(() => openRecords(other, join(dir.path, 'backups'), 0, TEST_KEY)),
      /no es una base de datos de Facilitator Kiosk/,
    );
  });

  it('from the records key, its file and the passphrase', () => {
    const databaseFile = join(dir.path, 'kiosk.sqlite3');
    const wrapping = ownerOnlyFileWrapping();
    loadRecordsKey(dir.path, databaseFile, wrapping);
    chmodSync(join(dir.path, KEY_FILE), 0o644);
    expectWorded(
      thrown(() => loadRecordsKey(dir.path, databaseFile, wrapping)),
      /chmod 600 records-key\.json/,
    );
    chmodSync(join(dir.path, KEY_FILE), 0o600);
    // The desktop app takes the browser shell's key under a passphrase; the browser shell cannot.
    loadRecordsKey(dir.path, databaseFile, passphraseWrapping('long enough', 'x'));
    expectWorded(
      thrown(() => loadRecordsKey(dir.path, databaseFile, wrapping)),
      /la guarda una frase de contraseña, que este kiosco no puede usar/,
    );
    writeFileSync(join(dir.path, KEY_FILE), '{ not json');
    expectWorded(
      thrown(() => readStoredKey(dir.path)),
      /está dañado/,
    );
    expectWorded(
      thrown(() => passphraseWrapping('short', 'x')),
      /al menos 8 caracteres/,
    );
    const sealed = passphraseWrapping('the right one', 'x').wrap(TEST_KEY);
    expectWorded(
      thrown(() => passphraseWrapping('the wrong one', 'x').unwrap(sealed)),
      /no abre los registros/,
    );
    expectWorded(
      thrown(() => parseRecoveryKey('ABCDE')),
      /no es una clave de recuperación/i,
    );
  });
});
