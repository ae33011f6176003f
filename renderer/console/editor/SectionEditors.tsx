import type { ReactNode } from 'react';
import type { PackDraft, QuizItemDraft } from '../../../electron/content/pack/draft';
import { useConsoleT } from '../../shared/i18n/i18n';
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

/** A part of the pack it may have or not; `words`: "none", "add" and "remove" for it. */
function Optional({
  words,
  present,
  onAdd,
  onRemove,
  children,
}: {
  words: { none: string; add: string; remove: string };
  present: boolean;
  onAdd: () => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  if (!present) {
    return (
      <p>
        {words.none}{' '}
        <button type="button" onClick={onAdd}>
          {words.add}
        </button>
      </p>
    );
  }
  return (
    <>
      {children}
      <p>
        <button type="button" onClick={onRemove}>
          {words.remove}
        </button>
      </p>
    </>
  );
}

export function QuizEditor() {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const quiz = draft.quiz;
  return (
    <section className="section-form" aria-label={t('sections.quiz')}>
      <Optional
        words={{ none: t('quiz.none'), add: t('quiz.add'), remove: t('quiz.remove') }}
        present={quiz !== undefined}
        onAdd={() => change(['quiz'], { title: t('quiz.newTitle'), items: [newQuizItem([])] })}
        onRemove={() => change(['quiz'], undefined)}
      >
        <div className="form-grid">
          <TextField label={t('quiz.title')} path={['quiz', 'title']} />
        </div>
        <TextField label={t('quiz.instructions')} path={['quiz', 'instructions']} multiline />
        <ListEditor<QuizItemDraft>
          path={['quiz', 'items']}
          legend={t('quiz.questions')}
          entryLabel={(item, index) =>
            item.prompt
              ? t('quiz.questionNamed', { position: index + 1, prompt: item.prompt })
              : t('quiz.question', { position: index + 1 })
          }
          addLabel={t('quiz.addQuestion')}
          newEntry={newQuizItem}
        >
          {(path, index) => {
            const item = quiz?.items[index];
            const keys = (item?.options ?? []).map((option) => [option.key, option.key] as const);
            return (
              <>
                <TextField label={t('fields.question')} path={[...path, 'prompt']} keepEmpty />
                <div className="form-grid">
                  <TextField label={t('fields.id')} path={[...path, 'id']} keepEmpty />
                  <SelectField
                    label={t('fields.kind')}
                    path={[...path, 'kind']}
                    fallback="choice"
                    options={[
                      ['choice', t('quiz.kinds.choice')],
                      ['true-false', t('quiz.kinds.trueFalse')],
                    ]}
                  />
                  <SelectField label={t('quiz.answer')} path={[...path, 'answer']} options={keys} />
                </div>
                <LetteredOptionsEditor
                  path={[...path, 'options']}
                  legend={t('quiz.options')}
                  entryPrefix={t('quiz.option')}
                  addLabel={t('quiz.addOption')}
                />
                <TextField
                  label={t('quiz.feedback')}
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

/** A new game, already valid: `title` and `firstScenario` in the console's language. */
function newGame(title: string, firstScenario: string): Game {
  return {
    title,
    teams: { min: 2, max: 3 },
    practiceMinutes: 5,
    scenarios: [{ id: 'scenario-1', title: firstScenario, situation: '', roles: ['', ''] }],
    criteria: [{ id: 'criterion-1', text: '', points: 1 }],
    maxPoints: 1,
  };
}

export function GameEditor() {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const game = draft.game;
  const sum =
    (game?.criteria ?? []).reduce((total, criterion) => total + (criterion.points || 0), 0) +
    (game?.bonus?.points ?? 0);
  return (
    <section className="section-form" aria-label={t('sections.game')}>
      <Optional
        words={{ none: t('game.none'), add: t('game.add'), remove: t('game.remove') }}
        present={game !== undefined}
        onAdd={() =>
          change(['game'], newGame(t('game.newTitle'), t('game.scenario', { position: 1 })))
        }
        onRemove={() => change(['game'], undefined)}
      >
        <div className="form-grid">
          <TextField label={t('game.title')} path={['game', 'title']} keepEmpty />
          <NumberField label={t('game.fewestTeams')} path={['game', 'teams', 'min']} />
          <NumberField label={t('game.mostTeams')} path={['game', 'teams', 'max']} />
          <NumberField label={t('game.practiceMinutes')} path={['game', 'practiceMinutes']} />
          <NumberField
            label={t('game.maxPoints')}
            path={['game', 'maxPoints']}
            hint={t('game.maxPointsHint', { sum })}
          />
        </div>
        <LinesField label={t('game.goals')} path={['game', 'goals']} />
        <LinesField label={t('game.instructions')} path={['game', 'instructions']} />
        <LinesField label={t('game.prizes')} path={['game', 'prizes']} />
        <TextField label={t('game.rolesIntro')} path={['game', 'rolesIntro']} />
        <ListEditor<Game['scenarios'][number]>
          path={['game', 'scenarios']}
          legend={t('game.scenarios')}
          entryLabel={(scenario, index) =>
            scenario.title
              ? t('game.scenarioNamed', { position: index + 1, title: scenario.title })
              : t('game.scenario', { position: index + 1 })
          }
          addLabel={t('game.addScenario')}
          newEntry={(list) => ({
            id: uniqueId(
              `scenario-${list.length + 1}`,
              list.map((entry) => entry.id),
            ),
            title: t('game.scenario', { position: list.length + 1 }),
            situation: '',
            roles: ['', ''],
          })}
        >
          {(path) => (
            <>
              <div className="form-grid">
                <TextField label={t('fields.title')} path={[...path, 'title']} keepEmpty />
                <TextField label={t('fields.id')} path={[...path, 'id']} keepEmpty />
              </div>
              <TextField
                label={t('game.situation')}
                path={[...path, 'situation']}
                keepEmpty
                multiline
              />
              <TextField
                label={t('game.firstRole')}
                path={[...path, 'roles', 0]}
                keepEmpty
                multiline
              />
              <TextField
                label={t('game.secondRole')}
                path={[...path, 'roles', 1]}
                keepEmpty
                multiline
              />
            </>
          )}
        </ListEditor>
        <ListEditor<Game['criteria'][number]>
          path={['game', 'criteria']}
          legend={t('game.criteria')}
          entryLabel={(_, index) => t('game.criterion', { position: index + 1 })}
          addLabel={t('game.addCriterion')}
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
              <TextField label={t('game.criterionText')} path={[...path, 'text']} keepEmpty />
              <NumberField label={t('game.points')} path={[...path, 'points']} />
              <TextField label={t('fields.id')} path={[...path, 'id']} keepEmpty />
              <TextField label={t('game.example')} path={[...path, 'example']} />
            </div>
          )}
        </ListEditor>
        <fieldset className="list-editor">
          <legend>{t('game.bonus')}</legend>
          {game?.bonus ? (
            <div className="form-grid">
              <TextField label={t('game.bonusFor')} path={['game', 'bonus', 'text']} keepEmpty />
              <NumberField label={t('game.bonusPoints')} path={['game', 'bonus', 'points']} />
              <button type="button" onClick={() => change(['game', 'bonus'], undefined)}>
                {t('game.removeBonus')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              onClick={() => change(['game', 'bonus'], { text: '', points: 1 })}
            >
              {t('game.addBonus')}
            </button>
          )}
        </fieldset>
      </Optional>
    </section>
  );
}

export function MediaEditor() {
  const t = useConsoleT('editor');
  const { draft } = useEditor();
  return (
    <section className="section-form" aria-label={t('sections.media')}>
      <p className="field__hint">{t('media.intro')}</p>
      <ListEditor<Media>
        path={['media']}
        legend={t('media.references')}
        entryLabel={(media, index) =>
          media.title
            ? t('media.entryNamed', { position: index + 1, title: media.title })
            : t('media.entry', { position: index + 1 })
        }
        addLabel={t('media.add')}
        newEntry={(list) => ({
          id: uniqueId(
            `media-${list.length + 1}`,
            list.map((entry) => entry.id),
          ),
          kind: 'video',
          title: t('media.newVideo'),
          length: '10:00',
        })}
      >
        {(path, index) => (
          <>
            <div className="form-grid">
              <TextField label={t('fields.title')} path={[...path, 'title']} keepEmpty />
              <TextField label={t('fields.id')} path={[...path, 'id']} keepEmpty />
              <SelectField
                label={t('fields.kind')}
                path={[...path, 'kind']}
                options={[
                  ['video', t('media.kinds.video')],
                  ['audio', t('media.kinds.audio')],
                ]}
              />
              <TextField label={t('media.length')} path={[...path, 'length']} keepEmpty />
              <TextField label={t('media.file')} path={[...path, 'file']} />
            </div>
            <TextField label={t('media.source')} path={[...path, 'source']} />
            {draft.media?.[index]?.kind === 'video' && (
              <ListEditor<NonNullable<Media['cues']>[number]>
                path={[...path, 'cues']}
                legend={t('media.cues')}
                entryLabel={(cue, cueIndex) =>
                  cue.title
                    ? t('media.cueNamed', { position: cueIndex + 1, title: cue.title })
                    : t('media.cue', { position: cueIndex + 1 })
                }
                addLabel={t('media.addCue')}
                newEntry={(list) => ({
                  id: uniqueId(
                    `cue-${list.length + 1}`,
                    list.map((entry) => entry.id),
                  ),
                  at: '0:30',
                  title: t('media.newCueTitle', { position: list.length + 1 }),
                })}
              >
                {(cuePath) => (
                  <>
                    <div className="form-grid">
                      <TextField label={t('fields.title')} path={[...cuePath, 'title']} keepEmpty />
                      <TextField label={t('media.cueAt')} path={[...cuePath, 'at']} keepEmpty />
                      <TextField label={t('fields.id')} path={[...cuePath, 'id']} keepEmpty />
                    </div>
                    <TextField label={t('media.cueQuestion')} path={[...cuePath, 'question']} />
                    <LinesField label={t('media.cuePoints')} path={[...cuePath, 'points']} />
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
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const audio = (draft.media ?? []).filter((media) => media.kind === 'audio');
  return (
    <section className="section-form" aria-label={t('sections.relaxation')}>
      <Optional
        words={{
          none: t('relaxation.none'),
          add: t('relaxation.add'),
          remove: t('relaxation.remove'),
        }}
        present={draft.relaxation !== undefined}
        onAdd={() => change(['relaxation'], { media: audio[0]?.id ?? '', minutes: 5, intro: '' })}
        onRemove={() => change(['relaxation'], undefined)}
      >
        <div className="form-grid">
          <SelectField
            label={t('relaxation.audio')}
            path={['relaxation', 'media']}
            options={audio.map((media) => [media.id, media.title] as const)}
          />
          <NumberField label={t('fields.minutes')} path={['relaxation', 'minutes']} />
        </div>
        <TextField
          label={t('relaxation.script')}
          path={['relaxation', 'intro']}
          keepEmpty
          multiline
        />
        <TextField label={t('relaxation.cue')} path={['relaxation', 'cue']} multiline />
        {audio.length === 0 && <p className="field__hint">{t('relaxation.noAudio')}</p>}
      </Optional>
    </section>
  );
}
