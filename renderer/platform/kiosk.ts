import type {
  AudienceApi,
  ChannelsFor,
  KioskApi,
  RequestOf,
  ResponseOf,
  Role,
} from '../../electron/ipc/contract';
import { CONNECTION_EVENT, NOT_FROM_PRINTED_ADDRESS } from '../../electron/web/connection';
import { i18n } from '../shared/i18n/i18n';

declare global {
  interface Window {
    kiosk: KioskApi;
  }
}

export function consoleApi(): KioskApi {
  return window.kiosk;
}

export function audienceApi(): AudienceApi {
  return window.kiosk as unknown as AudienceApi;
}

export class KioskCallError extends Error {
  constructor(
    readonly code: string,
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
  api: R extends 'console' ? KioskApi : AudienceApi,
  channel: C,
  args: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await (api as KioskApi).invoke(channel as ChannelsFor<'console'>, args as never);
  if (!result.ok) {
    const { code, message } = result.error;
    const consoleT = i18n.getFixedT(null, 'console');
    if (code === 'unreachable') throw new KioskCallError(code, consoleT('connection.lostContact'));
    if (code === 'forbidden' && message === NOT_FROM_PRINTED_ADDRESS)
      throw new KioskCallError(code, consoleT('connection.notFromPrintedAddress'));
    throw new KioskCallError(code, message);
  }
  return result.value as ResponseOf<C>;
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
