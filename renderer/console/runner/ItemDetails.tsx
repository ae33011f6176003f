import type { SessionCommand } from '../../../electron/services/session/sessionMachine';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import { formatClock } from '../../shared/time';
import {
  FlipchartInput,
  GamePanel,
  ProjectorTimerButton,
  QuizGrid,
  type RecordWrite,
} from '../group/GroupPanels';
import { PollPanel } from '../group/PollPanel';
import { VideoPanel } from './VideoPanel';
import { VolumeSlider } from './VolumeSlider';

/** What the counselor needs for the current item: notes, instructions, cues, questions and answers. */
export function ItemDetails({
  session,
  breakBackAt,
  now,
  command,
  write,
}: {
  write: RecordWrite;
  session: ConsoleSessionView;
  /** When the current item is the break: when the group is due back. */
  breakBackAt: number | null;
  now: number;
  command: (command: SessionCommand) => void;
}) {
  const details = session.current;
  const index = session.state.current;
  if (!details || index === null) return null;
  const item = session.agenda[index]!;
  const shown = session.question;
  return (
    <section className="details" aria-label="Current item">
      {item.kind === 'break' && breakBackAt !== null && (
        <p className="details__break" data-testid="break-back-at">
          Break: the projector says back at {formatClock(breakBackAt)}
        </p>
      )}
      {session.slide?.notes && (
        <div className="details__block">
          <h3>Slide notes</h3>
          <p className="details__notes" data-testid="slide-notes">
            {session.slide.notes}
          </p>
        </div>
      )}
      {details.instructions.length > 0 && (
        <div className="details__block">
          <h3>Instructions</h3>
          <ul>
            {details.instructions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {details.cues.length > 0 && (
        <div className="details__block">
          <h3>Script cues</h3>
          <ul>
            {details.cues.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {details.quizMarkers.length > 0 && (
        <div className="details__block details__quiz-markers">
          <h3>Quiz items prepared here</h3>
          <ul>
            {details.quizMarkers.map((marker) => (
              <li key={marker.id}>
                Q{marker.number}: {marker.prompt}
              </li>
            ))}
          </ul>
        </div>
      )}
      {details.guidance.length > 0 && (
        <details
          key={`guidance-${index}`}
          className="details__block details__guidance"
          data-testid="current-guidance"
        >
          <summary>
            Current guidance ({details.guidance.length}): not the program&apos;s material, never on
            the projector
          </summary>
          <p className="runner__muted">
            Deliver the script as written; use these to answer a member&apos;s question accurately.
          </p>
          <ul>
            {details.guidance.map((note) => (
              <li key={note.note}>
                <p>{note.note}</p>
                <p className="runner__muted">
                  Source: {note.source.title}, <span translate="no">{note.source.url}</span>
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
      {details.questions.map((question) => {
        const isShown = shown?.id === question.id;
        return (
          <div
            className="details__block details__question"
            key={question.id}
            data-question-id={question.id}
          >
            <h3>Question{question.flipchart && ' · flipchart'}</h3>
            <p className="details__prompt">{question.prompt}</p>
            {question.answers.length > 0 && (
              <ul className="details__answers">
                {question.answers.map((answer) => (
                  <li key={answer}>{answer}</li>
                ))}
              </ul>
            )}
            {question.suggestions.length > 0 && (
              <div className="details__suggestions" data-testid="facilitator-suggestions">
                <h4>Facilitator suggestions (not from the source; never on the projector)</h4>
                <ul>
                  {question.suggestions.map((suggestion) => (
                    <li key={suggestion}>{suggestion}</li>
                  ))}
                </ul>
              </div>
            )}
            {question.flipchart && (
              <FlipchartInput
                session={session}
                questionId={question.id}
                write={write}
                command={command}
              />
            )}
            <div className="details__buttons">
              <button
                type="button"
                aria-pressed={isShown && !shown.answersShown}
                onClick={() =>
                  command(
                    isShown && !shown.answersShown
                      ? { type: 'hideQuestion' }
                      : { type: 'showQuestion', id: question.id, answersShown: false },
                  )
                }
              >
                {isShown && !shown.answersShown ? 'Hide question' : 'Show question'}
              </button>
              {question.answers.length > 0 && (
                <RevealButton
                  shown={isShown && shown.answersShown && !shown.withResponses}
                  label="Reveal answers"
                  onShow={() =>
                    command({ type: 'showQuestion', id: question.id, answersShown: true })
                  }
                  onHide={() => command({ type: 'hideQuestion' })}
                />
              )}
              {question.answers.length > 0 &&
                (session.group.flipchart[question.id] ?? []).length > 0 && (
                  <RevealButton
                    shown={isShown && shown.answersShown && shown.withResponses}
                    label="Reveal beside the flipchart"
                    onShow={() =>
                      command({
                        type: 'showQuestion',
                        id: question.id,
                        answersShown: true,
                        withResponses: true,
                      })
                    }
                    onHide={() => command({ type: 'hideQuestion' })}
                  />
                )}
            </div>
          </div>
        );
      })}
      {details.breakout && (
        <div className="details__block" data-testid="breakout-panel">
          <h3>Breakout groups ({details.breakout.minutes} min)</h3>
          {details.breakout.reportBack && <p>Report-back: {details.breakout.reportBack}</p>}
          <ProjectorTimerButton
            session={session}
            command={command}
            startLabel={`Start ${details.breakout.minutes}-minute breakout timer`}
            hideLabel="Hide breakout timer"
          />
        </div>
      )}
      {details.demonstration && (
        <div className="details__block">
          <h3>Role-play</h3>
          {details.demonstration.elements.map((element) => (
            <div key={element.id} className="details__roleplay">
              <h4>{element.title}</h4>
              {element.instruction && <p className="runner__muted">{element.instruction}</p>}
              {element.lines.map((line, lineIndex) => (
                <p key={lineIndex}>
                  <strong>{details.demonstration!.speakers[line.speaker - 1]}:</strong> {line.text}
                </p>
              ))}
            </div>
          ))}
        </div>
      )}
      {details.video && (
        <div className="details__block">
          {details.video.intro && <p>{details.video.intro}</p>}
          <VolumeSlider kind="video" level={session.projector.volume.video} />
          <VideoPanel
            packId={session.packId}
            item={details.video}
            video={session.state.video}
            now={now}
            shownQuestion={session.question?.id ?? null}
            afterVideo={
              session.nextSlide?.number
                ? `slide ${session.nextSlide.number} (${session.nextSlide.itemTitle})`
                : null
            }
            command={command}
          />
        </div>
      )}
      <PollPanel session={session} write={write} command={command} />
      {details.quiz && (
        <div className="details__block">
          <h3>{details.quiz.title}: answer key</h3>
          {details.quiz.instructions && <p>{details.quiz.instructions}</p>}
          <ol>
            {details.quiz.items.map((quizItem) => (
              <li key={quizItem.id}>
                <p className="details__prompt">{quizItem.prompt}</p>
                <p>
                  Answer ({quizItem.answer}):{' '}
                  {quizItem.options.find((option) => option.key === quizItem.answer)?.text}
                </p>
                <p className="runner__muted">{quizItem.feedback}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
      {item.kind === 'quiz' && <QuizGrid session={session} write={write} command={command} />}
      {item.kind === 'game' && <GamePanel session={session} write={write} command={command} />}
      {details.game && (
        <div className="details__block">
          <h3>{details.game.title}</h3>
          <p>{details.game.practiceMinutes}-minute practice, then each team performs.</p>
          <ul>
            {details.game.instructions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h4>Scoring (out of {details.game.maxPoints})</h4>
          <ul>
            {details.game.criteria.map((criterion) => (
              <li key={criterion.text}>
                {criterion.text}: {criterion.points}
              </li>
            ))}
          </ul>
        </div>
      )}
      {details.relaxation && (
        <div className="details__block">
          <h3>Relaxation ({details.relaxation.minutes} min)</h3>
          <p>{details.relaxation.intro}</p>
          {details.relaxation.cue && <p className="runner__muted">{details.relaxation.cue}</p>}
          <VolumeSlider kind="relaxation" level={session.projector.volume.relaxation} />
          <button
            type="button"
            className="primary"
            onClick={() => command({ type: 'relaxationStart' })}
          >
            Start relaxation ({details.relaxation.minutes} min)
          </button>
        </div>
      )}
    </section>
  );
}

/** Reveals a question's answers (alone, or beside the flipchart), and hides them again. */
function RevealButton({
  shown,
  label,
  onShow,
  onHide,
}: {
  shown: boolean;
  label: string;
  onShow: () => void;
  onHide: () => void;
}) {
  return (
    <button type="button" aria-pressed={shown} onClick={shown ? onHide : onShow}>
      {shown ? 'Hide answers' : label}
    </button>
  );
}
