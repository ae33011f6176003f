import type { ReactNode } from 'react';
import type { AgendaItemDraft, PackDraft } from '../../../electron/content/pack/draft';
import { uniqueId, type Path } from './draftEdits';
import {
  CheckField,
  ChoiceSetField,
  FieldProblems,
  NumberField,
  SelectField,
  TextField,
  useEditor,
} from './fields';
import { LetteredOptionsEditor, ListEditor } from './ListEditor';

type Poll = NonNullable<AgendaItemDraft['poll']>;
type Teaching = NonNullable<AgendaItemDraft['teaches']>[number];
type GuidanceNote = NonNullable<AgendaItemDraft['guidance']>[number];
type Demonstration = NonNullable<AgendaItemDraft['demonstration']>;
type RolePlayElement = Demonstration['elements'][number];
type RolePlayLine = RolePlayElement['lines'][number];

const DEFAULT_SPEAKERS: [string, string] = ['Counselor #1', 'Counselor #2'];

/** An optional part of an agenda item: its fields, or a button that adds it. */
function ItemPart({
  legend,
  present,
  addLabel,
  onAdd,
  onRemove,
  path,
  children,
}: {
  legend: string;
  present: boolean;
  addLabel: string;
  onAdd: () => void;
  onRemove: () => void;
  path: Path;
  children: ReactNode;
}) {
  return (
    <fieldset className="list-editor">
      <legend>{legend}</legend>
      <FieldProblems id={`${path.join('-')}-problems`} path={path} />
      {present ? (
        <>
          {children}
          <button type="button" onClick={onRemove}>
            Remove the {legend.toLowerCase()}
          </button>
        </>
      ) : (
        <button type="button" onClick={onAdd}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}

/** The question put to the room on a poll item, its options and the answers it reveals. */
export function PollEditor({ index }: { index: number }) {
  const { draft, change } = useEditor();
  const item = draft.agenda[index]!;
  if (item.kind !== 'poll' && item.poll === undefined) return null;
  const at = ['agenda', index, 'poll'] as const;
  const poll = item.poll;
  const keys = (poll?.options ?? []).map(
    (option) => [option.key, `${option.key}${option.text ? `: ${option.text}` : ''}`] as const,
  );
  const newPoll: Poll = {
    prompt: '',
    options: [
      { key: 'a', text: '' },
      { key: 'b', text: '' },
    ],
  };
  return (
    <ItemPart
      legend="Poll"
      present={poll !== undefined}
      addLabel="Add the poll"
      onAdd={() => change(at, newPoll)}
      onRemove={() => change(at, undefined)}
      path={at}
    >
      <TextField label="Poll question" path={[...at, 'prompt']} keepEmpty />
      <LetteredOptionsEditor
        path={[...at, 'options']}
        legend="Poll options"
        entryPrefix="Poll option"
        addLabel="Add poll option"
      />
      <CheckField label="Members may choose several options" path={[...at, 'multiple']} />
      <ChoiceSetField
        legend="Answers revealed afterwards (none: an opinion poll)"
        path={[...at, 'answer']}
        options={keys}
      />
      {(poll?.answer ?? []).map((key, answer) => (
        <FieldProblems
          key={`${key}-${answer}`}
          id={`${at.join('-')}-answer-${answer}-problems`}
          path={[...at, 'answer', answer]}
        />
      ))}
      <TextField label="Discussion (console)" path={[...at, 'discussion']} multiline />
    </ItemPart>
  );
}

/** Every option of the pack's quiz, named as `teaches` names them (`q2.c`). */
function quizOptions(draft: PackDraft): (readonly [string, string])[] {
  return (draft.quiz?.items ?? []).flatMap((quizItem) =>
    quizItem.options.map(
      (option) =>
        [`${quizItem.id}.${option.key}`, `${quizItem.id}.${option.key}: ${option.text}`] as const,
    ),
  );
}

/** The quiz options this item teaches, each with the words of its material that teach it. */
export function TeachesEditor({ index }: { index: number }) {
  const { draft } = useEditor();
  const item = draft.agenda[index]!;
  const options = quizOptions(draft);
  return (
    <ListEditor<Teaching>
      path={['agenda', index, 'teaches']}
      legend="Teaches (quiz options this item's material teaches)"
      entryLabel={(teaching, position) =>
        `Teaching ${position + 1}${teaching.option ? `: ${teaching.option}` : ''}`
      }
      addLabel="Add a quiz option it teaches"
      newEntry={(list) => ({
        option: options.find(([value]) => !list.some((entry) => entry.option === value))?.[0] ?? '',
        quote: '',
      })}
    >
      {(path, position) => {
        const current = item.teaches?.[position]?.option ?? '';
        const known = options.some(([value]) => value === current);
        return (
          <>
            <FieldProblems id={`${path.join('-')}-problems`} path={path} />
            <SelectField
              label="Quiz option"
              path={[...path, 'option']}
              options={
                known || current === ''
                  ? options
                  : [[current, `${current} (not in the quiz)`], ...options]
              }
            />
            <TextField
              label="Quote from this item's material"
              path={[...path, 'quote']}
              keepEmpty
              multiline
              hint="Words as they stand in the item's slides, cues, instructions, questions or role-play."
            />
          </>
        );
      }}
    </ListEditor>
  );
}

/** Current evidence for the counselor beside the manual, each with its source. */
export function GuidanceEditor({ index }: { index: number }) {
  return (
    <ListEditor<GuidanceNote>
      path={['agenda', index, 'guidance']}
      legend="Guidance notes (console only)"
      entryLabel={(_, position) => `Guidance note ${position + 1}`}
      addLabel="Add a guidance note"
      newEntry={() => ({ note: '', source: { title: '', url: 'https://' } })}
    >
      {(path) => (
        <>
          <TextField label="Note" path={[...path, 'note']} keepEmpty multiline />
          <div className="form-grid form-grid--source">
            <TextField label="Source title" path={[...path, 'source', 'title']} keepEmpty />
            <TextField
              label="Source web address"
              path={[...path, 'source', 'url']}
              keepEmpty
              hint="Shown as text, never opened."
            />
          </div>
        </>
      )}
    </ListEditor>
  );
}

/** Small groups working apart on the item's questions, then reporting back. */
export function BreakoutEditor({ index }: { index: number }) {
  const { draft, change } = useEditor();
  const at = ['agenda', index, 'breakout'] as const;
  const breakout = draft.agenda[index]!.breakout;
  return (
    <ItemPart
      legend="Breakout"
      present={breakout !== undefined}
      addLabel="Add a breakout"
      onAdd={() => change(at, { minutes: 10 })}
      onRemove={() => change(at, undefined)}
      path={at}
    >
      <div className="form-grid">
        <NumberField label="Breakout minutes" path={[...at, 'minutes']} />
      </div>
      <TextField label="Report back" path={[...at, 'reportBack']} multiline />
    </ItemPart>
  );
}

/** A demonstration item's role-play: the two speakers, and each element with its lines. */
export function DemonstrationEditor({ index }: { index: number }) {
  const { draft, change } = useEditor();
  const item = draft.agenda[index]!;
  if (item.kind !== 'demonstration' && item.demonstration === undefined) return null;
  const at = ['agenda', index, 'demonstration'] as const;
  const demonstration = item.demonstration;
  const speakers = demonstration?.speakers ?? DEFAULT_SPEAKERS;
  const speakerOptions = [
    ['1', `1: ${speakers[0]}`],
    ['2', `2: ${speakers[1]}`],
  ] as const;
  const newElement = (elements: readonly RolePlayElement[]): RolePlayElement => ({
    id: uniqueId(
      `${item.id}-part`,
      elements.map((element) => element.id),
    ),
    title: '',
    lines: [{ speaker: 1, text: '' }],
  });
  return (
    <ItemPart
      legend="Role-play script"
      present={demonstration !== undefined}
      addLabel="Add the role-play script"
      onAdd={() => change(at, { elements: [newElement([])] })}
      onRemove={() => change(at, undefined)}
      path={at}
    >
      {demonstration?.speakers === undefined ? (
        <p className="field__hint">
          Played by {DEFAULT_SPEAKERS[0]} and {DEFAULT_SPEAKERS[1]}.{' '}
          <button type="button" onClick={() => change([...at, 'speakers'], [...DEFAULT_SPEAKERS])}>
            Name the speakers
          </button>
        </p>
      ) : (
        <div className="form-grid">
          <TextField label="Speaker 1" path={[...at, 'speakers', 0]} keepEmpty />
          <TextField label="Speaker 2" path={[...at, 'speakers', 1]} keepEmpty />
        </div>
      )}
      <ListEditor<RolePlayElement>
        path={[...at, 'elements']}
        legend="Parts of the role-play"
        entryLabel={(element, position) =>
          `Role-play part ${position + 1}${element.title ? `: ${element.title}` : ''}`
        }
        addLabel="Add a part"
        newEntry={newElement}
      >
        {(path) => (
          <>
            <div className="form-grid">
              <TextField label="Part title" path={[...path, 'title']} keepEmpty />
              <TextField label="Id" path={[...path, 'id']} keepEmpty />
            </div>
            <TextField label="Instruction (console)" path={[...path, 'instruction']} multiline />
            <ListEditor<RolePlayLine>
              path={[...path, 'lines']}
              legend="Lines"
              entryLabel={(_, line) => `Line ${line + 1}`}
              compact
              addLabel="Add a line"
              newEntry={(lines) => ({ speaker: lines.at(-1)?.speaker === 1 ? 2 : 1, text: '' })}
            >
              {(linePath) => (
                <div className="form-grid form-grid--line">
                  <SelectField
                    label="Speaker"
                    path={[...linePath, 'speaker']}
                    options={speakerOptions}
                    numeric
                  />
                  <TextField label="Line" path={[...linePath, 'text']} keepEmpty multiline />
                </div>
              )}
            </ListEditor>
          </>
        )}
      </ListEditor>
    </ItemPart>
  );
}
