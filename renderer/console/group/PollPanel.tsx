import type { SessionCommand } from '../../../electron/services/session/sessionMachine';
import type { ConsoleSessionView } from '../../../electron/services/session/views';
import type { RecordWrite } from './GroupPanels';

/**
 * A question to the room by show of hands: the options go on the projector, the counselor types
 * how many hands went up for each (saved at once), then reveals the counts and the answer.
 */
export function PollPanel({
  session,
  write,
  command,
}: {
  session: ConsoleSessionView;
  write: RecordWrite;
  command: (command: SessionCommand) => void;
}) {
  const poll = session.current?.poll;
  const item = session.state.current === null ? null : session.agenda[session.state.current];
  if (!poll || !item) return null;
  const counts = session.group.polls[item.id] ?? {};
  const board = session.board?.kind === 'poll' ? session.board : null;
  const revealLabel = poll.answer.length > 0 ? 'Reveal counts and answer' : 'Reveal counts';
  return (
    <div className="details__block" data-testid="poll">
      <h3>Question to the room{poll.multiple && ' · hands up for every one that applies'}</h3>
      <p className="details__prompt">{poll.prompt}</p>
      <table className="poll">
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Hands</th>
          </tr>
        </thead>
        <tbody>
          {poll.options.map((option) => (
            <tr key={option.key}>
              <th scope="row">
                {option.key}. {option.text}
                {poll.answer.includes(option.key) && ' ✓'}
              </th>
              <td>
                <input
                  type="number"
                  min={0}
                  max={9999}
                  inputMode="numeric"
                  aria-label={`Hands for ${option.key}. ${option.text}`}
                  defaultValue={counts[option.key] ?? ''}
                  onChange={(event) => {
                    const count = Number(event.target.value);
                    if (event.target.value !== '' && Number.isInteger(count) && count >= 0)
                      write('group:pollCount', { itemId: item.id, optionKey: option.key, count });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {poll.discussion && (
        <p className={board?.revealed ? 'details__break' : 'runner__muted'}>
          {board?.revealed ? 'Now: ' : 'After the reveal: '}
          {poll.discussion}
        </p>
      )}
      <div className="details__buttons">
        <button
          type="button"
          aria-pressed={board !== null && !board.revealed}
          onClick={() =>
            command(
              board && !board.revealed
                ? { type: 'hideBoard' }
                : { type: 'showBoard', board: { kind: 'poll', revealed: false } },
            )
          }
        >
          {board && !board.revealed ? 'Hide poll' : 'Show poll on projector'}
        </button>
        <button
          type="button"
          aria-pressed={board?.revealed ?? false}
          onClick={() =>
            command(
              board?.revealed
                ? { type: 'hideBoard' }
                : { type: 'showBoard', board: { kind: 'poll', revealed: true } },
            )
          }
        >
          {board?.revealed ? 'Hide counts' : revealLabel}
        </button>
      </div>
    </div>
  );
}
