/**
 * Loads the built main process (`out/main/index.js`) against the fake electron, one fresh copy per
 * scenario: vi.resetModules() drops both from vitest's module graph, so the bundle's top level (scheme
 * registration, the single-instance lock, whenReady) runs again on a new fake.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { vi } from 'vitest';
import type * as Fake from './fakeElectron';

export const BUILT_MAIN = resolve('out/main/index.js');

export type FakeElectron = typeof Fake;

export interface LoadedShell {
  fake: FakeElectron;
  home: string;
  dataDir: string;
  cleanUp(): void;
}

export async function loadMain(
  config: Partial<Parameters<FakeElectron['configure']>[0]> = {},
  options: { ready?: boolean } = {},
): Promise<LoadedShell> {
  if (!existsSync(BUILT_MAIN)) throw new Error('The shell harness needs `npm run build` first.');
  vi.resetModules();
  const fake = await import('./fakeElectron');
  const home = mkdtempSync(join(tmpdir(), 'kiosk-shell-'));
  const dataDir = join(home, 'kiosk-data');
  fake.configure({ home, switches: { 'kiosk-data': dataDir }, ...config });
  await import(/* @vite-ignore */ BUILT_MAIN);
  if (options.ready !== false) await fake.becomeReady();
  return {
    fake,
    home,
    dataDir,
    cleanUp() {
      const state = fake.fakeState();
      if (!state.quit && state.exitCode === null && state.windows.length > 0) fake.app.quit();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function windowsByRole(fake: FakeElectron) {
  const windows = fake.fakeState().windows;
  const find = (role: string) => {
    const window = windows.find((entry) => entry.loadedUrl?.endsWith(`/${role}.html`));
    if (!window) throw new Error(`no ${role} window was opened`);
    return window;
  };
  return { console: find('console'), audience: find('audience') };
}

/** Calls a channel as a window's preload would and unwraps the result. */
export async function call<T = unknown>(
  window: Fake.FakeBrowserWindow,
  channel: string,
  args: unknown = {},
): Promise<T> {
  const result = (await window.contents.invoke(channel, args)) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
