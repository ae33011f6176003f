import { contextBridge } from 'electron';
import type { AudienceApi, ChannelsFor } from '../ipc/contract';
import { invokeOnly, on } from './bridge';

// The projector window may read state and subscribe to it, never command; main checks this too.
const AUDIENCE_CHANNELS: readonly string[] = [
  'session:audienceView',
] satisfies readonly ChannelsFor<'audience'>[];

const api = {
  invoke: invokeOnly(AUDIENCE_CHANNELS, 'audience'),
  on,
} satisfies AudienceApi;
contextBridge.exposeInMainWorld('kiosk', api);
