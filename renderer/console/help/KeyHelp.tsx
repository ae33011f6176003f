import { useEffect, useRef } from 'react';
import { KEY_BINDINGS, keyLabel } from '../../../electron/shared/keyBindings';
import { useConsoleT } from '../../shared/i18n/i18n';

/** The key's KeyboardEvent name; keyLabel spells it as on the keycap. */
const ENTER_KEY = 'Enter';

/** The `?` overlay: every key, from the same table the key handling uses. */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  const t = useConsoleT();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-page" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <section className="dialog" role="dialog" aria-modal="true" aria-labelledby="keys-title">
        <h2 id="keys-title">{t('keys.title')}</h2>
        <table className="keys">
          <tbody>
            {KEY_BINDINGS.map((binding) => (
              <tr key={binding.action}>
                <th scope="row">
                  {binding.keys.map((key) => (
                    <kbd key={key}>{keyLabel(key)}</kbd>
                  ))}
                </th>
                <td>{t(`keys.actions.${binding.action}`)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <kbd>7</kbd> <kbd>{keyLabel(ENTER_KEY)}</kbd>
              </th>
              <td>{t('keys.jumpToSlide')}</td>
            </tr>
          </tbody>
        </table>
        <p>{t('keys.everyWindow')}</p>
        <button type="button" ref={close} onClick={onClose}>
          {t('keys.close')}
        </button>
      </section>
    </div>
  );
}
