import { Trans } from 'react-i18next';
import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import { formatClock } from '../../shared/time';
import { FlipchartInput } from '../group/FlipchartInput';
import { GamePanel } from '../group/GamePanel';
import { ProjectorTimerButton } from '../group/ProjectorTimerButton';
import { QuizGrid } from '../group/QuizGrid';
import { useLiveSession } from '../session/LiveSession';
import { PollPanel } from '../group/PollPanel';
import { VideoPanel } from './VideoPanel';
import { VolumeSlider } from './VolumeSlider';

/** What the counselor needs for the current item: notes, instructions, cues, questions and answers. */
export function ItemDetails({
  breakBackAt,
  now,
}: {
  /** When the current item is the break: when the group is due back. */
  breakBackAt: number | null;
  now: number;
}) {
  const { session, command } = useLiveSession();
  const t = useConsoleT('runner');
  const language = useConsoleLanguage();
  const details = session.current;
  const index = session.state.current;
  if (!details || index === null) return null;
  const item = session.agenda[index]!;
  const shown = session.question;
  return (
    <section className="details" aria-label={t('details.label')}>
      {item.kind === 'break' && breakBackAt !== null && (
        <p className="details__break" data-testid="break-back-at">
          {t('details.breakBackAt', { time: formatClock(breakBackAt, language) })}
        </p>
      )}
      {session.slide?.notes && (
        <div className="details__block">
          <h3>{t('details.slideNotes')}</h3>
          <p className="details__notes" data-testid="slide-notes">
            {session.slide.notes}
          </p>
        </div>
      )}
      {details.instructions.length > 0 && (
        <div className="details__block">
          <h3>{t('details.instructions')}</h3>
          <ul>
            {details.instructions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {details.cues.length > 0 && (
        <div className="details__block">
          <h3>{t('details.scriptCues')}</h3>
          <ul>
            {details.cues.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {details.quizMarkers.length > 0 && (
        <div className="details__block details__quiz-markers">
          <h3>{t('details.quizPrepared')}</h3>
          <ul>
            {details.quizMarkers.map((marker) => (
              <li key={marker.id}>
                {t('details.quizMarker', { number: marker.number, prompt: marker.prompt })}
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
          <summary>{t('details.guidance', { count: details.guidance.length })}</summary>
          <p className="runner__muted">{t('details.guidanceUse')}</p>
          <ul>
            {details.guidance.map((note) => (
              <li key={note.note}>
                <p>{note.note}</p>
                <p className="runner__muted">
                  <Trans
                    t={t}
                    i18nKey="details.guidanceSource"
                    values={{ title: note.source.title, url: note.source.url }}
                    components={{ url: <span translate="no" /> }}
                  />
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
            <h3>{question.flipchart ? t('details.flipchartQuestion') : t('details.question')}</h3>
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
                <h4>{t('details.suggestions')}</h4>
                <ul>
                  {question.suggestions.map((suggestion) => (
                    <li key={suggestion}>{suggestion}</li>
                  ))}
                </ul>
              </div>
            )}
            {question.flipchart && <FlipchartInput questionId={question.id} />}
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
                {isShown && !shown.answersShown
                  ? t('details.hideQuestion')
                  : t('details.showQuestion')}
              </button>
              {question.answers.length > 0 && (
                <RevealButton
                  shown={isShown && shown.answersShown && !shown.withResponses}
                  label={t('details.revealAnswers')}
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
                    label={t('details.revealBesideFlipchart')}
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
          <h3>{t('details.breakout', { count: details.breakout.minutes })}</h3>
          {details.breakout.reportBack && (
            <p>{t('details.reportBack', { text: details.breakout.reportBack })}</p>
          )}
          <ProjectorTimerButton
            startLabel={t('details.startBreakout', { count: details.breakout.minutes })}
            hideLabel={t('details.hideBreakout')}
          />
        </div>
      )}
      {details.demonstration && (
        <div className="details__block">
          <h3>{t('details.rolePlay')}</h3>
          {details.demonstration.elements.map((element) => (
            <div key={element.id} className="details__roleplay">
              <h4>{element.title}</h4>
              {element.instruction && <p className="runner__muted">{element.instruction}</p>}
              {element.lines.map((line, lineIndex) => (
                <p key={lineIndex}>
                  <strong>
                    {t('details.speaker', {
                      name: details.demonstration!.speakers[line.speaker - 1],
                    })}
                  </strong>{' '}
                  {line.text}
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
                ? t('details.afterVideo', {
                    number: session.nextSlide.number,
                    title: session.nextSlide.itemTitle,
                  })
                : null
            }
            command={command}
          />
        </div>
      )}
      <PollPanel />
      {details.quiz && (
        <div className="details__block">
          <h3>{t('details.answerKey', { title: details.quiz.title })}</h3>
          {details.quiz.instructions && <p>{details.quiz.instructions}</p>}
          <ol>
            {details.quiz.items.map((quizItem) => (
              <li key={quizItem.id}>
                <p className="details__prompt">{quizItem.prompt}</p>
                <p>
                  {t('details.answer', {
                    key: quizItem.answer,
                    text: quizItem.options.find((option) => option.key === quizItem.answer)?.text,
                  })}
                </p>
                <p className="runner__muted">{quizItem.feedback}</p>
              </li>
            ))}
          </ol>
        </div>
      )}
      {item.kind === 'quiz' && <QuizGrid />}
      {item.kind === 'game' && <GamePanel />}
      {details.game && (
        <div className="details__block">
          <h3>{details.game.title}</h3>
          <p>{t('details.gamePractice', { count: details.game.practiceMinutes })}</p>
          <ul>
            {details.game.instructions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h4>{t('details.scoring', { max: details.game.maxPoints })}</h4>
          <ul>
            {details.game.criteria.map((criterion) => (
              <li key={criterion.text}>
                {t('details.criterion', { text: criterion.text, points: criterion.points })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {details.relaxation && (
        <div className="details__block">
          <h3>{t('details.relaxation', { count: details.relaxation.minutes })}</h3>
          <p>{details.relaxation.intro}</p>
          {details.relaxation.cue && <p className="runner__muted">{details.relaxation.cue}</p>}
          <VolumeSlider kind="relaxation" level={session.projector.volume.relaxation} />
          <button
            type="button"
            className="primary"
            onClick={() => command({ type: 'relaxationStart' })}
          >
            {t('details.startRelaxation', { count: details.relaxation.minutes })}
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
  const t = useConsoleT('runner');
  return (
    <button type="button" aria-pressed={shown} onClick={shown ? onHide : onShow}>
      {shown ? t('details.hideAnswers') : label}
    </button>
  );
}
