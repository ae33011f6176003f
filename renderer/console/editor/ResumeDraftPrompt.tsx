import { formatClockTime, formatLongDate, kioskLanguage } from '../../../electron/shared/i18n';
import { i18n, useConsoleT } from '../../shared/i18n/i18n';

/** When a draft or a version was saved: the time, and the date when it was not today. */
export function savedMoment(
  savedAt: number,
  now = Date.now(),
): { date: string | null; time: string } {
  const language = kioskLanguage(i18n.language);
  const today = new Date(savedAt).toDateString() === new Date(now).toDateString();
  return {
    date: today ? null : formatLongDate(savedAt, language),
    time: formatClockTime(savedAt, language),
  };
}

/** A draft kept from before a crash, a reload or a restart: carry on with it, or throw it away. */
export function ResumeDraftPrompt({
  title,
  savedAt,
  onResume,
  onDiscard,
}: {
  title: string;
  savedAt: number;
  onResume: () => void;
  onDiscard: () => void;
}) {
  const t = useConsoleT('editor');
  const moment = savedMoment(savedAt);
  return (
    <div
      className="import-status resume-draft"
      role="alertdialog"
      aria-labelledby="resume-draft-title"
      aria-describedby="resume-draft-text"
    >
      <h2 id="resume-draft-title">{t('resumeDraft.title')}</h2>
      <p id="resume-draft-text">
        {moment.date === null
          ? t('resumeDraft.textToday', { title, time: moment.time })
          : t('resumeDraft.textOtherDay', { title, ...moment })}
      </p>
      <div className="resume-draft__buttons">
        <button type="button" className="primary" onClick={onResume} autoFocus>
          {t('resumeDraft.resume')}
        </button>
        <button type="button" onClick={onDiscard}>
          {t('resumeDraft.discard')}
        </button>
      </div>
    </div>
  );
}
