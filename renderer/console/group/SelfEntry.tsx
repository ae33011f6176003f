import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { SelfEntryView } from '../../../electron/services/group/selfEntry';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleLanguage, useRoomT } from '../../shared/i18n/i18n';
import { PinInput } from '../../shared/PinInput';
import { useOfflineVoice } from './offlineVoice';
import { ForgotPin } from '../records/ForgotPin';

const api = consoleApi();

/**
 * The laptop handed to one member: big buttons, one question at a time, read aloud when an offline
 * voice exists. Everything here is in the pack's language, whatever the console speaks. Main holds the state and refuses the console anything else until the counselor's
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
  const t = useRoomT(view.language);
  const consoleLanguage = useConsoleLanguage();
  const voice = useOfflineVoice(view.language);

  const readAloud = useCallback(() => {
    if (!item || !voice) return;
    speechSynthesis.cancel();
    const options = item.options.map((option) =>
      t('selfEntry.optionSpoken', { key: option.key, text: option.text }),
    );
    const utterance = new SpeechSynthesisUtterance(`${item.prompt} ${options.join(' ')}`);
    utterance.voice = voice;
    utterance.lang = view.language;
    utterance.rate = 0.9;
    speechSynthesis.speak(utterance);
  }, [item, voice, t, view.language]);

  useEffect(() => {
    first.current?.focus();
  }, [item]);
  useEffect(readAloud, [readAloud]);
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
    <div
      className="self-entry"
      role="dialog"
      aria-modal="true"
      aria-label={t('selfEntry.dialog')}
      lang={view.language}
    >
      {item ? (
        <>
          <p className="self-entry__progress">
            {t('selfEntry.progress', {
              name: view.memberName,
              number: view.position + 1,
              count: view.items.length,
            })}
          </p>
          {voice === null && (
            <p className="self-entry__no-voice" role="status" data-testid="self-entry-no-voice">
              {t('selfEntry.noVoice', { language: t('selfEntry.languageName') })}
            </p>
          )}
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
        <h2 className="self-entry__prompt">{t('selfEntry.thanks')}</h2>
      )}
      <div className="self-entry__actions">
        <button
          type="button"
          className="self-entry__back"
          disabled={view.position === 0 || pending}
          onClick={() =>
            void call(api, 'selfEntry:back', {}).then(onView, (failure: Error) =>
              setError(failure.message),
            )
          }
        >
          {t('selfEntry.back')}
        </button>
        {item && voice && (
          <button type="button" className="self-entry__read" onClick={readAloud}>
            {t('selfEntry.readAgain')}
          </button>
        )}
      </div>
      <div className="self-entry__counselor">
        <form
          className="self-entry__unlock"
          onSubmit={unlock}
          aria-label={t('selfEntry.unlockForm')}
        >
          <PinInput
            label={t('selfEntry.pin')}
            value={pin}
            onChange={setPin}
            hint={t('selfEntry.pinHint')}
            error={error ? 'self-entry-error' : undefined}
          />
          <button type="submit">{t('selfEntry.unlock')}</button>
        </form>
        {error && (
          <p className="pin-card__error" role="alert" id="self-entry-error">
            {error}
          </p>
        )}
        {/* The recovery tool is the counselor's own, in the console's language, not the pack's. */}
        <div lang={consoleLanguage}>
          <ForgotPin
            onReset={(_status, newPin) =>
              void call(api, 'selfEntry:finish', { pin: newPin }).then(
                () => onView(null),
                (failure: Error) => setError(failure.message),
              )
            }
          />
        </div>
      </div>
    </div>
  );
}
