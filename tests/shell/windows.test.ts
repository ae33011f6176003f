import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAPTOP, PROJECTOR } from './fakeElectron';
import { call, loadMain, windowsByRole, type LoadedShell } from './harness';

let shell: LoadedShell | null = null;
afterEach(() => {
  shell?.cleanUp();
  shell = null;
});

interface Status {
  mode: string;
  displayId: number | null;
  lostDisplayId: number | null;
  offerDisplayId: number | null;
  note: string | null;
}

async function startSession(shell: LoadedShell, group = 'Shell group') {
  const { console } = windowsByRole(shell.fake);
  await call(console, 'session:start', {
    packId: 'projector-check',
    cohortName: group,
    facilitators: ['Riley'],
    timeKeeper: null,
  });
}

describe('closing windows', () => {
  it('closing the console quits the app, closes the projector and the database', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    expect(() => console.close()).not.toThrow();
    const state = shell.fake.fakeState();
    expect(state.quit).toBe(true);
    expect(state.willQuitCount).toBe(1);
    expect(audience.isDestroyed()).toBe(true);
    // will-quit closed the database: its WAL was checkpointed and removed.
    expect(existsSync(join(shell.dataDir, 'kiosk.sqlite3-wal'))).toBe(false);
  });

  it('closing the audience (✕, Alt+F4) hides it; it can be shown again, and display changes still work', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    audience.close();
    expect(audience.isDestroyed()).toBe(false);
    expect(audience.isVisible()).toBe(false);
    const hidden = await call<Status>(console, 'displays:status');
    expect(hidden).toMatchObject({ mode: 'hidden', lostDisplayId: null });
    shell.fake.plugIn(shell.fake.PROJECTOR);
    shell.fake.unplug(shell.fake.PROJECTOR.id);
    const shown = await call<Status>(console, 'displays:audienceAsWindow');
    expect(shown.mode).toBe('window');
    expect(audience.isVisible()).toBe(true);
    expect(audience.isFocused()).toBe(false);
  });

  it('a Windows shutdown or logoff closes the records, though no quit events come', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    await startSession(shell);
    // Electron: on WM_ENDSESSION each window emits 'session-end'; no close, no 'will-quit'.
    console.emit('session-end');
    audience.emit('session-end');
    expect(shell.fake.fakeState().willQuitCount).toBe(0);
    expect(existsSync(join(shell.dataDir, 'kiosk.sqlite3-wal'))).toBe(false);
    expect(readFileSync(join(shell.dataDir, 'logs', 'main.log'), 'utf8')).toMatch(
      /ending the session; closing the records/,
    );
  });

  it('a display event after the windows are gone does not throw', async () => {
    shell = await loadMain();
    windowsByRole(shell.fake).console.close();
    expect(() => shell!.fake.plugIn(shell!.fake.PROJECTOR)).not.toThrow();
  });
});

describe('leaving the pack editor with changes not saved', () => {
  const LEAVE = 0;
  const STAY = 1;

  it('closing the console asks; staying keeps the app as it was, leaving closes and quits', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    const state = shell.fake.fakeState();
    console.contents.refusesUnload = true;
    state.messageBoxAnswers.push(STAY);
    console.close();
    expect(state.messageBoxes).toEqual([
      expect.objectContaining({
        message: 'The pack editor has changes that are not saved yet.',
        buttons: ['Leave without saving', 'Stay and save'],
        cancelId: STAY,
        defaultId: STAY,
      }),
    ]);
    expect(console.isDestroyed()).toBe(false);
    expect(state.quit).toBe(false);
    // Esc (the cancel button) stays too.
    console.close();
    expect(console.isDestroyed()).toBe(false);
    state.messageBoxAnswers.push(LEAVE);
    console.close();
    expect(console.isDestroyed()).toBe(true);
    expect(audience.isDestroyed()).toBe(true);
    expect(state.quit).toBe(true);
  });

  it('a quit (the menu, Ctrl+Q) asks before any window closes; staying leaves the projector showing', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    const state = shell.fake.fakeState();
    console.contents.refusesUnload = true;
    state.messageBoxAnswers.push(STAY);
    shell.fake.app.quit();
    expect(state.messageBoxes).toHaveLength(1);
    expect(state.quit).toBe(false);
    expect(console.isDestroyed()).toBe(false);
    expect(audience.isDestroyed()).toBe(false);
    // Not left half-quitting: closing the audience still only hides it.
    audience.close();
    expect(audience.isDestroyed()).toBe(false);
    state.messageBoxAnswers.push(LEAVE);
    shell.fake.app.quit();
    expect(state.quit).toBe(true);
    expect(console.isDestroyed()).toBe(true);
    expect(audience.isDestroyed()).toBe(true);
    expect(existsSync(join(shell.dataDir, 'kiosk.sqlite3-wal'))).toBe(false);
  });

  it('a reload asks too; without changes nothing asks', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    const state = shell.fake.fakeState();
    expect(console.contents.unload()).toBe(true);
    expect(state.messageBoxes).toHaveLength(0);
    console.contents.refusesUnload = true;
    state.messageBoxAnswers.push(STAY, LEAVE);
    expect(console.contents.unload()).toBe(false);
    expect(console.contents.unload()).toBe(true);
    expect(state.messageBoxes).toHaveLength(2);
    // Reloaded: the new page has nothing to lose, and the clean-up quits without asking.
    console.contents.refusesUnload = false;
  });

  it('asks in the console’s language', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    const state = shell.fake.fakeState();
    await call(console, 'settings:setConsoleLanguage', { language: 'es' });
    console.contents.refusesUnload = true;
    state.messageBoxAnswers.push(STAY);
    console.close();
    expect(state.messageBoxes).toEqual([
      expect.objectContaining({
        message: 'El editor de paquetes tiene cambios que aún no se han guardado.',
        buttons: ['Salir sin guardar', 'Quedarse y guardar'],
        cancelId: STAY,
      }),
    ]);
    expect(console.isDestroyed()).toBe(false);
    console.contents.refusesUnload = false;
  });

  it('the system shutting down does not wait for an answer', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    const state = shell.fake.fakeState();
    console.contents.refusesUnload = true;
    // Electron on WM_ENDSESSION: 'session-end' on each window, then the system closes them.
    console.emit('session-end');
    audience.emit('session-end');
    console.close();
    expect(state.messageBoxes).toHaveLength(0);
    expect(console.isDestroyed()).toBe(true);
  });
});

describe('displays', () => {
  it('creates the audience full screen on the projector directly, never on the console first', async () => {
    shell = await loadMain({ displays: [LAPTOP, PROJECTOR] });
    const { console, audience } = windowsByRole(shell.fake);
    expect(audience.options).toMatchObject({ ...shell.fake.PROJECTOR.bounds, fullscreen: true });
    expect(audience.boundsHistory).toEqual([]);
    expect(console.getBounds()).toEqual(shell.fake.LAPTOP.workArea);
    expect(await call<Status>(console, 'displays:status')).toMatchObject({
      mode: 'fullscreen',
      displayId: 2,
    });
  });

  it('follows the projector being unplugged, plugged back and moved', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    expect(await call<Status>(console, 'displays:status')).toMatchObject({ mode: 'window' });
    shell.fake.plugIn(shell.fake.PROJECTOR);
    expect(await call<Status>(console, 'displays:status')).toMatchObject({ offerDisplayId: 2 });
    await call(console, 'displays:moveAudience', { displayId: 2 });
    expect(audience.getBounds()).toEqual(shell.fake.PROJECTOR.bounds);
    expect(audience.isFullScreen()).toBe(true);
    shell.fake.moveDisplay(2, { x: -1920, y: 0, width: 1920, height: 1080 });
    expect(await call<Status>(console, 'displays:status')).toMatchObject({
      mode: 'fullscreen',
      displayId: 2,
    });
    shell.fake.unplug(2);
    expect(await call<Status>(console, 'displays:status')).toMatchObject({
      mode: 'hidden',
      lostDisplayId: 2,
    });
    expect(audience.isVisible()).toBe(false);
    expect(audience.isFullScreen()).toBe(false);
    // The console was told at each change.
    const pushes = console.contents.sent.filter(
      (message) => message.args[0] === 'displays:changed',
    );
    expect(pushes.length).toBeGreaterThanOrEqual(4);
    expect(audience.contents.sent.some((message) => message.args[0] === 'displays:changed')).toBe(
      false,
    );
  });

  it('on macOS waits for the end of full screen before moving the audience', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    try {
      shell = await loadMain({ displays: [LAPTOP, PROJECTOR] });
      const { console, audience } = windowsByRole(shell.fake);
      await shell.fake.settle();
      expect(audience.isFullScreen()).toBe(true);
      await call(console, 'displays:audienceAsWindow');
      await shell.fake.settle();
      expect(audience.isFullScreen()).toBe(false);
      expect(audience.getBounds()).toMatchObject({ x: 40, y: 40, width: 683 });
      // Closed while full screen, it leaves full screen before hiding, and comes back.
      await call(console, 'displays:moveAudience', { displayId: 2 });
      await shell.fake.settle();
      audience.close();
      await shell.fake.settle();
      expect(audience.isFullScreen()).toBe(false);
      expect(audience.isVisible()).toBe(false);
      await call(console, 'displays:moveAudience', { displayId: 2 });
      await shell.fake.settle();
      expect(audience.isVisible() && audience.isFullScreen()).toBe(true);
      expect(audience.getBounds()).toEqual(PROJECTOR.bounds);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('under native Wayland stays a window and tells the counselor why', async () => {
    const saved = { ...process.env };
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    process.env.XDG_SESSION_TYPE = 'wayland';
    process.env.WAYLAND_DISPLAY = 'wayland-0';
    try {
      shell = await loadMain({ displays: [LAPTOP, PROJECTOR] });
      const { console, audience } = windowsByRole(shell.fake);
      expect(audience.options.fullscreen).toBe(false);
      const status = await call<Status>(console, 'displays:status');
      expect(status.note).toMatch(/Wayland.*drag the audience window/);
      // Nothing is offered for a display the kiosk cannot place a window on...
      expect(status.offerDisplayId).toBeNull();
      shell.fake.plugIn(shell.fake.makeDisplay(3, { x: 3286, y: 0, width: 1280, height: 720 }));
      expect(await call<Status>(console, 'displays:status')).toMatchObject({ mode: 'window' });
      // ...and "Make it full screen" works wherever the counselor dragged the window.
      const full = await call<Status>(console, 'displays:moveAudience', { displayId: 1 });
      expect(full).toMatchObject({ mode: 'fullscreen', displayId: null });
      expect(audience.isFullScreen()).toBe(true);
      expect(audience.boundsHistory).toEqual([]);
      shell.cleanUp();
      shell = await loadMain({
        displays: [LAPTOP, PROJECTOR],
        switches: { 'ozone-platform': 'x11', 'kiosk-data': join(shell.home, 'x11') },
      });
      expect(windowsByRole(shell.fake).audience.options.fullscreen).toBe(true);
    } finally {
      process.env = saved;
      Object.defineProperty(process, 'platform', platform);
    }
  });
});

describe('the show', () => {
  it('keeps the displays awake while a session is live, and only then', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    expect(shell.fake.fakeState().blockers.size).toBe(0);
    await startSession(shell);
    expect([...shell.fake.fakeState().blockers.values()]).toEqual(['prevent-display-sleep']);
    await call(console, 'session:command', { type: 'end' });
    expect(shell.fake.fakeState().blockers.size).toBe(0);
  });

  it('a held key on the projector moves one slide, not one per auto-repeat', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    await startSession(shell);
    const slideOf = async () =>
      (await call<{ session: { slide: { number: number } } }>(console, 'session:consoleView'))
        .session.slide.number;
    const first = await slideOf();
    expect(audience.contents.pressKey('ArrowRight')).toBe(true);
    for (let repeat = 0; repeat < 5; repeat += 1) {
      audience.contents.pressKey('ArrowRight', { isAutoRepeat: true });
    }
    expect(await slideOf()).toBe(first + 1);
    // Shortcuts with modifiers are not the show's: they pass to the page.
    expect(audience.contents.pressKey('r', { control: true })).toBe(false);
  });

  it('a crashed renderer reloads and the show goes on from main’s state', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    await startSession(shell);
    audience.contents.crash('crashed');
    expect(audience.contents.reloads).toBe(1);
    audience.contents.crash('clean-exit');
    expect(audience.contents.reloads).toBe(1);
    for (let crash = 0; crash < 5; crash += 1) console.contents.crash('oom');
    expect(console.contents.reloads).toBe(3);
    const log = readFileSync(join(shell.dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/audience renderer gone: crashed/);
    expect(log).toMatch(/console renderer keeps crashing/);
  });

  it('a second instance brings the console back', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    console.minimize();
    shell.fake.app.emit('second-instance', {}, [], '');
    expect(console.isMinimized()).toBe(false);
    expect(console.isFocused()).toBe(true);
  });

  it('the log holds no member names', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    await startSession(shell);
    await call(console, 'group:addMember', { name: 'Zephyrine', checkIn: true });
    audience.contents.crash('crashed');
    await console.contents.invoke('group:addMember', { name: 'Zephyrine', checkIn: true });
    await console.contents.invoke('session:start', {
      packId: 'nope',
      cohortName: 'Zephyrine',
      facilitators: ['Zephyrine'],
      timeKeeper: null,
    });
    const log = readFileSync(join(shell.dataDir, 'logs', 'main.log'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('Zephyrine');
  });
});
