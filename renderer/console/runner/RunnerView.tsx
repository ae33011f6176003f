import { useCallback, useEffect, useRef, useState } from 'react';
import { computeSchedule } from '../../../electron/shared/session/schedule';
import { relaxationActive } from '../../../electron/shared/session/sessionState';
import { useConsoleT } from '../../shared/i18n/i18n';
import { ProjectorStage } from '../../shared/projector/ProjectorScreen';
import { SlideFrame } from '../../shared/SlideFrame';
import { useServerNow } from '../../shared/time';
import { AgendaList } from './AgendaList';
import { AttendancePanel } from '../group/AttendancePanel';
import { usePendingSlideNumber } from '../keys/PresenterKeys';
import { useLiveSession } from '../session/LiveSession';
import { ItemDetails } from './ItemDetails';
import { useKeyTitles } from './keyTitle';
import { RelaxationMode } from './RelaxationMode';
import { SlideSorter } from './SlideSorter';
import { TimeBar } from './TimeBar';
import './runner.css';

const BOARD_LABEL = {
  flipchart: 'runner.onProjector.flipchart',
  quiz: 'runner.onProjector.quiz',
  game: 'runner.onProjector.game',
  practice: 'runner.onProjector.practice',
  poll: 'runner.onProjector.poll',
} as const;

const PROJECTOR_LABEL = {
  content: 'runner.onProjector.content',
  black: 'runner.onProjector.black',
  white: 'runner.onProjector.white',
  dim: 'runner.onProjector.dim',
} as const;

/** The live session: time, agenda, what the room sees, and everything the counselor needs to say. */
export function RunnerView({ onHelp }: { onHelp: () => void }) {
  const { session, serverNow, receivedAt, command } = useLiveSession();
  const pendingNumber = usePendingSlideNumber();
  const t = useConsoleT('runner');
  const keyTitles = useKeyTitles();
  const now = useServerNow(serverNow, receivedAt);
  const schedule = computeSchedule(session.agenda, session.state, now);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [sorterOpen, setSorterOpen] = useState(false);
  const sorterButton = useRef<HTMLButtonElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const side = useRef<HTMLElement>(null);
  const currentIndex = session.state.current;
  // Each item's notes open at their top, not where the last item's were scrolled to.
  useEffect(() => {
    side.current?.scrollTo({ top: 0 });
  }, [currentIndex]);
  // The preview measures the card at the projector's size; main learns when Next should page it.
  const measuredPages = useRef(session.state.cardPages);
  const commandRef = useRef(command);
  useEffect(() => {
    measuredPages.current = session.state.cardPages;
    commandRef.current = command;
  });
  const reportCardPages = useCallback((pages: number) => {
    if (pages !== measuredPages.current) commandRef.current({ type: 'cardPages', pages });
  }, []);
  const current = session.state.current === null ? null : session.agenda[session.state.current]!;
  const onProjector =
    session.board && session.screen === 'content'
      ? session.board.kind === 'practice' && current?.kind !== 'game'
        ? 'runner.onProjector.breakoutTimer'
        : BOARD_LABEL[session.board.kind]
      : session.question
        ? session.question.withResponses
          ? 'runner.onProjector.answersBesideFlipchart'
          : session.question.answersShown
            ? 'runner.onProjector.questionAndAnswers'
            : 'runner.onProjector.question'
        : session.phase === 'break' && session.screen === 'content'
          ? 'runner.onProjector.breakScreen'
          : session.state.video &&
              session.current?.video?.media?.src &&
              session.screen === 'content'
            ? 'runner.onProjector.video'
            : PROJECTOR_LABEL[session.screen];

  return (
    <div className="runner">
      <TimeBar
        session={session}
        schedule={schedule}
        now={now}
        onPause={() => command({ type: session.phase === 'paused' ? 'resume' : 'pause' })}
        onEnd={() => (session.rehearsal ? command({ type: 'end' }) : setConfirmEnd(true))}
        onHelp={onHelp}
        endButtonRef={endButton}
      />
      <AgendaList session={session} schedule={schedule} command={command} />
      <section className="runner__stage" aria-label={t('runner.stage')}>
        <header className="runner__stage-header">
          <h2 data-testid="current-item">
            {current
              ? t('runner.itemHeading', {
                  number: session.state.current! + 1,
                  title: current.title,
                })
              : t('runner.notStarted')}
          </h2>
          <p data-testid="slide-position">
            {session.slide?.number
              ? t('runner.slideOf', { number: session.slide.number, count: session.slide.count })
              : t('runner.titleCard')}
            {session.slide?.build && <BuildStatus build={session.slide.build} />}
            {pendingNumber && (
              <span className="runner__typed">
                {t('runner.typedSlide', { number: pendingNumber })}
              </span>
            )}
          </p>
        </header>
        <div
          className={`runner__slide runner__slide--${session.screen}`}
          data-testid="projector-preview"
          data-screen={session.projector.screen.kind}
        >
          <ProjectorStage
            label={t('runner.preview')}
            screen={session.projector.screen}
            language={session.projector.language}
            relaxing={
              session.projector.relaxationEndsAt !== null &&
              now < session.projector.relaxationEndsAt
            }
            serverNow={serverNow}
            receivedAt={receivedAt}
            cardPage={session.projector.cardPage}
            onCardPages={reportCardPages}
            muted
          />
        </div>
        <p className="runner__projector" data-testid="projector-status" aria-live="polite">
          {t('runner.projector', { what: t(onProjector) })}
          {(session.question || session.board) && session.state.cardPages > 1 && (
            <span data-testid="card-page">
              {t(
                session.state.cardPage < session.state.cardPages - 1
                  ? 'runner.cardPageMore'
                  : 'runner.cardPage',
                { page: session.state.cardPage + 1, count: session.state.cardPages },
              )}
            </span>
          )}
        </p>
        <nav className="runner__controls" aria-label={t('runner.controls')}>
          <button
            type="button"
            title={keyTitles.previous}
            onClick={() => command({ type: 'previous' })}
          >
            {t('runner.previous')}
          </button>
          <button
            type="button"
            className="primary"
            title={keyTitles.next}
            onClick={() => command({ type: 'next' })}
          >
            {t('runner.next')}
          </button>
          <button
            type="button"
            aria-pressed={session.screen === 'black'}
            title={keyTitles.black}
            onClick={() => command({ type: 'toggleScreen', screen: 'black' })}
          >
            {t('runner.black')}
          </button>
          <button
            type="button"
            aria-pressed={session.screen === 'white'}
            title={keyTitles.white}
            onClick={() => command({ type: 'toggleScreen', screen: 'white' })}
          >
            {t('runner.white')}
          </button>
          <button
            type="button"
            aria-pressed={session.screen === 'dim'}
            onClick={() => command({ type: 'toggleScreen', screen: 'dim' })}
          >
            {t('runner.dim')}
          </button>
          <button
            type="button"
            onClick={() => setSorterOpen(true)}
            ref={sorterButton}
            title={t('runner.slidesTitle')}
          >
            {t('runner.slides')}
          </button>
        </nav>
      </section>
      <aside
        className="runner__side"
        aria-label={t('runner.side')}
        // Scrolled with the keyboard too, even when the item has nothing else to focus.
        tabIndex={0}
        ref={side}
        data-testid="notes-pane"
      >
        <ItemDetails
          now={now}
          breakBackAt={
            current?.kind === 'break' && schedule.current ? now + schedule.current.leftMs : null
          }
        />
        {!session.rehearsal && <AttendancePanel open={current?.kind === 'opening'} />}
        <section className="runner__next" aria-label={t('runner.upNext')}>
          <h3>{t('runner.nextSlide')}</h3>
          {session.nextSlide ? (
            <>
              <div className="runner__next-slide">
                <SlideFrame html={session.nextSlide.html} label={t('runner.nextSlide')} />
              </div>
              <p className="runner__muted">{session.nextSlide.itemTitle}</p>
            </>
          ) : (
            <p className="runner__muted">{t('runner.endOfAgenda')}</p>
          )}
          {session.nextItem && (
            <div data-testid="next-item">
              <h3>{t('runner.nextItem')}</h3>
              <p>
                <strong>{session.nextItem.title}</strong> ·{' '}
                {t('runner.nextItemFacts', {
                  count: session.nextItem.minutes,
                  kind: t(`runner.kind.${session.nextItem.kind}`),
                })}
              </p>
              {session.nextItem.cues.length > 0 && (
                <ul>
                  {session.nextItem.cues.slice(0, 3).map((cue) => (
                    <li key={cue}>{cue}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
      </aside>
      {session.current?.relaxation && relaxationActive(session.state.relaxation, now) && (
        <RelaxationMode
          relaxation={session.state.relaxation!}
          audio={session.current.relaxation.audio}
          now={now}
          masterVolume={session.projector.volume.relaxation}
          onStop={() => command({ type: 'relaxationStop' })}
        />
      )}
      {sorterOpen && (
        <SlideSorter
          onClose={() => {
            setSorterOpen(false);
            sorterButton.current?.focus();
          }}
        />
      )}
      {confirmEnd && (
        <div className="dialog-page">
          <section className="dialog" role="alertdialog" aria-labelledby="end-title">
            <h2 id="end-title">{t('runner.endTitle')}</h2>
            <p>{t('runner.endText')}</p>
            <div className="dialog__buttons">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setConfirmEnd(false);
                  command({ type: 'end' });
                }}
              >
                {t('runner.endSession')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setConfirmEnd(false);
                  // Back where the counselor was, not at the top of the page.
                  endButton.current?.focus();
                }}
                autoFocus
              >
                {t('runner.keepGoing')}
              </button>
            </div>
          </section>
        </div>
      )}
    </div>
  );
}

/** Where the current slide's builds are, and what Next will do to the room's view of it. */
function BuildStatus({ build }: { build: { step: number; count: number; reveal: boolean } }) {
  const t = useConsoleT('runner');
  const last = build.step === build.count - 1;
  const hidden = build.reveal && build.step === 0;
  return (
    <span className={`runner__build ${last ? '' : 'runner__build--pending'}`} data-testid="build">
      {' · '}
      {hidden
        ? t('runner.buildHeadingOnly')
        : last
          ? t('runner.buildAllShown')
          : t('runner.buildPoints', { step: build.step, count: build.count - 1 })}
    </span>
  );
}
