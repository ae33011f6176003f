/**
 * Loaded by the browser shell before the app's own script: provides the same `window.kiosk` as the
 * Electron preloads, over fetch (invoke) and Server-Sent Events (on).
 */
import type { EventName, KioskApi, Result } from '../ipc/contract';

type Listener = (payload: unknown) => void;

const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
const listeners = new Map<string, Set<Listener>>();

async function reloadIfStale(): Promise<boolean> {
  try {
    const answer = await fetch(`/__kiosk/hello?token=${encodeURIComponent(token)}`);
    if (answer.status === 401) {
      // The shell restarted: a fresh page load picks up its new token and current state.
      location.reload();
      return true;
    }
  } catch {
    // The shell is not reachable yet; keep retrying.
  }
  return false;
}

function connect(): void {
  const source = new EventSource(`/__kiosk/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  source.onerror = () => {
    if (source.readyState !== EventSource.CLOSED) return;
    void reloadIfStale().then((reloading) => {
      if (!reloading) setTimeout(connect, 1000);
    });
  };
}

const api = {
  async invoke(channel, args) {
    try {
      const response = await fetch('/__kiosk/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
        body: JSON.stringify({ channel, args }),
      });
      if (response.status === 401) void reloadIfStale();
      return (await response.json()) as Result<never>;
    } catch (error) {
      return {
        ok: false,
        error: { code: 'internal', message: `The kiosk is not reachable: ${String(error)}` },
      };
    }
  },
  on(event: EventName, listener: Listener) {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
} as KioskApi;

// The projector page has no command API; like Electron's main process, the shell forwards its keys.
if (document.querySelector<HTMLMetaElement>('meta[name="kiosk-role"]')?.content === 'audience') {
  window.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    // A held key acts once (KeyInterpreter.interpret), so its auto-repeats are not even sent.
    if (event.repeat) return;
    void fetch('/__kiosk/key', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
      body: JSON.stringify({ key: event.key }),
    });
  });
}

connect();
Object.defineProperty(window, 'kiosk', { value: Object.freeze(api), writable: false });
