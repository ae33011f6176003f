import { join, resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Clock } from '../../electron/shared/clock';
import { createKioskCore, type KioskCore } from '../../electron/core/kioskCore';
import type { Role } from '../../electron/ipc/contract';
import { makeTempDir } from './tempDir';

export interface FreshKiosk {
  readonly core: KioskCore;
  /** The test's temporary folder; the data folder is `data/` inside it. */
  readonly dir: string;
  readonly dataDir: string;
  call(channel: string, args: unknown, role?: Role): ReturnType<KioskCore['router']['dispatch']>;
  /** Closes the core and opens a new one on the same data folder, as a restart would. */
  restart(): KioskCore;
}

/**
 * A kiosk core on a fresh data folder for every test, closed and removed after it. `prepare`
 * runs on the empty data folder first (to place packs or files a test needs at start-up).
 */
export function freshKiosk(
  options: { clock?: Clock; prepare?: (dataDir: string) => void } = {},
): FreshKiosk {
  let temp: ReturnType<typeof makeTempDir>;
  let core: KioskCore | null = null;
  const open = () =>
    (core = createKioskCore({
      dataDir: join(temp.path, 'data'),
      resourcesDir: resolve('resources'),
      clock: options.clock,
    }));
  beforeEach(() => {
    temp = makeTempDir();
    options.prepare?.(join(temp.path, 'data'));
    open();
  });
  afterEach(() => {
    core?.close();
    core = null;
    temp.remove();
  });
  return {
    get core() {
      return core!;
    },
    get dir() {
      return temp.path;
    },
    get dataDir() {
      return join(temp.path, 'data');
    },
    call: (channel, args, role = 'console') => core!.router.dispatch(channel, args, role),
    restart() {
      core?.close();
      return open();
    },
  };
}
