import type { ReactNode } from 'react';
import type { AgendaItemDraft, PackDraft } from '../../../electron/content/pack/draft';
import { useConsoleT } from '../../shared/i18n/i18n';
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

/** The schema's default speakers (schema.ts): data of the pack, shown as the pack has them. */
const DEFAULT_SPEAKERS: [string, string] = ['Counselor #1', 'Counselor #2'];

/** An optional part of an agenda item: its fields, or a button that adds it. */
function ItemPart({
  legend,
  present,
  addLabel,
  removeLabel,
  onAdd,
  onRemove,
  path,
  children,
}: {
  legend: string;
  present: boolean;
  addLabel: string;
  removeLabel: string;
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
            {removeLabel}
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
  const t = useConsoleT('editor');
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
      legend={t('poll.legend')}
      present={poll !== undefined}
      addLabel={t('poll.add')}
      removeLabel={t('poll.remove')}
      onAdd={() => change(at, newPoll)}
      onRemove={() => change(at, undefined)}
      path={at}
    >
      <TextField label={t('poll.question')} path={[...at, 'prompt']} keepEmpty />
      <LetteredOptionsEditor
        path={[...at, 'options']}
        legend={t('poll.options')}
        entryPrefix={t('poll.option')}
        addLabel={t('poll.addOption')}
      />
      <CheckField label={t('poll.multiple')} path={[...at, 'multiple']} />
      <ChoiceSetField legend={t('poll.answers')} path={[...at, 'answer']} options={keys} />
      {(poll?.answer ?? []).map((key, answer) => (
        <FieldProblems
          key={`${key}-${answer}`}
          id={`${at.join('-')}-answer-${answer}-problems`}
          path={[...at, 'answer', answer]}
        />
      ))}
      <TextField label={t('poll.discussion')} path={[...at, 'discussion']} multiline />
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
  const t = useConsoleT('editor');
  const { draft } = useEditor();
  const item = draft.agenda[index]!;
  const options = quizOptions(draft);
  return (
    <ListEditor<Teaching>
      path={['agenda', index, 'teaches']}
      legend={t('teaches.legend')}
      entryLabel={(teaching, position) =>
        teaching.option
          ? t('teaches.entryNamed', { position: position + 1, option: teaching.option })
          : t('teaches.entry', { position: position + 1 })
      }
      addLabel={t('teaches.add')}
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
              label={t('teaches.option')}
              path={[...path, 'option']}
              options={
                known || current === ''
                  ? options
                  : [[current, t('teaches.notInQuiz', { option: current })], ...options]
              }
            />
            <TextField
              label={t('teaches.quote')}
              path={[...path, 'quote']}
              keepEmpty
              multiline
              hint={t('teaches.quoteHint')}
            />
          </>
        );
      }}
    </ListEditor>
  );
}

/** Current evidence for the counselor beside the manual, each with its source. */
export function GuidanceEditor({ index }: { index: number }) {
  const t = useConsoleT('editor');
  return (
    <ListEditor<GuidanceNote>
      path={['agenda', index, 'guidance']}
      legend={t('guidance.legend')}
      entryLabel={(_, position) => t('guidance.entry', { position: position + 1 })}
      addLabel={t('guidance.add')}
      newEntry={() => ({ note: '', source: { title: '', url: 'https://' } })}
    >
      {(path) => (
        <>
          <TextField label={t('guidance.note')} path={[...path, 'note']} keepEmpty multiline />
          <div className="form-grid form-grid--source">
            <TextField
              label={t('guidance.sourceTitle')}
              path={[...path, 'source', 'title']}
              keepEmpty
            />
            <TextField
              label={t('guidance.sourceUrl')}
              path={[...path, 'source', 'url']}
              keepEmpty
              hint={t('guidance.sourceUrlHint')}
            />
          </div>
        </>
      )}
    </ListEditor>
  );
}

/** Small groups working apart on the item's questions, then reporting back. */
export function BreakoutEditor({ index }: { index: number }) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const at = ['agenda', index, 'breakout'] as const;
  const breakout = draft.agenda[index]!.breakout;
  return (
    <ItemPart
      legend={t('breakout.legend')}
      present={breakout !== undefined}
      addLabel={t('breakout.add')}
      removeLabel={t('breakout.remove')}
      onAdd={() => change(at, { minutes: 10 })}
      onRemove={() => change(at, undefined)}
      path={at}
    >
      <div className="form-grid">
        <NumberField label={t('breakout.minutes')} path={[...at, 'minutes']} />
      </div>
      <TextField label={t('breakout.reportBack')} path={[...at, 'reportBack']} multiline />
    </ItemPart>
  );
}

/** A demonstration item's role-play: the two speakers, and each element with its lines. */
export function DemonstrationEditor({ index }: { index: number }) {
  const t = useConsoleT('editor');
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
      legend={t('rolePlay.legend')}
      present={demonstration !== undefined}
      addLabel={t('rolePlay.add')}
      removeLabel={t('rolePlay.remove')}
      onAdd={() => change(at, { elements: [newElement([])] })}
      onRemove={() => change(at, undefined)}
      path={at}
    >
      {demonstration?.speakers === undefined ? (
        <p className="field__hint">
          {t('rolePlay.playedBy', { first: DEFAULT_SPEAKERS[0], second: DEFAULT_SPEAKERS[1] })}{' '}
          <button type="button" onClick={() => change([...at, 'speakers'], [...DEFAULT_SPEAKERS])}>
            {t('rolePlay.nameSpeakers')}
          </button>
        </p>
      ) : (
        <div className="form-grid">
          <TextField
            label={t('rolePlay.speaker', { number: 1 })}
            path={[...at, 'speakers', 0]}
            keepEmpty
          />
          <TextField
            label={t('rolePlay.speaker', { number: 2 })}
            path={[...at, 'speakers', 1]}
            keepEmpty
          />
        </div>
      )}
      <ListEditor<RolePlayElement>
        path={[...at, 'elements']}
        legend={t('rolePlay.parts')}
        entryLabel={(element, position) =>
          element.title
            ? t('rolePlay.partNamed', { position: position + 1, title: element.title })
            : t('rolePlay.part', { position: position + 1 })
        }
        addLabel={t('rolePlay.addPart')}
        newEntry={newElement}
      >
        {(path) => (
          <>
            <div className="form-grid">
              <TextField label={t('rolePlay.partTitle')} path={[...path, 'title']} keepEmpty />
              <TextField label={t('fields.id')} path={[...path, 'id']} keepEmpty />
            </div>
            <TextField
              label={t('rolePlay.instruction')}
              path={[...path, 'instruction']}
              multiline
            />
            <ListEditor<RolePlayLine>
              path={[...path, 'lines']}
              legend={t('rolePlay.lines')}
              entryLabel={(_, line) => t('rolePlay.lineEntry', { position: line + 1 })}
              compact
              addLabel={t('rolePlay.addLine')}
              newEntry={(lines) => ({ speaker: lines.at(-1)?.speaker === 1 ? 2 : 1, text: '' })}
            >
              {(linePath) => (
                <div className="form-grid form-grid--line">
                  <SelectField
                    label={t('rolePlay.lineSpeaker')}
                    path={[...linePath, 'speaker']}
                    options={speakerOptions}
                    numeric
                  />
                  <TextField
                    label={t('rolePlay.line')}
                    path={[...linePath, 'text']}
                    keepEmpty
                    multiline
                  />
                </div>
              )}
            </ListEditor>
          </>
        )}
      </ListEditor>
    </ItemPart>
  );
}
