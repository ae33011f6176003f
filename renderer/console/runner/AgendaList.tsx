import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionCommand } from '../../../electron/shared/session/commands';
import type { Schedule } from '../../../electron/shared/session/schedule';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import { formatClock } from '../../shared/time';

const STATUS_MARK = { pending: '', running: '▶', done: '✓', skipped: '⤼' } as const;
const PASSED_OVER_MARK = '↷';
/** The ⋯ button's face; its name says what it does. */
const MORE_MARK = '⋯';

/** Every item with its planned (and re-projected) time; jump to one, or skip or adapt it with a reason. */
export function AgendaList({
  session,
  schedule,
  command,
}: {
  session: ConsoleSessionView;
  schedule: Schedule;
  command: (command: SessionCommand) => void;
}) {
  const t = useConsoleT('runner');
  const language = useConsoleLanguage();
  const [editing, setEditing] = useState<number | null>(null);
  const list = useRef<HTMLElement>(null);
  const current = session.state.current;
  // The agenda follows the session: the current row is always in view.
  useEffect(() => {
    list.current
      ?.querySelector(`[data-item-index="${current}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <nav className="agenda" aria-label={t('agenda.label')} ref={list}>
      <h2>{t('agenda.label')}</h2>
      <ol>
        {session.agenda.map((item) => {
          const scheduled = schedule.items[item.index]!;
          const record = session.state.items[item.index]!;
          // Skipped and jumped-over items have no honest clock time: they show a dash.
          const start = scheduled.projectedStart;
          const actualMinutes = Math.round(scheduled.elapsedMs / 60_000);
          const ranAt = scheduled.ranAt === null ? null : formatClock(scheduled.ranAt, language);
          return (
            <li
              key={item.id}
              className={`agenda__item agenda__item--${record.status} ${scheduled.passedOver ? 'agenda__item--passed' : ''}`}
              data-item-index={item.index}
              aria-current={record.status === 'running' ? 'step' : undefined}
            >
              <button
                type="button"
                className="agenda__jump"
                onClick={() => command({ type: 'goToItem', index: item.index })}
              >
                <span
                  className="agenda__time"
                  data-testid="agenda-time"
                  title={ranAt === null ? undefined : t('agenda.ranAt', { time: ranAt })}
                >
                  {start === null ? '—' : formatClock(start, language)}
                  {ranAt !== null && (
                    <span className="visually-hidden">
                      {t('agenda.ranAtHidden', { time: ranAt })}
                    </span>
                  )}
                </span>
                <span className="agenda__mark" aria-hidden="true">
                  {scheduled.passedOver ? PASSED_OVER_MARK : STATUS_MARK[record.status]}
                </span>
                <span className="agenda__title">{item.title}</span>
                <span className="agenda__minutes">
                  {record.status === 'done' || record.status === 'running'
                    ? t('agenda.minutesRun', { actual: actualMinutes, count: item.minutes })
                    : t('agenda.minutes', {
                        count: record.status === 'skipped' ? 0 : item.minutes,
                      })}
                  {scheduled.passedOver && (
                    <span className="visually-hidden">{t('agenda.notRunYet')}</span>
                  )}
                </span>
              </button>
              <button
                type="button"
                className="agenda__edit"
                aria-label={t('agenda.skipOrAdapt', { title: item.title })}
                title={t('agenda.skipOrAdapt', { title: item.title })}
                onClick={() => setEditing(editing === item.index ? null : item.index)}
              >
                {MORE_MARK}
              </button>
              {record.skippedReason && (
                <p className="agenda__note">
                  {t('agenda.skipped', { reason: record.skippedReason })}
                </p>
              )}
              {record.adaptedReason && (
                <p className="agenda__note">
                  {t('agenda.adapted', { reason: record.adaptedReason })}
                </p>
              )}
              {editing === item.index && (
                <ItemChangeForm
                  title={item.title}
                  skipped={record.status === 'skipped'}
                  canSkip={record.status === 'pending'}
                  adaptedReason={record.adaptedReason}
                  onDone={(change) => {
                    setEditing(null);
                    if (change) command({ ...change, index: item.index } as SessionCommand);
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

type Change =
  { type: 'skip'; reason: string } | { type: 'unskip' } | { type: 'adapt'; reason: string | null };

function ItemChangeForm({
  title,
  skipped,
  canSkip,
  adaptedReason,
  onDone,
}: {
  title: string;
  skipped: boolean;
  canSkip: boolean;
  adaptedReason: string | null;
  onDone: (change: Change | null) => void;
}) {
  const t = useConsoleT('runner');
  const [reason, setReason] = useState(adaptedReason ?? '');
  const submit = (event: FormEvent, change: Change) => {
    event.preventDefault();
    onDone(change);
  };
  return (
    <form
      className="agenda__form"
      aria-label={t('agenda.changeForm', { title })}
      onSubmit={(event) => submit(event, { type: 'adapt', reason })}
    >
      <label>
        {t('agenda.reason')}
        <input
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          autoFocus
        />
      </label>
      <div className="agenda__form-buttons">
        {canSkip && (
          <button
            type="button"
            disabled={reason.trim() === ''}
            onClick={(event) => submit(event, { type: 'skip', reason })}
          >
            {t('agenda.skip')}
          </button>
        )}
        {skipped && (
          <button type="button" onClick={(event) => submit(event, { type: 'unskip' })}>
            {t('agenda.unskip')}
          </button>
        )}
        <button type="submit" disabled={reason.trim() === ''}>
          {t('agenda.adapt')}
        </button>
        {adaptedReason && (
          <button type="button" onClick={(event) => submit(event, { type: 'adapt', reason: null })}>
            {t('agenda.clearAdaptation')}
          </button>
        )}
        <button type="button" onClick={() => onDone(null)}>
          {t('agenda.cancel')}
        </button>
      </div>
    </form>
  );
}
