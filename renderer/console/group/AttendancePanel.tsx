import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { joinList } from '../../../electron/shared/i18n';
import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import './group.css';
import { useLiveSession } from '../session/LiveSession';

/**
 * Enter and Space on a <summary> open and close its panel; without this the presenter keys (on the
 * window) would take them as "next slide" and the panel could not be toggled from the keyboard.
 */
function keepToggleKeys(event: KeyboardEvent<HTMLElement>) {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
}

/** Check-in at the start: first names or nicknames only, new members welcomed, graduates marked. */
export function AttendancePanel({ open }: { open: boolean }) {
  const { session, write } = useLiveSession();
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
