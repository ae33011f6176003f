import { contextBridge } from 'electron';
import type { AudienceApi, ChannelsFor } from '../ipc/contract';
import { invoke, on } from './bridge';

// The projector window may read state and subscribe to it, never command; main checks this too.
const AUDIENCE_CHANNELS: readonly string[] = [
  'session:audienceView',
] satisfies readonly ChannelsFor<'audience'>[];

const api = {
  invoke: (channel: string, args: unknown) =>
    AUDIENCE_CHANNELS.includes(channel)
      ? invoke(channel, args)
      : Promise.resolve({
          ok: false as const,
          error: {
            code: 'forbidden' as const,
            message: `The audience window may not call ${channel}.`,
          },
        }),
  on,
} satisfies AudienceApi;
contextBridge.exposeInMainWorld('kiosk', api);
