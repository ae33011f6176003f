/**
 * How fast the browser shell's `/media/` route serves byte ranges, as a seeking video asks. On a
 * machine with two cores or more the shell is pinned to one core and the client, curl, to another,
 * so the client's own work does not come out of the server's budget (as a browser's would not).
 */
import { spawn, spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { GROUP_FIVE_DIR, log, makeTempDir, withShell } from './harness';

const MIB = 1024 * 1024;
const CHUNK = MIB;
const CONCURRENCY = 8;
const VIGNETTES = 'media/negotiation-vignettes.mp4';

/** Ranges start at different offsets across the file, as scrubbing through a video does. */
const rangeStart = (request: number, size: number) => (request * 64 * 1024) % (size - CHUNK + 1);

const hasTool = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;

/** The shell on CPU 0 and curl on CPU 1 when the machine allows it; in-process otherwise. */
export async function mediaRangeThroughput(): Promise<number> {
  if (cpus().length >= 2 && hasTool('taskset') && hasTool('curl')) return curlRangeThroughput();
  log('media ranges: no taskset or curl, or one core: the client shares the server’s cores');
  return inProcessRangeThroughput();
}

/** One curl run: `requests` 1 MB ranges, 8 in flight, on CPU 1; MB per second. */
async function curlRun(url: string, size: number, requests: number, first: number) {
  const config = makeTempDir('curl');
  try {
    const file = join(config.path, 'ranges.curl');
    writeFileSync(
      file,
      Array.from({ length: requests }, (_, index) => {
        const start = rangeStart(first + index, size);
        return `url = "${url}"\nrange = "${start}-${start + CHUNK - 1}"\noutput = "/dev/null"\nwrite-out = "%{http_code} %{size_download}\\n"\n`;
      }).join('next\n'),
    );
    const started = performance.now();
    const args = [
      '-c',
      '1',
      'curl',
      '--silent',
      '--parallel',
      '--parallel-max',
      String(CONCURRENCY),
    ];
    const child = spawn('taskset', [...args, '--config', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const seconds = (performance.now() - started) / 1000;
    const lines = out.trim().split('\n');
    const bad = lines.filter((line) => line !== `206 ${CHUNK}`);
    if (code !== 0 || lines.length !== requests || bad.length > 0)
      throw new Error(
        `curl (exit ${code}): ${lines.length} of ${requests} ranges, ${bad[0] ?? ''}`,
      );
    return { mbPerSecond: (requests * CHUNK) / MIB / seconds, seconds };
  } finally {
    config.remove();
  }
}

async function curlRangeThroughput(): Promise<number> {
  const size = statSync(join(GROUP_FIVE_DIR, VIGNETTES)).size;
  return withShell(
    'media',
    async (shell) => {
      const url = `${shell.origin}/media/packs/hhrp-group-5/${VIGNETTES}`;
      await curlRun(url, size, 200, 0);
      const { mbPerSecond, seconds } = await curlRun(url, size, 2000, 200);
      log(`media ranges: 2000 requests of 1 MB by curl on CPU 1 in ${seconds.toFixed(1)} s`);
      return mbPerSecond;
    },
    undefined,
    '0',
  );
}

/** Reads 1 MB ranges of the vignettes video with 8 requests in flight; MB (2^20 bytes) per second. */
async function inProcessRangeThroughput(warmUpMs = 1000, measureMs = 3000): Promise<number> {
  const size = statSync(join(GROUP_FIVE_DIR, VIGNETTES)).size;
  if (size < CHUNK) throw new Error(`${VIGNETTES} is smaller than one range`);
  return withShell('media', async (shell) => {
    const url = `${shell.origin}/media/packs/hhrp-group-5/${VIGNETTES}`;
    let request = 0;

    const readRange = async (): Promise<number> => {
      const start = rangeStart(request++, size);
      const end = start + CHUNK - 1;
      const response = await fetch(url, { headers: { Range: `bytes=${start}-${end}` } });
      if (response.status !== 206)
        throw new Error(`range ${start}-${end}: HTTP ${response.status}`);
      // arrayBuffer() is the cheapest way for undici to drain a body (async iteration over the
      // stream costs this client more CPU than the server spends), so the server is what is timed.
      const bytes = (await response.arrayBuffer()).byteLength;
      if (bytes !== CHUNK) throw new Error(`range ${start}-${end}: ${bytes} bytes`);
      return bytes;
    };

    const run = async (ms: number) => {
      const started = performance.now();
      const deadline = started + ms;
      let bytes = 0;
      let requests = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < deadline) {
            // Not `bytes += await …`: that reads `bytes` before awaiting and loses other workers' adds.
            const read = await readRange();
            bytes += read;
            requests += 1;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      return { mbPerSecond: bytes / MIB / seconds, requests };
    };

    await run(warmUpMs);
    const { mbPerSecond, requests } = await run(measureMs);
    log(`media ranges: ${requests} requests of 1 MB in ${measureMs} ms`);
    return mbPerSecond;
  });
}
