import { useEffect, useRef } from 'react';

/** A keyboard command: one registered action per thing the counselor can do from the keys. */
export interface KeyAction {
  id: string;
  label: string;
  keys: readonly string[];
  run: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function findAction(actions: readonly KeyAction[], key: string): KeyAction | undefined {
  const normalized = key.length === 1 ? key.toLowerCase() : key;
  return actions.find((action) => action.keys.includes(normalized));
}

export function useKeyboardActions(actions: readonly KeyAction[]): void {
  const current = useRef(actions);
  useEffect(() => {
    current.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      // A focused button handles its own Enter and Space.
      if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' '))
        return;
      const action = findAction(current.current, event.key);
      if (!action) return;
      event.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export const NEXT_KEYS = ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'Enter'] as const;
export const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'Backspace'] as const;
