import type { SessionCommand } from '../../../electron/services/session/sessionMachine';
import type { ConsoleSessionView } from '../../../electron/services/session/views';

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
