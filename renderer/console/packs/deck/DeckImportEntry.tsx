import { lazy, Suspense, type ChangeEvent } from 'react';
import type { ImportResult } from '../../../../electron/services/packs/packViews';
import { useConsoleT } from '../../../shared/i18n/i18n';

/** PDF.js is large: it loads when a coordinator opens a deck, never with the console. */
const DeckImport = lazy(() => import('./DeckImport'));

/** Content packs → Import a deck (PDF)…: the file picker that opens the deck import. */
export function DeckChooser({ onChosen }: { onChosen: (file: File) => void }) {
  const t = useConsoleT('packs');
  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onChosen(file);
  }
  return (
    <label className="button">
      {t('deck.choose')}
      <input
        type="file"
        accept=".pdf,application/pdf"
        onChange={onChange}
        data-testid="import-deck"
      />
    </label>
  );
}

/** The deck import for a chosen PDF, loading PDF.js first; `onImported` gets what to tell the coordinator. */
export function DeckImportPanel({
  file,
  onClose,
  onImported,
}: {
  file: File;
  onClose: () => void;
  onImported: (message: string) => void;
}) {
  const t = useConsoleT('packs');
  const doneMessage = ({ pack, replaced }: Extract<ImportResult, { status: 'imported' }>) =>
    t(replaced ? 'deck.added' : 'deck.imported', {
      title: pack.title,
      version: pack.version,
      slides: t('card.slides', { count: pack.slideCount }),
    });
  return (
    <Suspense fallback={<p role="status">{t('deck.openingReader')}</p>}>
      <DeckImport
        key={`${file.name}-${file.lastModified}-${file.size}`}
        file={file}
        onClose={onClose}
        onDone={(result) => onImported(doneMessage(result))}
      />
    </Suspense>
  );
}
