import { zipSync } from 'fflate';
import { lazy, Suspense, useEffect, useState, type ChangeEvent } from 'react';
import { Trans } from 'react-i18next';
import { UPLOAD_CHUNK_BYTES } from '../../../electron/shared/wire';
import type { ImportResult, PackListView } from '../../../electron/services/packs/packViews';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import type { ProblemLine } from '../../shared/i18n/problemText';
import type { EditorRequest } from '../editor/editorRequest';
import { DeckChooser, DeckImportPanel } from './deck/DeckImportEntry';
import { ProblemList } from './ProblemList';
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
  | { step: 'failed'; problems: readonly ProblemLine[] };

const AUDIENCE_KEY = {
  'client-group': 'audience.clientGroup',
  'provider-workshop': 'audience.providerWorkshop',
} as const;

const ORIGIN_KEY = { 'built-in': 'origin.builtIn', imported: 'origin.imported' } as const;

/** The packs the kiosk has loaded, the ones it could not load and why, and importing new ones. */
export function PacksView({
  editing,
  onEditing: setEditing,
}: {
  /** The editor open, if any: the console holds it so it outlives a tab switch. */
  editing: EditorRequest | null;
  onEditing: (request: EditorRequest | null) => void;
}) {
  const t = useConsoleT('packs');
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
          message: t(result.replaced ? 'import.replaced' : 'import.imported', { title, version }),
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
          label: t('import.sent', { name, percent: fraction }),
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
    const name = relativePathOf(chosen[0]!).split('/')[0] ?? t('view.folder');
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
        <Suspense fallback={<p role="status">{t('view.openingEditor')}</p>}>
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
        <h2>{t('view.heading')}</h2>
        <div className="packs__import">
          <button type="button" onClick={() => setEditing({ mode: 'new' })}>
            {t('view.newPack')}
          </button>
          {choosesFiles ? (
            <button type="button" onClick={() => void onChooseZip()}>
              {t('view.importZip')}
            </button>
          ) : (
            <label className="button">
              {t('view.importZip')}
              <input
                type="file"
                accept=".zip,application/zip"
                onChange={(event) => void onZipChosen(event)}
                data-testid="import-zip"
              />
            </label>
          )}
          <label className="button">
            {t('view.importFolder')}
            <input
              type="file"
              onChange={(event) => void onFolderChosen(event)}
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
        onReplace={(request) => void runImport(request, t('import.replacement'), true)}
        onDismiss={() => setImportState({ step: 'idle' })}
      />

      {list === null ? (
        <p>{t('view.loading')}</p>
      ) : (
        <>
          <ul className="packs__list" aria-label={t('view.loadedPacks')}>
            {list.packs.map((pack) => (
              <li key={pack.id} className="pack-card" data-pack-id={pack.id}>
                <p className="pack-card__actions">
                  <button
                    type="button"
                    aria-label={t('card.editLabel', { title: pack.title })}
                    onClick={() => setEditing({ mode: 'edit', id: pack.id })}
                  >
                    {t('card.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    aria-label={t('card.duplicateLabel', { title: pack.title })}
                    onClick={() => setEditing({ mode: 'duplicate', id: pack.id })}
                  >
                    {t('card.duplicate')}
                  </button>
                </p>
                <h3>{pack.title}</h3>
                <p className="pack-card__meta">
                  {[
                    pack.program,
                    pack.session !== null && t('card.session', { session: pack.session }),
                    t(AUDIENCE_KEY[pack.audience]),
                    t('card.minutes', { count: pack.minutes }),
                    t('card.agendaItems', { count: pack.itemCount }),
                    t('card.slides', { count: pack.slideCount }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p className="pack-card__meta">
                  <span className="badge">{t(ORIGIN_KEY[pack.origin])}</span> <code>{pack.id}</code>{' '}
                  {t('card.version', { version: pack.version })}
                  {pack.replacesBuiltIn && ` · ${t('card.replacesBuiltIn')}`}
                </p>
                {pack.warnings.length > 0 && (
                  <details>
                    <summary>{t('card.warnings', { count: pack.warnings.length })}</summary>
                    <ProblemList problems={pack.warnings} />
                  </details>
                )}
              </li>
            ))}
          </ul>
          {list.broken.length > 0 && (
            <section aria-label={t('broken.label')} className="packs__broken">
              <h3>{t('broken.heading')}</h3>
              <ul className="packs__list">
                {list.broken.map((pack) => (
                  <li
                    key={`${pack.origin}-${pack.name}`}
                    className="pack-card pack-card--broken"
                    data-pack-name={pack.name}
                  >
                    <h4>{pack.title ?? pack.name}</h4>
                    <p className="pack-card__meta">
                      <span className="badge">{t(ORIGIN_KEY[pack.origin])}</span>{' '}
                      <code>{pack.name}</code>
                    </p>
                    <ProblemList problems={pack.problems} />
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
  const t = useConsoleT('packs');
  switch (state.step) {
    case 'idle':
      return null;
    case 'working':
      return (
        <p className="import-status" role="status">
          {t('import.checking', { label: state.label })}
        </p>
      );
    case 'done':
      return (
        <p className="import-status import-status--ok" role="status">
          {state.message}{' '}
          <button type="button" onClick={onDismiss}>
            {t('import.ok')}
          </button>
        </p>
      );
    case 'failed':
      return (
        <div className="import-status import-status--error" role="alert">
          <p>{t('import.failed')}</p>
          <ProblemList problems={state.problems} />
          <button type="button" onClick={onDismiss}>
            {t('import.ok')}
          </button>
        </div>
      );
    case 'confirm': {
      const { existing, incoming, id } = state.result;
      return (
        <div className="import-status" role="alertdialog" aria-label={t('import.replaceLabel')}>
          <p>
            <Trans
              t={t}
              i18nKey="import.replaceQuestion"
              values={{
                id,
                origin: t(ORIGIN_KEY[existing.origin]),
                existingTitle: existing.title,
                existingVersion: existing.version,
                incomingTitle: incoming.title,
                incomingVersion: incoming.version,
              }}
              components={{ code: <code /> }}
            />
          </p>
          <button type="button" className="primary" onClick={() => onReplace(state.request)}>
            {t('import.replace')}
          </button>{' '}
          <button type="button" onClick={onDismiss}>
            {t('import.keep')}
          </button>
        </div>
      );
    }
  }
}
