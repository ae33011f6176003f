import { useId, useState, type FormEvent } from 'react';
import { Trans } from 'react-i18next';
import type { LockStatus } from '../../../electron/services/access/recordsLock';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { PinInput } from '../../shared/PinInput';

const api = consoleApi();

/**
 * The way forward when the PIN is forgotten: nobody can read it back and there is no master PIN,
 * but the records' recovery key (the printed sheet clinic IT keeps locked away) opens the records
 * file itself, so main accepts it to set a new PIN.
 */
export function ForgotPin({ onReset }: { onReset: (status: LockStatus, pin: string) => void }) {
  const t = useConsoleT('records');
  const [open, setOpen] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pin !== again) {
      setError(t('forgot.differ'));
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
        {t('forgot.toggle')}
      </button>
      {open && (
        <form className="forgot-pin__form" onSubmit={submit} aria-label={t('forgot.form')}>
          <p>
            <Trans t={t} i18nKey="forgot.explain" components={{ strong: <strong /> }} />
          </p>
          <label>
            {t('forgot.recoveryKey')}
            <input
              value={recoveryKey}
              onChange={(event) => setRecoveryKey(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              required
              maxLength={200}
              placeholder={t('forgot.recoveryKeyExample')}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
          </label>
          <PinInput label={t('forgot.newPin')} value={pin} onChange={setPin} required />
          <PinInput label={t('forgot.again')} value={again} onChange={setAgain} required />
          {error && (
            <p className="pin-card__error" role="alert" id={errorId}>
              {error}
            </p>
          )}
          <button type="submit">{t('forgot.submit')}</button>
          <p className="runner__muted">{t('forgot.noSheet')}</p>
        </form>
      )}
    </div>
  );
}
