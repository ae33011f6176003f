/**
 * The two Electron IPC channel names the preloads use; nothing else crosses the bridge. Kept apart
 * from the contract so the sandboxed preloads bundle no validation library.
 */
export const IPC_INVOKE = 'kiosk:invoke';
export const IPC_EVENT = 'kiosk:event';

/** Large files cross the bridge in parts of at most 4 MB, so nothing holds a whole video in one message. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
