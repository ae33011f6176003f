import { useLiveSession } from '../session/LiveSession';

/** Shows or hides the projector's countdown: the game's practice, or an item's breakout groups. */
export function ProjectorTimerButton({
  startLabel,
  hideLabel,
}: {
  startLabel: string;
  hideLabel: string;
}) {
  const { session, command } = useLiveSession();
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
