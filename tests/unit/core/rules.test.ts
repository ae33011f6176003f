import { describe, expect, it, vi } from 'vitest';
import {
  announceSavedPack,
  announceSelfEntryStep,
  commandBackingUpAtEnd,
  DAILY_BACKUP_CHECK_MS,
  loggedBackUp,
  recueAfterMediaChange,
  restoreThenReload,
  scheduleDailyBackups,
  writeToLiveGroup,
  type AutomaticBackup,
} from '../../../electron/core/rules';
import { RejectedRequest } from '../../../electron/services/errors';
import type { LiveContext } from '../../../electron/services/group/groupRecords';
import type { SessionCommand } from '../../../electron/shared/session/commands';
import type { ConsoleView } from '../../../electron/services/session/views';

/** The rules that join services, each with the smallest fakes of what it joins. */

const context = { sessionId: 3, cohortId: 1, pack: {} } as LiveContext;
const viewWith = (session: ConsoleView['session']): ConsoleView => ({
  revision: 1,
  serverNow: 0,
  session,
  lastEnded: null,
});
const running = viewWith({} as NonNullable<ConsoleView['session']>);
const ended = viewWith(null);

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

function fakeSessions(options: { live?: boolean; rehearsing?: boolean } = {}) {
  const calls: string[] = [];
  return {
    calls,
    liveContext: () => (options.live ? context : null),
    isLive: () => options.live ?? false,
    isRehearsing: () => options.rehearsing ?? false,
    refresh: () => void calls.push('refresh'),
    cueIfNeeded: () => void calls.push('cue'),
    reload: () => void calls.push('reload'),
    consoleView: () => {
      calls.push('view');
      return running;
    },
    command: (command: SessionCommand) => {
      calls.push(`command ${command.type}`);
      return command.type === 'end' && !options.rehearsing ? ended : running;
    },
  };
}

describe('refresh after a group write', () => {
  it('writes to the running session’s group, then refreshes, then answers the fresh view', () => {
    const sessions = fakeSessions({ live: true });
    const view = writeToLiveGroup(sessions, (written) => {
      expect(written).toBe(context);
      sessions.calls.push('write');
    });
    expect(view).toBe(running);
    expect(sessions.calls).toEqual(['write', 'refresh', 'view']);
  });

  it.each([
    [false, 'errors.noSession'],
    [true, 'errors.rehearsal'],
  ])('refuses without a session (rehearsing: %s) and writes nothing', (rehearsing, key) => {
    const sessions = fakeSessions({ rehearsing });
    const write = vi.fn();
    const refusal = thrownBy(() => writeToLiveGroup(sessions, write));
    expect(refusal).toBeInstanceOf(RejectedRequest);
    expect(refusal).toMatchObject({ phrase: { key } });
    expect(write).not.toHaveBeenCalled();
    expect(sessions.calls).toEqual([]);
  });

  it('refreshes nothing when the write fails', () => {
    const sessions = fakeSessions({ live: true });
    expect(() =>
      writeToLiveGroup(sessions, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(sessions.calls).toEqual([]);
  });
});

describe('back up when a session ends', () => {
  const backUpInto = (backups: AutomaticBackup[]) => (reason: AutomaticBackup) => {
    backups.push(reason);
    return Promise.resolve();
  };

  it('backs up once the end of a real session is recorded, before answering', async () => {
    const sessions = fakeSessions({ live: true });
    const backups: AutomaticBackup[] = [];
    const view = await commandBackingUpAtEnd(sessions, { type: 'end' }, backUpInto(backups));
    expect(view).toBe(ended);
    expect(backups).toEqual(['session-end']);
  });

  it('does not back up for other commands, nor at the end of a rehearsal', async () => {
    const backups: AutomaticBackup[] = [];
    await commandBackingUpAtEnd(
      fakeSessions({ live: true }),
      { type: 'next' },
      backUpInto(backups),
    );
    await commandBackingUpAtEnd(
      fakeSessions({ rehearsing: true }),
      { type: 'end' },
      backUpInto(backups),
    );
    expect(backups).toEqual([]);
  });
});

describe('reload after a restore', () => {
  it('tells the restore whether a session runs, then reloads the sessions', async () => {
    const sessions = fakeSessions({ live: false });
    const result = await restoreThenReload(sessions, (sessionLive) => {
      sessions.calls.push(`restore (live: ${sessionLive})`);
      return Promise.resolve('restored');
    });
    expect(result).toBe('restored');
    expect(sessions.calls).toEqual(['restore (live: false)', 'reload']);
  });

  it('does not reload when the restore was refused', async () => {
    const sessions = fakeSessions({ live: true });
    await expect(
      restoreThenReload(sessions, () => Promise.reject(new Error('end the session first'))),
    ).rejects.toThrow('end the session first');
    expect(sessions.calls).toEqual([]);
  });
});

describe('re-cue after a media change', () => {
  it('cues a waiting video, refreshes, and passes the change’s result through', () => {
    const sessions = fakeSessions({ live: true });
    const result = { files: [] };
    expect(recueAfterMediaChange(sessions, result)).toBe(result);
    expect(sessions.calls).toEqual(['cue', 'refresh']);
  });
});

describe('daily backups', () => {
  const fakeTimers = () => {
    let tick: (() => void) | null = null;
    let cleared = false;
    return {
      setInterval: ((callback: () => void, ms: number) => {
        expect(ms).toBe(DAILY_BACKUP_CHECK_MS);
        tick = callback;
        return { unref: () => undefined };
      }) as unknown as typeof setInterval,
      clearInterval: (() => {
        cleared = true;
      }) as typeof clearInterval,
      tick: () => tick?.(),
      cleared: () => cleared,
    };
  };

  it('asks at start-up and then every hour, until stopped', () => {
    const timers = fakeTimers();
    const asked: AutomaticBackup[] = [];
    const stop = scheduleDailyBackups((reason) => {
      asked.push(reason);
      return Promise.resolve();
    }, timers);
    expect(asked).toEqual(['daily']);
    timers.tick();
    timers.tick();
    expect(asked).toEqual(['daily', 'daily', 'daily']);
    stop();
    expect(timers.cleared()).toBe(true);
  });

  it('makes a daily backup only when one is due, and the session-end one always', async () => {
    const made: string[] = [];
    const backUp = loggedBackUp({
      backup: (reason) => Promise.resolve(made.push(reason)),
      backupIfDue: () => Promise.resolve(made.push('if due')),
    });
    await backUp('daily');
    await backUp('session-end');
    expect(made).toEqual(['if due', 'session-end']);
  });

  it('logs a failed backup instead of failing what asked for it', async () => {
    const log = vi.fn();
    const backUp = loggedBackUp(
      {
        backup: () => Promise.reject(new Error('disk full')),
        backupIfDue: () => Promise.reject(new Error('read-only')),
      },
      log,
    );
    await expect(backUp('session-end')).resolves.toBeUndefined();
    await expect(backUp('daily')).resolves.toBeUndefined();
    expect(log.mock.calls).toEqual([
      ['backup (session-end) failed: disk full'],
      ['backup (daily) failed: read-only'],
    ]);
  });
});

describe('announcements', () => {
  it('announces the catalog after a save, not after a refused one', async () => {
    const announce = vi.fn();
    await announceSavedPack(Promise.resolve({ status: 'saved' }), announce);
    await announceSavedPack(Promise.resolve({ status: 'invalid' }), announce);
    expect(announce).toHaveBeenCalledTimes(1);
  });

  it('announces a self-entry step, then refreshes the views', () => {
    const sessions = fakeSessions({ live: true });
    const step = announceSelfEntryStep(() => sessions.calls.push('announce'), sessions, 'next');
    expect(step).toBe('next');
    expect(sessions.calls).toEqual(['announce', 'refresh']);
  });
});
