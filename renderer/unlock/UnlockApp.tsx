import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { UnlockApi, UnlockChannelName, UnlockRequestOf } from '../../electron/ipc/contract';
import type { UnlockView } from '../../electron/services/access/passphraseGate';

/** The passphrase window's API (its own preload, or the browser shell's bridge for the unlock page). */
function unlockApi(): UnlockApi {
  return (window as unknown as { kiosk: UnlockApi }).kiosk;
}

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

  if (loadError) return <Frame title="The records cannot be unlocked">{loadError}</Frame>;
  if (!view) return <Frame title="Unlock the records">Reading the records key…</Frame>;
  if (screen === 'unlocked')
    return (
      <Frame title="Unlocked">
        <p role="status">The records are unlocked. Opening the kiosk…</p>
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
  return (
    <p className="unlock__why">
      The records of this kiosk are encrypted. Usually the computer keeps their key locked for you,
      but {why}. So a passphrase that you choose locks the key instead, and the kiosk asks for it
      each time it starts.
    </p>
  );
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
  const hintId = hint ? `${label.replace(/\W+/g, '-').toLowerCase()}-hint` : undefined;
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
  const { busy, error, run } = useSubmission(onUnlocked);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => submit('unlock:create', { passphrase, repeat }));
  };
  return (
    <Frame title="Choose a passphrase for the records">
      <WhyPassphrase why={view.why} />
      <form onSubmit={onSubmit} className="unlock__form">
        <Field
          label="New passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoFocus
          hint={`At least ${view.minLength} characters, not only digits: a few words in a row work well.`}
        />
        <Field label="The same passphrase again" value={repeat} onChange={setRepeat} />
        <Refusal error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Locking the key…' : 'Set the passphrase and open the records'}
        </button>
      </form>
      <p className="unlock__note">
        Keep it where the clinic keeps the recovery sheet. If it is forgotten, the recovery key on
        that sheet unlocks the records and sets a new passphrase.
      </p>
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
    <Frame title="Unlock the records">
      <p className="unlock__why">
        Type the passphrase that locks the records on this computer ({view.why}).
      </p>
      <form onSubmit={(event) => void onSubmit(event)} className="unlock__form">
        <Field label="Passphrase" value={passphrase} onChange={setPassphrase} autoFocus />
        <Refusal error={error} />
        <button type="submit" disabled={busy || waiting || passphrase === ''}>
          {busy ? 'Checking…' : waiting ? `Try again in ${secondsLeft} s` : 'Unlock'}
        </button>
      </form>
      <button type="button" className="unlock__link" onClick={onForgot}>
        Forgot the passphrase? Use the recovery key
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
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, run } = useSubmission(onUnlocked);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => submit('unlock:recover', { recoveryKey, passphrase, repeat }));
  };
  return (
    <Frame title="Unlock with the recovery key">
      <p className="unlock__why">
        {view.recoverBecause ?? 'Without the passphrase, the recovery key opens the records.'} Type
        the recovery key from the printed recovery sheet (eleven groups of five letters and digits),
        then choose a new passphrase ({view.why}).
      </p>
      <form onSubmit={onSubmit} className="unlock__form">
        <Field
          label="Recovery key"
          type="text"
          value={recoveryKey}
          onChange={setRecoveryKey}
          autoFocus
          hint="Dashes and spaces may be left out; O and I are read as 0 and 1."
        />
        <Field
          label="New passphrase"
          value={passphrase}
          onChange={setPassphrase}
          hint={`At least ${view.minLength} characters, not only digits.`}
        />
        <Field label="The same passphrase again" value={repeat} onChange={setRepeat} />
        <Refusal error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Unlock and set the new passphrase'}
        </button>
      </form>
      {onBack && (
        <button type="button" className="unlock__link" onClick={onBack}>
          Back to the passphrase
        </button>
      )}
    </Frame>
  );
}
