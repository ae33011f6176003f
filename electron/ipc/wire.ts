/**
 * The two Electron IPC channel names the preloads use; nothing else crosses the bridge. Kept apart
 * from the contract so the sandboxed preloads bundle no validation library.
 */
export const IPC_INVOKE = 'kiosk:invoke';
export const IPC_EVENT = 'kiosk:event';
