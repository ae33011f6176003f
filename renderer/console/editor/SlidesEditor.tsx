import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { PackProblem } from '../../../electron/shared/pack/problems';
import type { RenderedSlide } from '../../../electron/content/pack/renderPack';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useProblemText } from '../../shared/i18n/problemText';
import { SlideFrame } from '../../shared/SlideFrame';
import { getAt, problemsAt, problemsUnder, uniqueId, type Path } from './draftEdits';
import { CheckField, Field, SelectField, TextField, useEditor } from './fields';

const api = consoleApi();
/** CodeMirror is a chunk of its own, fetched when a Markdown slide is first shown. */
const MarkdownEditor = lazy(() => import('./MarkdownEditor'));

/** A slide's Markdown in the code editor; every keystroke is a change of the draft. */
function MarkdownField({ label, path, hint }: { label: string; path: Path; hint: string }) {
  const t = useConsoleT('editor');
  const { draft, change, problems } = useEditor();
  const problemText = useProblemText();
  const value = getAt(draft, path);
  const description = problemsAt(problems, path)
    .map((problem) => problemText(problem))
    .join(' ');
  return (
    <Field label={label} path={path} hint={hint} className="field--markdown" editable>
      {({ id, invalid }) => (
        <Suspense
          fallback={<p className="markdown-editor__loading">{t('slides.loadingEditor')}</p>}
        >
          <MarkdownEditor
            id={id}
            label={label}
            value={typeof value === 'string' ? value : ''}
            onChange={(next) => change(path, next)}
            description={description}
            invalid={invalid}
          />
        </Suspense>
      )}
    </Field>
  );
}

/**
 * The system's file chooser for one image. The input exists only while it is open, so the page has
 * no invisible control for a screen reader or a contrast check to trip on.
 */
function pickImage(onPicked: (file: File) => void) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = 'image/png,image/jpeg,image/webp,image/gif,image/svg+xml';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onPicked(file);
  });
  input.click();
}

const slideErrors = (problems: readonly PackProblem[], position: number) =>
  problemsUnder(problems, ['slides', position]).filter((problem) => problem.severity === 'error');

/** Slides: Markdown or an image of the pack, notes, builds, and the projector's own rendering beside. */
export interface SlideFiles {
  baseId: string | null;
  draftId: string | null;
  images: readonly string[];
  /** Sends an image to main for this draft; resolves to its path in the pack. */
  onAddImage: (file: File) => Promise<string>;
}

export function SlidesEditor({
  selectedId,
  onSelect,
  ...files
}: SlideFiles & {
  selectedId: string | null;
  onSelect: (slideId: string) => void;
}) {
  const t = useConsoleT('editor');
  const { draft, change, problems } = useEditor();
  const slides = draft.slides ?? [];
  const index = Math.max(
    0,
    slides.findIndex((slide) => slide.id === selectedId),
  );
  const slide = slides[index];
  const shownBy = (slideId: string) =>
    draft.agenda
      .map((item, position) => ((item.slides ?? []).includes(slideId) ? `${position + 1}` : null))
      .filter((entry) => entry !== null);
  return (
    <div className="slides-editor">
      <div className="slides-editor__list">
        <ol className="slide-rows" aria-label={t('sections.slides')}>
          {slides.map((entry, position) => {
            const errors = slideErrors(problems, position);
            const items = shownBy(entry.id);
            return (
              <li key={`${entry.id}-${position}`}>
                <button
                  type="button"
                  aria-current={position === index ? 'true' : undefined}
                  onClick={() => onSelect(entry.id)}
                >
                  <code>{entry.id}</code>
                  <span className="slide-rows__where">
                    {items.length > 0
                      ? t('slides.shownBy', { count: items.length, items: items.join(', ') })
                      : t('slides.notShown')}
                    {errors.length > 0 && ` · ${t('slides.errors', { count: errors.length })}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          onClick={() => {
            const id = uniqueId(
              'slide',
              slides.map((entry) => entry.id),
            );
            change(['slides'], [...slides, { id, markdown: `# ${t('slides.newSlideHeading')}` }]);
            onSelect(id);
          }}
        >
          {t('slides.newSlide')}
        </button>
      </div>
      {slide ? (
        <SlideForm key={`${index}-${slide.id}`} index={index} files={files} />
      ) : (
        <p>{t('slides.none')}</p>
      )}
    </div>
  );
}

function SlideForm({ index, files }: { index: number; files: SlideFiles }) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const { images } = files;
  const [imageProblem, setImageProblem] = useState<string | null>(null);
  async function chooseImage(file: File, apply: (path: string) => void) {
    setImageProblem(null);
    try {
      apply(await files.onAddImage(file));
    } catch (error) {
      setImageProblem((error as Error).message);
    }
  }
  const slide = draft.slides![index]!;
  const at = ['slides', index] as const;
  const isImage = slide.file !== undefined && slide.markdown === undefined;
  const usedBy = draft.agenda.filter((item) => (item.slides ?? []).includes(slide.id));
  return (
    <section className="slide-form" aria-label={t('slides.slideLabel', { id: slide.id })}>
      <div className="form-grid">
        <TextField label={t('slides.id')} path={[...at, 'id']} keepEmpty />
        <TextField label={t('slides.title')} path={[...at, 'title']} />
      </div>
      <fieldset className="field field--choices">
        <legend>{t('slides.kind')}</legend>
        <label className="field__choice">
          <input
            type="radio"
            name={`slide-kind-${index}`}
            checked={!isImage}
            onChange={() =>
              change(at, { ...slide, file: undefined, markdown: `# ${slide.title ?? slide.id}` })
            }
          />
          {t('slides.kindText')}
        </label>
        <label className="field__choice">
          <input
            type="radio"
            name={`slide-kind-${index}`}
            checked={isImage}
            onChange={() => change(at, { ...slide, markdown: undefined, file: images[0] ?? '' })}
          />
          {t('slides.kindImage')}
        </label>
      </fieldset>
      <div className="slide-form__body">
        <div className="slide-form__fields">
          {isImage ? (
            <SelectField
              label={t('slides.image')}
              path={[...at, 'file']}
              options={images.map((image) => [image, image] as const)}
            />
          ) : (
            <MarkdownField
              label={t('slides.markdown')}
              path={[...at, 'markdown']}
              hint={t('slides.markdownHint')}
            />
          )}
          <button
            type="button"
            className="slide-form__image"
            onClick={() =>
              pickImage(
                (file) =>
                  void chooseImage(file, (path) =>
                    isImage
                      ? change([...at, 'file'], path)
                      : change(
                          [...at, 'markdown'],
                          `${slide.markdown ?? ''}\n\n![${file.name.replace(/\.[^.]+$/, '')}](${path})`,
                        ),
                  ),
              )
            }
          >
            {isImage ? t('slides.addImage') : t('slides.insertImage')}
          </button>
          {imageProblem && (
            <p className="field__problem field__problem--error" role="alert">
              {imageProblem}
            </p>
          )}
          <TextField label={t('slides.notes')} path={[...at, 'notes']} multiline />
          <CheckField label={t('slides.build')} path={[...at, 'build']} />
          <CheckField label={t('slides.reveal')} path={[...at, 'reveal']} />
          {usedBy.length === 0 && <p className="field__hint">{t('slides.unused')}</p>}
        </div>
        <SlidePreview baseId={files.baseId} draftId={files.draftId} slide={slide} />
      </div>
    </section>
  );
}

/** The slide as main renders it for the projector, on the 1920×1080 stage, step by step. */
function SlidePreview({
  baseId,
  draftId,
  slide,
}: {
  baseId: string | null;
  draftId: string | null;
  slide: object;
}) {
  const t = useConsoleT('editor');
  const [rendered, setRendered] = useState<RenderedSlide | { problem: string } | null>(null);
  const [step, setStep] = useState<number | null>(null);
  const [fit, setFit] = useState<{ zoom: number; fits: boolean }>({ zoom: 1, fits: true });
  const source = JSON.stringify(slide);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call(api, 'packs:editorPreview', {
        baseId,
        draftId,
        slide: JSON.parse(source) as Record<string, unknown>,
      }).then(
        (result) => current && setRendered(result),
        (error: Error) => current && setRendered({ problem: error.message }),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [baseId, draftId, source]);
  const onFit = useCallback((zoom: number, fits: boolean) => setFit({ zoom, fits }), []);
  if (rendered === null) return <p className="slide-preview">{t('preview.rendering')}</p>;
  if ('problem' in rendered)
    return (
      <p className="slide-preview field__problem--error">
        {t('preview.problem', { message: rendered.problem })}
      </p>
    );
  const last = rendered.steps.length - 1;
  const shown = Math.min(step ?? last, last);
  return (
    <figure className="slide-preview">
      <figcaption>
        {rendered.steps.length > 1 && (
          <span className="slide-preview__steps">
            <button type="button" disabled={shown === 0} onClick={() => setStep(shown - 1)}>
              {t('preview.previousStep')}
            </button>{' '}
            {t('preview.step', { step: shown + 1, total: rendered.steps.length })}{' '}
            <button type="button" disabled={shown === last} onClick={() => setStep(shown + 1)}>
              {t('preview.nextStep')}
            </button>
          </span>
        )}
        {!fit.fits ? (
          <span className="slide-preview__warning" role="alert">
            {t('preview.tooMuch')}
          </span>
        ) : fit.zoom < 0.995 ? (
          <span className="slide-preview__note" data-testid="fit-note">
            {t('preview.shrunk', { percent: Math.round(fit.zoom * 100) })}
          </span>
        ) : null}
      </figcaption>
      <SlideFrame html={rendered.steps[shown]!} label={t('preview.label')} onFit={onFit} />
    </figure>
  );
}
