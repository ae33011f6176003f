import { useEffect, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RequestOf } from '../../../../electron/ipc/contract';
import type { DeckTargetPack } from '../../../../electron/services/packs/deckImport';
import type { ImportResult } from '../../../../electron/services/packs/packViews';
import { UPLOAD_CHUNK_BYTES } from '../../../../electron/shared/wire';
import { call, consoleApi } from '../../../platform/kiosk';
import { i18n, useConsoleT } from '../../../shared/i18n/i18n';
import type { ProblemLine } from '../../../shared/i18n/problemText';
import { ProblemList } from '../ProblemList';
import { sendInParts } from '../readFiles';
import { minutesFor } from './deckText';
import {
  openDeck,
  pageImage,
  pagePreview,
  pageText,
  type DeckPageText,
  type OpenedDeck,
} from './pdfDeck';
import './deck.css';

const api = consoleApi();
type Target = RequestOf<'packs:beginDeck'>['target'];

interface Page extends DeckPageText {
  preview: string | null;
}

/** Where an agenda item starts and what it is called, keyed by its first page. */
type Breaks = Map<number, { title: string; minutes: number }>;

type Step =
  | { step: 'reading'; done: number; total: number }
  | { step: 'ready'; notice: string | null }
  | { step: 'importing'; done: number; total: number }
  | { step: 'checking' }
  | { step: 'failed'; message: string };

/** The counselor pressed Cancel: the pages stop being drawn and main drops what it had. */
class Stopped extends Error {}

/** One page's PNG in parts; main appends them to the page's file. */
function sendPage(deckId: string, page: number, image: Blob) {
  return sendInParts(image, UPLOAD_CHUNK_BYTES, (offset, data) =>
    call(api, 'packs:deckChunk', {
      deckId,
      page,
      offset,
      data,
      last: offset + UPLOAD_CHUNK_BYTES >= image.size,
    }),
  );
}

function initialBreaks(deck: OpenedDeck, pages: readonly Page[], t: TFunction<'packs'>): Breaks {
  const starts = deck.sections.length > 0 ? deck.sections : [{ firstPage: 0, title: '' }];
  const firsts = [0, ...starts.map((section) => section.firstPage).filter((first) => first > 0)];
  const breaks: Breaks = new Map();
  firsts.forEach((first, index) => {
    const section = starts.find((start) => start.firstPage === first);
    const end = firsts[index + 1] ?? pages.length;
    breaks.set(first, {
      title: section?.title || pages[first]?.title || t('deck.part', { number: index + 1 }),
      minutes: minutesFor(end - first),
    });
  });
  return breaks;
}

/**
 * Importing a deck saved as PDF: every page becomes an image slide with its text as notes, into a
 * new pack (one agenda item per section; the coordinator may split or join) or onto the end of an
 * item of a pack imported before. Pages are drawn and sent one at a time, with progress.
 */
export default function DeckImport({
  file,
  onDone,
  onClose,
}: {
  file: File;
  onDone: (result: Extract<ImportResult, { status: 'imported' }>) => void;
  onClose: () => void;
}) {
  const t = useConsoleT('packs');
  const [deck, setDeck] = useState<OpenedDeck | null>(null);
  const [pages, setPages] = useState<Page[]>([]);
  const [step, setStep] = useState<Step>({ step: 'reading', done: 0, total: 0 });
  const [problems, setProblems] = useState<readonly ProblemLine[]>([]);
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [title, setTitle] = useState(file.name.replace(/\.pdf$/i, ''));
  const [program, setProgram] = useState('');
  const [audience, setAudience] = useState<'client-group' | 'provider-workshop'>('client-group');
  const [language, setLanguage] = useState('en');
  const [breaks, setBreaks] = useState<Breaks>(new Map());
  const [targets, setTargets] = useState<DeckTargetPack[]>([]);
  const [packId, setPackId] = useState('');
  const [itemId, setItemId] = useState('');
  /** The deck main is receiving, so Cancel can give it up; null when none is. */
  const sending = useRef<{ deckId: string | null; stopped: boolean } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: OpenedDeck | null = null;
    // Read once per file, whatever the console's language does meanwhile.
    const say = i18n.getFixedT(null, 'packs');
    void (async () => {
      try {
        opened = await openDeck(await file.arrayBuffer());
        if (cancelled) return;
        const read: Page[] = [];
        for (let index = 0; index < opened.pageCount; index += 1) {
          setStep({ step: 'reading', done: index, total: opened.pageCount });
          read.push({
            ...(await pageText(opened.document, index)),
            preview: await pagePreview(opened.document, index),
          });
          if (cancelled) return;
        }
        setDeck(opened);
        setPages(read);
        if (opened.title) setTitle(opened.title);
        setBreaks(initialBreaks(opened, read, say));
        setStep({ step: 'ready', notice: null });
      } catch (error) {
        if (!cancelled)
          setStep({
            step: 'failed',
            message: say('deck.unreadable', { name: file.name, message: (error as Error).message }),
          });
      }
    })();
    call(api, 'packs:deckTargets', {}).then(
      (found) => {
        if (cancelled) return;
        setTargets(found);
        setPackId(found[0]?.id ?? '');
        setItemId(found[0]?.items[0]?.id ?? '');
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [file]);

  const firsts = [...breaks.keys()].sort((a, b) => a - b);
  const plannedMinutes = [...breaks.values()].reduce((sum, item) => sum + item.minutes, 0);
  const targetPack = targets.find((pack) => pack.id === packId);

  function toggleBreak(index: number, on: boolean) {
    const next = new Map(breaks);
    if (on)
      next.set(index, {
        title: pages[index]?.title || t('deck.part', { number: next.size + 1 }),
        minutes: 0,
      });
    else next.delete(index);
    // Each item's minutes follow its pages until the coordinator changes them.
    const sorted = [...next.keys()].sort((a, b) => a - b);
    sorted.forEach((first, position) => {
      const end = sorted[position + 1] ?? pages.length;
      const item = next.get(first)!;
      next.set(first, { ...item, minutes: minutesFor(end - first) });
    });
    setBreaks(next);
  }

  function updateItem(first: number, change: Partial<{ title: string; minutes: number }>) {
    const next = new Map(breaks);
    next.set(first, { ...next.get(first)!, ...change });
    setBreaks(next);
  }

  async function runImport() {
    if (!deck) return;
    const target: Target =
      mode === 'new'
        ? {
            kind: 'new',
            title,
            program,
            audience,
            language,
            items: firsts.map((firstPage) => ({ firstPage, ...breaks.get(firstPage)! })),
          }
        : { kind: 'existing', packId, itemId };
    setProblems([]);
    setStep({ step: 'importing', done: 0, total: deck.pageCount });
    const run = { deckId: null as string | null, stopped: false };
    sending.current = run;
    const unlessStopped = () => {
      if (run.stopped) throw new Stopped();
    };
    try {
      ({ deckId: run.deckId } = await call(api, 'packs:beginDeck', {
        sourceName: file.name,
        pages: pages.map(({ title, notes }) => ({ title, notes })),
        target,
      }));
      // One page at a time: drawn, sent in parts, then let go, so a long deck never piles up.
      for (let index = 0; index < deck.pageCount; index += 1) {
        unlessStopped();
        await sendPage(run.deckId, index, await pageImage(deck.document, index));
        setStep({ step: 'importing', done: index + 1, total: deck.pageCount });
      }
      unlessStopped();
      setStep({ step: 'checking' });
      const result = await call(api, 'packs:importDeck', { deckId: run.deckId });
      if (result.status === 'imported') {
        onDone(result);
        return;
      }
      setProblems(result.status === 'invalid' ? result.problems : [t('deck.idTaken')]);
      setStep({ step: 'ready', notice: null });
    } catch (error) {
      if (run.deckId) await call(api, 'packs:cancelDeck', { deckId: run.deckId }).catch(() => null);
      if (run.stopped) setStep({ step: 'ready', notice: t('deck.cancelled') });
      else {
        setProblems([(error as Error).message]);
        setStep({ step: 'ready', notice: null });
      }
    } finally {
      sending.current = null;
    }
  }

  /** Stops drawing and sending; main stops its job too and removes what it had received. */
  function cancelImport() {
    const run = sending.current;
    if (!run) return;
    run.stopped = true;
    if (run.deckId) void call(api, 'packs:cancelDeck', { deckId: run.deckId }).catch(() => null);
  }

  const sendingPages = step.step === 'importing' || step.step === 'checking';
  const busy = sendingPages || step.step === 'reading';
  return (
    <section className="deck-import" aria-labelledby="deck-import-title">
      <header className="deck-import__header">
        <h3 id="deck-import-title">{t('deck.title', { name: file.name })}</h3>
        <button type="button" onClick={onClose} disabled={sendingPages}>
          {t('deck.close')}
        </button>
      </header>

      {step.step === 'reading' && (
        <Progress
          label={t('deck.reading', {
            page: Math.min(step.done + 1, step.total || 1),
            total: step.total || '…',
          })}
          done={step.done}
          total={step.total}
        />
      )}
      {step.step === 'failed' && (
        <p className="import-status import-status--error" role="alert">
          {step.message}
        </p>
      )}
      {step.step === 'ready' && step.notice && (
        <p className="import-status" role="status">
          {step.notice}
        </p>
      )}
      {problems.length > 0 && (
        <div className="import-status import-status--error" role="alert">
          <p>{t('deck.failed')}</p>
          <ProblemList problems={problems} />
        </div>
      )}

      {deck && (
        <form
          className="deck-import__form"
          aria-label={t('deck.form')}
          onSubmit={(event) => {
            event.preventDefault();
            void runImport();
          }}
        >
          <fieldset className="deck-import__mode" disabled={busy}>
            <legend>{t('deck.into')}</legend>
            <label>
              <input
                type="radio"
                name="deck-mode"
                checked={mode === 'new'}
                onChange={() => setMode('new')}
              />{' '}
              {t('deck.newPack')}
            </label>
            <label>
              <input
                type="radio"
                name="deck-mode"
                checked={mode === 'existing'}
                disabled={targets.length === 0}
                onChange={() => setMode('existing')}
              />{' '}
              {t(targets.length === 0 ? 'deck.existingItemNone' : 'deck.existingItem')}
            </label>
          </fieldset>

          {mode === 'new' ? (
            <fieldset className="deck-import__fields" disabled={busy}>
              <legend>{t('deck.newPackFields')}</legend>
              <label>
                {t('deck.packTitle')}
                <input value={title} onChange={(event) => setTitle(event.target.value)} required />
              </label>
              <label>
                {t('deck.program')}
                <input
                  value={program}
                  onChange={(event) => setProgram(event.target.value)}
                  required
                  placeholder={t('deck.programExample')}
                />
              </label>
              <div className="deck-import__field">
                <label htmlFor="deck-audience">{t('deck.audience')}</label>
                <select
                  id="deck-audience"
                  value={audience}
                  onChange={(event) => setAudience(event.target.value as typeof audience)}
                >
                  <option value="client-group">{t('audience.clientGroup')}</option>
                  <option value="provider-workshop">{t('audience.providerWorkshop')}</option>
                </select>
              </div>
              <label>
                {t('deck.language')}
                <input
                  value={language}
                  onChange={(event) => setLanguage(event.target.value)}
                  required
                  pattern="[a-z]{2}(-[A-Z]{2})?"
                  title={t('deck.languageHint')}
                  size={6}
                />
              </label>
              <p className="deck-import__total">
                {t('deck.total', { count: firsts.length, minutes: plannedMinutes })}
              </p>
            </fieldset>
          ) : (
            <fieldset className="deck-import__fields" disabled={busy}>
              <legend>{t('deck.addTo')}</legend>
              <div className="deck-import__field">
                <label htmlFor="deck-pack">{t('deck.pack')}</label>
                <select
                  id="deck-pack"
                  value={packId}
                  onChange={(event) => {
                    setPackId(event.target.value);
                    const pack = targets.find((entry) => entry.id === event.target.value);
                    setItemId(pack?.items[0]?.id ?? '');
                  }}
                >
                  {targets.map((pack) => (
                    <option key={pack.id} value={pack.id}>
                      {t('deck.packOption', { title: pack.title, version: pack.version })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="deck-import__field">
                <label htmlFor="deck-item">{t('deck.agendaItem')}</label>
                <select
                  id="deck-item"
                  value={itemId}
                  onChange={(event) => setItemId(event.target.value)}
                >
                  {targetPack?.items.map((item, index) => (
                    <option key={item.id} value={item.id}>
                      {t('deck.itemOption', { number: index + 1, title: item.title })}
                    </option>
                  ))}
                </select>
              </div>
              <p className="deck-import__total">{t('deck.appendNote')}</p>
            </fieldset>
          )}

          <ol className="deck-pages" aria-label={t('deck.pages')}>
            {pages.map((page, index) => {
              const item = breaks.get(index);
              return (
                <li key={index} className="deck-page" data-page={index + 1}>
                  {page.preview && (
                    <img
                      src={page.preview}
                      alt={t('deck.pageAlt', { page: index + 1 })}
                      className="deck-page__preview"
                    />
                  )}
                  <div className="deck-page__text">
                    <p className="deck-page__title">
                      {page.title ? (
                        t('deck.pageTitle', { page: index + 1, title: page.title })
                      ) : (
                        <Trans
                          t={t}
                          i18nKey="deck.pageNoText"
                          values={{ page: index + 1 }}
                          components={{ em: <em /> }}
                        />
                      )}
                    </p>
                    {mode === 'new' && (
                      <label className="deck-page__break">
                        <input
                          type="checkbox"
                          checked={item !== undefined}
                          disabled={index === 0 || busy}
                          onChange={(event) => toggleBreak(index, event.target.checked)}
                        />{' '}
                        {t('deck.itemStartsHere')}
                      </label>
                    )}
                    {mode === 'new' && item && (
                      <div className="deck-page__item">
                        <label>
                          {t('deck.itemTitle')}
                          <input
                            value={item.title}
                            required
                            disabled={busy}
                            onChange={(event) => updateItem(index, { title: event.target.value })}
                          />
                        </label>
                        <label>
                          {t('deck.minutes')}
                          <input
                            type="number"
                            min={1}
                            max={480}
                            value={item.minutes}
                            required
                            disabled={busy}
                            onChange={(event) =>
                              updateItem(index, { minutes: Number(event.target.value) })
                            }
                          />
                        </label>
                      </div>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>

          <div className="deck-import__actions">
            {step.step === 'importing' && (
              <Progress
                label={t('deck.sending', { done: step.done, total: step.total })}
                done={step.done}
                total={step.total}
              />
            )}
            {step.step === 'checking' && (
              <Progress label={t('deck.writing')} done={null} total={null} />
            )}
            {sendingPages ? (
              <button type="button" onClick={cancelImport}>
                {t('deck.cancel')}
              </button>
            ) : (
              <button
                type="submit"
                className="primary"
                disabled={busy || (mode === 'existing' && !itemId)}
              >
                {t('deck.importPages', { count: pages.length })}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

/** A bar with what is being done; without a measure (null) it shows work going on. */
function Progress({
  label,
  done,
  total,
}: {
  label: string;
  done: number | null;
  total: number | null;
}) {
  return (
    <div className="deck-import__progress" role="status">
      <label htmlFor="deck-progress">{label}</label>
      <progress id="deck-progress" {...(done === null ? {} : { max: total || 1, value: done })} />
    </div>
  );
}
