import { useState } from 'react';
import type { ConsoleView } from '../../../electron/services/show/views';
import { call, consoleApi } from '../../platform/kiosk';
import { SlideFrame } from '../../shared/SlideFrame';
import { useView } from '../../shared/useView';
import { NEXT_KEYS, PREVIOUS_KEYS, useKeyboardActions, type KeyAction } from '../actions';

const api = consoleApi();

/** Drives the projector: current and next slide, notes, Previous/Next and their keys. */
export function PresenterView() {
  const {
    view,
    error: loadError,
    accept,
  } = useView<ConsoleView>(
    () => call(api, 'show:consoleView', {}),
    (listener) => api.on('show:consoleView', listener),
  );
  const [commandError, setCommandError] = useState<string | null>(null);

  const run = (command: () => Promise<ConsoleView>) => () => {
    command().then(
      (next) => {
        setCommandError(null);
        accept(next);
      },
      (reason: unknown) => setCommandError((reason as Error).message),
    );
  };
  const next = run(() => call(api, 'show:next', {}));
  const previous = run(() => call(api, 'show:previous', {}));

  const actions: KeyAction[] = [
    { id: 'next', label: 'Next slide', keys: NEXT_KEYS, run: next },
    { id: 'previous', label: 'Previous slide', keys: PREVIOUS_KEYS, run: previous },
  ];
  useKeyboardActions(actions);

  const error = loadError ?? commandError;
  if (!view) {
    return (
      <div className="presenter presenter--loading">
        {error ? <p role="alert">{error}</p> : <p>Opening the kiosk…</p>}
      </div>
    );
  }

  const { current } = view;
  return (
    <div className="presenter">
      <header className="console__header">
        <h2>{view.deckTitle}</h2>
        <p className="console__position" aria-live="polite" data-testid="slide-position">
          Slide {current.number} of {view.slideCount}
        </p>
      </header>
      {error && (
        <p className="console__error" role="alert">
          {error}
        </p>
      )}
      <section className="console__current" aria-label="Current slide on the projector">
        <SlideFrame html={current.html} label={`Slide ${current.number}, now on the projector`} />
      </section>
      <aside className="console__side">
        <section className="console__next" aria-label="Next slide">
          <h2>Next</h2>
          {view.next ? (
            <SlideFrame html={view.next.html} label={`Slide ${view.next.number}, up next`} />
          ) : (
            <p className="console__end">End of the deck</p>
          )}
        </section>
        <section className="console__notes" aria-label="Counselor notes">
          <h2>Notes</h2>
          <p>{current.notes || 'No notes for this slide.'}</p>
        </section>
      </aside>
      <nav className="console__controls" aria-label="Slide controls">
        <button type="button" onClick={previous} disabled={current.number === 1}>
          ← Previous
        </button>
        <button type="button" className="primary" onClick={next} disabled={!view.next}>
          Next →
        </button>
      </nav>
    </div>
  );
}
