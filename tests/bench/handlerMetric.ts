/**
 * How long each request handler holds the main process's event loop on the ten-year program: the
 * kiosk core opened on that database (as the app opens it, key and migrations), then every handler
 * a counselor or coordinator reaches in a session and around it called through the router as a
 * window calls it: the views, the Program view and reports, starting a session with a group that
 * has ten years of records, attendance, quiz answers, teams and scores, printing and the exports.
 *
 * A call's time is the longer of its synchronous run (validation and the handler up to its first
 * await, with the views it pushes) and the longest event-loop delay while it was pending
 * (`monitorEventLoopDelay`, which also catches main-thread work after an await, e.g. adopting a
 * worker's result). Each channel is called several times and judged by its median, so one
 * descheduling of the benchmark on a shared machine does not decide it; the maximum is logged.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createKioskCore } from '../../electron/core/kioskCore';
import { formatRecoveryKey } from '../../electron/db/recoveryKey';
import { TEST_KEY } from '../helpers/recordsKey';
import { GROUP_START, log, makeTempDir, RESOURCES_DIR } from './harness';
import { median } from './stats';
import type { SyntheticProgram } from './syntheticProgram';

export interface HandlerTiming {
  channel: string;
  calls: number;
  medianMs: number;
  maxMs: number;
}

const PIN = '2468';

export async function handlerTimings(
  program: SyntheticProgram,
  repeats = 5,
): Promise<HandlerTiming[]> {
  const data = makeTempDir('kiosk-bench-handlers-');
  copyFileSync(program.file, join(data.path, 'kiosk.sqlite3'));
  let now = GROUP_START;
  const core = createKioskCore({
    dataDir: data.path,
    resourcesDir: RESOURCES_DIR,
    clock: { now: () => now },
    recoveryKey: formatRecoveryKey(TEST_KEY),
  });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const samples = new Map<string, number[]>();
  const call = async <T = unknown>(channel: string, args: unknown = {}): Promise<T> => {
    // Whatever the call before left pending settles first, so it is not counted here.
    await new Promise((resolve) => setTimeout(resolve, 5));
    histogram.reset();
    const started = performance.now();
    const pending = core.router.dispatch(channel, args, 'console');
    const syncMs = performance.now() - started;
    const result = await pending;
    const ms = Math.max(syncMs, histogram.max / 1e6);
    samples.set(channel, [...(samples.get(channel) ?? []), ms]);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  const repeat = async (channel: string, args: unknown = {}) => {
    for (let run = 0; run < repeats; run += 1) await call(channel, args);
  };

  try {
    const { manifest, recentSessionId } = program;
    const quiz = manifest.quiz!.items;
    const game = manifest.game!;
    const flipchartQuestion = manifest.agenda
      .flatMap((item) => item.questions)
      .find((question) => question.flipchart)!;
    const quizIndex = manifest.agenda.findIndex((item) => item.kind === 'quiz');
    const everything = { packId: null, cohortId: null, from: null, to: null };

    // The Program view's timing, run before on the same database, set this PIN already.
    const { pinSet } = await call<{ pinSet: boolean }>('records:lockStatus');
    if (!pinSet) await call('records:setPin', { pin: PIN, currentPin: null });
    await call('records:unlock', { pin: PIN });
    log('handlers: views, the Program view and reports');
    for (const channel of [
      'session:consoleView',
      'session:audienceView',
      'session:setupOptions',
      'app:notices',
      'app:capabilities',
      'displays:status',
      'packs:list',
      'packs:deckTargets',
      'media:library',
      'records:lockStatus',
      'records:overview',
      'selfEntry:view',
    ])
      await repeat(channel);
    await repeat('records:program', everything);
    await repeat('records:program', { ...everything, packId: manifest.id, cohortId: 1 });
    await repeat('session:summary', { sessionId: recentSessionId });
    await repeat('records:sessionReport', {
      sessionId: recentSessionId,
      format: 'csv',
      pageSize: 'Letter',
    });

    log('handlers: a session with a group that has ten years of records');
    await call('session:start', {
      packId: manifest.id,
      cohortName: 'Group 1',
      facilitators: ['Riley'],
      timeKeeper: null,
      pin: PIN,
    });
    const members = (
      await call<{ session: { group: { members: { id: number }[] } } }>('session:consoleView')
    ).session.group.members.slice(0, 12);
    for (const member of members)
      await call('group:setPresent', { memberId: member.id, present: true });
    for (let step = 0; step < repeats; step += 1) {
      now += 60_000;
      await call('session:command', { type: 'next' });
    }
    await repeat('group:addFlipchart', { questionId: flipchartQuestion.id, text: 'Being heard' });
    await call('session:command', { type: 'goToItem', index: quizIndex });
    for (const member of members)
      for (const item of quiz.slice(0, 2))
        await call('group:answer', {
          memberId: member.id,
          itemId: item.id,
          answer: item.answer,
        });
    await call('session:command', {
      type: 'showBoard',
      board: { kind: 'quiz', itemId: quiz[0]!.id },
    });
    await call('session:command', { type: 'hideBoard' });
    const view = await call<{ session: { group: { teams: { id: number }[] } } }>(
      'group:makeTeams',
      { teamCount: 2 },
    );
    for (const team of view.session.group.teams)
      for (const criterion of game.criteria)
        await call('group:score', { teamId: team.id, criterionId: criterion.id, points: 1 });
    now += 60_000;
    await call('session:command', { type: 'end' });

    log('handlers: printing and exports (worker jobs), and a backup');
    // Ending a session locks the records again.
    await call('records:unlock', { pin: PIN });
    await call('records:sessionReport', {
      sessionId: recentSessionId,
      format: 'pdf',
      pageSize: 'Letter',
    });
    await call('records:print', { document: 'agenda', packId: manifest.id, pageSize: 'Letter' });
    await call('records:print', {
      document: 'certificates',
      packId: manifest.id,
      cohortId: 1,
      pageSize: 'Letter',
    });
    await call('records:programReport', { ...everything, pageSize: 'Letter' });
    await call('records:exportAll');
    await call('records:exportRedcap');
    await call('records:backup');

    return [...samples]
      .map(([channel, times]) => ({
        channel,
        calls: times.length,
        medianMs: median(times),
        maxMs: Math.max(...times),
      }))
      .sort((a, b) => b.medianMs - a.medianMs);
  } finally {
    histogram.disable();
    core.close();
    data.remove();
  }
}

/** The slowest handler's median, with the ten slowest logged (median, max, calls). */
export async function slowestHandler(program: SyntheticProgram): Promise<number> {
  const timings = await handlerTimings(program);
  for (const timing of timings.slice(0, 10)) {
    log(
      `handlers: ${timing.channel} median ${timing.medianMs.toFixed(1)} ms, max ${timing.maxMs.toFixed(1)} ms (${timing.calls} calls)`,
    );
  }
  const over = timings.filter((timing) => timing.medianMs > 16).map((timing) => timing.channel);
  log(`handlers: ${timings.length} channels timed; over one frame: ${over.join(', ') || 'none'}`);
  return timings[0]!.medianMs;
}
