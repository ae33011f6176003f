import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { UnlockChannelName, UnlockRequestOf } from '../../electron/ipc/contract';
import type { UnlockView } from '../../electron/services/access/passphraseGate';
import { unlockApi } from '../platform/kiosk';
import { useConsoleT } from '../shared/i18n/i18n';

/** One call to main: null when it unlocked, else the message to show. */
async function submit<C extends Exclude<UnlockChannelName, 'unlock:view'>>(
  channel: C,
  args: UnlockRequestOf<C>,
): Promise<string | null> {
  const result = await unlockApi().invoke(channel, args);
  return result.ok ? null : result.error.message;
}

/** What the window shows: main's view of the records, or the recovery form the counselor chose. */
type Screen = 'asked' | 'recovering' | 'unlocked';

export function UnlockApp() {
  const t = useConsoleT('unlock');
  const [view, setView] = useState<UnlockView | null>(null);
  /** This window's clock when the next passphrase may be tried (main enforces it too). */
  const [retryAt, setRetryAt] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>('asked');

  const refresh = useCallback(
    () =>
      unlockApi()
        .invoke('unlock:view', {})
        .then((result) => {
          if (!result.ok) return setLoadError(result.error.message);
          setView(result.value);
          setRetryAt(Date.now() + result.value.waitMs);
        }),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (loadError) return <Frame title={t('frame.cannotUnlock')}>{loadError}</Frame>;
  if (!view) return <Frame title={t('frame.unlockTitle')}>{t('frame.readingKey')}</Frame>;
  if (screen === 'unlocked')
    return (
      <Frame title={t('frame.unlocked')}>
        <p role="status">{t('frame.opening')}</p>
      </Frame>
    );
  const done = () => setScreen('unlocked');
  if (view.mode === 'recover' || screen === 'recovering')
    return (
      <RecoverForm
        view={view}
        onUnlocked={done}
        onBack={view.mode === 'recover' ? null : () => setScreen('asked')}
      />
    );
  if (view.mode === 'create') return <CreateForm view={view} onUnlocked={done} />;
  return (
    <EnterForm
      view={view}
      retryAt={retryAt}
      refresh={refresh}
      onUnlocked={done}
      onForgot={() => setScreen('recovering')}
    />
  );
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="unlock">
      <h1>{title}</h1>
      {children}
    </main>
  );
}

function WhyPassphrase({ why }: { why: string }) {
  const t = useConsoleT('unlock');
  return <p className="unlock__why">{t('why', { why })}</p>;
}

function Field({
  label,
  value,
  onChange,
  hint,
  autoFocus = false,
  type = 'password',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  autoFocus?: boolean;
  type?: 'password' | 'text';
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <label className="unlock__field">
      <span>{label}</span>
      <input
        type={type}
        autoComplete="off"
        spellCheck={false}
        value={value}
        autoFocus={autoFocus}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span className="unlock__hint" id={hintId}>
          {hint}
        </span>
      )}
    </label>
  );
}

/** The submit button, the wait while scrypt runs, and main's refusal in plain words. */
function useSubmission(onUnlocked: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (send: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const refusal = await send();
    setBusy(false);
    if (refusal === null) onUnlocked();
    else setError(refusal);
    return refusal;
  };
  return { busy, error, run };
}

function Refusal({ error }: { error: string | null }) {
  return (
    <p className="unlock__error" role="alert">
      {error ?? ''}
    </p>
  );
}

function CreateForm({ view, onUnlocked }: { view: UnlockView; onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const t = useConsoleT('unlock');
  const { busy, error, run } = useSubmission(onUnlocked);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => submit('unlock:create', { passphrase, repeat }));
  };
  return (
    <Frame title={t('create.title')}>
      <WhyPassphrase why={view.why} />
      <form onSubmit={onSubmit} className="unlock__form">
        <Field
          label={t('create.newPassphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoFocus
          hint={t('create.strength', { count: view.minLength })}
        />
        <Field label={t('create.again')} value={repeat} onChange={setRepeat} />
        <Refusal error={error} />
        <button type="submit" disabled={busy}>
          {t(busy ? 'create.locking' : 'create.submit')}
        </button>
      </form>
      <p className="unlock__note">{t('create.keepIt')}</p>
    </Frame>
  );
}

function EnterForm({
  view,
  retryAt,
  refresh,
  onUnlocked,
  onForgot,
}: {
  view: UnlockView;
  retryAt: number;
  refresh: () => Promise<void>;
  onUnlocked: () => void;
  onForgot: () => void;
}) {
  const t = useConsoleT('unlock');
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useSubmission(onUnlocked);
  const [now, setNow] = useState(() => Date.now());
  const secondsLeft = Math.max(0, Math.ceil((retryAt - now) / 1000));
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [secondsLeft, now]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await run(() => submit('unlock:enter', { passphrase }))) !== null) {
      setPassphrase('');
      await refresh();
      setNow(Date.now());
    }
  };
  const waiting = secondsLeft > 0;
  return (
    <Frame title={t('frame.unlockTitle')}>
      <p className="unlock__why">{t('enter.explain', { why: view.why })}</p>
      <form onSubmit={(event) => void onSubmit(event)} className="unlock__form">
        <Field
          label={t('enter.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoFocus
        />
        <Refusal error={error} />
        <button type="submit" disabled={busy || waiting || passphrase === ''}>
          {busy
            ? t('enter.checking')
            : waiting
              ? t('enter.wait', { count: secondsLeft })
              : t('enter.unlock')}
        </button>
      </form>
      <button type="button" className="unlock__link" onClick={onForgot}>
        {t('enter.forgot')}
      </button>
    </Frame>
  );
}

function RecoverForm({
  view,
  onUnlocked,
  onBack,
}: {
  view: UnlockView;
  onUnlocked: () => void;
  onBack: (() => void) | null;
}) {
  const t = useConsoleT('unlock');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, run } = useSubmission(onUnlocked);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => submit('unlock:recover', { recoveryKey, passphrase, repeat }));
  };
  return (
    <Frame title={t('recover.title')}>
      <p className="unlock__why">
        {view.recoverBecause ?? t('recover.withoutPassphrase')}{' '}
        {t('recover.how', { why: view.why })}
      </p>
      <form onSubmit={onSubmit} className="unlock__form">
        <Field
          label={t('recover.recoveryKey')}
          type="text"
          value={recoveryKey}
          onChange={setRecoveryKey}
          autoFocus
          hint={t('recover.keyHint')}
        />
        <Field
          label={t('recover.newPassphrase')}
          value={passphrase}
          onChange={setPassphrase}
          hint={t('recover.strength', { count: view.minLength })}
        />
        <Field label={t('recover.again')} value={repeat} onChange={setRepeat} />
        <Refusal error={error} />
        <button type="submit" disabled={busy}>
          {t(busy ? 'recover.checking' : 'recover.submit')}
        </button>
      </form>
      {onBack && (
        <button type="button" className="unlock__link" onClick={onBack}>
          {t('recover.back')}
        </button>
      )}
    </Frame>
  );
}
