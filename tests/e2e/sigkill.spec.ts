import { expect, test } from '@playwright/test';
import {
  assertIntegrity,
  makeDataDir,
  startShell,
  tokenFor,
  type RunningShell,
} from './support/webShell';
import { join } from 'node:path';

/** A small seeded generator, so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Client {
  invoke(
    channel: string,
    args: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
}

async function connect(shell: RunningShell): Promise<Client> {
  const token = await tokenFor(shell.consoleUrl);
  return {
    async invoke(channel, args) {
      const response = await fetch(new URL('/__kiosk/invoke', shell.consoleUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
        body: JSON.stringify({ channel, args }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown };
    },
  };
}

interface View {
  session: {
    recovered: boolean;
    state: { current: number; slideIndex: number };
    group: {
      members: { id: number; name: string }[];
      answers: Record<number, Record<string, string>>;
    };
  } | null;
}

const SEED = Number(process.env.KIOSK_KILL_SEED ?? 20261122);
const ITEMS = ['q1', 'q2', 'q3', 'q4', 'q5'];
const KEYS = ['a', 'b', 'c', 'd'];

test(`the shell killed with SIGKILL at 20 random moments resumes every time with every committed answer (seed ${SEED})`, async () => {
  test.setTimeout(180_000);
  const next = random(SEED);
  const data = makeDataDir();
  let shell = await startShell(data.path);
  try {
    let client = await connect(shell);
    await client.invoke('session:start', {
      packId: 'hhrp-group-5',
      cohortName: 'Power cut group',
      facilitators: ['R'],
      timeKeeper: null,
    });
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay'])
      await client.invoke('group:addMember', { name, checkIn: true });
    await client.invoke('session:command', { type: 'goToItem', index: 13 });
    const view = (await client.invoke('session:consoleView', {})).value as View;
    const members = view.session!.group.members.map((member) => member.id);
    // What each answer may be after a restart: an acknowledged write must be there; one cut off
    // by the kill may or may not have been committed, so either its value or the one before.
    const committed = new Map<string, string>();
    let possible = new Map<string, Set<string | undefined>>();
    let acknowledged = 0;

    for (let round = 1; round <= 20; round += 1) {
      const inFlight: Promise<void>[] = [];
      let acknowledge = () => {};
      const firstAcknowledged = new Promise<void>((resolveAck) => (acknowledge = resolveAck));
      const burst = 3 + Math.floor(next() * 12);
      possible = new Map();
      for (let i = 0; i < burst; i += 1) {
        const memberId = members[Math.floor(next() * members.length)]!;
        const itemId = ITEMS[Math.floor(next() * ITEMS.length)]!;
        const answer = KEYS[Math.floor(next() * KEYS.length)]!;
        const key = `${memberId}:${itemId}`;
        // One write per answer per burst: concurrent requests may reach main in any order.
        if (possible.has(key) || next() >= 0.8) {
          inFlight.push(
            client.invoke('session:command', { type: next() < 0.5 ? 'next' : 'previous' }).then(
              () => undefined,
              () => undefined,
            ),
          );
          continue;
        }
        possible.set(key, new Set([committed.get(key), answer]));
        const write = client.invoke('group:answer', { memberId, itemId, answer }).then((result) => {
          if (!result.ok) return;
          acknowledged += 1;
          acknowledge();
          possible.set(key, new Set([answer]));
        });
        inFlight.push(write.catch(() => undefined));
      }
      // The kill lands at a random moment after the burst's first acknowledged write (or after the
      // whole burst, if none succeeds): a slow, loaded machine still exercises committed answers.
      await Promise.race([firstAcknowledged, Promise.allSettled(inFlight)]);
      await new Promise((resolveDelay) => setTimeout(resolveDelay, Math.floor(next() * 30)));
      await shell.kill();
      await Promise.allSettled(inFlight);
      assertIntegrity(join(data.path, 'kiosk.sqlite3'));

      shell = await startShell(data.path, { port: shell.port });
      client = await connect(shell);
      const restored = (await client.invoke('session:consoleView', {})).value as View;
      expect(restored.session?.recovered, `round ${round}: offers to resume`).toBe(true);
      expect((await client.invoke('session:resume', {})).ok).toBe(true);
      const after = ((await client.invoke('session:consoleView', {})).value as View).session!;
      const stored = (key: string) => {
        const [memberId, itemId] = key.split(':');
        return after.group.answers[Number(memberId)]?.[itemId!];
      };
      for (const [key, answer] of committed) {
        if (!possible.has(key)) expect(stored(key), `round ${round}: ${key} kept`).toBe(answer);
      }
      for (const [key, values] of possible) {
        expect([...values], `round ${round}: ${key}`).toContain(stored(key));
        const value = stored(key);
        if (value === undefined) committed.delete(key);
        else committed.set(key, value);
      }
    }
    expect(acknowledged).toBeGreaterThan(20);
  } finally {
    await shell.stop();
    data.remove();
  }
});
