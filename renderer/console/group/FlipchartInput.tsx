import { useState, type FormEvent } from 'react';
import { useConsoleT } from '../../shared/i18n/i18n';
import './group.css';
import { BoardToggle } from '../session/BoardToggle';
import { useLiveSession } from '../session/LiveSession';

/** The remove button's face; its name says what it removes. */
const REMOVE_MARK = '✕';

/** The group's responses to a discussion question, typed as they come; the room sees them live. */
export function FlipchartInput({ questionId }: { questionId: string }) {
  const { session, write } = useLiveSession();
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
      <BoardToggle board={{ kind: 'flipchart', questionId }} shown={showing}>
        {showing ? t('flipchart.hide') : t('flipchart.show')}
      </BoardToggle>
    </div>
  );
}
