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
/**
 * A page of the origin without the printed key is refused as `forbidden`, like any call of a role
 * it does not have; this message tells that refusal apart, and the console words it from its own
 * catalog (`connection.notFromPrintedAddress`).
 */
export const NOT_FROM_PRINTED_ADDRESS =
  'This page was not opened from the address the kiosk printed when it started; open that address (it ends with #key=…).';

export const LOST_CONTACT =
  'The kiosk has lost contact with its records (the kiosk program on this computer stopped or is restarting). Trying again…';
