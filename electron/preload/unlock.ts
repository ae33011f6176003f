import { contextBridge } from 'electron';
import type { UnlockApi, UnlockChannelName } from '../ipc/contract';
import { invokeOnly, on } from './bridge';

// The passphrase window may call its four channels and nothing else; main checks this too.
const UNLOCK_CHANNELS: readonly string[] = [
  'unlock:view',
  'unlock:create',
  'unlock:enter',
  'unlock:recover',
] satisfies readonly UnlockChannelName[];

const api = {
  invoke: invokeOnly(UNLOCK_CHANNELS, 'passphrase'),
  on,
} satisfies UnlockApi;
contextBridge.exposeInMainWorld('kiosk', api);
