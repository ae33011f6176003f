import { useEffect, useRef, useState } from 'react';
import { KeyInterpreter } from '../../electron/shell/keyBindings';
import type { SessionCommand } from '../../electron/services/session/sessionMachine';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export interface PresenterKeyHandlers {
  command: (command: SessionCommand) => void;
  help: () => void;
  enabled: boolean;
}

/**
 * The console's keyboard commands: the shared key table (keyBindings.ts) turned into session
 * commands. Returns the slide number being typed, for display.
 */
export function usePresenterKeys(handlers: PresenterKeyHandlers): string {
  const latest = useRef(handlers);
  const interpreter = useRef(new KeyInterpreter());
  const [pending, setPending] = useState('');
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!latest.current.enabled) return;
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      // A focused button or link handles its own Enter and Space.
      if (
        (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) &&
        (event.key === 'Enter' || event.key === ' ')
      ) {
        return;
      }
      const result = interpreter.current.interpret(event.key, event.repeat);
      setPending(interpreter.current.pendingNumber);
      if (!result) return;
      event.preventDefault();
      if (result.kind === 'help') latest.current.help();
      if (result.kind === 'command') latest.current.command(result.command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return pending;
}
