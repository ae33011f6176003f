import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RequestOf } from '../../../electron/ipc/contract';
import type { SessionCommand } from '../../../electron/services/session/sessionMachine';
import type { ConsoleSessionView, ConsoleView } from '../../../electron/services/session/views';
import { INTL_LOCALES, joinList, type Language } from '../../../electron/i18n';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import './group.css';

const api = consoleApi();
/** The remove button's face; its name says what it removes. */
const REMOVE_MARK = '✕';

/** Runs a records write; main commits it and pushes fresh views, so nothing is kept here. */
export type RecordWrite = <
  C extends
    | 'group:addMember'
    | 'group:setPresent'
    | 'group:setGraduated'
    | 'group:addFlipchart'
    | 'group:removeFlipchart'
    | 'group:answer'
    | 'group:pollCount'
    | 'group:makeTeams'
    | 'group:score',
>(
  channel: C,
  args: RequestOf<C>,
) => void;

export function useRecordWrite(
  onView: (view: ConsoleView) => void,
  onError: (message: string) => void,
): RecordWrite {
  return (channel, args) => {
    call(api, channel as 'group:addMember', args as RequestOf<'group:addMember'>).then(
      onView,
      (error: Error) => onError(error.message),
    );
  };
}

/**
 * Enter and Space on a <summary> open and close its panel; without this the presenter keys (on the
 * window) would take them as "next slide" and the panel could not be toggled from the keyboard.
 */
function keepToggleKeys(event: KeyboardEvent<HTMLElement>) {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
}

/** "Q1, Q2, Q3" / "P1, P2 y P3": a list of short items, as Intl writes it in the console's language. */
function shortList(items: string[], language: Language): string {
  return new Intl.ListFormat(INTL_LOCALES[language], { type: 'unit' }).format(items);
}

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
export function answerLabel(
  item: { kind: 'choice' | 'true-false'; options: { key: string; text: string }[] },
  answer: string,
): string {
  const option = item.options.find((candidate) => candidate.key === answer);
  if (item.kind === 'true-false' && option) return option.text.charAt(0).toUpperCase();
  return answer.toUpperCase();
}

/**
 * Before the laptop is handed over: the member answers every question, the console stays locked
 * until the records PIN is entered, and answers the counselor already typed for them are replaced.
 */
function SelfEntryCheck({
  session,
  memberId,
  onStart,
  onCancel,
}: {
  session: ConsoleSessionView;
  memberId: number;
  onStart: () => void;
  onCancel: () => void;
}) {
  const t = useConsoleT('group');
  const language = useConsoleLanguage();
  const member = session.group.members.find((entry) => entry.id === memberId);
  const items = session.quiz?.items ?? [];
  const typed = items.filter((item) => session.group.answers[memberId]?.[item.id]);
  return (
    <div
      className="self-entry-check"
      role="alertdialog"
      aria-labelledby="self-entry-check-title"
      aria-describedby="self-entry-check-text"
    >
      <h4 id="self-entry-check-title">{t('selfEntryCheck.title', { name: member?.name })}</h4>
      <div id="self-entry-check-text">
        <p>{t('selfEntryCheck.text', { count: items.length })}</p>
        {typed.length > 0 && (
          <p className="self-entry-check__warning" data-testid="replace-warning">
            {t('selfEntryCheck.replaceWarning', {
              name: member?.name,
              count: typed.length,
              questions: shortList(
                typed.map((item) => t('quiz.question', { number: item.number })),
                language,
              ),
            })}
          </p>
        )}
      </div>
      <div className="details__buttons">
        <button type="button" className="primary" onClick={onStart}>
          {typed.length > 0 ? t('selfEntryCheck.replaceAndStart') : t('selfEntryCheck.start')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('selfEntryCheck.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Check-in at the start: first names or nicknames only, new members welcomed, graduates marked. */
export function AttendancePanel({
  session,
  write,
  open,
}: {
  session: ConsoleSessionView;
  write: RecordWrite;
  open: boolean;
}) {
  const t = useConsoleT('group');
  const language = useConsoleLanguage();
  const [name, setName] = useState('');
  const present = session.group.members.filter((member) => member.present);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    write('group:addMember', { name, checkIn: true });
    setName('');
  };
  return (
    <details className="details__block group-panel" open={open} data-testid="attendance">
      <summary onKeyDown={keepToggleKeys}>
        <h3>{t('attendance.heading', { count: present.length })}</h3>
      </summary>
      <ul className="attendance">
        {session.group.members.map((member) => (
          <li key={member.id}>
            <label>
              <input
                type="checkbox"
                checked={member.present}
                onChange={(event) =>
                  write('group:setPresent', { memberId: member.id, present: event.target.checked })
                }
              />
              {member.name}
            </label>
            {member.firstSession && (
              <span className="badge badge--new">{t('attendance.newMember')}</span>
            )}
            <label className="attendance__graduate">
              <input
                type="checkbox"
                checked={member.graduated}
                onChange={(event) =>
                  write('group:setGraduated', {
                    memberId: member.id,
                    graduated: event.target.checked,
                  })
                }
              />
              {t('attendance.graduating')}
            </label>
            <span className="runner__muted">
              {t('attendance.history', {
                sessions: t('attendance.sessions', {
                  count: member.sessionsAttended + member.priorSessions,
                }),
                quizzes: t('attendance.quizzes', { count: member.quizzesTaken }),
              })}
            </span>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="inline-form" aria-label={t('attendance.addForm')}>
        <label>
          {t('attendance.name')}
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} />
        </label>
        <button type="submit">{t('attendance.add')}</button>
      </form>
      {session.group.members.some((member) => member.graduated) && (
        <p>
          {t('attendance.graduatingToday', {
            names: joinList(
              session.group.members
                .filter((member) => member.graduated)
                .map((member) => member.name),
              language,
            ),
          })}
        </p>
      )}
    </details>
  );
}

/** The group's responses to a discussion question, typed as they come; the room sees them live. */
export function FlipchartInput({
  session,
  questionId,
  write,
  command,
}: {
  session: ConsoleSessionView;
  questionId: string;
  write: RecordWrite;
  command: (command: SessionCommand) => void;
}) {
  const t = useConsoleT('group');
  const [text, setText] = useState('');
  const entries = session.group.flipchart[questionId] ?? [];
  const showing = session.board?.kind === 'flipchart' && session.board.questionId === questionId;
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    write('group:addFlipchart', { questionId, text });
    setText('');
  };
  return (
    <div className="flipchart" data-testid={`flipchart-${questionId}`}>
      <form onSubmit={add} className="inline-form" aria-label={t('flipchart.addForm')}>
        <label>
          {t('flipchart.response')}
          <input value={text} onChange={(event) => setText(event.target.value)} maxLength={500} />
        </label>
        <button type="submit">{t('flipchart.add')}</button>
      </form>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            {entry.text}{' '}
            <button
              type="button"
              className="link"
              aria-label={t('flipchart.remove', { text: entry.text })}
              title={t('flipchart.remove', { text: entry.text })}
              onClick={() => write('group:removeFlipchart', { entryId: entry.id })}
            >
              {REMOVE_MARK}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        aria-pressed={showing}
        onClick={() =>
          command(
            showing
              ? { type: 'hideBoard' }
              : { type: 'showBoard', board: { kind: 'flipchart', questionId } },
          )
        }
      >
        {showing ? t('flipchart.hide') : t('flipchart.show')}
      </button>
    </div>
  );
}

/**
 * The quiz grid: members in rows, items in columns. Focus a cell and type the letter (or T/F);
 * each answer is committed at once. Reveal an item to show its result to the room (no names).
 */
export function QuizGrid({
  session,
  write,
  command,
}: {
  session: ConsoleSessionView;
  write: RecordWrite;
  command: (command: SessionCommand) => void;
}) {
  const t = useConsoleT('group');
  const quiz = session.quiz;
  const [selfEntryError, setSelfEntryError] = useState<string | null>(null);
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
          session={session}
          memberId={Number(handTo)}
          onStart={() => {
            setConfirming(false);
            call(api, 'selfEntry:begin', { memberId: Number(handTo) }).then(
              () => setSelfEntryError(null),
              (failure: Error) => setSelfEntryError(failure.message),
            );
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
      {selfEntryError && (
        <p className="console__error" role="alert">
          {selfEntryError}
        </p>
      )}
      <div className="details__buttons">
        {quiz.items.map((item) => {
          const showing = session.board?.kind === 'quiz' && session.board.itemId === item.id;
          return (
            <button
              key={item.id}
              type="button"
              aria-pressed={showing}
              onClick={() =>
                command(
                  showing
                    ? { type: 'hideBoard' }
                    : { type: 'showBoard', board: { kind: 'quiz', itemId: item.id } },
                )
              }
            >
              {t(showing ? 'quiz.hide' : 'quiz.reveal', { number: item.number })}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** Shows or hides the projector's countdown: the game's practice, or an item's breakout groups. */
export function ProjectorTimerButton({
  session,
  command,
  startLabel,
  hideLabel,
}: {
  session: ConsoleSessionView;
  command: (command: SessionCommand) => void;
  startLabel: string;
  hideLabel: string;
}) {
  const shown = session.board?.kind === 'practice';
  return (
    <button
      type="button"
      aria-pressed={shown}
      onClick={() =>
        command(shown ? { type: 'hideBoard' } : { type: 'showBoard', board: { kind: 'practice' } })
      }
    >
      {shown ? hideLabel : startLabel}
    </button>
  );
}

/** Teams from those present, scenario cards dealt, the practice timer, scoring hidden from the room. */
export function GamePanel({
  session,
  write,
  command,
}: {
  session: ConsoleSessionView;
  write: RecordWrite;
  command: (command: SessionCommand) => void;
}) {
  const t = useConsoleT('group');
  const language = useConsoleLanguage();
  const game = session.game;
  const [teamCount, setTeamCount] = useState(2);
  const [confirmRedo, setConfirmRedo] = useState(false);
  if (!game) return null;
  const teams = session.group.teams;
  const revealed = session.board?.kind === 'game';
  return (
    <div className="details__block" data-testid="game-panel">
      <h3>{t('game.heading')}</h3>
      <div className="inline-form">
        <label>
          {t('game.teams')}
          <select value={teamCount} onChange={(event) => setTeamCount(Number(event.target.value))}>
            {Array.from(
              { length: game.teams.max - game.teams.min + 1 },
              (_, index) => game.teams.min + index,
            ).map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
        {confirmRedo ? (
          <span role="group" aria-label={t('game.redo')}>
            {t('game.redoClears')}{' '}
            <button
              type="button"
              onClick={() => {
                setConfirmRedo(false);
                write('group:makeTeams', { teamCount });
              }}
            >
              {t('game.makeAgain')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmRedo(false)}>
              {t('game.keepTeams')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            onClick={() =>
              teams.some((team) => team.total > 0)
                ? setConfirmRedo(true)
                : write('group:makeTeams', { teamCount })
            }
          >
            {teams.length > 0 ? t('game.makeAgain') : t('game.make')}
          </button>
        )}
        <ProjectorTimerButton
          session={session}
          command={command}
          startLabel={t('game.startPractice', { count: game.practiceMinutes })}
          hideLabel={t('game.hidePractice')}
        />
      </div>
      {teams.length > 0 && (
        <table className="score-grid">
          <thead>
            <tr>
              <th scope="col">{t('game.criterion')}</th>
              {teams.map((team) => (
                <th scope="col" key={team.id}>
                  {t('game.team', { number: team.number })}
                  <span className="runner__muted">
                    {t('game.teamFacts', {
                      scenario: team.scenarioTitle,
                      members: shortList(
                        team.members.map((member) => member.name),
                        language,
                      ),
                    })}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {game.criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row">
                  {t('game.criterionPoints', { text: criterion.text, points: criterion.points })}
                </th>
                {teams.map((team) => (
                  <td key={team.id}>
                    <input
                      type="checkbox"
                      aria-label={t('game.score', {
                        number: team.number,
                        criterion: criterion.text,
                      })}
                      checked={(team.scores[criterion.id] ?? 0) > 0}
                      onChange={(event) =>
                        write('group:score', {
                          teamId: team.id,
                          criterionId: criterion.id,
                          points: event.target.checked ? criterion.points : 0,
                        })
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('game.total', { max: game.maxPoints })}</th>
              {teams.map((team) => (
                <td key={team.id} data-testid={`team-${team.number}-total`}>
                  {team.total}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      {teams.length > 0 && (
        <button
          type="button"
          className="primary"
          aria-pressed={revealed}
          onClick={() =>
            command(
              revealed ? { type: 'hideBoard' } : { type: 'showBoard', board: { kind: 'game' } },
            )
          }
        >
          {revealed ? t('game.hideResults') : t('game.reveal')}
        </button>
      )}
    </div>
  );
}
