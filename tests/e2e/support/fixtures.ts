import { test as base, expect } from '@playwright/test';
import { GROUP_START } from './clock';
import { makeDataDir, startShell, type RunningShell } from './webShell';

interface KioskFixtures {
  dataDir: string;
  shell: RunningShell;
}

/** Every test gets a fresh data folder and its own browser shell on a free port. */
export const test = base.extend<KioskFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  dataDir: async ({}, use) => {
    const dir = makeDataDir();
    await use(dir.path);
    dir.remove();
  },
  shell: async ({ dataDir }, use) => {
    const shell = await startShell(dataDir);
    await use(shell);
    await shell.stop();
  },
});

export { expect };

/** A shell whose main clock stands still at the group's start, moved only by the test. */
export const fakeClockTest = base.extend<{ shell: RunningShell }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  shell: async ({}, use) => {
    const data = makeDataDir();
    const shell = await startShell(data.path, { fakeClock: GROUP_START });
    await use(shell);
    await shell.stop();
    data.remove();
  },
});
