import type { ReactNode } from 'react';
import type { SessionCommand } from '../../../electron/shared/session/commands';
import { useLiveSession } from './LiveSession';

type Board = Extract<SessionCommand, { type: 'showBoard' }>['board'];

/** Puts a board on the projector over the slide, or takes it off: pressed while it is shown. */
export function BoardToggle({
  board,
  shown,
  className,
  children,
}: {
  board: Board;
  shown: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { command } = useLiveSession();
  return (
    <button
      type="button"
      className={className}
      aria-pressed={shown}
      onClick={() => command(shown ? { type: 'hideBoard' } : { type: 'showBoard', board })}
    >
      {children}
    </button>
  );
}
