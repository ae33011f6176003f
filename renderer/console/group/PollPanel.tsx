import { useConsoleT } from '../../shared/i18n/i18n';
import { BoardToggle } from '../session/BoardToggle';
import { useLiveSession } from '../session/LiveSession';

/**
 * A question to the room by show of hands: the options go on the projector, the counselor types
 * how many hands went up for each (saved at once), then reveals the counts and the answer.
 */
/** Beside an option that is one of the answers (the console only). */
const ANSWER_MARK = ' ✓';

export function PollPanel() {
  const { session, write } = useLiveSession();
  const t = useConsoleT('group');
  const poll = session.current?.poll;
  const item = session.state.current === null ? null : session.agenda[session.state.current];
  if (!poll || !item) return null;
  const counts = session.group.polls[item.id] ?? {};
  const board = session.board?.kind === 'poll' ? session.board : null;
  const revealLabel =
    poll.answer.length > 0 ? t('poll.revealCountsAndAnswer') : t('poll.revealCounts');
  return (
    <div className="details__block" data-testid="poll">
      <h3>{poll.multiple ? t('poll.headingMultiple') : t('poll.heading')}</h3>
      <p className="details__prompt">{poll.prompt}</p>
      <table className="poll">
        <thead>
          <tr>
            <th scope="col">{t('poll.option')}</th>
            <th scope="col">{t('poll.hands')}</th>
          </tr>
        </thead>
        <tbody>
          {poll.options.map((option) => (
            <tr key={option.key}>
              <th scope="row">
                {t('poll.optionText', { key: option.key, text: option.text })}
                {poll.answer.includes(option.key) && ANSWER_MARK}
              </th>
              <td>
                <input
                  type="number"
                  min={0}
                  max={9999}
                  inputMode="numeric"
                  aria-label={t('poll.handsFor', { key: option.key, text: option.text })}
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
          {t(board?.revealed ? 'poll.now' : 'poll.afterReveal', { discussion: poll.discussion })}
        </p>
      )}
      <div className="details__buttons">
        <BoardToggle
          board={{ kind: 'poll', revealed: false }}
          shown={board !== null && !board.revealed}
        >
          {board && !board.revealed ? t('poll.hide') : t('poll.show')}
        </BoardToggle>
        <BoardToggle board={{ kind: 'poll', revealed: true }} shown={board?.revealed ?? false}>
          {board?.revealed ? t('poll.hideCounts') : revealLabel}
        </BoardToggle>
      </div>
    </div>
  );
}
