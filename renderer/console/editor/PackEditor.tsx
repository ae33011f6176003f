import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PackDraft } from '../../../electron/content/pack/draft';
import type { PackProblem } from '../../../electron/shared/pack/problems';
import type { OfferedDraft } from '../../../electron/services/packs/editorDrafts';
import type {
  EditablePack,
  HistoryEntry,
  SaveResult,
} from '../../../electron/services/packs/packEditor';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useProblemText } from '../../shared/i18n/problemText';
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
import type { EditorRequest } from './editorRequest';
import { keptDraftKey, useKeptDraft, type KeptState } from './keptDraft';
import { ResumeDraftPrompt, savedMoment } from './ResumeDraftPrompt';
import { GameEditor, MediaEditor, QuizEditor, RelaxationEditor } from './SectionEditors';
import { SlidesEditor } from './SlidesEditor';
import './editor.css';

const api = consoleApi();

const SECTIONS = [
  'session',
  'agenda',
  'slides',
  'quiz',
  'game',
  'media',
  'relaxation',
  'history',
] as const;
type Section = (typeof SECTIONS)[number];

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
  const t = useConsoleT('editor');
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
  /** Changed by hand (a duplicate is unsaved from the start, but has nothing to keep yet). */
  const [edited, setEdited] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  /** Images added while editing, kept by main apart from any pack until the save. */
  const [draftImages, setDraftImages] = useState<{ draftId: string | null; paths: string[] }>({
    draftId: null,
    paths: [],
  });
  const draftId = draftImages.draftId;
  /** A draft kept from an earlier editing of this pack (a crash, a reload): offered back first. */
  const [offer, setOffer] = useState<OfferedDraft | null | 'looking'>('looking');
  /** The pack's id once this editing has saved it: its kept draft is then the pack's own. */
  const [savedId, setSavedId] = useState<string | null>(null);
  const draftKey = keptDraftKey(request, savedId);
  const { kept, forget } = useKeptDraft({
    key: draftKey,
    baseId: savedId ?? (request.mode === 'new' ? null : request.id),
    draftId,
    draft,
    dirty: edited,
  });

  useEffect(() => {
    call(api, 'packs:editorDraftFind', { key: keptDraftKey(request, null) }).then(
      (found) => setOffer(found),
      () => setOffer(null),
    );
    // The request is fixed for the editor's life (its key changes with it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function resumeKept(found: OfferedDraft) {
    setDraft(found.draft as unknown as PackDraft);
    setDraftImages({ draftId: found.draftId, paths: found.images });
    setDirty(true);
    setEdited(true);
    setOffer(null);
  }

  function discardKept() {
    void forget(draftKey);
    setOffer(null);
  }

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
    setEdited(true);
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
    void forget(draftKey);
    setEdited(false);
    setSavedId(result.id);
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
          ? t('status.savedAsCopy', {
              title: result.title,
              id: result.id,
              version: result.version,
              builtIn: result.copyOf,
            })
          : t('status.saved', { title: result.title, version: result.version }),
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
      applySaved(result, t('status.restored', { version, newVersion: result.version }));
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

  if (!draft || !opened || !state || offer === 'looking') {
    return (
      <section className="pack-editor" aria-label={t('region')}>
        <p role={status.kind === 'failed' ? 'alert' : 'status'}>
          {status.kind === 'failed' ? status.message : t('opening')}
        </p>
        <button type="button" onClick={onClose}>
          {t('backToPacks')}
        </button>
      </section>
    );
  }

  if (offer !== null) {
    return (
      <section className="pack-editor" aria-label={t('region')}>
        <ResumeDraftPrompt
          title={(offer.draft.title as string | undefined) ?? draft.title}
          savedAt={offer.savedAt}
          onResume={() => resumeKept(offer)}
          onDiscard={discardKept}
        />
      </section>
    );
  }

  return (
    <EditorContext.Provider value={state}>
      <section className="pack-editor" aria-label={t('region')}>
        <header className="pack-editor__header">
          <div>
            <h2>{t(`header.${request.mode}`, { title: draft.title })}</h2>
            <p className="pack-editor__meta">
              <code>{draft.id}</code> {t('header.version', { version: draft.version })}
              {dirty && ` · ${t('header.notSaved')}`}
              {edited && <KeptNote kept={kept} />}
            </p>
          </div>
          <p className="pack-editor__check" data-testid="check-summary" aria-live="polite">
            {checking
              ? t('check.checking')
              : errors.length === 0
                ? warnings > 0
                  ? t('check.validWithWarnings', { count: warnings })
                  : t('check.valid')
                : t('check.errors', { count: errors.length })}
          </p>
          <div className="pack-editor__actions">
            <button
              type="button"
              className="primary"
              onClick={() => void save()}
              disabled={status.kind === 'saving'}
            >
              {t('actions.save')}
            </button>
            <button
              type="button"
              onClick={() => void exportZip()}
              disabled={baseId === null || dirty}
              title={dirty ? t('actions.exportSaveFirst') : undefined}
            >
              {t('actions.export')}
            </button>
            <button type="button" onClick={() => (dirty ? setConfirmClose(true) : onClose())}>
              {t('actions.close')}
            </button>
          </div>
        </header>
        {confirmClose && (
          <div className="import-status" role="alertdialog" aria-label={t('closeDialog.title')}>
            <p>{t('closeDialog.text')}</p>
            <button
              type="button"
              onClick={() => {
                void forget(draftKey);
                onClose();
              }}
            >
              {t('closeDialog.close')}
            </button>{' '}
            <button type="button" className="primary" onClick={() => setConfirmClose(false)}>
              {t('closeDialog.keepEditing')}
            </button>
          </div>
        )}
        {opened.builtIn && (
          <p className="pack-editor__notice" role="note">
            {t('builtInNotice')}
          </p>
        )}
        <EditorStatus
          status={status}
          draft={draft}
          onGoTo={goTo}
          onDismiss={() => setStatus({ kind: 'idle' })}
        />
        <div className="pack-editor__body">
          <nav className="pack-editor__nav" aria-label={t('sectionsLabel')}>
            {SECTIONS.map((id) => {
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
                  {t(`sections.${id}`)}
                  {sessionCount > 0 && (
                    <span className="pack-editor__badge">
                      {' '}
                      {t('sectionErrors', { count: sessionCount })}
                    </span>
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
              <HistoryList
                history={opened.history}
                dirty={dirty}
                onRestore={(version) => void restore(version)}
              />
            )}
          </div>
        </div>
      </section>
    </EditorContext.Provider>
  );
}

/** Where the unsaved changes are: kept on this computer for after a crash, or why not. */
function KeptNote({ kept }: { kept: KeptState }) {
  const t = useConsoleT('editor');
  if (kept === null) return null;
  if ('problem' in kept)
    return (
      <span className="pack-editor__kept-problem" role="alert">
        {' '}
        {t('kept.problem', { message: kept.problem })}
      </span>
    );
  return <span> {t('kept.at', { time: savedMoment(kept.savedAt).time })}</span>;
}

function HistoryEntryText({ entry }: { entry: HistoryEntry }) {
  const t = useConsoleT('editor');
  const { date, time } = savedMoment(entry.savedAt);
  const { version, title } = entry;
  return date === null
    ? t('history.entryToday', { version, title, time })
    : t('history.entryOtherDay', { version, title, date, time });
}

function SessionFields() {
  const t = useConsoleT('editor');
  return (
    <section className="section-form" aria-label={t('sections.session')}>
      <div className="form-grid">
        <TextField label={t('session.title')} path={['title']} keepEmpty />
        <TextField label={t('session.program')} path={['program']} keepEmpty />
        <NumberField label={t('session.number')} path={['session']} />
        <TextField
          label={t('session.language')}
          path={['language']}
          keepEmpty
          hint={t('session.languageHint')}
        />
        <NumberField label={t('session.minutes')} path={['minutes']} />
        <SelectField
          label={t('session.audience')}
          path={['audience']}
          options={[
            ['client-group', t('session.audiences.clientGroup')],
            ['provider-workshop', t('session.audiences.providerWorkshop')],
          ]}
        />
        <TextField label={t('session.packId')} path={['id']} keepEmpty hint={t('fields.idHint')} />
      </div>
      <AgendaTotal />
      <TextField label={t('session.description')} path={['description']} multiline />
      <TextField label={t('session.source')} path={['source']} multiline />
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
  const t = useConsoleT('editor');
  const problemText = useProblemText();
  switch (status.kind) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <p className="import-status" role="status">
          {t('status.saving')}
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
            {t('status.ok')}
          </button>
        </p>
      );
    case 'refused':
      return (
        <div className="import-status import-status--error" role="alert">
          <p>{t('status.refused')}</p>
          <ul className="problems">
            {status.problems.map((problem) => (
              <li key={`${problem.path}-${problem.message}`}>
                <strong>{describeProblemPath(draft, problem.path, t)}</strong>:{' '}
                {problemText(problem)}{' '}
                <button type="button" onClick={() => onGoTo(problem.path)}>
                  {t('status.show')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss}>
            {t('status.ok')}
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
  const t = useConsoleT('editor');
  if (history.length === 0) return <p>{t('history.none')}</p>;
  return (
    <section className="section-form" aria-label={t('sections.history')}>
      {dirty && <p className="field__hint">{t('history.discardsChanges')}</p>}
      <ul className="history-list">
        {history.map((entry) => (
          <li key={entry.version}>
            <HistoryEntryText entry={entry} />{' '}
            <button
              type="button"
              onClick={() => onRestore(entry.version)}
              aria-label={t('history.restoreVersion', { version: entry.version })}
            >
              {t('history.restore')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
