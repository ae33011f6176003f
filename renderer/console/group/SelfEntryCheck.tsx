import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import { useLiveSession } from '../session/LiveSession';
import { shortList } from './shortList';
import './group.css';

/**
 * Before the laptop is handed over: the member answers every question, the console stays locked
 * until the records PIN is entered, and answers the counselor already typed for them are replaced.
 */
export function SelfEntryCheck({
  memberId,
  onStart,
  onCancel,
}: {
  memberId: number;
  onStart: () => void;
  onCancel: () => void;
}) {
  const { session } = useLiveSession();
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
