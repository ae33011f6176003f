import type { ReactNode } from 'react';
import type { PackDraft, QuizItemDraft } from '../../../electron/content/pack/draft';
import { uniqueId } from './draftEdits';
import { LinesField, NumberField, SelectField, TextField, useEditor } from './fields';
import { LetteredOptionsEditor, ListEditor } from './ListEditor';

type Game = NonNullable<PackDraft['game']>;
type Media = NonNullable<PackDraft['media']>[number];

function newQuizItem(items: readonly QuizItemDraft[]): QuizItemDraft {
  return {
    id: uniqueId(
      `q${items.length + 1}`,
      items.map((item) => item.id),
    ),
    prompt: '',
    kind: 'choice',
    options: [
      { key: 'a', text: '' },
      { key: 'b', text: '' },
    ],
    answer: 'a',
    feedback: '',
  };
}

function Optional({
  what,
  present,
  onAdd,
  onRemove,
  children,
}: {
  what: string;
  present: boolean;
  onAdd: () => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  if (!present) {
    return (
      <p>
        This pack has no {what}.{' '}
        <button type="button" onClick={onAdd}>
          Add a {what}
        </button>
      </p>
    );
  }
  return (
    <>
      {children}
      <p>
        <button type="button" onClick={onRemove}>
          Remove the {what}
        </button>
      </p>
    </>
  );
}

export function QuizEditor() {
  const { draft, change } = useEditor();
  const quiz = draft.quiz;
  return (
    <section className="section-form" aria-label="Quiz">
      <Optional
        what="quiz"
        present={quiz !== undefined}
        onAdd={() => change(['quiz'], { title: 'Quiz', items: [newQuizItem([])] })}
        onRemove={() => change(['quiz'], undefined)}
      >
        <div className="form-grid">
          <TextField label="Quiz title" path={['quiz', 'title']} />
        </div>
        <TextField
          label="Instructions (read to the group)"
          path={['quiz', 'instructions']}
          multiline
        />
        <ListEditor<QuizItemDraft>
          path={['quiz', 'items']}
          legend="Quiz questions"
          entryLabel={(item, index) =>
            `Quiz question ${index + 1}${item.prompt ? `: ${item.prompt}` : ''}`
          }
          addLabel="Add quiz question"
          newEntry={newQuizItem}
        >
          {(path, index) => {
            const item = quiz?.items[index];
            const keys = (item?.options ?? []).map((option) => [option.key, option.key] as const);
            return (
              <>
                <TextField label="Question" path={[...path, 'prompt']} keepEmpty />
                <div className="form-grid">
                  <TextField label="Id" path={[...path, 'id']} keepEmpty />
                  <SelectField
                    label="Kind"
                    path={[...path, 'kind']}
                    fallback="choice"
                    options={[
                      ['choice', 'multiple choice'],
                      ['true-false', 'true or false'],
                    ]}
                  />
                  <SelectField label="Right answer" path={[...path, 'answer']} options={keys} />
                </div>
                <LetteredOptionsEditor
                  path={[...path, 'options']}
                  legend="Options"
                  entryPrefix="Option"
                  addLabel="Add option"
                />
                <TextField
                  label="Feedback (read after the answer)"
                  path={[...path, 'feedback']}
                  keepEmpty
                  multiline
                />
              </>
            );
          }}
        </ListEditor>
      </Optional>
    </section>
  );
}

const NEW_GAME: Game = {
  title: 'Team game',
  teams: { min: 2, max: 3 },
  practiceMinutes: 5,
  scenarios: [{ id: 'scenario-1', title: 'Scenario 1', situation: '', roles: ['', ''] }],
  criteria: [{ id: 'criterion-1', text: '', points: 1 }],
  maxPoints: 1,
};

export function GameEditor() {
  const { draft, change } = useEditor();
  const game = draft.game;
  const sum =
    (game?.criteria ?? []).reduce((total, criterion) => total + (criterion.points || 0), 0) +
    (game?.bonus?.points ?? 0);
  return (
    <section className="section-form" aria-label="Team game">
      <Optional
        what="team game"
        present={game !== undefined}
        onAdd={() => change(['game'], NEW_GAME)}
        onRemove={() => change(['game'], undefined)}
      >
        <div className="form-grid">
          <TextField label="Game title" path={['game', 'title']} keepEmpty />
          <NumberField label="Fewest teams" path={['game', 'teams', 'min']} />
          <NumberField label="Most teams" path={['game', 'teams', 'max']} />
          <NumberField label="Practice minutes" path={['game', 'practiceMinutes']} />
          <NumberField
            label="Maximum points"
            path={['game', 'maxPoints']}
            hint={`Criteria and bonus add up to ${sum}.`}
          />
        </div>
        <LinesField label="Goals" path={['game', 'goals']} />
        <LinesField label="Rules and instructions" path={['game', 'instructions']} />
        <LinesField label="Prizes" path={['game', 'prizes']} />
        <TextField label="Line above the roles on each card" path={['game', 'rolesIntro']} />
        <ListEditor<Game['scenarios'][number]>
          path={['game', 'scenarios']}
          legend="Scenario cards"
          entryLabel={(scenario, index) =>
            `Scenario ${index + 1}${scenario.title ? `: ${scenario.title}` : ''}`
          }
          addLabel="Add scenario"
          newEntry={(list) => ({
            id: uniqueId(
              `scenario-${list.length + 1}`,
              list.map((entry) => entry.id),
            ),
            title: `Scenario ${list.length + 1}`,
            situation: '',
            roles: ['', ''],
          })}
        >
          {(path) => (
            <>
              <div className="form-grid">
                <TextField label="Title" path={[...path, 'title']} keepEmpty />
                <TextField label="Id" path={[...path, 'id']} keepEmpty />
              </div>
              <TextField label="Situation" path={[...path, 'situation']} keepEmpty multiline />
              <TextField label="First role" path={[...path, 'roles', 0]} keepEmpty multiline />
              <TextField label="Second role" path={[...path, 'roles', 1]} keepEmpty multiline />
            </>
          )}
        </ListEditor>
        <ListEditor<Game['criteria'][number]>
          path={['game', 'criteria']}
          legend="Scoring criteria"
          entryLabel={(_, index) => `Criterion ${index + 1}`}
          addLabel="Add criterion"
          newEntry={(list) => ({
            id: uniqueId(
              `criterion-${list.length + 1}`,
              list.map((entry) => entry.id),
            ),
            text: '',
            points: 1,
          })}
        >
          {(path) => (
            <div className="form-grid">
              <TextField label="What earns points" path={[...path, 'text']} keepEmpty />
              <NumberField label="Points" path={[...path, 'points']} />
              <TextField label="Id" path={[...path, 'id']} keepEmpty />
              <TextField label="Example" path={[...path, 'example']} />
            </div>
          )}
        </ListEditor>
        <fieldset className="list-editor">
          <legend>Participation bonus</legend>
          {game?.bonus ? (
            <div className="form-grid">
              <TextField label="Bonus for" path={['game', 'bonus', 'text']} keepEmpty />
              <NumberField label="Bonus points" path={['game', 'bonus', 'points']} />
              <button type="button" onClick={() => change(['game', 'bonus'], undefined)}>
                Remove the bonus
              </button>
            </div>
          ) : (
            <button
              type="button"
              onClick={() => change(['game', 'bonus'], { text: '', points: 1 })}
            >
              Add a bonus
            </button>
          )}
        </fieldset>
      </Optional>
    </section>
  );
}

export function MediaEditor() {
  const { draft } = useEditor();
  return (
    <section className="section-form" aria-label="Media">
      <p className="field__hint">
        Media are referenced by id; the clinic binds its own licensed files in the Media tab. Cue
        points are where the video stops for discussion.
      </p>
      <ListEditor<Media>
        path={['media']}
        legend="Media references"
        entryLabel={(media, index) => `Media ${index + 1}${media.title ? `: ${media.title}` : ''}`}
        addLabel="Add media"
        newEntry={(list) => ({
          id: uniqueId(
            `media-${list.length + 1}`,
            list.map((entry) => entry.id),
          ),
          kind: 'video',
          title: 'New video',
          length: '10:00',
        })}
      >
        {(path, index) => (
          <>
            <div className="form-grid">
              <TextField label="Title" path={[...path, 'title']} keepEmpty />
              <TextField label="Id" path={[...path, 'id']} keepEmpty />
              <SelectField
                label="Kind"
                path={[...path, 'kind']}
                options={[
                  ['video', 'video'],
                  ['audio', 'audio'],
                ]}
              />
              <TextField label="Length (m:ss)" path={[...path, 'length']} keepEmpty />
              <TextField label="File in the pack (optional)" path={[...path, 'file']} />
            </div>
            <TextField label="Where to get it" path={[...path, 'source']} />
            {draft.media?.[index]?.kind === 'video' && (
              <ListEditor<NonNullable<Media['cues']>[number]>
                path={[...path, 'cues']}
                legend="Cue points"
                entryLabel={(cue, cueIndex) =>
                  `Cue ${cueIndex + 1}${cue.title ? `: ${cue.title}` : ''}`
                }
                addLabel="Add cue point"
                newEntry={(list) => ({
                  id: uniqueId(
                    `cue-${list.length + 1}`,
                    list.map((entry) => entry.id),
                  ),
                  at: '0:30',
                  title: `Vignette ${list.length + 1}`,
                })}
              >
                {(cuePath) => (
                  <>
                    <div className="form-grid">
                      <TextField label="Title" path={[...cuePath, 'title']} keepEmpty />
                      <TextField label="Stops at (m:ss)" path={[...cuePath, 'at']} keepEmpty />
                      <TextField label="Id" path={[...cuePath, 'id']} keepEmpty />
                    </div>
                    <TextField label="Question at the stop" path={[...cuePath, 'question']} />
                    <LinesField label="Discussion points" path={[...cuePath, 'points']} />
                  </>
                )}
              </ListEditor>
            )}
          </>
        )}
      </ListEditor>
    </section>
  );
}

export function RelaxationEditor() {
  const { draft, change } = useEditor();
  const audio = (draft.media ?? []).filter((media) => media.kind === 'audio');
  return (
    <section className="section-form" aria-label="Relaxation">
      <Optional
        what="relaxation"
        present={draft.relaxation !== undefined}
        onAdd={() => change(['relaxation'], { media: audio[0]?.id ?? '', minutes: 5, intro: '' })}
        onRemove={() => change(['relaxation'], undefined)}
      >
        <div className="form-grid">
          <SelectField
            label="Audio"
            path={['relaxation', 'media']}
            options={audio.map((media) => [media.id, media.title] as const)}
          />
          <NumberField label="Minutes" path={['relaxation', 'minutes']} />
        </div>
        <TextField
          label="Script (read before the audio)"
          path={['relaxation', 'intro']}
          keepEmpty
          multiline
        />
        <TextField label="Cue for the counselor" path={['relaxation', 'cue']} multiline />
        {audio.length === 0 && (
          <p className="field__hint">Add an audio reference under Media first.</p>
        )}
      </Optional>
    </section>
  );
}
