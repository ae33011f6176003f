import type { Ref } from 'react';
import { joinList } from '../../../electron/shared/i18n';
import type { Schedule } from '../../../electron/shared/session/schedule';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import { formatClock, formatDuration } from '../../shared/time';
import { useKeyTitles } from './keyTitle';

const PHASE_KEY = {
  'not-started': 'timeBar.phase.notStarted',
  running: 'timeBar.phase.running',
  paused: 'timeBar.phase.paused',
  break: 'timeBar.phase.break',
  relaxation: 'timeBar.phase.relaxation',
  quiz: 'timeBar.phase.quiz',
  ended: 'timeBar.phase.ended',
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
  const t = useConsoleT('runner');
  const language = useConsoleLanguage();
  const keyTitles = useKeyTitles();
  const current = schedule.current;
  const item = current ? session.agenda[current.index]! : null;
  const lateMinutes = Math.round(schedule.lateMs / 60_000);
  const notRunMinutes = Math.round(schedule.passedOverMs / 60_000);
  const warning = current?.warning ?? 'none';
  const lateness =
    lateMinutes > 0
      ? t('timeBar.late', { count: lateMinutes })
      : lateMinutes < 0
        ? t('timeBar.ahead', { count: -lateMinutes })
        : t('timeBar.onTime');
  const who = {
    group: session.cohortName,
    facilitators: joinList(session.facilitators, language),
    timeKeeper: session.timeKeeper,
  };
  // Long names end in an ellipsis on a narrow laptop; the tooltip has them whole.
  const whoText = t(session.timeKeeper ? 'timeBar.whoWithTimeKeeper' : 'timeBar.who', who);
  return (
    <header className="timebar" aria-label={t('timeBar.label')}>
      <div className="timebar__block timebar__who">
        <span className="timebar__label" title={session.packTitle}>
          {session.packTitle}
        </span>
        {session.rehearsal ? (
          <span className="timebar__rehearsal" data-testid="rehearsal">
            {t('timeBar.rehearsal')}
          </span>
        ) : (
          <span title={whoText}>{whoText}</span>
        )}
      </div>
      <div className="timebar__block">
        <span className="timebar__label">{t('timeBar.clock')}</span>
        <span className="timebar__big" data-testid="clock">
          {formatClock(now, language)}
        </span>
      </div>
      <div
        className={`timebar__block timebar__item timebar__item--${warning}`}
        data-testid="item-timer"
        role="timer"
      >
        <span className="timebar__label">
          {item ? t('timeBar.thisItem', { count: item.minutes }) : t('timeBar.item')}
        </span>
        <span className="timebar__big">{current ? formatDuration(current.elapsedMs) : '—'}</span>
        {/* The warning sits on the same line, so the bar never grows a line at "Ending soon". */}
        <span className="timebar__item-line">
          <span data-testid="item-left">
            {current &&
              (current.leftMs >= 0
                ? t('timeBar.left', { time: formatDuration(current.leftMs) })
                : t('timeBar.over', { time: formatDuration(-current.leftMs) }))}
          </span>
          {warning === 'ending-soon' && <strong role="status">{t('timeBar.endingSoon')}</strong>}
          {warning === 'overrun' && <strong role="alert">{t('timeBar.overTime')}</strong>}
        </span>
      </div>
      <div className="timebar__block">
        <span className="timebar__label">{t('timeBar.sessionLeft')}</span>
        <span className="timebar__big" data-testid="session-left">
          {formatDuration(schedule.sessionLeftMs)}
        </span>
        <span>{t('timeBar.plannedEnd', { time: formatClock(schedule.plannedEnd, language) })}</span>
      </div>
      <div
        className={`timebar__block timebar__projected ${lateMinutes > 0 ? 'timebar__late' : ''}`}
        data-testid="lateness"
      >
        <span className="timebar__label">
          {t('timeBar.projectedEnd', { time: formatClock(schedule.projectedEnd, language) })}
        </span>
        <span>
          {schedule.passedOverMs > 0
            ? t('timeBar.withNotRun', { status: lateness, count: notRunMinutes })
            : lateness}
        </span>
      </div>
      <div className="timebar__block timebar__actions">
        <span className={`phase phase--${session.phase}`} data-testid="phase">
          {t(PHASE_KEY[session.phase])}
        </span>
        <button type="button" onClick={onPause}>
          {session.phase === 'paused' ? t('timeBar.resume') : t('timeBar.pause')}
        </button>
        <button
          type="button"
          onClick={onHelp}
          aria-label={t('timeBar.showKeys')}
          title={keyTitles.help}
        >
          ?
        </button>
        <button type="button" className="danger" onClick={onEnd} ref={endButtonRef}>
          {session.rehearsal ? t('timeBar.endRehearsal') : t('timeBar.endSession')}
        </button>
      </div>
    </header>
  );
}
