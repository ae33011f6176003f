import { useEffect, useState, type KeyboardEvent } from 'react';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { SelfEntryCheck } from './SelfEntryCheck';
import './group.css';
import { useAction } from '../notices/useAction';
import { BoardToggle } from '../session/BoardToggle';
import { useLiveSession } from '../session/LiveSession';

const api = consoleApi();

/** Arrow keys move the focus between the quiz grid's cells. */
function moveInGrid(cell: HTMLElement, key: string): void {
  const row = cell.parentElement;
  const column = Array.prototype.indexOf.call(row?.children ?? [], cell);
  let target: Element | null | undefined = null;
  if (key === 'ArrowRight') target = cell.nextElementSibling;
  if (key === 'ArrowLeft') target = cell.previousElementSibling;
  if (key === 'ArrowDown') target = row?.nextElementSibling?.children[column];
  if (key === 'ArrowUp') target = row?.previousElementSibling?.children[column];
  if (target instanceof HTMLElement && target.tabIndex >= 0) target.focus();
}

/** How a typed answer reads in the grid: T or F on true/false items, else the option's letter. */
function answerLabel(
  item: { kind: 'choice' | 'true-false'; options: { key: string; text: string }[] },
  answer: string,
): string {
  const option = item.options.find((candidate) => candidate.key === answer);
  if (item.kind === 'true-false' && option) return option.text.charAt(0).toUpperCase();
  return answer.toUpperCase();
}

/**
 * The quiz grid: members in rows, items in columns. Focus a cell and type the letter (or T/F);
 * each answer is committed at once. Reveal an item to show its result to the room (no names).
 */
export function QuizGrid() {
  const { session, write } = useLiveSession();
  const t = useConsoleT('group');
  const quiz = session.quiz;
  const selfEntry = useAction();
  const [handTo, setHandTo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [pinSet, setPinSet] = useState(false);
  useEffect(() => {
    call(api, 'records:lockStatus', {}).then(
      (status) => setPinSet(status.pinSet),
      () => setPinSet(false),
    );
  }, []);
  if (!quiz) return null;
  const present = session.group.members.filter((member) => member.present);
  const onKey =
    (memberId: number, item: (typeof quiz.items)[number]) =>
    (event: KeyboardEvent<HTMLTableCellElement>) => {
      const typed = event.key.toLowerCase();
      // On a true/false item the letter the grid shows picks the option too, in the pack's
      // words: T or F, V or F (verdadero, falso), S or N (sí, no).
      const byText = item.options.filter(
        (option) =>
          (option.text.toLowerCase().startsWith(typed) && /^(true|false)$/i.test(option.text)) ||
          (item.kind === 'true-false' &&
            typed.length === 1 &&
            answerLabel(item, option.key).toLowerCase() === typed),
      );
      const key = item.options.some((option) => option.key === typed)
        ? typed
        : byText.length === 1
          ? byText[0]!.key
          : undefined;
      if (key) {
        event.preventDefault();
        event.stopPropagation();
        write('group:answer', { memberId, itemId: item.id, answer: key });
        // After a member's last question, on to the next member's first (past the name cell).
        const next =
          event.currentTarget.nextElementSibling ??
          event.currentTarget.parentElement?.nextElementSibling?.children[1];
        if (next instanceof HTMLElement) next.focus();
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        event.stopPropagation();
        write('group:answer', { memberId, itemId: item.id, answer: null });
      } else if (event.key !== 'Tab') {
        // Inside the grid, keys belong to the grid: arrows move between cells, and nothing
        // (Enter, Space, N, arrows) may reach the presenter keys and move the session on.
        event.preventDefault();
        event.stopPropagation();
        moveInGrid(event.currentTarget, event.key);
      }
    };
  return (
    <div className="details__block" data-testid="quiz-grid">
      <h3>{t('quiz.heading')}</h3>
      {present.length === 0 ? (
        <p>{t('quiz.checkInFirst')}</p>
      ) : (
        <table className="quiz-grid">
          <thead>
            <tr>
              <th scope="col">{t('quiz.member')}</th>
              {quiz.items.map((item) => (
                <th scope="col" key={item.id} title={item.prompt}>
                  {t('quiz.question', { number: item.number })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {present.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                {quiz.items.map((item) => {
                  const answer = session.group.answers[member.id]?.[item.id];
                  return (
                    <td
                      key={item.id}
                      tabIndex={0}
                      role="gridcell"
                      aria-label={t('quiz.cell', {
                        name: member.name,
                        number: item.number,
                        answer: answer ? answerLabel(item, answer) : t('quiz.noAnswer'),
                      })}
                      data-cell={`${member.name}-${item.id}`}
                      className={
                        answer
                          ? answer === item.answer
                            ? 'quiz-grid__right'
                            : 'quiz-grid__wrong'
                          : ''
                      }
                      onKeyDown={onKey(member.id, item)}
                    >
                      {answer ? answerLabel(item, answer) : '·'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {present.length > 0 && (
        <div className="inline-form">
          <label>
            {t('quiz.handTo')}
            <select
              value={handTo}
              onChange={(event) => {
                setHandTo(event.target.value);
                setConfirming(false);
              }}
            >
              <option value="">{t('quiz.chooseMember')}</option>
              {present.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={handTo === '' || !pinSet}
            onClick={() => setConfirming(true)}
          >
            {t('quiz.startSelfEntry')}
          </button>
          {!pinSet && (
            <span className="runner__muted" role="note">
              {t('quiz.needsPin')}
            </span>
          )}
        </div>
      )}
      {confirming && handTo !== '' && (
        <SelfEntryCheck
          memberId={Number(handTo)}
          onStart={() => {
            setConfirming(false);
            void selfEntry.run(() => call(api, 'selfEntry:begin', { memberId: Number(handTo) }));
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      <div className="details__buttons">
        {quiz.items.map((item) => {
          const showing = session.board?.kind === 'quiz' && session.board.itemId === item.id;
          return (
            <BoardToggle key={item.id} board={{ kind: 'quiz', itemId: item.id }} shown={showing}>
              {t(showing ? 'quiz.hide' : 'quiz.reveal', { number: item.number })}
            </BoardToggle>
          );
        })}
      </div>
    </div>
  );
}
