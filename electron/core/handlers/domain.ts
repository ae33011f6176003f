import type { ChannelName, EventName, EventPayloads } from '../../ipc/contract';
import type { Handlers } from '../../ipc/router';

/** The contract's channels named `<prefix>:…`. */
export type ChannelsNamed<P extends string> = Extract<ChannelName, `${P}:${string}`>;

/** The handlers of some of the contract's channels, typed against it like the whole table. */
export type HandlersOf<C extends ChannelName> = Pick<Handlers, C>;

/** Sends an event of the contract to every window whose role may receive it. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
