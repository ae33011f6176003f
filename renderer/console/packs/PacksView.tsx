import { zipSync } from 'fflate';
import { lazy, Suspense, useEffect, useState, type ChangeEvent } from 'react';
import { UPLOAD_CHUNK_BYTES } from '../../../electron/ipc/wire';
import type { ImportResult, PackListView } from '../../../electron/services/packs/packViews';
import { call, consoleApi } from '../../platform/kiosk';
import type { EditorRequest } from '../editor/PackEditor';
import { DeckChooser, DeckImportPanel } from './deck/DeckImportEntry';
import { relativePathOf, uploadInParts } from './readFiles';
import './packs.css';

const api = consoleApi();
const PackEditor = lazy(() => import('../editor/PackEditor'));
/** How to import the pack again with `replace` once the counselor confirms. */
type ImportRequest = { uploadId: string } | { path: string };

/** Sends a .zip to main in parts; main unzips and checks it on a worker thread. */
function uploadZip(file: Blob, name: string, onProgress: (fraction: number) => void) {
  return uploadInParts(
    file,
    UPLOAD_CHUNK_BYTES,
    {
      begin: () => call(api, 'packs:beginUpload', { name, size: file.size }),
      sendPart: (uploadId, offset, data) =>
        call(api, 'packs:uploadChunk', { uploadId, offset, data }),
      cancel: (uploadId) => call(api, 'packs:cancelUpload', { uploadId }),
    },
    onProgress,
  );
}

/** A chosen folder as a stored (uncompressed) zip: the same import path as a .zip file. */
async function zipFolder(files: readonly File[]): Promise<Blob> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files)
    entries[relativePathOf(file)] = new Uint8Array(await file.arrayBuffer());
  return new Blob([zipSync(entries, { level: 0 })], { type: 'application/zip' });
}

type ImportState =
  | { step: 'idle' }
  | { step: 'working'; label: string }
  | {
      step: 'confirm';
      request: ImportRequest;
      result: Extract<ImportResult, { status: 'needs-confirmation' }>;
    }
  | { step: 'done'; message: string }
  | { step: 'failed'; problems: string[] };

const AUDIENCE_LABEL = {
  'client-group': 'Client group',
  'provider-workshop': 'Provider workshop',
} as const;

/** The packs the kiosk has loaded, the ones it could not load and why, and importing new ones. */
export function PacksView({
  editing,
  onEditing: setEditing,
}: {
  /** The editor open, if any: the console holds it so it outlives a tab switch. */
  editing: EditorRequest | null;
  onEditing: (request: EditorRequest | null) => void;
}) {
  const [list, setList] = useState<PackListView | null>(null);
  const [importState, setImportState] = useState<ImportState>({ step: 'idle' });
  const [choosesFiles, setChoosesFiles] = useState(false);
  const [deckFile, setDeckFile] = useState<File | null>(null);

  useEffect(() => {
    const unsubscribe = api.on('packs:changed', setList);
    call(api, 'app:capabilities', {}).then(
      (capabilities) => setChoosesFiles(capabilities.choosesFiles),
      () => setChoosesFiles(false),
    );
    call(api, 'packs:list', {}).then(setList, (error: Error) =>
      setImportState({ step: 'failed', problems: [error.message] }),
    );
    return unsubscribe;
  }, []);

  async function runImport(request: ImportRequest, label: string, replace = false) {
    setImportState({ step: 'working', label });
    try {
      const result = await ('path' in request
        ? call(api, 'packs:importPath', { path: request.path, replace })
        : call(api, 'packs:import', { uploadId: request.uploadId, replace }));
      if (result.status === 'imported') {
        const { title, version } = result.pack;
        setImportState({
          step: 'done',
          message: `${result.replaced ? 'Replaced' : 'Imported'} “${title}” ${version}.`,
        });
      } else if (result.status === 'needs-confirmation') {
        setImportState({ step: 'confirm', request, result });
      } else {
        setImportState({ step: 'failed', problems: result.problems });
      }
    } catch (error) {
      setImportState({ step: 'failed', problems: [(error as Error).message] });
    }
  }

  async function uploadAndImport(file: Blob, name: string) {
    setImportState({ step: 'working', label: name });
    try {
      const uploadId = await uploadZip(file, name, (fraction) =>
        setImportState({
          step: 'working',
          label: `${name} (sent ${Math.round(fraction * 100)} %)`,
        }),
      );
      await runImport({ uploadId }, name);
    } catch (error) {
      setImportState({ step: 'failed', problems: [(error as Error).message] });
    }
  }

  async function onZipChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await uploadAndImport(file, file.name);
  }

  async function onFolderChosen(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    if (chosen.length === 0) return;
    const name = relativePathOf(chosen[0]!).split('/')[0] ?? 'folder';
    await uploadAndImport(await zipFolder(chosen), name);
  }

  /** The desktop app: its own dialog chooses the .zip, and main reads it from where it is. */
  async function onChooseZip() {
    try {
      const chosen = await call(api, 'files:choose', { purpose: 'pack' });
      if (chosen) await runImport({ path: chosen.path }, chosen.name);
    } catch (error) {
      setImportState({ step: 'failed', problems: [(error as Error).message] });
    }
  }

  if (editing) {
    return (
      <div className="packs">
        <Suspense fallback={<p role="status">Opening the pack editor…</p>}>
          <PackEditor
            key={JSON.stringify(editing)}
            request={editing}
            takenIds={list?.packs.map((pack) => pack.id) ?? []}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      </div>
    );
  }

  return (
    <div className="packs">
      <header className="packs__header">
        <h2>Content packs</h2>
        <div className="packs__import">
          <button type="button" onClick={() => setEditing({ mode: 'new' })}>
            New pack
          </button>
          {choosesFiles ? (
            <button type="button" onClick={onChooseZip}>
              Import .zip…
            </button>
          ) : (
            <label className="button">
              Import .zip…
              <input
                type="file"
                accept=".zip,application/zip"
                onChange={onZipChosen}
                data-testid="import-zip"
              />
            </label>
          )}
          <label className="button">
            Import folder…
            <input
              type="file"
              onChange={onFolderChosen}
              data-testid="import-folder"
              {...{ webkitdirectory: '', directory: '' }}
            />
          </label>
          <DeckChooser
            onChosen={(file) => {
              setImportState({ step: 'idle' });
              setDeckFile(file);
            }}
          />
        </div>
      </header>

      {deckFile && (
        <DeckImportPanel
          file={deckFile}
          onClose={() => setDeckFile(null)}
          onImported={(message) => {
            setDeckFile(null);
            setImportState({ step: 'done', message });
          }}
        />
      )}

      <ImportStatus
        state={importState}
        onReplace={(request) => runImport(request, 'replacement', true)}
        onDismiss={() => setImportState({ step: 'idle' })}
      />

      {list === null ? (
        <p>Loading packs…</p>
      ) : (
        <>
          <ul className="packs__list" aria-label="Loaded packs">
            {list.packs.map((pack) => (
              <li key={pack.id} className="pack-card" data-pack-id={pack.id}>
                <p className="pack-card__actions">
                  <button
                    type="button"
                    aria-label={`Edit ${pack.title}`}
                    onClick={() => setEditing({ mode: 'edit', id: pack.id })}
                  >
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    aria-label={`Duplicate ${pack.title}`}
                    onClick={() => setEditing({ mode: 'duplicate', id: pack.id })}
                  >
                    Duplicate
                  </button>
                </p>
                <h3>{pack.title}</h3>
                <p className="pack-card__meta">
                  {pack.program}
                  {pack.session !== null && ` · session ${pack.session}`} ·{' '}
                  {AUDIENCE_LABEL[pack.audience]} · {pack.minutes} min · {pack.itemCount} agenda
                  items · {pack.slideCount} slides
                </p>
                <p className="pack-card__meta">
                  <span className="badge">{pack.origin}</span> <code>{pack.id}</code> version{' '}
                  {pack.version}
                  {pack.replacesBuiltIn && ' · replaces the built-in pack'}
                </p>
                {pack.warnings.length > 0 && (
                  <details>
                    <summary>{pack.warnings.length} warning(s)</summary>
                    <ul className="problems">
                      {pack.warnings.map((warning) => (
                        <li key={warning}>{warning}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
          {list.broken.length > 0 && (
            <section aria-label="Packs that could not be loaded" className="packs__broken">
              <h3>Could not be loaded</h3>
              <ul className="packs__list">
                {list.broken.map((pack) => (
                  <li
                    key={`${pack.origin}-${pack.name}`}
                    className="pack-card pack-card--broken"
                    data-pack-name={pack.name}
                  >
                    <h4>{pack.title ?? pack.name}</h4>
                    <p className="pack-card__meta">
                      <span className="badge">{pack.origin}</span> <code>{pack.name}</code>
                    </p>
                    <ul className="problems">
                      {pack.problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function ImportStatus({
  state,
  onReplace,
  onDismiss,
}: {
  state: ImportState;
  onReplace: (request: ImportRequest) => void;
  onDismiss: () => void;
}) {
  switch (state.step) {
    case 'idle':
      return null;
    case 'working':
      return (
        <p className="import-status" role="status">
          Checking {state.label}…
        </p>
      );
    case 'done':
      return (
        <p className="import-status import-status--ok" role="status">
          {state.message}{' '}
          <button type="button" onClick={onDismiss}>
            OK
          </button>
        </p>
      );
    case 'failed':
      return (
        <div className="import-status import-status--error" role="alert">
          <p>The pack was not imported; nothing was changed:</p>
          <ul className="problems">
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss}>
            OK
          </button>
        </div>
      );
    case 'confirm': {
      const { existing, incoming, id } = state.result;
      return (
        <div className="import-status" role="alertdialog" aria-label="Replace pack?">
          <p>
            A pack with the id <code>{id}</code> is already installed ({existing.origin}: “
            {existing.title}” version {existing.version}). Replace it with “{incoming.title}”
            version {incoming.version}?
          </p>
          <button type="button" className="primary" onClick={() => onReplace(state.request)}>
            Replace
          </button>{' '}
          <button type="button" onClick={onDismiss}>
            Keep the current pack
          </button>
        </div>
      );
    }
  }
}
