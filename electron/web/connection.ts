/**
 * The browser shell's pages reach main over loopback HTTP, which can drop (the shell stopped or is
 * restarting); Electron's IPC cannot. The bridge announces each change on `window` with this event
 * (`detail`: connected or not), and the console says so in plain words at once.
 */
export const CONNECTION_EVENT = 'kiosk:connection';

/**
 * In English for logs and tests; a failed call carries the code `unreachable`, which the console
 * words from its own catalog (`connection.lostContact`, renderer/platform/kiosk.ts).
 */
export const LOST_CONTACT =
  'The kiosk has lost contact with its records (the kiosk program on this computer stopped or is restarting). Trying again…';
