import { unlockChannels } from '../ipc/contract';
import { createRouterFor, type Router } from '../ipc/router';
import type { PassphraseGate, Unlocked } from '../services/access/passphraseGate';
import { systemLanguage } from '../services/settings/consoleLanguage';

/**
 * The passphrase page's router, the same in both shells: each unlocking answer hands its key
 * wrapping to `onUnlocked` (which opens the records) and tells the page it may close. The
 * console's language is a setting inside the still-locked records, so its refusals are in the
 * system's language.
 */
export function createUnlockRouter(
  gate: PassphraseGate,
  onUnlocked: (unlocked: Unlocked) => void,
  log: (message: string) => void,
): Router {
  const unlocked = (result: Unlocked) => {
    onUnlocked(result);
    return { unlocked: true as const };
  };
  return createRouterFor(
    unlockChannels,
    {
      'unlock:view': () => gate.view(),
      'unlock:create': async ({ passphrase, repeat }) =>
        unlocked(await gate.create(passphrase, repeat)),
      'unlock:enter': async ({ passphrase }) => unlocked(await gate.enter(passphrase)),
      'unlock:recover': async ({ recoveryKey, passphrase, repeat }) =>
        unlocked(await gate.recover(recoveryKey, passphrase, repeat)),
    },
    log,
    () => systemLanguage(),
  );
}
