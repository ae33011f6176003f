import { useState } from 'react';
import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import { ProjectorTimerButton } from './ProjectorTimerButton';
import { shortList } from './shortList';
import './group.css';
import { BoardToggle } from '../session/BoardToggle';
import { useLiveSession } from '../session/LiveSession';

/** Teams from those present, scenario cards dealt, the practice timer, scoring hidden from the room. */
export function GamePanel() {
  const { session, write } = useLiveSession();
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
        <BoardToggle board={{ kind: 'game' }} shown={revealed} className="primary">
          {revealed ? t('game.hideResults') : t('game.reveal')}
        </BoardToggle>
      )}
    </div>
  );
}
