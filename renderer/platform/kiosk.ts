import type {
  AudienceApi,
  ChannelsFor,
  ErrorCode,
  KioskApi,
  KioskApiFor,
  RequestOf,
  ResponseOf,
  Role,
  UnlockApi,
} from '../../electron/ipc/contract';
import { CONNECTION_EVENT, NOT_FROM_PRINTED_ADDRESS } from '../../electron/shared/connection';
import { i18n } from '../shared/i18n/i18n';

/**
 * What each window's preload (or the browser shell's bridge for its page) puts on `window.kiosk`:
 * the console's, the projector's or the passphrase window's API. Which one a page gets the types
 * cannot know, so `window.kiosk` has the three shapes, and each window reads it through its own
 * accessor below, typed to its API only; main refuses a channel outside the window's role anyway.
 */
export interface WindowApis {
  console: KioskApi;
  audience: AudienceApi;
  unlock: UnlockApi;
}

declare global {
  interface Window {
    kiosk: WindowApis['console'] & WindowApis['audience'] & WindowApis['unlock'];
  }
}

/** The console window's API. */
export function consoleApi(): KioskApi {
  return window.kiosk;
}

/** The projector window's API. */
export function audienceApi(): AudienceApi {
  return window.kiosk;
}

/** The passphrase window's API. */
export function unlockApi(): UnlockApi {
  return window.kiosk;
}

export class KioskCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls a channel and returns its value, throwing the main process's error message on failure (a
 * lost contact with main, or the browser shell's refusal of a page without its key, which main
 * cannot word, in the console's language).
 */
export async function call<R extends Role, C extends ChannelsFor<R>>(
  api: KioskApiFor<R>,
  channel: C,
  args: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await api.invoke(channel, args);
  if (!result.ok) {
    const { code, message } = result.error;
    const consoleT = i18n.getFixedT(null, 'console');
    if (code === 'unreachable') throw new KioskCallError(code, consoleT('connection.lostContact'));
    if (code === 'forbidden' && message === NOT_FROM_PRINTED_ADDRESS)
      throw new KioskCallError(code, consoleT('connection.notFromPrintedAddress'));
    throw new KioskCallError(code, message);
  }
  return result.value;
}

/**
 * Follows the contact with main: the browser shell's bridge announces a lost or restored contact
 * (Electron's IPC never loses it, so there it stays true).
 */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<boolean>).detail);
  window.addEventListener(CONNECTION_EVENT, handle);
  return () => window.removeEventListener(CONNECTION_EVENT, handle);
}
