/**
 * Why the kiosk cannot start, in words for the counselor. Both shells show it (the Electron shell
 * in a dialog, the browser shell on its terminal) and log `detail` for IT; the message names no
 * file paths and no SQL. Whatever caused it, the records were left as they were.
 *
 * `message` is the English; `words` is the same as a phrase of main's catalog (`startup.…`), which
 * the shells word in the system's language: these are shown before the records that hold the
 * console's language are open. This module loads no catalog (the e2e runner imports it as it is),
 * so the English is written here too; tests/unit/i18n/startupErrors.test.ts holds them equal.
 */
import Database from 'better-sqlite3';
import { phrase, type Phrase } from '../shared/i18n/phraseKeys';

export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    message: string,
    /** For the log and for IT: the folder, the file and the error as the system reported it. */
    readonly detail: string,
    /** `message` as a phrase, to word in the system's language. */
    readonly words: Phrase,
  ) {
    super(message);
  }
}

const UNTOUCHED = 'Your records have not been changed.';

/** Turns whatever an open or a first read threw into a StartupError; damage is handled elsewhere. */
export function startupErrorFrom(
  error: unknown,
  where: string,
  freeBytes: () => number | null,
  neededBytes: number,
): StartupError {
  if (error instanceof StartupError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  const detail = `${where}: ${code ? `${code} ` : ''}${message}`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    const free = freeBytes();
    const megabytes = (bytes: number) => Math.ceil(bytes / 1024 ** 2);
    return new StartupError(
      `The disk that holds the kiosk's records is full${free === null ? '' : ` (${megabytes(free)} MB free)`}. ` +
        `Free at least ${megabytes(neededBytes)} MB on it (empty the Recycle Bin or Trash, or move large ` +
        `videos and downloads elsewhere), then start the kiosk again. ${UNTOUCHED}`,
      detail,
      free === null
        ? phrase('startup.diskFullNoFree', { needed: megabytes(neededBytes) })
        : phrase('startup.diskFull', { free: megabytes(free), needed: megabytes(neededBytes) }),
    );
  }
  if (
    /^(SQLITE_(IOERR|CANTOPEN|PERM|READONLY|BUSY|LOCKED|AUTH)|E(ACCES|PERM|IO|ROFS|BUSY))/.test(
      code,
    )
  ) {
    return new StartupError(
      `The kiosk cannot read or write its records on this computer (the disk reported an error). ` +
        `Check that the disk is connected and working, or ask IT, then start the kiosk again. ${UNTOUCHED}`,
      detail,
      phrase('startup.diskError'),
    );
  }
  return new StartupError(
    `The kiosk could not open its records because of an unexpected error; the details are in the ` +
      `log for IT. ${UNTOUCHED}`,
    detail,
    phrase('startup.unexpected'),
  );
}

/**
 * Loads the native SQLite module on a throwaway database before any file is touched. It fails on
 * the wrong platform, with a system library too old for the prebuilt module, or after quarantine.
 */
export function assertEngineLoads(): void {
  try {
    new Database(':memory:').close();
  } catch (error) {
    throw engineStartupError(error);
  }
}

function engineStartupError(error: unknown): StartupError {
  return new StartupError(
    `The kiosk's database engine could not be loaded on this computer, so it cannot open the ` +
      `records. ${UNTOUCHED} Reinstall Facilitator Kiosk with the installer made for this ` +
      `computer's system; if antivirus software quarantined one of its files, ask IT to restore it.`,
    `loading better-sqlite3: ${error instanceof Error ? error.message : String(error)}`,
    phrase('startup.engine'),
  );
}

/** SQLite's own word that a file is damaged or not a database; anything else is not damage. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
  );
}
