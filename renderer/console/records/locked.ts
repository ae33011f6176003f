import { KioskCallError } from '../../platform/kiosk';

/** Main refused because the records locked meanwhile (idle, or locked from another window). */
export const isRecordsLocked = (error: Error): boolean =>
  error instanceof KioskCallError && error.code === 'locked';
