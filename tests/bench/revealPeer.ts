/**
 * The peer: reveal.js (a devDependency of the benchmark only), its speaker view driving its main
 * window, timed like the kiosk's console driving the projector (audienceLatency). Served from
 * node_modules over loopback, so Chromium fetches nothing from outside.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { clockOffset } from './browserMetrics';
import { log, REPO } from './harness';
import { percentile } from './stats';

const REVEAL_DIR = join(REPO, 'node_modules', 'reveal.js');
const SLIDES = 12;

/** A deck of plain slides with speaker notes, the notes plugin loaded as reveal.js documents it. */
const DECK = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Peer deck</title>
<link rel="stylesheet" href="/dist/reveal.css"><link rel="stylesheet" href="/dist/theme/black.css">
</head><body><div class="reveal"><div class="slides">
${Array.from(
  { length: SLIDES },
  (_, index) =>
    `<section><h2>Slide ${index + 1}</h2><aside class="notes">Notes ${index + 1}</aside></section>`,
).join('\n')}
</div></div>
<script src="/dist/reveal.js"></script><script src="/plugin/notes/notes.js"></script>
<script>
  window.__changes = [];
  Reveal.initialize({ plugins: [RevealNotes], hash: false, transition: 'none' }).then(() => {
    Reveal.on('slidechanged', (event) => {
      // The main window has the new slide in its DOM: the same moment the kiosk's audience is timed.
      window.__changes.push({ index: event.indexh, at: performance.timeOrigin + performance.now() });
    });
    window.__ready = true;
  });
</script></body></html>`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function serveReveal(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(DECK);
      return;
    }
    const file = normalize(join(REVEAL_DIR, path));
    try {
      if (!file.startsWith(REVEAL_DIR)) throw new Error('outside reveal.js');
      const body = readFileSync(file);
      response
        .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

interface PeerWindow {
  __ready?: boolean;
  __changes: { index: number; at: number }[];
  __pressedAt?: number;
  Reveal: { getIndices(): { h: number }; getPlugin(id: string): { open(): void } };
}

/**
 * Speaker view key → main window's `slidechanged`: Right and Left pressed in turn in the speaker
 * view (which forwards the key to its preview of the deck, which tells the main window), timed
 * from the key's arrival in the speaker view to the main window's event, clocks aligned.
 */
export async function revealSpeakerLatency(browser: Browser, samples = 40): Promise<number> {
  const { server, origin } = await serveReveal();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  context.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !/^(about|blob|data):/.test(request.url()))
      log(`WARNING: the reveal.js deck requested ${request.url()}`);
  });
  try {
    const deck = await context.newPage();
    await deck.goto(`${origin}/`);
    await deck.waitForFunction(() => (window as unknown as PeerWindow).__ready === true);
    const [speaker] = await Promise.all([
      context.waitForEvent('page'),
      deck.evaluate(() => (window as unknown as PeerWindow).Reveal.getPlugin('notes').open()),
    ]);
    // Connected once the speaker view's preview of the current slide has loaded the deck.
    await speaker.locator('#current-slide iframe').waitFor();
    await speaker.waitForTimeout(2000);
    await speaker.evaluate(() =>
      document.addEventListener(
        'keydown',
        () => {
          (window as unknown as PeerWindow).__pressedAt =
            performance.timeOrigin + performance.now();
        },
        true,
      ),
    );
    const skew = (await clockOffset(deck)).offset - (await clockOffset(speaker)).offset;

    const latencies: number[] = [];
    const warmUp = 4;
    for (let step = 0; step < warmUp + samples; step += 1) {
      const forward = step % 2 === 0;
      const before = await deck.evaluate(() => (window as unknown as PeerWindow).__changes.length);
      await speaker.bringToFront();
      await speaker.keyboard.press(forward ? 'ArrowRight' : 'ArrowLeft');
      await deck.waitForFunction(
        (count) => (window as unknown as PeerWindow).__changes.length > count,
        before,
        { timeout: 10_000 },
      );
      const changedAt = await deck.evaluate(
        () => (window as unknown as PeerWindow).__changes.at(-1)!.at,
      );
      const pressedAt = await speaker.evaluate(
        () => (window as unknown as PeerWindow).__pressedAt!,
      );
      if (step >= warmUp) latencies.push(changedAt - pressedAt - skew);
      // Keys a second apart, as a presenter presses them (the speaker view debounces its updates).
      await pauseBetweenKeys(deck);
    }
    log(
      `reveal.js speaker view → main window: ${latencies.length} keys, p50 ` +
        `${percentile(latencies, 50).toFixed(1)} ms, min ${Math.min(...latencies).toFixed(1)}, ` +
        `max ${Math.max(...latencies).toFixed(1)} ms`,
    );
    return percentile(latencies, 95);
  } finally {
    await context.close();
    server.close();
  }
}

const pauseBetweenKeys = (page: Page) => page.waitForTimeout(1000);
