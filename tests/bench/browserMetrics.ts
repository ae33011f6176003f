/**
 * Metrics measured in Debian's Chromium against the browser shell (`out/main/web.js`): how fast
 * the projector follows the console, how exactly a video stops at its cue and how soon the console
 * paints (the heap over a whole session is in memoryMetric.ts).
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../../electron/ipc/contract';
import playwrightConfig from '../../playwright.config';
import { log, withShell, type Shell } from './harness';
import { median, percentile } from './stats';

const AUTOPLAY = '--autoplay-policy=no-user-gesture-required';

/** The same Chromium and flags as the end-to-end tests (playwright.config.ts). */
export function launchChromium(): Promise<Browser> {
  const args = [...(playwrightConfig.use?.launchOptions?.args ?? [])];
  if (!args.includes(AUTOPLAY)) args.push(AUTOPLAY);
  return chromium.launch({
    executablePath: process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium',
    args,
  });
}

/** A context like the end-to-end tests' that also reports any request off this machine. */
export async function newContext(browser: Browser, shell: Shell): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    timezoneId: 'UTC',
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${shell.origin}/`) && !/^(blob|data):/.test(url)) {
      log(`WARNING: a page requested ${url}`);
    }
  });
  return context;
}

async function invoke<C extends ChannelName>(
  page: Page,
  channel: C,
  args: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await page.evaluate(
    ([name, request]) =>
      (window.kiosk.invoke as (c: string, a: unknown) => Promise<Result<unknown>>)(name, request),
    [channel, args] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

export async function openConsole(page: Page, shell: Shell): Promise<void> {
  await page.goto(shell.consoleUrl);
  await page.getByRole('tab', { name: 'Run session' }).waitFor();
}

export async function openAudience(page: Page, shell: Shell): Promise<void> {
  await page.goto(shell.audienceUrl);
  await page.locator('main.audience').waitFor();
}

/** What the bench adds to the audience page's window while it measures. */
interface BenchWindow {
  __benchUpdated?: Promise<number>;
}

/**
 * Estimates a page's clock minus this process's clock, from the round trip with the smallest
 * delay, so times taken in two pages (two renderer processes) can be compared.
 */
export async function clockOffset(page: Page): Promise<{ offset: number; uncertainty: number }> {
  let best = { offset: 0, uncertainty: Infinity };
  for (let sample = 0; sample < 30; sample += 1) {
    const before = performance.timeOrigin + performance.now();
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = performance.timeOrigin + performance.now();
    if ((after - before) / 2 < best.uncertainty) {
      best = { offset: inPage - (before + after) / 2, uncertainty: (after - before) / 2 };
    }
  }
  return best;
}

/**
 * Console command → projector updated: `next`/`previous` from the console page, timed from just
 * before `invoke` to the audience's DOM mutation of `data-slide-number`, across two windows.
 */
export async function audienceLatency(
  browser: Browser,
  samples = 200,
): Promise<{ p50: number; p95: number }> {
  return withShell('latency', async (shell) => {
    // Two contexts are two windows: neither is a throttled background tab.
    const audienceContext = await newContext(browser, shell);
    const consoleContext = await newContext(browser, shell);
    try {
      const audience = await audienceContext.newPage();
      const console = await consoleContext.newPage();
      await openAudience(audience, shell);
      await openConsole(console, shell);
      await invoke(console, 'session:start', {
        packId: 'projector-check',
        cohortName: 'Bench',
        facilitators: ['B'],
        timeKeeper: null,
      });
      await audience.locator('main.audience[data-slide-number="1"]').waitFor();

      const consoleClock = await clockOffset(console);
      const audienceClock = await clockOffset(audience);
      // The pages' clocks may disagree slightly; measured here rather than assumed equal.
      const skew = audienceClock.offset - consoleClock.offset;
      const uncertainty = audienceClock.uncertainty + consoleClock.uncertainty;
      log(`audience clock − console clock: ${skew.toFixed(3)} ms (± ${uncertainty.toFixed(3)})`);

      const warmUp = 10;
      const latencies: number[] = [];
      for (let step = 0; step < warmUp + samples; step += 1) {
        await audience.evaluate(() => {
          const bench = window as unknown as BenchWindow;
          const main = document.querySelector('main.audience')!;
          const before = main.getAttribute('data-slide-number');
          bench.__benchUpdated = new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => {
              observer.disconnect();
              reject(new Error('the audience did not change slide within 5 s'));
            }, 5_000);
            const observer = new MutationObserver(() => {
              if (main.getAttribute('data-slide-number') === before) return;
              const at = performance.timeOrigin + performance.now();
              clearTimeout(timer);
              observer.disconnect();
              resolve(at);
            });
            observer.observe(main, { attributes: true, attributeFilter: ['data-slide-number'] });
          });
        });
        const sentAt = await console.evaluate(
          async (type) => {
            const at = performance.timeOrigin + performance.now();
            const result = await window.kiosk.invoke('session:command', { type });
            if (!result.ok) throw new Error(result.error.message);
            return at;
          },
          step % 2 === 0 ? ('next' as const) : ('previous' as const),
        );
        const shownAt = await audience.evaluate(
          () => (window as unknown as BenchWindow).__benchUpdated!,
        );
        if (step >= warmUp) latencies.push(shownAt - sentAt - skew);
      }
      log(
        `audience latency: ${latencies.length} commands, min ${Math.min(...latencies).toFixed(2)}, ` +
          `max ${Math.max(...latencies).toFixed(2)} ms`,
      );
      return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
    } finally {
      await audienceContext.close();
      await consoleContext.close();
    }
  });
}

const VIGNETTES_ITEM = 10;
const CUES_MS = [30_000, 60_000, 90_000, 118_000];

/** Group Five's vignettes video: played from 1.5 s before each cue, where does it stop? */
export async function videoCuePauseError(browser: Browser): Promise<number> {
  return withShell('video', async (shell) => {
    const audienceContext = await newContext(browser, shell);
    const consoleContext = await newContext(browser, shell);
    try {
      const audience = await audienceContext.newPage();
      const console = await consoleContext.newPage();
      await openAudience(audience, shell);
      await openConsole(console, shell);
      await invoke(console, 'session:start', {
        packId: 'hhrp-group-5',
        cohortName: 'Video group',
        facilitators: ['Riley'],
        timeKeeper: null,
      });
      await invoke(console, 'session:command', { type: 'goToItem', index: VIGNETTES_ITEM });
      await audience.locator('main.audience[data-screen="video"]').waitFor();
      const video = audience.getByTestId('audience-video');
      await video.waitFor();

      const errors: number[] = [];
      for (const cue of CUES_MS) {
        const from = cue - 1500;
        // Paused first: main treats a video that stopped by itself at a cue as still playing, so
        // a seek straight after a cue would play on at once instead of waiting at the position.
        await invoke(console, 'session:command', { type: 'videoPause' });
        await invoke(console, 'session:command', { type: 'videoSeek', positionMs: from });
        await audience.waitForFunction(
          (position) => {
            const element = document.querySelector<HTMLVideoElement>(
              '[data-testid="audience-video"]',
            );
            return (
              element !== null &&
              element.paused &&
              element.readyState >= 2 &&
              Math.abs(element.currentTime * 1000 - position) < 50
            );
          },
          from,
          { timeout: 10_000 },
        );
        await invoke(console, 'session:command', { type: 'videoPlay' });
        // Paused again after having played: the sync stopped it by itself at (or near) the cue.
        await audience.waitForFunction(
          (start) => {
            const element = document.querySelector<HTMLVideoElement>(
              '[data-testid="audience-video"]',
            )!;
            return element.paused && element.currentTime * 1000 > start + 500;
          },
          from,
          { polling: 'raf', timeout: 10_000 },
        );
        const stoppedMs = await video.evaluate(
          (element) => (element as HTMLVideoElement).currentTime * 1000,
        );
        log(`video cue ${cue / 1000} s: stopped at ${(stoppedMs / 1000).toFixed(3)} s`);
        errors.push(Math.abs(stoppedMs - cue));
      }
      return Math.max(...errors);
    } finally {
      await audienceContext.close();
      await consoleContext.close();
    }
  });
}

/** What the bench adds to the console page's window for the first-render timing. */
interface FirstRenderWindow {
  __benchTabFrame?: Promise<number>;
}

/**
 * Navigation start → the console's first painted app content: the later of first-contentful-paint
 * and the frame in which the first tab exists (so an early paint of something else cannot count).
 */
export async function rendererFirstRender(browser: Browser, loads = 5): Promise<number> {
  return withShell('render', async (shell) => {
    const samples: number[] = [];
    for (let load = 0; load < loads; load += 1) {
      // A fresh context each time: no cached script, no warm page.
      const context = await newContext(browser, shell);
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const bench = window as unknown as FirstRenderWindow;
          bench.__benchTabFrame = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (!document.querySelector('[role="tab"]')) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            });
            observer.observe(document, { childList: true, subtree: true });
          });
        });
        await page.goto(shell.consoleUrl);
        const { fcp, tabFrame } = await page.evaluate(async () => {
          const paint = await new Promise<number>((resolve) => {
            new PerformanceObserver((list, observer) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0];
              if (!entry) return;
              observer.disconnect();
              resolve(entry.startTime);
            }).observe({ type: 'paint', buffered: true });
          });
          return {
            fcp: paint,
            tabFrame: await (window as unknown as FirstRenderWindow).__benchTabFrame!,
          };
        });
        log(
          `first render #${load + 1}: FCP ${fcp.toFixed(1)} ms, tab frame ${tabFrame.toFixed(1)} ms`,
        );
        samples.push(Math.max(fcp, tabFrame));
      } finally {
        await context.close();
      }
    }
    return median(samples);
  });
}
