import type { BrowserContext } from '@playwright/test';
import type { RunningShell } from './webShell';

/** 18:00 UTC on a weekday evening: the pages run in UTC (playwright.config.ts). */
export const GROUP_START = Date.UTC(2026, 10, 24, 18, 0, 0);

/** Puts the pages' clocks and main's clock at the same paused instant. */
export async function installClocks(context: BrowserContext, at = GROUP_START): Promise<void> {
  await context.clock.install({ time: at });
  await context.clock.pauseAt(at);
}

/** Moves time forward in main and in every page together, as if the group had gone on that long. */
export async function advance(
  context: BrowserContext,
  shell: RunningShell,
  ms: number,
): Promise<void> {
  await shell.advanceClock(ms);
  await context.clock.fastForward(ms);
}

export const minutes = (count: number) => count * 60_000;
