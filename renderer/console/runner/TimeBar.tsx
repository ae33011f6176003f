import type { Ref } from 'react';
import type { Schedule } from '../../../electron/services/session/schedule';
import { withKey } from '../../../electron/shell/keyBindings';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import { formatClock, formatDuration } from '../../shared/time';

const PHASE_LABEL = {
  'not-started': 'Not started',
  running: 'Running',
  paused: 'Paused',
  break: 'Break',
  relaxation: 'Relaxation',
  quiz: 'Quiz',
  ended: 'Ended',
} as const;

/** Clock, item timer with its warnings, time left, and whether the group is running late. */
export function TimeBar({
  session,
  schedule,
  now,
  onPause,
  onEnd,
  onHelp,
  endButtonRef,
}: {
  session: ConsoleSessionView;
  schedule: Schedule;
  now: number;
  onPause: () => void;
  onEnd: () => void;
  onHelp: () => void;
  /** Lets the runner put focus back here when the counselor decides to keep going. */
  endButtonRef?: Ref<HTMLButtonElement>;
}) {
  const current = schedule.current;
  const item = current ? session.agenda[current.index]! : null;
  const lateMinutes = Math.round(schedule.lateMs / 60_000);
  const warning = current?.warning ?? 'none';
  return (
    <header className="timebar" aria-label="Time">
      <div className="timebar__block timebar__who">
        <span className="timebar__label" title={session.packTitle}>
          {session.packTitle}
        </span>
        {session.rehearsal ? (
          <span className="timebar__rehearsal" data-testid="rehearsal">
            Rehearsal: nothing is recorded
          </span>
        ) : (
          <span>
            {session.cohortName} · {session.facilitators.join(' & ')}
            {session.timeKeeper && ` · time-keeper ${session.timeKeeper}`}
          </span>
        )}
      </div>
      <div className="timebar__block">
        <span className="timebar__label">Clock</span>
        <span className="timebar__big" data-testid="clock">
          {formatClock(now)}
        </span>
      </div>
      <div
        className={`timebar__block timebar__item timebar__item--${warning}`}
        data-testid="item-timer"
        role="timer"
      >
        <span className="timebar__label">{item ? `This item (${item.minutes} min)` : 'Item'}</span>
        <span className="timebar__big">{current ? formatDuration(current.elapsedMs) : '—'}</span>
        {/* The warning sits on the same line, so the bar never grows a line at "Ending soon". */}
        <span className="timebar__item-line">
          <span data-testid="item-left">
            {current &&
              (current.leftMs >= 0
                ? `${formatDuration(current.leftMs)} left`
                : `${formatDuration(-current.leftMs)} over`)}
          </span>
          {warning === 'ending-soon' && <strong role="status">Ending soon</strong>}
          {warning === 'overrun' && <strong role="alert">Over time</strong>}
        </span>
      </div>
      <div className="timebar__block">
        <span className="timebar__label">Session left</span>
        <span className="timebar__big" data-testid="session-left">
          {formatDuration(schedule.sessionLeftMs)}
        </span>
        <span>planned end {formatClock(schedule.plannedEnd)}</span>
      </div>
      <div
        className={`timebar__block timebar__projected ${lateMinutes > 0 ? 'timebar__late' : ''}`}
        data-testid="lateness"
      >
        <span className="timebar__label">Projected end {formatClock(schedule.projectedEnd)}</span>
        <span>
          {lateMinutes > 0
            ? `Running ${lateMinutes} min late`
            : lateMinutes < 0
              ? `${-lateMinutes} min ahead`
              : 'On time'}
          {schedule.passedOverMs > 0 &&
            ` (incl. ${Math.round(schedule.passedOverMs / 60_000)} min not yet run)`}
        </span>
      </div>
      <div className="timebar__block timebar__actions">
        <span className={`phase phase--${session.phase}`} data-testid="phase">
          {PHASE_LABEL[session.phase]}
        </span>
        <button type="button" onClick={onPause}>
          {session.phase === 'paused' ? 'Resume timer' : 'Pause timer'}
        </button>
        <button type="button" onClick={onHelp} aria-label="Show keys" title={withKey('help')}>
          ?
        </button>
        <button type="button" className="danger" onClick={onEnd} ref={endButtonRef}>
          {session.rehearsal ? 'End rehearsal' : 'End session'}
        </button>
      </div>
    </header>
  );
}
