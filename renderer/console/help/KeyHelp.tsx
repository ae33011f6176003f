import { useEffect, useRef } from 'react';
import { KEY_BINDINGS, keyLabel } from '../../../electron/shell/keyBindings';

/** The `?` overlay: every key, from the same table the key handling uses. */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-page" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <section className="dialog" role="dialog" aria-modal="true" aria-labelledby="keys-title">
        <h2 id="keys-title">Keys</h2>
        <table className="keys">
          <tbody>
            {KEY_BINDINGS.map((binding) => (
              <tr key={binding.action}>
                <th scope="row">
                  {binding.keys.map((key) => (
                    <kbd key={key}>{keyLabel(key)}</kbd>
                  ))}
                </th>
                <td>{binding.label}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <kbd>7</kbd> <kbd>{keyLabel('Enter')}</kbd>
              </th>
              <td>Jump to slide 7 (any number)</td>
            </tr>
          </tbody>
        </table>
        <p>The keys work on the console and on the projector window, whichever has focus.</p>
        <button type="button" ref={close} onClick={onClose}>
          Close
        </button>
      </section>
    </div>
  );
}
