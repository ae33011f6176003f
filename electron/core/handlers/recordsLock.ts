import type { RecordsKey } from '../../db/cipher';
import type { RecordsLock } from '../../services/access/recordsLock';
import type { HandlersOf } from './domain';

/** The PIN that locks the Records desk and the rosters (not the database's encryption key). */
export type RecordsLockChannel =
  'records:lockStatus' | 'records:setPin' | 'records:unlock' | 'records:resetPin' | 'records:lock';

export function recordsLockHandlers(
  recordsLock: RecordsLock,
  databaseKey: RecordsKey,
): HandlersOf<RecordsLockChannel> {
  return {
    'records:lockStatus': () => recordsLock.status(),
    'records:setPin': ({ pin, currentPin }) => recordsLock.setPin(pin, currentPin),
    'records:unlock': ({ pin }) => recordsLock.unlock(pin),
    'records:resetPin': ({ recoveryKey, pin }) =>
      recordsLock.resetPin(recoveryKey, pin, databaseKey),
    'records:lock': () => recordsLock.lock(),
  };
}
