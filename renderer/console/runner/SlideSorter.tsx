import { useEffect, useRef, useState } from 'react';
import { keyLabel } from '../../../electron/shared/keyBindings';
import { useConsoleT } from '../../shared/i18n/i18n';
import { SlideFrame } from '../../shared/SlideFrame';
import { usePresenterKeysSuspended } from '../keys/PresenterKeys';
import { useLiveSession } from '../session/LiveSession';

/**
 * Thumbnails of the current item's slides, or of the whole pack by agenda item, to jump to one
 * by sight, as in PowerPoint's slide sorter. Thumbnails show each slide fully built (the console
 * only); the room sees a slide's builds one at a time as before.
 */
export function SlideSorter({ onClose }: { onClose: () => void }) {
  const { session, command } = useLiveSession();
  // While it is open, keys belong to the sorter, not to the presenter keys.
  usePresenterKeysSuspended();
  const t = useConsoleT('runner');
  const [scope, setScope] = useState<'item' | 'pack'>('item');
  const dialog = useRef<HTMLDivElement>(null);
  const here = session.slide?.number ?? null;

  useEffect(() => {
    const current = dialog.current?.querySelector<HTMLElement>('[aria-current="true"]');
    (current ?? dialog.current?.querySelector<HTMLElement>('.sorter__slide'))?.focus();
    current?.scrollIntoView({ block: 'nearest' });
  }, [scope]);

  const items = session.agenda.filter(
    (item) =>
      (scope === 'pack' || item.index === session.state.current) &&
      session.deck.some((slide) => slide.item === item.index),
  );
  return (
    <div
      className="dialog-page"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div
        className="dialog sorter"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sorter-title"
        ref={dialog}
      >
        <header className="sorter__header">
          <h2 id="sorter-title">{t('sorter.title')}</h2>
          <div className="sorter__scope" role="group" aria-label={t('sorter.scope')}>
            <button type="button" aria-pressed={scope === 'item'} onClick={() => setScope('item')}>
              {t('sorter.thisItem')}
            </button>
            <button type="button" aria-pressed={scope === 'pack'} onClick={() => setScope('pack')}>
              {t('sorter.wholePack', { count: session.deck.length })}
            </button>
          </div>
          <button type="button" onClick={onClose}>
            {t('sorter.close', { key: keyLabel('Escape') })}
          </button>
        </header>
        {items.length === 0 && <p>{t('sorter.noSlides')}</p>}
        <div className="sorter__items">
          {items.map((item) => {
            const heading = t('runner.itemHeading', { number: item.index + 1, title: item.title });
            return (
              <section key={item.index} aria-label={heading}>
                <h3>{heading}</h3>
                <ul className="sorter__grid">
                  {session.deck
                    .filter((slide) => slide.item === item.index)
                    .map((slide) => (
                      <li key={slide.number}>
                        <button
                          type="button"
                          className="sorter__slide"
                          aria-current={slide.number === here}
                          onClick={() => {
                            command({ type: 'goToSlide', number: slide.number });
                            onClose();
                          }}
                        >
                          <SlideFrame
                            html={slide.html}
                            label={t('sorter.slide', { number: slide.number, title: slide.title })}
                          />
                          <span className="sorter__number" aria-hidden="true">
                            {slide.number}
                          </span>
                        </button>
                      </li>
                    ))}
                </ul>
              </section>
            );
          })}
        </div>
      </div>
    </div>
  );
}
