import type { IpcMainInvokeEvent } from 'electron';
import { APP_ORIGIN } from '../shell/security';

/**
 * The webContents id behind a call, when it comes from the top frame of a kiosk page (app://kiosk/),
 * else null: a role belongs to one of the kiosk's own windows showing its own page.
 */
export function appPageSender(event: IpcMainInvokeEvent): number | null {
  const frame = event.senderFrame;
  const fromApp = frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
  return fromApp ? event.sender.id : null;
}
