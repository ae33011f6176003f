import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import { call, consoleApi } from '../../platform/kiosk';
import { suspendPresenterKeys } from '../actions';
import type { RecordWrite } from './GroupPanels';

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
 * voice exists, and nothing else reachable until the counselor enters the PIN.
 */
export function SelfEntry({
  session,
  memberId,
  write,
  onClose,
}: {
  session: ConsoleSessionView;
  memberId: number;
  write: RecordWrite;
  onClose: () => void;
}) {
  const items = session.quiz?.items ?? [];
  const member = session.group.members.find((entry) => entry.id === memberId);
  const [index, setIndex] = useState(0);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const item = items[index];

  useEffect(() => {
    suspendPresenterKeys(true);
    const app = document.querySelector<HTMLElement>('main.console');
    if (app) app.inert = true;
    return () => {
      suspendPresenterKeys(false);
      if (app) app.inert = false;
      if ('speechSynthesis' in window) speechSynthesis.cancel();
    };
  }, []);

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

  const chosen = item ? session.group.answers[memberId]?.[item.id] : undefined;
  const answer = (key: string) => {
    if (!item) return;
    write('group:answer', { memberId, itemId: item.id, answer: key, enteredBy: 'self' });
    setIndex((current) => current + 1);
  };

  const unlock = (event: FormEvent) => {
    event.preventDefault();
    call(api, 'records:unlock', { pin }).then(onClose, (failure: Error) =>
      setError(failure.message),
    );
    setPin('');
  };

  return createPortal(
    <div className="self-entry" role="dialog" aria-modal="true" aria-label="Answer the quiz">
      {item ? (
        <>
          <p className="self-entry__progress">
            {member?.name}: question {index + 1} of {items.length}
          </p>
          <h2 className="self-entry__prompt">{item.prompt}</h2>
          <div className="self-entry__options">
            {item.options.map((option, optionIndex) => (
              <button
                key={option.key}
                type="button"
                ref={optionIndex === 0 ? first : undefined}
                aria-pressed={chosen === option.key}
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
        disabled={index === 0}
        onClick={() => setIndex((current) => Math.max(0, current - 1))}
      >
        ← Back to the previous question
      </button>
      <form className="self-entry__unlock" onSubmit={unlock} aria-label="Counselor unlock">
        <label>
          Counselor PIN
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(event) => setPin(event.target.value)}
            maxLength={8}
          />
        </label>
        <button type="submit">Unlock</button>
        {error && <span role="alert">{error}</span>}
      </form>
    </div>,
    document.body,
  );
}
