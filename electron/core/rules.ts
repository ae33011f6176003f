/**
 * The rules that join one service to another, each under its own name. Handlers call them; none
 * of them knows a channel, so each is tested with small fakes (tests/unit/core/rules.test.ts).
 */
import type { LiveContext } from '../services/group/groupRecords';
import { RejectedRequest } from '../services/errors';
import type { SessionCommand } from '../shared/session/commands';
import type { SessionService } from '../services/session/sessionService';
import type { ConsoleView } from '../services/session/views';

/** Why a backup is made without the counselor asking. */
export type AutomaticBackup = 'session-end' | 'daily';

/** Makes an automatic backup; never throws (a failure is logged). */
export type BackUp = (reason: AutomaticBackup) => Promise<unknown>;

type LiveSessions = Pick<
  SessionService,
  'liveContext' | 'isRehearsing' | 'refresh' | 'consoleView' | 'cueIfNeeded'
>;

/**
 * Refresh after a group write: group records belong to the running session (never a rehearsal);
 * each write is committed, then the windows are sent fresh views.
 */
export function writeToLiveGroup(
  sessions: Pick<LiveSessions, 'liveContext' | 'isRehearsing' | 'refresh' | 'consoleView'>,
  write: (context: LiveContext) => unknown,
): ConsoleView {
  const context = sessions.liveContext();
  if (!context)
    throw new RejectedRequest(sessions.isRehearsing() ? 'errors.rehearsal' : 'errors.noSession');
  write(context);
  sessions.refresh();
  return sessions.consoleView();
}

/**
 * Re-cue after a media change: a bound file or a moved cue changes what a running session shows,
 * so a video item waiting for its file gets it cued, and the windows fresh views.
 */
export function recueAfterMediaChange<T>(
  sessions: Pick<LiveSessions, 'cueIfNeeded' | 'refresh'>,
  result: T,
): T {
  sessions.cueIfNeeded();
  sessions.refresh();
  return result;
}

/**
 * Back up when a session ends: the command that ends a real session (not a rehearsal) is answered
 * once the records are copied, so the counselor can close the laptop at once.
 */
export async function commandBackingUpAtEnd(
  sessions: Pick<SessionService, 'isRehearsing' | 'command'>,
  command: SessionCommand,
  backUp: BackUp,
): Promise<ConsoleView> {
  const rehearsing = sessions.isRehearsing();
  const view = sessions.command(command);
  if (command.type === 'end' && view.session === null && !rehearsing) await backUp('session-end');
  return view;
}

/**
 * Reload after a restore: the restored file replaced the session log underneath the service, which
 * re-reads it (and any session live in it) whether the restore went through or not.
 */
export async function restoreThenReload<T>(
  sessions: Pick<SessionService, 'isLive' | 'reload'>,
  restore: (sessionLive: boolean) => Promise<T>,
): Promise<T> {
  const result = await restore(sessions.isLive());
  sessions.reload();
  return result;
}

/** An automatic backup that logs its failure instead of failing what asked for it. */
export function loggedBackUp(
  backups: {
    backup(reason: 'session-end'): Promise<unknown>;
    backupIfDue(): Promise<unknown>;
  },
  log: (message: string) => void = () => {},
): BackUp {
  return (reason) =>
    (reason === 'daily' ? backups.backupIfDue() : backups.backup(reason)).catch((error: unknown) =>
      log(`backup (${reason}) failed: ${(error as Error).message}`),
    );
}

export const DAILY_BACKUP_CHECK_MS = 60 * 60_000;

/**
 * Daily backups: one is due at start-up, and the kiosk asks again every hour, so a laptop left
 * running for days still gets one a day. Answers how to stop asking (at close).
 */
export function scheduleDailyBackups(
  backUp: BackUp,
  timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
): () => void {
  void backUp('daily');
  const interval = timers.setInterval(() => void backUp('daily'), DAILY_BACKUP_CHECK_MS);
  interval.unref?.();
  return () => timers.clearInterval(interval);
}

/** Announce the catalog after a pack is saved: the pack lists in every view refresh. */
export async function announceSavedPack<R extends { status: string }>(
  saving: Promise<R>,
  announce: () => void,
): Promise<R> {
  const result = await saving;
  if (result.status === 'saved') announce();
  return result;
}

/** Announce a self-entry step: the console learns who holds the laptop, and the views refresh. */
export function announceSelfEntryStep<T>(
  announce: () => void,
  sessions: Pick<SessionService, 'refresh'>,
  result: T,
): T {
  announce();
  sessions.refresh();
  return result;
}
