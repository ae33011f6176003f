import { useEffect } from 'react';
import type { AudienceScreenView, AudienceView } from '../../electron/services/session/views';
import { audienceApi, call } from '../platform/kiosk';
import { IdentifyOverlay } from '../shared/IdentifyOverlay';
import { AudienceVideo } from './AudienceVideo';
import { SlideFrame } from '../shared/SlideFrame';
import { formatClock, formatDuration, useServerNow } from '../shared/time';
import { useView } from '../shared/useView';

const api = audienceApi();

/** Keeps the projector from sleeping while a session is on (Screen Wake Lock; Electron also blocks sleep). */
function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = () => {
      navigator.wakeLock.request('screen').then(
        (sentinel) => {
          if (cancelled) void sentinel.release();
          else lock = sentinel;
        },
        () => undefined,
      );
    };
    acquire();
    const onVisible = () => document.visibilityState === 'visible' && acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onVisible);
      void lock?.release();
    };
  }, [active]);
}

/** The projector: only what the room should see, pushed from main. It never issues commands. */
export function AudienceApp() {
  const { view, receivedAt } = useView<AudienceView>(
    () => call(api, 'session:audienceView', {}),
    (listener) => api.on('session:audience', listener),
  );
  const screen = view?.screen ?? { kind: 'idle' };
  const now = useServerNow(view?.serverNow ?? 0, receivedAt);
  const relaxing = view !== null && view.relaxationEndsAt !== null && now < view.relaxationEndsAt;
  useWakeLock(screen.kind !== 'idle' && screen.kind !== 'ended');
  return (
    <main
      className={`audience audience--${screen.kind}`}
      data-screen={screen.kind}
      data-relaxation={relaxing ? 'on' : 'off'}
      data-slide-number={screen.kind === 'slide' ? (screen.slide.number ?? '') : ''}
    >
      <IdentifyOverlay api={api} role="audience" />
      <Screen screen={screen} serverNow={view?.serverNow ?? 0} receivedAt={receivedAt} />
      <div
        className={`audience__relaxation ${relaxing ? 'audience__relaxation--on' : ''}`}
        data-testid="relaxation-dim"
        aria-hidden={!relaxing}
      />
    </main>
  );
}

function Screen({
  screen,
  serverNow,
  receivedAt,
}: {
  screen: AudienceScreenView;
  serverNow: number;
  receivedAt: number;
}) {
  switch (screen.kind) {
    case 'idle':
    case 'black':
    case 'white':
      return null;
    case 'video':
      return (
        <AudienceVideo
          src={screen.src}
          captionsSrc={screen.captionsSrc}
          title={screen.title}
          video={screen.video}
          serverNow={serverNow}
          receivedAt={receivedAt}
        />
      );
    case 'slide':
      return (
        <div className={screen.dim ? 'audience__dim' : undefined}>
          <SlideFrame html={screen.slide.html} label={screen.title} />
        </div>
      );
    case 'question':
      return (
        <section className="audience__card">
          <h1>{screen.prompt}</h1>
          {screen.answers && (
            <ul className="audience__answers">
              {screen.answers.map((answer) => (
                <li key={answer}>{answer}</li>
              ))}
            </ul>
          )}
        </section>
      );
    case 'flipchart':
      return (
        <section className="audience__card" data-testid="audience-flipchart">
          <h1>{screen.prompt}</h1>
          <ul className="audience__answers">
            {screen.entries.map((entry, index) => (
              <li key={index}>{entry}</li>
            ))}
          </ul>
        </section>
      );
    case 'quiz-result':
      return (
        <section className="audience__card" data-testid="audience-quiz-result">
          <h1>
            {screen.number}. {screen.prompt}
          </h1>
          <ul className="audience__options">
            {screen.options.map((option) => (
              <li
                key={option.key}
                className={option.key === screen.correctKey ? 'audience__correct' : undefined}
              >
                <span>
                  {option.key}. {option.text}
                  {option.key === screen.correctKey && ' ✓'}
                </span>
                <span className="audience__count" data-option={option.key}>
                  {option.count}
                </span>
              </li>
            ))}
          </ul>
          <p className="audience__feedback">{screen.feedback}</p>
        </section>
      );
    case 'game-results':
      return (
        <section className="audience__card" data-testid="audience-game">
          <h1>Team game results</h1>
          <ul className="audience__options">
            {screen.teams.map((team) => (
              <li
                key={team.number}
                className={screen.winners.includes(team.number) ? 'audience__correct' : undefined}
              >
                <span>
                  Team {team.number}
                  {team.scenarioTitle && ` (${team.scenarioTitle})`}
                </span>
                <span className="audience__count" data-team={team.number}>
                  {team.total} / {screen.maxPoints}
                </span>
              </li>
            ))}
          </ul>
          {screen.winners.length > 0 && (
            <p className="audience__feedback" data-testid="game-winner">
              {screen.winners.length === 1
                ? `Team ${screen.winners[0]} wins!`
                : `A tie: teams ${screen.winners.join(' and ')}!`}
            </p>
          )}
        </section>
      );
    case 'practice':
      return (
        <PracticeScreen
          title={screen.title}
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
        <section className="audience__card audience__card--center">
          <h1>Thank you for coming</h1>
        </section>
      );
  }
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
    <section className="audience__card audience__card--center">
      <h1>{title}</h1>
      <p className="audience__countdown" role="timer" data-testid="practice-countdown">
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
  return (
    <section className="audience__card audience__card--center">
      <h1>Break</h1>
      <p className="audience__break-time">
        Back at <strong data-testid="back-at">{formatClock(backAt)}</strong>
      </p>
      {!paused && (
        <p className="audience__countdown" role="timer" data-testid="break-countdown">
          {formatDuration(Math.max(0, backAt - now))}
        </p>
      )}
    </section>
  );
}
