import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { KeyInterpreter } from '../../../electron/shared/keyBindings';
import type { SessionCommand } from '../../../electron/shared/session/commands';

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

interface PresenterKeysState {
  /** The slide number being typed ("7" before Enter), for display. */
  pendingNumber: string;
  /** Takes the keys from the presenter until the returned function gives them back. */
  suspend: () => () => void;
}

const PresenterKeysContext = createContext<PresenterKeysState>({
  pendingNumber: '',
  suspend: () => () => undefined,
});

/**
 * The console's keyboard commands: the shared key table (keyBindings.ts) turned into session
 * commands, on the window, for everything inside. An overlay that owns the keys while it is open
 * (the slide sorter) suspends them with usePresenterKeysSuspended; the keys come back when the
 * last such overlay closes.
 */
export function PresenterKeysProvider({
  children,
  ...handlers
}: PresenterKeyHandlers & { children: ReactNode }) {
  const latest = useRef(handlers);
  const interpreter = useRef(new KeyInterpreter());
  const suspensions = useRef(0);
  const [pendingNumber, setPending] = useState('');
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!latest.current.enabled || suspensions.current > 0) return;
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
  const suspend = useCallback(() => {
    suspensions.current += 1;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      suspensions.current -= 1;
    };
  }, []);
  const value = useMemo(() => ({ pendingNumber, suspend }), [pendingNumber, suspend]);
  return <PresenterKeysContext.Provider value={value}>{children}</PresenterKeysContext.Provider>;
}

/** The slide number being typed with the number keys, before Enter. */
export function usePendingSlideNumber(): string {
  return useContext(PresenterKeysContext).pendingNumber;
}

/** While the calling view is on screen, the presenter keys are off (its own keys are its own). */
export function usePresenterKeysSuspended(): void {
  const { suspend } = useContext(PresenterKeysContext);
  useEffect(() => suspend(), [suspend]);
}
