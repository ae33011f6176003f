import fc from 'fast-check';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/kioskCore';
import { channels, type Role } from '../../../electron/ipc/contract';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let core: KioskCore;
const changes = () => (core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const CODES = [
  'unknown-channel',
  'forbidden',
  'invalid-arguments',
  'rejected',
  'not-found',
  'invalid-state',
  'conflict',
  'invalid-value',
  'wrong-secret',
  'try-later',
  'cancelled',
  'locked',
  'internal',
];

beforeAll(async () => {
  dir = makeTempDir();
  core = createKioskCore({ dataDir: join(dir.path, 'data'), resourcesDir: resolve('resources') });
  // A live session, so commands reach deep into the services rather than stopping at "no session".
  await core.router.dispatch(
    'session:start',
    { packId: 'hhrp-group-5', cohortName: 'Fuzz group', facilitators: ['F'], timeKeeper: null },
    'console',
  );
});
afterAll(() => {
  core.close();
  dir.remove();
});

const sender = fc.constantFrom<Role | null>('console', 'audience', null);
const commandTypes = (
  channels['session:command'].request.options as { shape: { type: { value: string } } }[]
).map((option) => option.shape.type.value);
/** Arguments of roughly the right shape with wrong values, as well as anything at all. */
const args = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(
      'type',
      'index',
      'number',
      'name',
      'packId',
      'memberId',
      'itemId',
      'answer',
      'pin',
      'data',
      'files',
    ),
    fc.anything(),
  ),
  fc.record({
    type: fc.constantFrom(...commandTypes),
    index: fc.anything(),
    number: fc.anything(),
    board: fc.anything(),
  }),
);

describe('every IPC channel fuzzed with malformed arguments', () => {
  for (const channel of Object.keys(channels)) {
    it(`${channel}: an error result every time, never a crash, nothing written`, async () => {
      await fc.assert(
        fc.asyncProperty(args, sender, async (request, role) => {
          const before = changes();
          const result = await core.router.dispatch(channel, request, role);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(CODES).toContain(result.error.code);
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(changes()).toBe(before);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('unknown channels and odd channel values are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), args, sender, async (name, request, role) => {
        fc.pre(typeof name !== 'string' || !Object.hasOwn(channels, name));
        const result = await core.router.dispatch(name, request, role);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a database that passes integrity_check', () => {
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
