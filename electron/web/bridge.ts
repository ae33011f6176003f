/**
 * Loaded by the browser shell before the app's own script: provides the same `window.kiosk` as the
 * Electron preloads, over fetch (invoke) and Server-Sent Events (on). The page proves its role with
 * the key in the fragment of the address the shell printed (`#key=…`, never sent in a request) and
 * gets this run's token for it; any other page of the origin, a pack's file included, gets none.
 */
import type { EventName, KioskApi, Result, Role } from '../ipc/contract';
import { CONNECTION_EVENT, LOST_CONTACT, NOT_FROM_PRINTED_ADDRESS } from '../shared/connection';

type Listener = (payload: unknown) => void;

const role = (document.querySelector<HTMLMetaElement>('meta[name="kiosk-role"]')?.content ??
  'console') as Role;
const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
const listeners = new Map<string, Set<Listener>>();
let connected = true;

/** Tells the page at once when contact with the shell is lost or back (CONNECTION_EVENT). */
function setConnected(now: boolean): void {
  if (now === connected) return;
  connected = now;
  window.dispatchEvent(new CustomEvent(CONNECTION_EVENT, { detail: now }));
}

/** This run's token for the page's role, or null when the key is not the role's. */
async function openSession(): Promise<string | null> {
  for (;;) {
    try {
      const answer = await fetch('/__kiosk/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ role, key }),
      });
      setConnected(true);
      if (answer.status === 401) return null;
      if (answer.ok) return ((await answer.json()) as { token: string }).token;
    } catch {
      // The shell is not reachable yet; keep trying.
      setConnected(false);
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 1000));
  }
}

const session = openSession();

async function reloadIfStale(token: string): Promise<boolean> {
  try {
    const answer = await fetch(`/__kiosk/hello?token=${encodeURIComponent(token)}`);
    if (answer.status === 401) {
      // The shell restarted: a fresh page load proves its key again and gets the current state.
      location.reload();
      return true;
    }
  } catch {
    // The shell is not reachable yet; keep retrying.
  }
  return false;
}

function connect(token: string): void {
  const source = new EventSource(`/__kiosk/events?token=${encodeURIComponent(token)}`);
  source.onopen = () => setConnected(true);
  source.onmessage = (message: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  source.onerror = () => {
    setConnected(false);
    if (source.readyState !== EventSource.CLOSED) return;
    void reloadIfStale(token).then((reloading) => {
      if (!reloading) setTimeout(() => connect(token), 1000);
    });
  };
}

const api = {
  async invoke(channel, args) {
    const token = await session;
    if (token === null)
      return { ok: false, error: { code: 'forbidden', message: NOT_FROM_PRINTED_ADDRESS } };
    try {
      const response = await fetch('/__kiosk/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
        body: JSON.stringify({ channel, args }),
      });
      if (response.status === 401) void reloadIfStale(token);
      return (await response.json()) as Result<never>;
    } catch {
      setConnected(false);
      return { ok: false, error: { code: 'unreachable', message: LOST_CONTACT } };
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
if (role === 'audience') {
  window.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    // A held key acts once (KeyInterpreter.interpret), so its auto-repeats are not even sent.
    if (event.repeat) return;
    void session.then((token) => {
      if (token === null) return;
      void fetch('/__kiosk/key', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
        body: JSON.stringify({ key: event.key }),
      });
    });
  });
}

void session.then((token) => {
  if (token !== null) connect(token);
});
Object.defineProperty(window, 'kiosk', { value: Object.freeze(api), writable: false });
