import type { ActionFailure } from '../notices/useAction';

/** Main refused because the records locked meanwhile (idle, or locked from another window). */
export const isRecordsLocked = (failure: ActionFailure): boolean => failure.code === 'locked';
