/**
 * The Program view over the ten-year program, as the console asks for it when it opens: every
 * chart and table for the last twelve months, all packs and all groups, through the records desk
 * (lock check included). The same view over all ten years is logged, not held to the target.
 */
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/database';
import { RecordsLock } from '../../electron/services/access/recordsLock';
import { PackLibrary } from '../../electron/services/packs/packLibrary';
import { JobBoard } from '../../electron/jobs/jobRunner';
import { DownloadShelf } from '../../electron/services/downloads/downloadShelf';
import { ProgramDesk } from '../../electron/services/program/programDesk';
import { TEST_KEY } from '../helpers/recordsKey';
import { GROUP_START, log, makeTempDir, RESOURCES_DIR } from './harness';
import { median, timeSync } from './stats';
import type { SyntheticProgram } from './syntheticProgram';

export async function programViewTiming(program: SyntheticProgram, runs = 7): Promise<number> {
  const db = openDatabase(program.file, TEST_KEY);
  const imported = makeTempDir('program-packs');
  try {
    const clock = { now: () => GROUP_START };
    const packs = new PackLibrary(
      { builtIn: join(RESOURCES_DIR, 'curricula'), imported: imported.path },
      (packId, path) => `/media/packs/${packId}/${path}`,
    );
    const lock = new RecordsLock(db, clock);
    await lock.setPin('2468', null);
    const shelf = new DownloadShelf(clock);
    const desk = new ProgramDesk(db, clock, packs, lock, () => 'en', shelf, new JobBoard(() => {}));
    const defaultView = { packId: null, cohortId: null, from: null, to: null };
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const { ms, result } = timeSync(() => desk.view(defaultView));
      if (result.counts.sessions === 0 || result.sections.length === 0) {
        throw new Error('the Program view sees no session in the last twelve months');
      }
      samples.push(ms);
    }
    const allYears = timeSync(() => desk.view({ ...defaultView, from: '2010-01-01' }));
    log(
      `info: Program view over all ${allYears.result.counts.sessions} sessions: ${allYears.ms.toFixed(0)} ms`,
    );
    return median(samples);
  } finally {
    db.close();
    imported.remove();
  }
}
