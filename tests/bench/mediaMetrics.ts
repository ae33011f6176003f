/** How fast the browser shell's `/media/` route serves byte ranges, as a seeking video asks. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP_FIVE_DIR, log, withShell } from './harness';

const MIB = 1024 * 1024;
const CHUNK = MIB;
const CONCURRENCY = 8;
const VIGNETTES = 'media/negotiation-vignettes.mp4';

/** Reads 1 MB ranges of the vignettes video with 8 requests in flight; MB (2^20 bytes) per second. */
export async function mediaRangeThroughput(warmUpMs = 1000, measureMs = 3000): Promise<number> {
  const size = statSync(join(GROUP_FIVE_DIR, VIGNETTES)).size;
  if (size < CHUNK) throw new Error(`${VIGNETTES} is smaller than one range`);
  return withShell('media', async (shell) => {
    const url = `${shell.origin}/media/packs/hhrp-group-5/${VIGNETTES}`;
    let request = 0;

    const readRange = async (): Promise<number> => {
      // Ranges start at different offsets across the file, as scrubbing through a video does.
      const start = (request++ * 64 * 1024) % (size - CHUNK + 1);
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
