import { contextBridge } from 'electron';
import type { UnlockApi, UnlockChannelName } from '../ipc/contract';
import { invoke, on } from './bridge';

// The passphrase window may call its four channels and nothing else; main checks this too.
const UNLOCK_CHANNELS: readonly string[] = [
  'unlock:view',
  'unlock:create',
  'unlock:enter',
  'unlock:recover',
] satisfies readonly UnlockChannelName[];

const api = {
  invoke: (channel: string, args: unknown) =>
    UNLOCK_CHANNELS.includes(channel)
      ? invoke(channel, args)
      : Promise.resolve({
          ok: false as const,
          error: {
            code: 'forbidden' as const,
            message: `The passphrase window may not call ${channel}.`,
          },
        }),
  on,
} satisfies UnlockApi;
contextBridge.exposeInMainWorld('kiosk', api);
