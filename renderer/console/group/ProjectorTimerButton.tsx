import { BoardToggle } from '../session/BoardToggle';
import { useLiveSession } from '../session/LiveSession';

/** Shows or hides the projector's countdown: the game's practice, or an item's breakout groups. */
export function ProjectorTimerButton({
  startLabel,
  hideLabel,
}: {
  startLabel: string;
  hideLabel: string;
}) {
  const { session } = useLiveSession();
  const shown = session.board?.kind === 'practice';
  return (
    <BoardToggle board={{ kind: 'practice' }} shown={shown}>
      {shown ? hideLabel : startLabel}
    </BoardToggle>
  );
}
