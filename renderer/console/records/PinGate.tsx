import { useState, type FormEvent } from 'react';
import type { LockStatus } from '../../../electron/services/access/recordsLock';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { PinInput } from '../../shared/PinInput';
import { ForgotPin } from './ForgotPin';

const api = consoleApi();

/**
 * The counselor PIN before the records: set it the first time, enter it after. A wrong PIN is said
 * beside the field (the field's own error), not in the console's notice area.
 */
export function PinGate({
  lock,
  onChange,
}: {
  lock: LockStatus;
  onChange: (status: LockStatus) => void;
}) {
  const t = useConsoleT('records');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!lock.pinSet && pin !== again) {
      setError(t('pin.differ'));
      return;
    }
    const request = lock.pinSet
      ? call(api, 'records:unlock', { pin })
      : call(api, 'records:setPin', { pin, currentPin: null });
    request.then(onChange, (failure: Error) => setError(failure.message));
    setPin('');
    setAgain('');
  };
  return (
    <div className="pin-page">
      <section className="pin-card">
        <form onSubmit={submit} aria-labelledby="pin-title">
          <h2 id="pin-title">{t(lock.pinSet ? 'pin.locked' : 'pin.setTitle')}</h2>
          <p>{t('pin.why', { count: lock.idleMinutes })}</p>
          <PinInput
            label={t(lock.pinSet ? 'pin.counselorPin' : 'pin.newPin')}
            value={pin}
            onChange={setPin}
            autoFocus
            error={error ? 'pin-error' : undefined}
          />
          {!lock.pinSet && <PinInput label={t('pin.again')} value={again} onChange={setAgain} />}
          {error && (
            <p className="pin-card__error" role="alert" id="pin-error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {t(lock.pinSet ? 'pin.unlock' : 'pin.set')}
          </button>
        </form>
        {lock.pinSet && <ForgotPin onReset={(status) => onChange(status)} />}
      </section>
    </div>
  );
}
