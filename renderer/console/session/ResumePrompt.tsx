import type { ConsoleSessionView } from '../../../electron/services/session/views';
import { Trans } from 'react-i18next';
import { useConsoleT } from '../../shared/i18n/i18n';
import { formatClock } from '../../shared/time';

/** After a crash or power cut: carry on where the session stopped, or end it. */
export function ResumePrompt({
  session,
  serverNow,
  onResume,
  onEnd,
}: {
  session: ConsoleSessionView;
  serverNow: number;
  onResume: () => void;
  onEnd: () => void;
}) {
  const t = useConsoleT();
  const item = session.state.current === null ? null : session.agenda[session.state.current]!;
  return (
    <div className="dialog-page">
      <section
        className="dialog"
        role="alertdialog"
        aria-labelledby="resume-title"
        aria-describedby="resume-text"
      >
        <h2 id="resume-title">{t('resume.title')}</h2>
        <p id="resume-text">
          <Trans
            t={t}
            i18nKey={session.slide?.number ? 'resume.textWithSlide' : 'resume.text'}
            values={{
              pack: session.packTitle,
              group: session.cohortName,
              time: formatClock(session.state.startedAt ?? serverNow),
              item: item?.title ?? '',
              slide: session.slide?.number ?? 0,
            }}
            components={{ item: <strong /> }}
          />
        </p>
        <div className="dialog__buttons">
          <button type="button" className="primary" onClick={onResume} autoFocus>
            {t('resume.resume')}
          </button>
          <button type="button" onClick={onEnd}>
            {t('resume.end')}
          </button>
        </div>
      </section>
    </div>
  );
}
