import { resolve, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import mainEn from '../../resources/locales/en/main.json';
import { createKioskCore, type KioskCore } from '../../electron/core/kioskCore';
import type { MainKey } from '../../electron/shared/i18n/phrases';
import { RecordsLockedError } from '../../electron/services/access/recordsLock';
import { CODED_REFUSALS, refusalCode, RejectedRequest } from '../../electron/services/errors';
import { makeTempDir } from '../helpers/tempDir';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;
function keysOf(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string'
      ? [`${prefix}${name}`.replace(PLURAL, '')]
      : keysOf(value, `${prefix}${name}.`),
  );
}

/** Messages that are never refused with on their own: parts of others, or the lock's (`locked`). */
const NOT_REFUSALS = [
  /^errors\.backups\.why\./,
  /^errors\.recoveryKey\./,
  /^errors\.pin\.(locked|rosterLocked)$/,
];

describe('refusal codes', () => {
  it('gives every refusal message of the catalog exactly one code', () => {
    const refusals = [...new Set(keysOf(mainEn.errors as Tree, 'errors.'))].filter(
      (key) => !NOT_REFUSALS.some((pattern) => pattern.test(key)),
    );
    expect([...CODED_REFUSALS].sort()).toEqual([...refusals, 'jobs.cancelled'].sort());
    expect(new Set(CODED_REFUSALS).size).toBe(CODED_REFUSALS.length);
  });

  it('carries the code with the message', () => {
    const refusal = new RejectedRequest('errors.session.noSuchSlide', { number: 9, count: 3 });
    expect(refusal).toMatchObject({
      code: 'not-found',
      message: 'There is no slide 9; this session has 3.',
    });
    expect(new RecordsLockedError('errors.pin.locked').code).toBe('locked');
    expect(refusalCode('errors.group.duplicateName')).toBe('conflict');
    expect(refusalCode('app.title' as MainKey)).toBe('rejected');
  });
});

describe('refusal codes through the router', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: KioskCore;
  beforeEach(() => {
    dir = makeTempDir();
    core = createKioskCore({ dataDir: join(dir.path, 'data'), resourcesDir: resolve('resources') });
  });
  afterEach(() => {
    core.close();
    dir.remove();
  });

  it('reaches the window as its code, beside the message', async () => {
    const dispatch = (channel: string, args: unknown) =>
      core.router.dispatch(channel, args, 'console');
    expect(await dispatch('group:addMember', { name: 'Ana', checkIn: true })).toEqual({
      ok: false,
      error: { code: 'invalid-state', message: 'No session is running.' },
    });
    expect(await dispatch('records:overview', {})).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringMatching(/locked/) },
    });
    await dispatch('session:start', {
      packId: 'hhrp-group-5',
      cohortName: 'Codes group',
      facilitators: ['F'],
      timeKeeper: null,
    });
    expect(await dispatch('group:addMember', { name: 'Ana', checkIn: true })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('group:addMember', { name: 'Ana', checkIn: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already in this group/) },
    });
    expect(await dispatch('session:command', { type: 'goToSlide', number: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/^There is no slide 999/) },
    });
  });
});
