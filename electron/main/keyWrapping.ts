/**
 * How the desktop app keeps the records key: wrapped by the operating system through Electron's
 * safeStorage (DPAPI on Windows, the Keychain on macOS, the Secret Service or KWallet on Linux).
 * Where safeStorage has no real backend (Linux without a keyring reports `basic_text`, which
 * would keep the key under a fixed, public password) it does not pretend: a passphrase wraps the
 * key instead, and the counselor is told why.
 */
import { readFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import { passphraseWrapping } from '../db/passphraseWrapping';
import type { KeyWrapping } from '../db/recordsKey';
import { StartupError } from '../db/startupError';
import { phrase, say, type Phrase } from '../shared/i18n/phrases';

const UNTOUCHED = 'Nothing was changed.';

function osKeyStore(platform: NodeJS.Platform, backend: string | null): Phrase {
  if (platform === 'win32') return phrase('recoverySheet.stores.windows');
  if (platform === 'darwin') return phrase('recoverySheet.stores.macos');
  return phrase(
    backend === 'gnome_libsecret'
      ? 'recoverySheet.stores.secretService'
      : 'recoverySheet.stores.kwallet',
  );
}

function osWrapping(platform: NodeJS.Platform, backend: string | null): KeyWrapping {
  const where = osKeyStore(platform, backend);
  return {
    kind: 'os',
    where: phrase('recoverySheet.where.os', { file: 'records-key.json', store: where }),
    wrap: (key) => ({
      sealed: safeStorage.encryptString(key.toString('hex')).toString('base64'),
    }),
    unwrap(stored) {
      try {
        return Buffer.from(
          safeStorage.decryptString(Buffer.from(stored.sealed ?? '', 'base64')),
          'hex',
        );
      } catch (error) {
        throw new StartupError(
          `The operating system would not unlock the records key (it is kept ${say(where)}, and only this user account on this computer can unlock it). Start the kiosk with the recovery key from the printed sheet. ${UNTOUCHED}`,
          `safeStorage.decryptString: ${(error as Error).message}`,
          phrase('startup.osWouldNotUnlock', { store: where }),
        );
      }
    },
  };
}

/**
 * The desktop app's wrapping by the operating system, or why it has none: then a passphrase wraps
 * the key, from the passphrase window or `--kiosk-passphrase-file`.
 */
export function systemKeyWrapping(): { wrapping: KeyWrapping } | { why: string } {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  if (safeStorage.isEncryptionAvailable() && backend !== 'basic_text')
    return { wrapping: osWrapping(process.platform, backend) };
  return {
    why:
      backend === 'basic_text'
        ? 'this Linux desktop has no keyring (Secret Service or KWallet), so the system cannot keep the key safe'
        : 'the operating system’s key storage is not available',
  };
}

/** `--kiosk-passphrase-file`: the passphrase from the first line of a file, for unattended starts. */
export function passphraseFileWrapping(passphraseFile: string, why: string): KeyWrapping {
  let passphrase: string;
  try {
    passphrase = readFileSync(passphraseFile, 'utf8').split(/\r?\n/)[0]!;
  } catch (error) {
    throw new StartupError(
      `The passphrase file could not be read. ${UNTOUCHED}`,
      `${passphraseFile}: ${(error as Error).message}`,
      phrase('startup.passphraseFileUnreadable'),
    );
  }
  return passphraseWrapping(passphrase, why);
}
