import { lazy, Suspense, type ChangeEvent } from 'react';
import type { ImportResult } from '../../../../electron/services/packs/packViews';

/** PDF.js is large: it loads when a coordinator opens a deck, never with the console. */
const DeckImport = lazy(() => import('./DeckImport'));

/** Content packs → Import a deck (PDF)…: the file picker that opens the deck import. */
export function DeckChooser({ onChosen }: { onChosen: (file: File) => void }) {
  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onChosen(file);
  }
  return (
    <label className="button">
      Import a deck (PDF)…
      <input
        type="file"
        accept=".pdf,application/pdf"
        onChange={onChange}
        data-testid="import-deck"
      />
    </label>
  );
}

const doneMessage = ({ pack, replaced }: Extract<ImportResult, { status: 'imported' }>) =>
  `${replaced ? 'Added the deck to' : 'Imported the deck as'} “${pack.title}” ${pack.version} (${pack.slideCount} slides).`;

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
  return (
    <Suspense fallback={<p role="status">Opening the PDF reader…</p>}>
      <DeckImport
        key={`${file.name}-${file.lastModified}-${file.size}`}
        file={file}
        onClose={onClose}
        onDone={(result) => onImported(doneMessage(result))}
      />
    </Suspense>
  );
}
