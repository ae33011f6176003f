import { KEY_BINDINGS, keyLabel, type KeyActionId } from '../../../electron/shared/keyBindings';
import { useConsoleT } from '../../shared/i18n/i18n';

/**
 * The buttons' tooltips in the console's language: what each does, as the keys help says it, and
 * the first key that does the same ("Next slide or item (→)").
 */
export function useKeyTitles(): Record<KeyActionId, string> {
  const t = useConsoleT('runner');
  const keysT = useConsoleT();
  return Object.fromEntries(
    KEY_BINDINGS.map((binding) => [
      binding.action,
      t('keyTitle', {
        action: keysT(`keys.actions.${binding.action}`),
        key: keyLabel(binding.keys[0]!),
      }),
    ]),
  ) as Record<KeyActionId, string>;
}
