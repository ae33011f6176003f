/**
 * The presenter keys, as in presentation software and clickers. Pure and shared: the console's
 * registered actions and the audience window's key handling (in main) read the same table.
 */
import type { SessionCommand } from './session/commands';

export type KeyActionId = 'next' | 'previous' | 'black' | 'white' | 'leaveMode' | 'help';

export interface KeyBinding {
  action: KeyActionId;
  keys: readonly string[];
  label: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  {
    action: 'next',
    keys: ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'Enter'],
    label: 'Next slide or item',
  },
  {
    action: 'previous',
    keys: ['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'Backspace'],
    label: 'Previous slide',
  },
  { action: 'black', keys: ['b', '.'], label: 'Black screen (press again to return)' },
  { action: 'white', keys: ['w', ','], label: 'White screen (press again to return)' },
  { action: 'leaveMode', keys: ['Escape'], label: 'Leave black, white, dim or a shown question' },
  { action: 'help', keys: ['?'], label: 'Show these keys' },
];

export const KEY_LABELS: Readonly<Record<string, string>> = {
  ArrowRight: '→',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ' ': 'Space',
  PageDown: 'PgDn',
  PageUp: 'PgUp',
  Escape: 'Esc',
  Enter: 'Enter',
  Backspace: 'Backspace',
};

/** How the kiosk writes a key wherever it names one (the keys help, buttons, the README): one spelling. */
export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key.toUpperCase();
}

export type Interpreted =
  { kind: 'command'; command: SessionCommand } | { kind: 'help' } | { kind: 'pending' } | null;

const COMMANDS: Readonly<Record<Exclude<KeyActionId, 'help'>, SessionCommand>> = {
  next: { type: 'next' },
  previous: { type: 'previous' },
  black: { type: 'toggleScreen', screen: 'black' },
  white: { type: 'toggleScreen', screen: 'white' },
  leaveMode: { type: 'leaveMode' },
};

/** Turns key presses into commands; digits typed before Enter jump to that slide number. */
export class KeyInterpreter {
  private digits = '';

  /** The number typed so far, shown by the console while the counselor types it. */
  get pendingNumber(): string {
    return this.digits;
  }

  /**
   * `repeat` is the keyboard's auto-repeat of a held key: a held arrow or clicker button acts once,
   * never racing through the slides.
   */
  interpret(key: string, repeat = false): Interpreted {
    if (repeat) return null;
    if (/^[0-9]$/.test(key)) {
      this.digits = (this.digits + key).slice(-4);
      return { kind: 'pending' };
    }
    const typed = this.digits;
    this.digits = '';
    if (key === 'Enter' && typed !== '' && Number(typed) > 0) {
      return { kind: 'command', command: { type: 'goToSlide', number: Number(typed) } };
    }
    const normalized = key.length === 1 ? key.toLowerCase() : key;
    const binding = KEY_BINDINGS.find(
      (entry) => entry.keys.includes(normalized) || entry.keys.includes(key),
    );
    if (!binding) return null;
    if (binding.action === 'help') return { kind: 'help' };
    return { kind: 'command', command: COMMANDS[binding.action] };
  }
}
