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
import { ITEM_KINDS, MODES } from '../../../electron/content/pack/vocabulary';
import type { AgendaItemDraft } from '../../../electron/content/pack/draft';
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

const KIND_OPTIONS = ITEM_KINDS.map((kind) => [kind, kind] as const);
const MODE_OPTIONS = MODES.map((mode) => [mode, mode] as const);

/** The running total against the planned length, as the coordinator edits. */
export function AgendaTotal() {
  const { draft } = useEditor();
  const { minutes, planned } = agendaTotals(draft);
  const difference = planned - minutes;
  const state = difference === 0 ? 'even' : difference > 0 ? 'short' : 'over';
  return (
    <p className={`agenda-total agenda-total--${state}`} data-testid="agenda-total" role="status">
      Agenda {minutes} of {planned} min
      {state === 'short' && ` · ${difference} min still to plan`}
      {state === 'over' && ` · ${-difference} min over`}
      {state === 'even' && ' · adds up'}
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
  const { problems } = useEditor();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id || `#${index}`,
  });
  const errors = problemsUnder(problems, ['agenda', index]).filter((p) => p.severity === 'error');
  const label = `${index + 1}. ${item.title || '(untitled)'}`;
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
        aria-label={`Drag ${label}`}
        {...attributes}
        {...listeners}
      >
        ⠿
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
          {item.kind} · {Number.isFinite(item.minutes) ? item.minutes : '?'} min
        </span>
        {errors.length > 0 && (
          <span className="agenda-row__errors">
            {errors.length} error{errors.length > 1 ? 's' : ''}
          </span>
        )}
      </button>
      <button
        type="button"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={`Move ${label} up`}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={`Move ${label} down`}
      >
        ↓
      </button>
      <button
        type="button"
        disabled={count === 1}
        onClick={onRemove}
        aria-label={`Remove ${label}`}
      >
        ✕
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
    return position < 0 ? String(id) : `${position + 1}. ${draft.agenda[position]!.title}`;
  };
  const positionOf = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${nameOf(active.id)}. The arrow keys move it, Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over position ${positionOf(over.id)}.` : '',
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} dropped at position ${positionOf(over.id)}.`
        : `${nameOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
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
              draggable:
                'To move an agenda item, press Space, then the arrow keys, then Space to drop it or Escape to cancel.',
            },
          }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="agenda-rows" aria-label="Agenda items">
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
          Add agenda item
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
  const { draft, change } = useEditor();
  const item = draft.agenda[index]!;
  const at = ['agenda', index] as const;
  const quizIds = (draft.quiz?.items ?? []).map(
    (quizItem) => [quizItem.id, `${quizItem.id}: ${quizItem.prompt}`] as const,
  );
  const videos = (draft.media ?? []).filter((media) => media.kind === 'video');
  const itemSlides = item.slides ?? [];
  const otherSlides = (draft.slides ?? []).filter((slide) => !itemSlides.includes(slide.id));
  return (
    <section className="item-form" aria-label={`Agenda item ${index + 1}`}>
      <h3>
        Agenda item {index + 1}: {item.title}
      </h3>
      <div className="form-grid">
        <TextField label="Title" path={[...at, 'title']} keepEmpty />
        <TextField
          label="Id"
          path={[...at, 'id']}
          keepEmpty
          hint="Lowercase letters, digits, hyphens."
        />
        <SelectField label="Kind" path={[...at, 'kind']} options={KIND_OPTIONS} />
        <NumberField label="Minutes" path={[...at, 'minutes']} />
        <TextField
          label="Printed clock time"
          path={[...at, 'clock']}
          hint={`h:mm from the start, as the manual prints it; from the durations: ${clockLabel(start)}`}
        />
      </div>
      <TextField label="Summary" path={[...at, 'summary']} multiline />
      <ChoiceSetField legend="Modes" path={[...at, 'modes']} options={MODE_OPTIONS} />
      <LinesField label="Instructions" path={[...at, 'instructions']} />
      <LinesField label="Script cues" path={[...at, 'cues']} />

      <fieldset className="list-editor">
        <legend>Slides shown in this item</legend>
        {itemSlides.length === 0 && (
          <p className="field__hint">No slides: the projector shows the item's title.</p>
        )}
        <ol className="item-slides">
          {itemSlides.map((slideId, position) => (
            <li key={`${slideId}-${position}`}>
              <code>{slideId}</code>{' '}
              <button type="button" onClick={() => onEditSlide(slideId)}>
                Edit slide
              </button>{' '}
              <button
                type="button"
                disabled={position === 0}
                aria-label={`Move slide ${slideId} up`}
                onClick={() =>
                  change([...at, 'slides'], moveEntry(itemSlides, position, position - 1))
                }
              >
                ↑
              </button>
              <button
                type="button"
                disabled={position === itemSlides.length - 1}
                aria-label={`Move slide ${slideId} down`}
                onClick={() =>
                  change([...at, 'slides'], moveEntry(itemSlides, position, position + 1))
                }
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Take out slide ${slideId}`}
                onClick={() => {
                  const next = itemSlides.filter((_, entry) => entry !== position);
                  change([...at, 'slides'], next.length === 0 ? undefined : next);
                }}
              >
                Take out
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => change([], addSlideToItem(draft, index))}>
          New slide
        </button>
        {otherSlides.length > 0 && (
          <label className="item-slides__add">
            Show another slide of the pack:{' '}
            <select
              value=""
              onChange={(event) =>
                event.target.value && change([...at, 'slides'], [...itemSlides, event.target.value])
              }
            >
              <option value="">(choose)</option>
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
        legend="Quiz markers: this item prepares"
        path={[...at, 'quizItems']}
        options={quizIds}
      />

      <ListEditor<NonNullable<AgendaItemDraft['questions']>[number]>
        path={[...at, 'questions']}
        legend="Discussion questions"
        entryLabel={(question, position) =>
          `Question ${position + 1}${question.prompt ? `: ${question.prompt}` : ''}`
        }
        addLabel="Add question"
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
            <TextField label="Question" path={[...path, 'prompt']} keepEmpty />
            <TextField label="Id" path={[...path, 'id']} keepEmpty />
            <LinesField label="Answers (revealed on the projector)" path={[...path, 'answers']} />
            <LinesField label="Suggestions (console only)" path={[...path, 'suggestions']} />
            <CheckField
              label="Write the group's responses on the flipchart"
              path={[...path, 'flipchart']}
            />
          </>
        )}
      </ListEditor>

      {(item.kind === 'video' || item.video) && (
        <fieldset className="list-editor">
          <legend>Video</legend>
          {item.video === undefined ? (
            <button
              type="button"
              onClick={() => change([...at, 'video'], { media: videos[0]?.id ?? '' })}
            >
              Add the video section
            </button>
          ) : (
            <>
              <SelectField
                label="Media"
                path={[...at, 'video', 'media']}
                options={videos.map((media) => [media.id, media.title] as const)}
              />
              <TextField
                label="Introduction (console)"
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
