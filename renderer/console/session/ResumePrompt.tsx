import type { ConsoleSessionView } from '../../../electron/services/session/views';
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
  const item = session.state.current === null ? null : session.agenda[session.state.current]!;
  return (
    <div className="dialog-page">
      <section
        className="dialog"
        role="alertdialog"
        aria-labelledby="resume-title"
        aria-describedby="resume-text"
      >
        <h2 id="resume-title">Resume the session?</h2>
        <p id="resume-text">
          The kiosk closed while “{session.packTitle}” with {session.cohortName} was running
          (started at {formatClock(session.state.startedAt ?? serverNow)}). It will carry on at{' '}
          <strong>{item?.title}</strong>
          {session.slide?.number ? `, slide ${session.slide.number}` : ''}. The projector stays dark
          until you choose.
        </p>
        <div className="dialog__buttons">
          <button type="button" className="primary" onClick={onResume} autoFocus>
            Resume session
          </button>
          <button type="button" onClick={onEnd}>
            End it now
          </button>
        </div>
      </section>
    </div>
  );
}
