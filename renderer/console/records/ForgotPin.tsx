import { useId, useState, type FormEvent } from 'react';
import type { LockStatus } from '../../../electron/services/access/recordsLock';
import { call, consoleApi } from '../../platform/kiosk';
import { PinInput } from '../../shared/PinInput';

const api = consoleApi();

/**
 * The way forward when the PIN is forgotten: nobody can read it back and there is no master PIN,
 * but the records' recovery key (the printed sheet clinic IT keeps locked away) opens the records
 * file itself, so main accepts it to set a new PIN.
 */
export function ForgotPin({ onReset }: { onReset: (status: LockStatus, pin: string) => void }) {
  const [open, setOpen] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pin !== again) {
      setError('The two new PINs differ.');
      return;
    }
    call(api, 'records:resetPin', { recoveryKey, pin }).then(
      (status) => {
        setRecoveryKey('');
        onReset(status, pin);
      },
      (failure: Error) => setError(failure.message),
    );
    setPin('');
    setAgain('');
  };
  return (
    <div className="forgot-pin">
      <button
        type="button"
        className="forgot-pin__toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Forgot the PIN?
      </button>
      {open && (
        <form className="forgot-pin__form" onSubmit={submit} aria-label="Use the recovery key">
          <p>
            Nobody can read the PIN back, and the kiosk has no master PIN. Clinic IT, or whoever
            keeps this laptop&apos;s <strong>recovery key sheet</strong> (in the locked cabinet),
            can set a new PIN: type the recovery key from the sheet, in its groups of five (or the
            hex key printed under it).
          </p>
          <label>
            Recovery key
            <input
              value={recoveryKey}
              onChange={(event) => setRecoveryKey(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              required
              maxLength={200}
              placeholder="XXXXX-XXXXX-…"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
          </label>
          <PinInput label="New PIN (4 to 8 digits)" value={pin} onChange={setPin} required />
          <PinInput label="The same new PIN again" value={again} onChange={setAgain} required />
          {error && (
            <p className="pin-card__error" role="alert" id={errorId}>
              {error}
            </p>
          )}
          <button type="submit">Set the new PIN</button>
          <p className="runner__muted">
            No sheet? The records stay locked: the README&apos;s &ldquo;Forgotten PIN&rdquo; says
            what IT can do.
          </p>
        </form>
      )}
    </div>
  );
}
