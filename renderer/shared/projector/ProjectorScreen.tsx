import { createContext, useContext, useMemo } from 'react';
import { Trans } from 'react-i18next';
import type { AudienceScreenView } from '../../../electron/services/session/views';
import { useRoomT } from '../i18n/i18n';
import { joinList, kioskLanguage, roomI18n } from '../../../electron/shared/i18n';
import { FittedSlide } from '../FittedSlide';
import { Stage } from '../Stage';
import { formatClock, formatDuration, useServerNow } from '../time';
import { CardPaging, FitCard } from './FitCard';
import { ProjectorVideo } from './ProjectorVideo';
import './projector.css';

export interface ProjectorProps {
  screen: AudienceScreenView;
  /** The pack's language: every word the kiosk itself puts on the projector is in it. */
  language: string;
  /** The room is dimmed to near black for relaxation. */
  relaxing: boolean;
  serverNow: number;
  receivedAt: number;
  /** Which screen of a card too long for one the room sees. */
  cardPage: number;
  /** The console's preview reports how many screens the shown card needs. */
  onCardPages?: (pages: number) => void;
  /** The room's video volume, 0 to 1 (the preview plays muted). */
  videoVolume?: number;
}

type RoomT = ReturnType<typeof useRoomT>;
const RoomWords = createContext<RoomT | null>(null);

/** The room's words in the pack's language, for the screens below. */
function useRoomWords(): RoomT {
  return useContext(RoomWords)!;
}

/**
 * What the projector shows, on the 1920×1080 stage. The audience window and the console's big
 * preview both render this one component, so the preview cannot differ from the room.
 */
export function ProjectorStage({
  label,
  muted,
  cardPage,
  onCardPages,
  ...props
}: ProjectorProps & { label?: string; muted: boolean }) {
  const { screen, relaxing, language } = props;
  const t = useRoomT(language);
  const paging = useMemo(() => ({ page: cardPage, onPages: onCardPages }), [cardPage, onCardPages]);
  return (
    <Stage label={label} lang={language} className={`projector projector--${screen.kind}`}>
      <RoomWords.Provider value={t}>
        <CardPaging.Provider value={paging}>
          <Screen {...props} muted={muted} />
        </CardPaging.Provider>
      </RoomWords.Provider>
      <div
        className={`projector__relaxation ${relaxing ? 'projector__relaxation--on' : ''}`}
        data-testid="relaxation-dim"
        aria-hidden={!relaxing}
      />
    </Stage>
  );
}

function Screen({
  screen,
  language,
  serverNow,
  receivedAt,
  muted,
  videoVolume = 1,
}: Omit<ProjectorProps, 'cardPage' | 'onCardPages'> & { muted: boolean }) {
  const t = useRoomWords();
  switch (screen.kind) {
    case 'idle':
      return screen.upcoming ? (
        <section className="projector__card projector__card--center projector__soon">
          <p className="projector__soon-program">{screen.upcoming.program}</p>
          <h1>{screen.upcoming.title}</h1>
          <p>{t('projector.startingSoon')}</p>
        </section>
      ) : null;
    case 'black':
    case 'white':
      return null;
    case 'video':
      return (
        <ProjectorVideo
          src={screen.src}
          captionsSrc={screen.captionsSrc}
          title={screen.title}
          video={screen.video}
          serverNow={serverNow}
          receivedAt={receivedAt}
          muted={muted}
          volume={videoVolume}
        />
      );
    case 'slide':
      return (
        <FittedSlide html={screen.slide.html} className={screen.dim ? 'projector__dim' : ''} />
      );
    case 'question':
      return screen.responses ? (
        <BesideCard screen={screen} responses={screen.responses} answers={screen.answers ?? []} />
      ) : (
        <PromptCard screen={screen} prompt={screen.prompt} lines={screen.answers ?? []} />
      );
    case 'flipchart':
      return (
        <PromptCard
          screen={screen}
          prompt={screen.prompt}
          lines={screen.entries}
          testId="audience-flipchart"
        />
      );
    case 'quiz-result':
      return (
        <FitCard contentKey={JSON.stringify(screen)} testId="audience-quiz-result">
          <h1>
            {screen.number}. {screen.prompt}
          </h1>
          <ul className="projector__options">
            {screen.options.map((option) => (
              <li
                key={option.key}
                className={option.key === screen.correctKey ? 'projector__correct' : undefined}
              >
                <span>
                  {option.key}. {option.text}
                  {option.key === screen.correctKey && <CorrectMark />}
                </span>
                <span className="projector__count" data-option={option.key}>
                  {option.count}
                </span>
              </li>
            ))}
          </ul>
          <p className="projector__feedback">{screen.feedback}</p>
        </FitCard>
      );
    case 'poll':
      return (
        <FitCard contentKey={JSON.stringify(screen)} testId="audience-poll">
          <h1>{screen.prompt}</h1>
          <ul className="projector__options">
            {screen.options.map((option) => (
              <li key={option.key} className={option.answer ? 'projector__correct' : undefined}>
                <span>
                  {option.key}. {option.text}
                  {option.answer && <CorrectMark />}
                </span>
                {screen.revealed && (
                  <span className="projector__count" data-option={option.key}>
                    {option.count ?? <span aria-label={t('projector.noCount')}>–</span>}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </FitCard>
      );
    case 'game-results':
      return (
        <FitCard contentKey={JSON.stringify(screen)} testId="audience-game">
          <h1>{t('projector.gameResults')}</h1>
          <ul className="projector__options">
            {screen.teams.map((team) => (
              <li
                key={team.number}
                className={screen.winners.includes(team.number) ? 'projector__correct' : undefined}
              >
                <span>
                  {team.scenarioTitle
                    ? t('projector.teamWithScenario', {
                        number: team.number,
                        scenario: team.scenarioTitle,
                      })
                    : t('projector.team', { number: team.number })}
                </span>
                <span
                  className="projector__count"
                  data-team={team.number}
                  aria-label={t('projector.points', { total: team.total, max: screen.maxPoints })}
                >
                  {team.total} / {screen.maxPoints}
                </span>
              </li>
            ))}
          </ul>
          {screen.winners.length > 0 && (
            <p className="projector__feedback" data-testid="game-winner">
              {screen.winners.length === 1
                ? t('projector.winner', { number: screen.winners[0] })
                : t('projector.tie', {
                    teams: joinList(screen.winners.map(String), kioskLanguage(language)),
                  })}
            </p>
          )}
        </FitCard>
      );
    case 'practice':
      return (
        <PracticeScreen
          title={t(
            screen.activity === 'practice' ? 'projector.practiceTime' : 'projector.breakoutGroups',
          )}
          endsAt={screen.endsAt}
          serverNow={serverNow}
          receivedAt={receivedAt}
        />
      );
    case 'break':
      return (
        <BreakScreen
          backAt={screen.backAt}
          paused={screen.paused}
          serverNow={serverNow}
          receivedAt={receivedAt}
        />
      );
    case 'ended':
      return (
        <section className="projector__card projector__card--center">
          <h1>{t('projector.thanks')}</h1>
        </section>
      );
  }
}

/** A mark, not a word: it reads the same in every language. */
const CORRECT_MARK = '✓';

/** The tick beside the right answer, read out as "Correct answer" in the room's language. */
function CorrectMark() {
  const t = useRoomWords();
  return (
    <>
      {' '}
      <span aria-hidden="true">{CORRECT_MARK}</span>
      <span className="visually-hidden">{t('projector.correctAnswer')}</span>
    </>
  );
}

/** A prompt and the lines under it: a question's revealed answers, or the group's flipchart. */
function PromptCard({
  screen,
  prompt,
  lines,
  testId,
}: {
  screen: AudienceScreenView;
  prompt: string;
  lines: string[];
  testId?: string;
}) {
  return (
    <FitCard contentKey={JSON.stringify(screen)} testId={testId}>
      <h1>{prompt}</h1>
      {lines.length > 0 && (
        <ul className="projector__answers">
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </FitCard>
  );
}

/** The revealed answers beside what the group said, so the flipchart is not wiped off the wall. */
function BesideCard({
  screen,
  responses,
  answers,
}: {
  screen: AudienceScreenView & { kind: 'question' };
  responses: string[];
  answers: string[];
}) {
  const t = useRoomWords();
  return (
    <FitCard
      contentKey={JSON.stringify(screen)}
      testId="audience-answers-beside"
      className="projector__card--beside"
    >
      <h1>{screen.prompt}</h1>
      <h2 className="projector__said-title">{t('projector.groupSaid')}</h2>
      <ul className="projector__answers projector__said" data-testid="beside-responses">
        {responses.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      <h2 className="projector__expected-title">{t('projector.answers')}</h2>
      <ul className="projector__answers projector__expected" data-testid="beside-answers">
        {answers.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </FitCard>
  );
}

function PracticeScreen({
  title,
  endsAt,
  serverNow,
  receivedAt,
}: {
  title: string;
  endsAt: number;
  serverNow: number;
  receivedAt: number;
}) {
  const now = useServerNow(serverNow, receivedAt);
  return (
    <section className="projector__card projector__card--center">
      <h1>{title}</h1>
      <p className="projector__countdown" role="timer" data-testid="practice-countdown">
        {formatDuration(Math.max(0, endsAt - now))}
      </p>
    </section>
  );
}

function BreakScreen({
  backAt,
  paused,
  serverNow,
  receivedAt,
}: {
  backAt: number;
  paused: boolean;
  serverNow: number;
  receivedAt: number;
}) {
  const now = useServerNow(serverNow, receivedAt);
  const t = useRoomWords();
  return (
    <section className="projector__card projector__card--center">
      <h1>{t('projector.breakTitle')}</h1>
      <p className="projector__break-time">
        <Trans
          i18n={roomI18n}
          t={t}
          i18nKey="projector.backAt"
          values={{ time: formatClock(backAt) }}
          components={{ time: <strong data-testid="back-at" /> }}
        />
      </p>
      {!paused && (
        <p className="projector__countdown" role="timer" data-testid="break-countdown">
          {formatDuration(Math.max(0, backAt - now))}
        </p>
      )}
    </section>
  );
}
