import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, Result } from '../ipc/contract';
import { IPC_EVENT, IPC_INVOKE } from '../shared/wire';

/** The only two things a window can do: invoke a channel and listen to an event. */
export function invoke(channel: string, args: unknown): Promise<Result<never>> {
  return ipcRenderer.invoke(IPC_INVOKE, channel, args) as Promise<Result<never>>;
}

export function on(event: EventName, listener: (payload: never) => void): () => void {
  const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => {
    if (name === event) listener(payload as never);
  };
  ipcRenderer.on(IPC_EVENT, forward);
  return () => ipcRenderer.off(IPC_EVENT, forward);
}

/** `invoke` for a narrower window: channels outside `allowed` are refused here (main checks too). */
export function invokeOnly(allowed: readonly string[], window: string) {
  return (channel: string, args: unknown) =>
    allowed.includes(channel)
      ? invoke(channel, args)
      : Promise.resolve({
          ok: false as const,
          error: {
            code: 'forbidden' as const,
            message: `The ${window} window may not call ${channel}.`,
          },
        });
}
