import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SelfEntryView } from '../../../electron/services/group/selfEntry';
import { call, consoleApi } from '../../platform/kiosk';
import { PinInput } from '../../shared/PinInput';
import { ForgotPin } from '../records/ForgotPin';

const api = consoleApi();

/** An offline voice, if the system has one: the kiosk never uses a voice that needs the network. */
function offlineVoice(): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  return (
    speechSynthesis
      .getVoices()
      .find((voice) => voice.localService && voice.lang.startsWith('en')) ?? null
  );
}

/**
 * The laptop handed to one member: big buttons, one question at a time, read aloud when an offline
 * voice exists. Main holds the state and refuses the console anything else until the counselor's
 * PIN; this screen is all the console shows meanwhile, and a reload comes back to it.
 */
export function SelfEntry({
  view,
  onView,
}: {
  view: SelfEntryView;
  onView: (view: SelfEntryView | null) => void;
}) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  // One answer at a time: the next question's buttons come only once main has recorded this one.
  const [pending, setPending] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const item = view.items[view.position];

  useEffect(() => {
    first.current?.focus();
    const voice = offlineVoice();
    if (!item || !voice) return;
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(
      `${item.prompt} ${item.options.map((option) => `${option.key}: ${option.text}.`).join(' ')}`,
    );
    utterance.voice = voice;
    utterance.rate = 0.9;
    speechSynthesis.speak(utterance);
  }, [item]);
  useEffect(
    () => () => {
      if ('speechSynthesis' in window) speechSynthesis.cancel();
    },
    [],
  );

  const answer = (key: string) => {
    if (!item || pending) return;
    setPending(true);
    call(api, 'selfEntry:answer', { itemId: item.id, answer: key })
      .then(onView, (failure: Error) => setError(failure.message))
      .finally(() => setPending(false));
  };

  const unlock = (event: FormEvent) => {
    event.preventDefault();
    call(api, 'selfEntry:finish', { pin }).then(
      () => onView(null),
      (failure: Error) => setError(failure.message),
    );
    setPin('');
  };

  return (
    <div className="self-entry" role="dialog" aria-modal="true" aria-label="Answer the quiz">
      {item ? (
        <>
          <p className="self-entry__progress">
            {view.memberName}: question {view.position + 1} of {view.items.length}
          </p>
          <h2 className="self-entry__prompt">{item.prompt}</h2>
          <div className="self-entry__options">
            {item.options.map((option, optionIndex) => (
              <button
                key={option.key}
                type="button"
                ref={optionIndex === 0 ? first : undefined}
                disabled={pending}
                aria-pressed={view.answers[item.id] === option.key}
                onClick={() => answer(option.key)}
              >
                <span className="self-entry__key">{option.key.toUpperCase()}</span> {option.text}
              </button>
            ))}
          </div>
        </>
      ) : (
        <h2 className="self-entry__prompt">
          Thank you! Please hand the laptop back to the counselor.
        </h2>
      )}
      <button
        type="button"
        className="self-entry__back"
        disabled={view.position === 0 || pending}
        onClick={() =>
          call(api, 'selfEntry:back', {}).then(onView, (failure: Error) =>
            setError(failure.message),
          )
        }
      >
        ← Back to the previous question
      </button>
      <div className="self-entry__counselor">
        <form className="self-entry__unlock" onSubmit={unlock} aria-label="Counselor unlock">
          <PinInput
            label="Counselor PIN"
            value={pin}
            onChange={setPin}
            hint="For the counselor: ends self-entry."
            error={error ? 'self-entry-error' : undefined}
          />
          <button type="submit">Unlock</button>
        </form>
        {error && (
          <p className="pin-card__error" role="alert" id="self-entry-error">
            {error}
          </p>
        )}
        <ForgotPin
          onReset={(_status, newPin) =>
            call(api, 'selfEntry:finish', { pin: newPin }).then(
              () => onView(null),
              (failure: Error) => setError(failure.message),
            )
          }
        />
      </div>
    </div>
  );
}
