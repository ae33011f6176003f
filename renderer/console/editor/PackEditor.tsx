import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PackDraft } from '../../../electron/content/pack/draft';
import type { PackProblem } from '../../../electron/content/pack/problems';
import type {
  EditablePack,
  HistoryEntry,
  SaveResult,
} from '../../../electron/services/packs/packEditor';
import { call, consoleApi } from '../../platform/kiosk';
import { fileToBase64 } from '../packs/readFiles';
import { saveDownload } from '../records/download';
import { AgendaEditor, AgendaTotal } from './AgendaEditor';
import {
  describeProblemPath,
  duplicateDraft,
  newPackDraft,
  problemsUnder,
  setAt,
  type Path,
} from './draftEdits';
import { EditorContext, NumberField, SelectField, TextField, type EditorState } from './fields';
import { GameEditor, MediaEditor, QuizEditor, RelaxationEditor } from './SectionEditors';
import { SlidesEditor } from './SlidesEditor';
import './editor.css';

const api = consoleApi();

export type EditorRequest = { mode: 'new' } | { mode: 'edit' | 'duplicate'; id: string };

const SECTIONS = [
  ['session', 'Session'],
  ['agenda', 'Agenda'],
  ['slides', 'Slides'],
  ['quiz', 'Quiz'],
  ['game', 'Team game'],
  ['media', 'Media'],
  ['relaxation', 'Relaxation'],
  ['history', 'History'],
] as const;
type Section = (typeof SECTIONS)[number][0];

/** Which section (and entry) of the editor holds a problem's field. */
function sectionOf(path: string): { section: Section; index?: number } {
  const agenda = /^agenda\[(\d+)\]/.exec(path);
  if (agenda) return { section: 'agenda', index: Number(agenda[1]) };
  const slide = /^slides\[(\d+)\]/.exec(path);
  if (slide) return { section: 'slides', index: Number(slide[1]) };
  for (const section of ['quiz', 'game', 'media', 'relaxation'] as const)
    if (path.startsWith(section)) return { section };
  return { section: path.startsWith('agenda') ? 'agenda' : 'session' };
}

interface Opened {
  baseId: string | null;
  builtIn: boolean;
  images: string[];
  history: HistoryEntry[];
}

/**
 * The pack editor: a pack's session, agenda, slides, quiz, game, media and relaxation, checked as
 * typed. Loaded when first opened, so the drag-and-drop library stays out of the console's start.
 */
export default function PackEditor({
  request,
  takenIds,
  onClose,
}: {
  request: EditorRequest;
  takenIds: readonly string[];
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<PackDraft | null>(() =>
    request.mode === 'new' ? newPackDraft(takenIds) : null,
  );
  const [opened, setOpened] = useState<Opened | null>(() =>
    request.mode === 'new' ? { baseId: null, builtIn: false, images: [], history: [] } : null,
  );
  const [checked, setChecked] = useState<{ draft: PackDraft | null; problems: PackProblem[] }>({
    draft: null,
    problems: [],
  });
  const problems = checked.problems;
  const checking = checked.draft !== draft;
  const [section, setSection] = useState<Section>('session');
  const [itemIndex, setItemIndex] = useState(0);
  const [slideId, setSlideId] = useState<string | null>(null);
  const [status, setStatus] = useState<
    | { kind: 'idle' }
    | { kind: 'saving' }
    | { kind: 'saved'; message: string }
    | { kind: 'refused'; problems: PackProblem[] }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  const [dirty, setDirty] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  /** Images added while editing, kept by main apart from any pack until the save. */
  const [draftImages, setDraftImages] = useState<{ draftId: string | null; paths: string[] }>({
    draftId: null,
    paths: [],
  });
  const draftId = draftImages.draftId;

  useEffect(() => {
    if (request.mode === 'new') return;
    call(api, 'packs:editorOpen', { id: request.id }).then(
      (pack: EditablePack) => {
        setDraft(request.mode === 'duplicate' ? duplicateDraft(pack.draft, takenIds) : pack.draft);
        setOpened({
          baseId: request.id,
          builtIn: request.mode === 'edit' && pack.builtIn,
          images: pack.images,
          history: request.mode === 'edit' ? pack.history : [],
        });
        if (request.mode === 'duplicate') setDirty(true);
      },
      (error: Error) => setStatus({ kind: 'failed', message: error.message }),
    );
    // The request is fixed for the editor's life (its key changes with it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Reloading or closing the window with unsaved changes asks first (the browser's own prompt;
  // the desktop app's main process shows its dialog).
  useEffect(() => {
    if (!dirty) return;
    const refuseUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', refuseUnload);
    return () => window.removeEventListener('beforeunload', refuseUnload);
  }, [dirty]);

  // Validation as they type: the very rules of pack:check, run by main on the draft.
  const baseId = opened?.baseId ?? null;
  useEffect(() => {
    if (!draft) return;
    let current = true;
    const timer = setTimeout(() => {
      call(api, 'packs:editorCheck', {
        baseId,
        draftId,
        draft: draft as Record<string, unknown>,
      }).then(
        (found) => current && setChecked({ draft, problems: found }),
        (error: Error) => current && setStatus({ kind: 'failed', message: error.message }),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, baseId, draftId]);

  const change = useCallback((path: Path, value: unknown) => {
    setDraft((previous) => (previous ? setAt(previous, path, value) : previous));
    setDirty(true);
    setStatus((previous) => (previous.kind === 'saved' ? { kind: 'idle' } : previous));
  }, []);
  const state: EditorState | null = useMemo(
    () => (draft ? { draft, problems, change } : null),
    [draft, problems, change],
  );

  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.length - errors.length;

  function goTo(path: string) {
    const where = sectionOf(path);
    setSection(where.section);
    if (where.section === 'agenda' && where.index !== undefined) setItemIndex(where.index);
    if (where.section === 'slides' && where.index !== undefined)
      setSlideId(draft?.slides?.[where.index]?.id ?? null);
  }

  function applySaved(result: Extract<SaveResult, { status: 'saved' }>, message: string) {
    setDraft((previous) =>
      previous ? { ...previous, id: result.id, version: result.version } : previous,
    );
    setDirty(false);
    setStatus({ kind: 'saved', message });
    call(api, 'packs:editorOpen', { id: result.id }).then(
      (pack) =>
        setOpened({
          baseId: result.id,
          builtIn: false,
          images: pack.images,
          history: pack.history,
        }),
      () => undefined,
    );
  }

  async function save() {
    if (!draft) return;
    // Main checks again before writing; what it already knows to be wrong is not sent. While the
    // last keystroke is still being checked, the problems shown may be stale: main decides.
    if (!checking && errors.length > 0) {
      setStatus({ kind: 'refused', problems: errors });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const result = await call(api, 'packs:editorSave', {
        baseId,
        draftId,
        draft: draft as Record<string, unknown>,
      });
      if (result.status === 'invalid') {
        setChecked({ draft, problems: result.problems });
        setStatus({
          kind: 'refused',
          problems: result.problems.filter((p) => p.severity === 'error'),
        });
        return;
      }
      applySaved(
        result,
        result.copyOf
          ? `“${result.title}” was saved as a new pack, ${result.id} version ${result.version}: the built-in pack ${result.copyOf} is unchanged.`
          : `Saved “${result.title}” version ${result.version}.`,
      );
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  }

  async function restore(version: string) {
    if (!baseId) return;
    setStatus({ kind: 'saving' });
    try {
      const result = await call(api, 'packs:restore', { id: baseId, version });
      if (result.status === 'invalid') {
        setStatus({ kind: 'refused', problems: result.problems });
        return;
      }
      const pack = await call(api, 'packs:editorOpen', { id: result.id });
      setDraft(pack.draft);
      applySaved(result, `Version ${version} restored as version ${result.version}.`);
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  }

  async function addImage(file: File): Promise<string> {
    const added = await call(api, 'packs:editorAddImage', {
      draftId,
      name: file.name,
      data: await fileToBase64(file),
    });
    setDraftImages((previous) => ({
      draftId: added.draftId,
      paths: previous.paths.includes(added.path) ? previous.paths : [...previous.paths, added.path],
    }));
    return added.path;
  }

  async function exportZip() {
    if (!baseId) return;
    try {
      saveDownload(await call(api, 'packs:export', { id: baseId }));
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  }

  if (!draft || !opened || !state) {
    return (
      <section className="pack-editor" aria-label="Pack editor">
        <p role={status.kind === 'failed' ? 'alert' : 'status'}>
          {status.kind === 'failed' ? status.message : 'Opening the pack…'}
        </p>
        <button type="button" onClick={onClose}>
          Back to the packs
        </button>
      </section>
    );
  }

  return (
    <EditorContext.Provider value={state}>
      <section className="pack-editor" aria-label="Pack editor">
        <header className="pack-editor__header">
          <div>
            <h2>
              {request.mode === 'new'
                ? 'New pack'
                : request.mode === 'duplicate'
                  ? 'Duplicate'
                  : 'Edit'}
              : {draft.title}
            </h2>
            <p className="pack-editor__meta">
              <code>{draft.id}</code> version {draft.version}
              {dirty && ' · not saved yet'}
            </p>
          </div>
          <p className="pack-editor__check" data-testid="check-summary" aria-live="polite">
            {checking
              ? 'Checking…'
              : errors.length === 0
                ? `Valid${warnings > 0 ? `, ${warnings} warning(s)` : ''}`
                : `${errors.length} error(s) to fix before saving`}
          </p>
          <div className="pack-editor__actions">
            <button
              type="button"
              className="primary"
              onClick={save}
              disabled={status.kind === 'saving'}
            >
              Save
            </button>
            <button
              type="button"
              onClick={exportZip}
              disabled={baseId === null || dirty}
              title={dirty ? 'Save first: the export is the saved pack' : undefined}
            >
              Export .zip
            </button>
            <button type="button" onClick={() => (dirty ? setConfirmClose(true) : onClose())}>
              Close
            </button>
          </div>
        </header>
        {confirmClose && (
          <div className="import-status" role="alertdialog" aria-label="Close without saving?">
            <p>Close without saving? The changes since the last save will be lost.</p>
            <button type="button" onClick={onClose}>
              Close without saving
            </button>{' '}
            <button type="button" className="primary" onClick={() => setConfirmClose(false)}>
              Keep editing
            </button>
          </div>
        )}
        {opened.builtIn && (
          <p className="pack-editor__notice" role="note">
            This pack is built in: it stays as it is. Saving keeps your changes as a new pack of
            your own, under a new id.
          </p>
        )}
        <EditorStatus
          status={status}
          draft={draft}
          onGoTo={goTo}
          onDismiss={() => setStatus({ kind: 'idle' })}
        />
        <div className="pack-editor__body">
          <nav className="pack-editor__nav" aria-label="Pack sections">
            {SECTIONS.map(([id, label]) => {
              const count = problemsUnder(problems, id === 'session' ? [] : [id]).filter(
                (problem) => problem.severity === 'error',
              ).length;
              const sessionCount =
                id === 'session'
                  ? errors.filter((problem) => sectionOf(problem.path).section === 'session').length
                  : count;
              return (
                <button
                  key={id}
                  type="button"
                  aria-current={section === id ? 'page' : undefined}
                  onClick={() => setSection(id)}
                >
                  {label}
                  {sessionCount > 0 && (
                    <span className="pack-editor__badge"> ({sessionCount} errors)</span>
                  )}
                </button>
              );
            })}
          </nav>
          <div className="pack-editor__section">
            {section === 'session' && <SessionFields />}
            {section === 'agenda' && (
              <AgendaEditor
                selected={itemIndex}
                onSelect={setItemIndex}
                onEditSlide={(id) => {
                  setSlideId(id);
                  setSection('slides');
                }}
              />
            )}
            {section === 'slides' && (
              <SlidesEditor
                baseId={baseId}
                draftId={draftId}
                images={[...new Set([...opened.images, ...draftImages.paths])].sort()}
                onAddImage={addImage}
                selectedId={slideId}
                onSelect={setSlideId}
              />
            )}
            {section === 'quiz' && <QuizEditor />}
            {section === 'game' && <GameEditor />}
            {section === 'media' && <MediaEditor />}
            {section === 'relaxation' && <RelaxationEditor />}
            {section === 'history' && (
              <HistoryList history={opened.history} dirty={dirty} onRestore={restore} />
            )}
          </div>
        </div>
      </section>
    </EditorContext.Provider>
  );
}

function SessionFields() {
  return (
    <section className="section-form" aria-label="Session">
      <div className="form-grid">
        <TextField label="Title" path={['title']} keepEmpty />
        <TextField label="Program" path={['program']} keepEmpty />
        <NumberField label="Session number" path={['session']} />
        <TextField label="Language" path={['language']} keepEmpty hint='e.g. "en" or "es-US"' />
        <NumberField label="Planned minutes" path={['minutes']} />
        <SelectField
          label="Audience"
          path={['audience']}
          options={[
            ['client-group', 'Client group'],
            ['provider-workshop', 'Provider workshop'],
          ]}
        />
        <TextField
          label="Pack id"
          path={['id']}
          keepEmpty
          hint="Lowercase letters, digits, hyphens."
        />
      </div>
      <AgendaTotal />
      <TextField label="Description" path={['description']} multiline />
      <TextField label="Source" path={['source']} multiline />
    </section>
  );
}

function EditorStatus({
  status,
  draft,
  onGoTo,
  onDismiss,
}: {
  status:
    | { kind: 'idle' }
    | { kind: 'saving' }
    | { kind: 'saved'; message: string }
    | { kind: 'refused'; problems: PackProblem[] }
    | { kind: 'failed'; message: string };
  draft: PackDraft;
  onGoTo: (path: string) => void;
  onDismiss: () => void;
}) {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <p className="import-status" role="status">
          Saving…
        </p>
      );
    case 'saved':
      return (
        <p className="import-status import-status--ok" role="status">
          {status.message}
        </p>
      );
    case 'failed':
      return (
        <p className="import-status import-status--error" role="alert">
          {status.message}{' '}
          <button type="button" onClick={onDismiss}>
            OK
          </button>
        </p>
      );
    case 'refused':
      return (
        <div className="import-status import-status--error" role="alert">
          <p>Not saved: fix these first (nothing was changed).</p>
          <ul className="problems">
            {status.problems.map((problem) => (
              <li key={`${problem.path}-${problem.message}`}>
                <strong>{describeProblemPath(draft, problem.path)}</strong>: {problem.message}{' '}
                <button type="button" onClick={() => onGoTo(problem.path)}>
                  Show
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss}>
            OK
          </button>
        </div>
      );
  }
}

function HistoryList({
  history,
  dirty,
  onRestore,
}: {
  history: readonly HistoryEntry[];
  dirty: boolean;
  onRestore: (version: string) => void;
}) {
  if (history.length === 0)
    return <p>No earlier versions yet: each save keeps the version it replaces here.</p>;
  return (
    <section className="section-form" aria-label="History">
      {dirty && <p className="field__hint">Restoring discards the changes not saved yet.</p>}
      <ul className="history-list">
        {history.map((entry) => (
          <li key={entry.version}>
            Version {entry.version} · “{entry.title}” · saved{' '}
            {new Date(entry.savedAt).toLocaleString()}{' '}
            <button
              type="button"
              onClick={() => onRestore(entry.version)}
              aria-label={`Restore version ${entry.version}`}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
