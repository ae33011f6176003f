import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ITEM_KINDS, MODES } from '../../../electron/shared/pack/vocabulary';
import type { AgendaItemDraft } from '../../../electron/content/pack/draft';
import { useConsoleT } from '../../shared/i18n/i18n';
import {
  addSlideToItem,
  agendaTotals,
  clockLabel,
  moveEntry,
  newAgendaItem,
  problemsUnder,
  removeAgendaItem,
  uniqueId,
} from './draftEdits';
import {
  CheckField,
  ChoiceSetField,
  LinesField,
  NumberField,
  SelectField,
  TextField,
  useEditor,
} from './fields';
import {
  BreakoutEditor,
  DemonstrationEditor,
  GuidanceEditor,
  PollEditor,
  TeachesEditor,
} from './ItemPartsEditors';
import { ListEditor } from './ListEditor';

/** Glyphs, not words: the buttons are named by their aria-labels. */
const DRAG_GLYPH = '⠿';
const REMOVE_GLYPH = '✕';

/** The running total against the planned length, as the coordinator edits. */
export function AgendaTotal() {
  const t = useConsoleT('editor');
  const { draft } = useEditor();
  const { minutes, planned } = agendaTotals(draft);
  const difference = planned - minutes;
  const state = difference === 0 ? 'even' : difference > 0 ? 'short' : 'over';
  return (
    <p className={`agenda-total agenda-total--${state}`} data-testid="agenda-total" role="status">
      {t(`agenda.total.${state}`, { minutes, planned, difference: Math.abs(difference) })}
    </p>
  );
}

function SortableRow({
  item,
  index,
  count,
  start,
  selected,
  onSelect,
  onMove,
  onRemove,
}: {
  item: AgendaItemDraft;
  index: number;
  count: number;
  start: number;
  selected: boolean;
  onSelect: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useConsoleT('editor');
  const { problems } = useEditor();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id || `#${index}`,
  });
  const errors = problemsUnder(problems, ['agenda', index]).filter((p) => p.severity === 'error');
  const label = t('agenda.rowName', {
    position: index + 1,
    title: item.title || t('agenda.untitled'),
  });
  return (
    <li
      ref={setNodeRef}
      style={{
        transform: CSS.Transform.toString(transform),
        transition: transition,
      }}
      className={`agenda-row${selected ? ' agenda-row--selected' : ''}${isDragging ? ' agenda-row--dragging' : ''}`}
      data-agenda-row={index}
    >
      <button
        type="button"
        className="agenda-row__handle"
        aria-label={t('agenda.dragHandle', { name: label })}
        {...attributes}
        {...listeners}
      >
        {DRAG_GLYPH}
      </button>
      <button
        type="button"
        className="agenda-row__select"
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="agenda-row__clock">{clockLabel(start)}</span>
        <span className="agenda-row__title">{label}</span>
        <span className="agenda-row__minutes">
          {t('agenda.rowMinutes', {
            kind: t(`kinds.${item.kind}`, { defaultValue: item.kind }),
            minutes: Number.isFinite(item.minutes) ? item.minutes : '?',
          })}
        </span>
        {errors.length > 0 && (
          <span className="agenda-row__errors">{t('slides.errors', { count: errors.length })}</span>
        )}
      </button>
      <button
        type="button"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={t('list.moveUp', { name: label })}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={t('list.moveDown', { name: label })}
      >
        ↓
      </button>
      <button
        type="button"
        disabled={count === 1}
        onClick={onRemove}
        aria-label={t('list.removeNamed', { name: label })}
      >
        {REMOVE_GLYPH}
      </button>
    </li>
  );
}

/** The agenda: reorder by drag and drop or by keyboard, add and remove items, and edit the chosen one. */
export function AgendaEditor({
  selected,
  onSelect,
  onEditSlide,
}: {
  selected: number;
  onSelect: (index: number) => void;
  onEditSlide: (slideId: string) => void;
}) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = draft.agenda.map((item, index) => item.id || `#${index}`);
  const { starts } = agendaTotals(draft);
  const move = (from: number, to: number) => {
    change(['agenda'], moveEntry(draft.agenda, from, to));
    if (selected === from) onSelect(to);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  const index = Math.min(selected, draft.agenda.length - 1);
  const nameOf = (id: UniqueIdentifier) => {
    const position = ids.indexOf(String(id));
    return position < 0
      ? String(id)
      : t('agenda.rowName', { position: position + 1, title: draft.agenda[position]!.title });
  };
  const positionOf = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('agenda.dragging.pickedUp', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('agenda.dragging.over', { name: nameOf(active.id), position: positionOf(over.id) })
        : '',
    onDragEnd: ({ active, over }) =>
      over
        ? t('agenda.dragging.dropped', { name: nameOf(active.id), position: positionOf(over.id) })
        : t('agenda.dragging.droppedInPlace', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('agenda.dragging.cancelled', { name: nameOf(active.id) }),
  };
  return (
    <div className="agenda-editor">
      <div className="agenda-editor__list">
        <AgendaTotal />
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable: t('agenda.dragging.instructions'),
            },
          }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="agenda-rows" aria-label={t('agenda.items')}>
              {draft.agenda.map((item, position) => (
                <SortableRow
                  key={ids[position]}
                  item={item}
                  index={position}
                  count={draft.agenda.length}
                  start={starts[position] ?? 0}
                  selected={position === index}
                  onSelect={() => onSelect(position)}
                  onMove={(to) => move(position, to)}
                  onRemove={() => {
                    change([], removeAgendaItem(draft, position));
                    onSelect(Math.max(0, position - 1));
                  }}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
        <button
          type="button"
          onClick={() => {
            change(['agenda'], [...draft.agenda, newAgendaItem(draft)]);
            onSelect(draft.agenda.length);
          }}
        >
          {t('agenda.add')}
        </button>
      </div>
      {draft.agenda[index] && (
        <AgendaItemForm
          key={index}
          index={index}
          start={starts[index] ?? 0}
          onEditSlide={onEditSlide}
        />
      )}
    </div>
  );
}

function AgendaItemForm({
  index,
  start,
  onEditSlide,
}: {
  index: number;
  start: number;
  onEditSlide: (slideId: string) => void;
}) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const item = draft.agenda[index]!;
  const kindOptions = ITEM_KINDS.map((kind) => [kind, t(`kinds.${kind}`)] as const);
  const modeOptions = MODES.map((mode) => [mode, t(`modes.${mode}`)] as const);
  const at = ['agenda', index] as const;
  const quizIds = (draft.quiz?.items ?? []).map(
    (quizItem) => [quizItem.id, `${quizItem.id}: ${quizItem.prompt}`] as const,
  );
  const videos = (draft.media ?? []).filter((media) => media.kind === 'video');
  const itemSlides = item.slides ?? [];
  const otherSlides = (draft.slides ?? []).filter((slide) => !itemSlides.includes(slide.id));
  return (
    <section className="item-form" aria-label={t('agenda.item', { position: index + 1 })}>
      <h3>{t('agenda.itemHeading', { position: index + 1, title: item.title })}</h3>
      <div className="form-grid">
        <TextField label={t('fields.title')} path={[...at, 'title']} keepEmpty />
        <TextField
          label={t('fields.id')}
          path={[...at, 'id']}
          keepEmpty
          hint={t('fields.idHint')}
        />
        <SelectField label={t('fields.kind')} path={[...at, 'kind']} options={kindOptions} />
        <NumberField label={t('fields.minutes')} path={[...at, 'minutes']} />
        <TextField
          label={t('agenda.clock')}
          path={[...at, 'clock']}
          hint={t('agenda.clockHint', { clock: clockLabel(start) })}
        />
      </div>
      <TextField label={t('agenda.summary')} path={[...at, 'summary']} multiline />
      <ChoiceSetField legend={t('agenda.modes')} path={[...at, 'modes']} options={modeOptions} />
      <LinesField label={t('agenda.instructions')} path={[...at, 'instructions']} />
      <LinesField label={t('agenda.cues')} path={[...at, 'cues']} />

      <fieldset className="list-editor">
        <legend>{t('agenda.slides')}</legend>
        {itemSlides.length === 0 && <p className="field__hint">{t('agenda.noSlides')}</p>}
        <ol className="item-slides">
          {itemSlides.map((slideId, position) => (
            <li key={`${slideId}-${position}`}>
              <code>{slideId}</code>{' '}
              <button type="button" onClick={() => onEditSlide(slideId)}>
                {t('agenda.editSlide')}
              </button>{' '}
              <button
                type="button"
                disabled={position === 0}
                aria-label={t('agenda.moveSlideUp', { id: slideId })}
                onClick={() =>
                  change([...at, 'slides'], moveEntry(itemSlides, position, position - 1))
                }
              >
                ↑
              </button>
              <button
                type="button"
                disabled={position === itemSlides.length - 1}
                aria-label={t('agenda.moveSlideDown', { id: slideId })}
                onClick={() =>
                  change([...at, 'slides'], moveEntry(itemSlides, position, position + 1))
                }
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('agenda.takeOutSlide', { id: slideId })}
                onClick={() => {
                  const next = itemSlides.filter((_, entry) => entry !== position);
                  change([...at, 'slides'], next.length === 0 ? undefined : next);
                }}
              >
                {t('agenda.takeOut')}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => change([], addSlideToItem(draft, index))}>
          {t('slides.newSlide')}
        </button>
        {otherSlides.length > 0 && (
          <label className="item-slides__add">
            {t('agenda.showAnother')}{' '}
            <select
              value=""
              onChange={(event) =>
                event.target.value && change([...at, 'slides'], [...itemSlides, event.target.value])
              }
            >
              <option value="">{t('agenda.choose')}</option>
              {otherSlides.map((slide) => (
                <option key={slide.id} value={slide.id}>
                  {slide.id}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>

      <ChoiceSetField
        legend={t('agenda.quizMarkers')}
        path={[...at, 'quizItems']}
        options={quizIds}
      />

      <ListEditor<NonNullable<AgendaItemDraft['questions']>[number]>
        path={[...at, 'questions']}
        legend={t('agenda.questions')}
        entryLabel={(question, position) =>
          question.prompt
            ? t('agenda.questionNamed', { position: position + 1, prompt: question.prompt })
            : t('agenda.question', { position: position + 1 })
        }
        addLabel={t('agenda.addQuestion')}
        newEntry={() => ({
          id: uniqueId(
            `${item.id}-question`,
            draft.agenda.flatMap((entry) => (entry.questions ?? []).map((question) => question.id)),
          ),
          prompt: '',
        })}
      >
        {(path) => (
          <>
            <TextField label={t('fields.question')} path={[...path, 'prompt']} keepEmpty />
            <TextField label={t('fields.id')} path={[...path, 'id']} keepEmpty />
            <LinesField label={t('agenda.answers')} path={[...path, 'answers']} />
            <LinesField label={t('agenda.suggestions')} path={[...path, 'suggestions']} />
            <CheckField label={t('agenda.flipchart')} path={[...path, 'flipchart']} />
          </>
        )}
      </ListEditor>

      {(item.kind === 'video' || item.video) && (
        <fieldset className="list-editor">
          <legend>{t('agenda.video')}</legend>
          {item.video === undefined ? (
            <button
              type="button"
              onClick={() => change([...at, 'video'], { media: videos[0]?.id ?? '' })}
            >
              {t('agenda.addVideo')}
            </button>
          ) : (
            <>
              <SelectField
                label={t('agenda.videoMedia')}
                path={[...at, 'video', 'media']}
                options={videos.map((media) => [media.id, media.title] as const)}
              />
              <TextField
                label={t('agenda.videoIntro')}
                path={[...at, 'video', 'intro']}
                multiline
              />
            </>
          )}
        </fieldset>
      )}
      <PollEditor index={index} />
      <TeachesEditor index={index} />
      <GuidanceEditor index={index} />
      <BreakoutEditor index={index} />
      <DemonstrationEditor index={index} />
    </section>
  );
}
