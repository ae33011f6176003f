/**
 * How long the main process's event loop stalls while each heavy job runs, measured in the same
 * process as the jobs' runner (`perf_hooks.monitorEventLoopDelay`, max), while the projector is
 * sent an update every 50 ms; the latency of those updates (intended send → audience event) under
 * that load; and a 1 GB media import against `cp` of the same file on the same disk.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { crc32, deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { createKioskCore } from '../../electron/core/kioskCore';
import { formatRecoveryKey } from '../../electron/db/recoveryKey';
import { UPLOAD_CHUNK_BYTES } from '../../electron/shared/wire';
import type { RecordsOverview } from '../../electron/services/records/recordsDesk';
import type { ConsoleView } from '../../electron/services/session/views';
import { MINIMAL_PACK } from '../helpers/packs';
import { TEST_KEY } from '../helpers/recordsKey';
import { log, makeTempDir, RESOURCES_DIR } from './harness';
import { percentile } from './stats';
import { buildSyntheticProgram } from './syntheticProgram';

const MB = 1024 * 1024;

/** A pack of `megabytes` (one incompressible file, stored) with a Markdown handout of about 1.5 MB. */
function bigPackZip(path: string, megabytes: number): void {
  const manifest = MINIMAL_PACK.replace('id: mini-pack', 'id: bench-pack').concat(
    'toolbox:\n  handouts:\n    - id: long-handout\n      title: Long handout\n      file: handouts/long.md\n',
  );
  const paragraph =
    'Talking with a partner about safer sex works best when both people feel heard. ';
  const handout = Array.from(
    { length: 1500 },
    (_, index) => `## Part ${index + 1}\n\n${paragraph.repeat(12)}\n`,
  ).join('\n');
  writeFileSync(
    path,
    zipSync(
      {
        'pack.yaml': strToU8(manifest),
        'handouts/long.md': strToU8(handout),
        'media/filler.bin': randomBytes(megabytes * MB),
      },
      { level: 0 },
    ),
  );
}

/** A file of `megabytes`, written in 4 MB parts of random bytes. */
function bigFile(path: string, megabytes: number): void {
  const part = randomBytes(4 * MB);
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < megabytes; written += 4) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}

/**
 * A slide as PDF.js draws it, 1920 × 1080 RGB PNG: white with a band of noise, about 400 KB, the
 * size of an exported slide with a photo on it.
 */
function slidePng(seed: number): Buffer {
  const width = 1920;
  const height = 1080;
  const row = 1 + width * 3;
  const pixels = Buffer.alloc(row * height, 0xff);
  for (let y = 0; y < height; y += 1) {
    pixels[y * row] = 0;
    if (y % 8 === seed % 8) randomBytes(width * 3).copy(pixels, y * row + 1);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface StallResults {
  stalls: Record<string, number>;
  latencyP95: number;
  mediaVsCp: number;
}

/** What main did while one job ran, for the log: what the stall and the latency are made of. */
interface JobTrace {
  /** Updates due while the job ran: intended send → audience event, in ms. */
  latencies: number[];
  /** How long each `session:command` took in main (dispatch → result), in ms. */
  commands: number[];
  /** Garbage collections on main (PerformanceObserver 'gc'), their durations in ms. */
  gcs: number[];
  /**
   * How long main's thread ran (`performance.eventLoopUtilization`'s active time) over the whole
   * job, feed included: a stall far longer than this was the thread waiting for a core, not work.
   */
  busyMs: number;
}

const describe = (name: string, stall: number, trace: JobTrace, allocatedMb: number) => {
  const max = (values: number[]) => (values.length ? Math.max(...values) : 0);
  const p = (values: number[], at: number) => (values.length ? percentile(values, at) : 0);
  return (
    `stall: ${name} ${stall.toFixed(1)} ms; updates ${trace.latencies.length}, latency p50 ` +
    `${p(trace.latencies, 50).toFixed(1)} p95 ${p(trace.latencies, 95).toFixed(1)} max ` +
    `${max(trace.latencies).toFixed(1)} ms; session:command p50 ${p(trace.commands, 50).toFixed(1)} ` +
    `max ${max(trace.commands).toFixed(1)} ms; gc ${trace.gcs.length}× max ${max(trace.gcs).toFixed(1)} ` +
    `ms; main busy ${trace.busyMs.toFixed(0)} ms in all; main heap grew by ${allocatedMb.toFixed(1)} MB`
  );
};

export async function mainLoopStalls(): Promise<StallResults> {
  // The exports and the backup read ten years of records, as a busy program's laptop holds them.
  const program = buildSyntheticProgram();
  const temp = makeTempDir('kiosk-bench-stall-');
  let chosen = '';
  const core = createKioskCore({
    dataDir: dirname(program.file),
    resourcesDir: RESOURCES_DIR,
    recoveryKey: formatRecoveryKey(TEST_KEY),
    chooseFile: () => Promise.resolve(chosen),
  });
  const call = async (channel: string, args: unknown = {}) => {
    const result = await core.router.dispatch(channel, args, 'console');
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  const choose = async (path: string) => {
    chosen = path;
    await call('files:choose', { purpose: 'media' });
    return path;
  };
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const trace: JobTrace = { latencies: [], commands: [], gcs: [], busyMs: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) trace.gcs.push(entry.duration);
  });
  let feed: NodeJS.Timeout | null = null;
  try {
    // The first start on these records takes a daily backup: let it end before anything is timed.
    await waitForDailyBackup(join(dirname(program.file), 'backups'));
    // Printing and exports are behind the counselor PIN.
    await call('records:setPin', { pin: '2468', currentPin: null });
    await call('records:unlock', { pin: '2468' });
    await call('session:start', {
      packId: 'hhrp-group-5',
      cohortName: 'Bench group',
      facilitators: ['Riley'],
      timeKeeper: null,
    });
    // Thirty members, each graduating, so the certificates are thirty pages.
    for (let member = 1; member <= 30; member += 1)
      await call('group:addMember', { name: `Member ${member}`, checkIn: true });
    const members = ((await call('session:consoleView')) as ConsoleView).session!.group.members;
    for (const member of members)
      await call('group:setGraduated', { memberId: member.id, graduated: true });
    const overview = (await call('records:overview')) as RecordsOverview;
    const cohortId = overview.cohorts.find((cohort) => cohort.name === 'Bench group')!.id;

    log('stall: making a 150 MB pack, a 60-page deck and a 1 GB video in a temp folder');
    const deckPages = Array.from({ length: 60 }, (_, index) => slidePng(index));
    const packZip = join(temp.path, 'bench-pack.zip');
    bigPackZip(packZip, 150);
    const video = join(temp.path, 'video.mp4');
    bigFile(video, 1024);

    // The projector's feed, started only now: making the files above blocked this thread on
    // purpose. Each update's latency counts from when it was due (so a stall shows in it) to when
    // main has handled it (main emits the audience's view synchronously inside the command; other
    // refreshes emit audience events too, so events cannot be matched to commands one to one).
    // The next update is due 50 ms after this one was due, or now if main ran later than that: a
    // counselor presses one key at a time, so a stall delays the next key, it does not queue the
    // keys that would have come. A fixed schedule that sent all missed updates at once measured
    // its own backlog instead: 10–13 s, while main handled each command in 10–17 ms.
    let forward = true;
    let due = performance.now() + 50;
    const send = () => {
      const dueAt = due;
      const sent = performance.now();
      void call('session:command', { type: forward ? 'next' : 'previous' }).then(() => {
        const now = performance.now();
        trace.latencies.push(now - dueAt);
        trace.commands.push(now - sent);
        due = Math.max(dueAt + 50, now);
        feed = setTimeout(send, Math.max(0, due - performance.now()));
      });
      forward = !forward;
    };
    feed = setTimeout(send, 50);
    gcObserver.observe({ entryTypes: ['gc'] });
    histogram.enable();

    const stalls: Record<string, number> = {};
    const latencies: number[] = [];
    const measure = async (name: string, job: () => Promise<unknown>) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      histogram.reset();
      trace.latencies = [];
      trace.commands = [];
      trace.gcs = [];
      const heapBefore = process.memoryUsage().heapUsed;
      // The records lock themselves after a while; the counselor unlocks them before printing.
      await call('records:unlock', { pin: '2468' });
      const utilizationBefore = performance.eventLoopUtilization();
      await job();
      stalls[name] = histogram.max / 1e6;
      trace.busyMs = performance.eventLoopUtilization(utilizationBefore).active;
      latencies.push(...trace.latencies);
      const grown = (process.memoryUsage().heapUsed - heapBefore) / MB;
      log(describe(name, stalls[name], trace, grown));
    };

    await measure('pack-import', async () => {
      chosen = packZip;
      await call('files:choose', { purpose: 'pack' });
      await call('packs:importPath', { path: packZip });
    });
    // As the console sends a deck: each page's PNG in parts, then the import on the worker.
    await measure('deck-import-60-pages', async () => {
      const { deckId } = (await call('packs:beginDeck', {
        sourceName: 'bench-deck.pdf',
        pages: deckPages.map((_, index) => ({
          title: `Slide ${index + 1}`,
          notes: `Slide ${index + 1}\nWhat the slide says, as a draft of the notes`,
        })),
        target: {
          kind: 'new',
          title: 'Bench deck',
          program: 'Bench',
          language: 'en',
          audience: 'client-group',
          items: [{ title: 'The deck', minutes: 120, firstPage: 0 }],
        },
      })) as { deckId: string };
      for (const [page, image] of deckPages.entries()) {
        for (let offset = 0; offset < image.length; offset += UPLOAD_CHUNK_BYTES) {
          const end = offset + UPLOAD_CHUNK_BYTES;
          await call('packs:deckChunk', {
            deckId,
            page,
            offset,
            data: image.subarray(offset, end).toString('base64'),
            last: end >= image.length,
          });
        }
      }
      const result = (await call('packs:importDeck', { deckId })) as { status: string };
      if (result.status !== 'imported') throw new Error(`deck import: ${JSON.stringify(result)}`);
    });
    const cpStarted = performance.now();
    spawnSync('cp', [video, join(temp.path, 'video-copy.mp4')]);
    const cpMs = performance.now() - cpStarted;
    let importMs = 0;
    await measure('media-import', async () => {
      const started = performance.now();
      await call('media:importPath', { path: await choose(video), durationMs: null, bind: null });
      importMs = performance.now() - started;
    });
    log(`stall: 1 GB import ${importMs.toFixed(0)} ms, cp ${cpMs.toFixed(0)} ms`);
    await measure('certificates', () =>
      call('records:print', {
        document: 'certificates',
        packId: 'hhrp-group-5',
        cohortId,
        pageSize: 'Letter',
      }),
    );
    await measure('scenario-cards', () =>
      call('records:print', { document: 'scenarios', packId: 'hhrp-group-5', pageSize: 'Letter' }),
    );
    await measure('handout', () =>
      call('records:print', {
        document: 'handout',
        packId: 'bench-pack',
        handoutId: 'long-handout',
        pageSize: 'Letter',
      }),
    );
    await measure('csv-export', () => call('records:exportAll'));
    await measure('redcap-export', () => call('records:exportRedcap'));
    await measure('backup', () => call('records:backup'));
    histogram.disable();
    return {
      stalls,
      latencyP95: percentile(latencies, 95),
      mediaVsCp: importMs / cpMs,
    };
  } finally {
    if (feed) clearTimeout(feed);
    gcObserver.disconnect();
    core.close();
    temp.remove();
    program.remove();
  }
}

/** Resolves once the backups folder holds a finished daily backup (VACUUM INTO renames it last). */
async function waitForDailyBackup(folder: string): Promise<void> {
  const started = performance.now();
  while (
    !existsSync(folder) ||
    !readdirSync(folder).some((name) => name.endsWith('-daily.sqlite3'))
  )
    await new Promise((resolve) => setTimeout(resolve, 100));
  log(
    `stall: the start's daily backup of ten years took ${(performance.now() - started).toFixed(0)} ms more`,
  );
}
