import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionCommand } from '../../../electron/services/session/sessionMachine';
import type { Schedule } from '../../../electron/services/session/schedule';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import { formatClock } from '../../shared/time';

const STATUS_MARK = { pending: '', running: '▶', done: '✓', skipped: '⤼' } as const;

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
    <nav className="agenda" aria-label="Agenda" ref={list}>
      <h2>Agenda</h2>
      <ol>
        {session.agenda.map((item) => {
          const scheduled = schedule.items[item.index]!;
          const record = session.state.items[item.index]!;
          // Skipped and jumped-over items have no honest clock time: they show a dash.
          const start = scheduled.projectedStart;
          const actualMinutes = Math.round(scheduled.elapsedMs / 60_000);
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
                  title={
                    scheduled.ranAt === null ? undefined : `ran at ${formatClock(scheduled.ranAt)}`
                  }
                >
                  {start === null ? '—' : formatClock(start)}
                  {scheduled.ranAt !== null && (
                    <span className="visually-hidden">, ran at {formatClock(scheduled.ranAt)}</span>
                  )}
                </span>
                <span className="agenda__mark" aria-hidden="true">
                  {scheduled.passedOver ? '↷' : STATUS_MARK[record.status]}
                </span>
                <span className="agenda__title">{item.title}</span>
                <span className="agenda__minutes">
                  {record.status === 'done' || record.status === 'running'
                    ? `${actualMinutes}/${item.minutes} min`
                    : record.status === 'skipped'
                      ? '0 min'
                      : `${item.minutes} min`}
                  {scheduled.passedOver && <span className="visually-hidden">, not run yet</span>}
                </span>
              </button>
              <button
                type="button"
                className="agenda__edit"
                aria-label={`Skip or adapt: ${item.title}`}
                title={`Skip or adapt: ${item.title}`}
                onClick={() => setEditing(editing === item.index ? null : item.index)}
              >
                ⋯
              </button>
              {record.skippedReason && (
                <p className="agenda__note">Skipped: {record.skippedReason}</p>
              )}
              {record.adaptedReason && (
                <p className="agenda__note">Adapted: {record.adaptedReason}</p>
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
  const [reason, setReason] = useState(adaptedReason ?? '');
  const submit = (event: FormEvent, change: Change) => {
    event.preventDefault();
    onDone(change);
  };
  return (
    <form
      className="agenda__form"
      aria-label={`Change ${title}`}
      onSubmit={(event) => submit(event, { type: 'adapt', reason })}
    >
      <label>
        Reason
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
            Skip item
          </button>
        )}
        {skipped && (
          <button type="button" onClick={(event) => submit(event, { type: 'unskip' })}>
            Don't skip
          </button>
        )}
        <button type="submit" disabled={reason.trim() === ''}>
          Mark adapted
        </button>
        {adaptedReason && (
          <button type="button" onClick={(event) => submit(event, { type: 'adapt', reason: null })}>
            Clear adaptation
          </button>
        )}
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
