/**
 * Does the console's JS heap grow over a two-hour Group Five session? The session runs on fake
 * clocks (main's `--fake-clock` and Playwright's page clock, moved together a minute at a time so
 * every timer still fires). Next is pressed on the console's keyboard like a counselor does; other
 * commands go to main over HTTP with the console page's own token, so the page does only what it
 * does in real use (receive views, render, tick) and no benchmark code runs inside it.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../../electron/ipc/contract';
import { deckPositions } from '../../electron/services/session/sessionMachine';
import type { ConsoleView } from '../../electron/services/session/views';
import { newContext, openAudience, openConsole } from './browserMetrics';
import { GROUP_START, log, withShell, type Shell } from './harness';
import { agendaShape } from '../../electron/services/session/sessionService';
import { loadGroupFive } from './packs';
import { tokenFor } from '../e2e/support/webShell';

const MINUTE = 60_000;
const MEMBERS = [
  'Alex',
  'Sam',
  'Jo',
  'Riley',
  'Dee',
  'Chris',
  'Pat',
  'Lee',
  'Mo',
  'Kim',
  'Ty',
  'Vi',
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A console page's channel to main, used from this process with the page's role token. */
type Call = <C extends ChannelName>(channel: C, args: RequestOf<C>) => Promise<ResponseOf<C>>;

async function consoleCall(shell: Shell): Promise<Call> {
  const token = await tokenFor(shell.consoleUrl);
  return async (channel, args) => {
    const response = await fetch(`${shell.origin}/__kiosk/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
      body: JSON.stringify({ channel, args }),
    });
    const result = (await response.json()) as Result<ResponseOf<typeof channel>>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
}

/** Main's clock and the pages' clocks move together, a minute at a time (timers fire each step). */
async function advance(context: BrowserContext, shell: Shell, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= MINUTE) {
    const step = Math.min(MINUTE, left);
    await shell.advanceClock(step);
    await context.clock.fastForward(step);
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Twice: the first collection can leave objects that only the second one frees.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

const PIN = '2468';

/** Runs one Group Five session; returns the console's heap after GC at the end of each item. */
async function runGroupFive(
  context: BrowserContext,
  shell: Shell,
  console: Page,
  call: Call,
  first: boolean,
): Promise<number[]> {
  const pack = loadGroupFive();
  const { manifest } = pack;
  const agenda = agendaShape(pack);
  const positions = deckPositions(agenda);
  const slideCount = positions.filter((position) => position.slideNumber !== null).length;
  let here = 0;

  /** Waits until the console shows the deck position `here`. */
  const consoleShowsHere = async () => {
    const position = positions[here]!;
    const item = `${position.item + 1}. ${manifest.agenda[position.item]!.title}`;
    const slide =
      position.slideNumber === null
        ? 'Title card'
        : `Slide ${position.slideNumber} of ${slideCount}`;
    for (const [testId, text] of [
      ['current-item', item],
      ['slide-position', slide],
    ] as const) {
      await console
        .getByTestId(testId)
        .filter({ hasText: new RegExp(`^${escapeRegExp(text)}`) })
        .waitFor({ timeout: 30_000 });
    }
  };
  const command = (request: RequestOf<'session:command'>): Promise<ConsoleView> =>
    call('session:command', request);
  /** Next until the console is on the following slide: through the slide's builds first. */
  const pressNext = async () => {
    const position = positions[here]!;
    const steps = agenda[position.item]!.slideSteps?.[position.slide] ?? 1;
    for (let step = 1; step < steps; step += 1) {
      await console.keyboard.press('ArrowRight');
      await console
        .getByTestId('build')
        .filter({ hasText: step === steps - 1 ? 'all shown' : `${step} of ${steps - 1}` })
        .waitFor({ timeout: 30_000 });
    }
    await console.keyboard.press('ArrowRight');
    here += 1;
    await consoleShowsHere();
  };

  // A returning group's roster is behind the counselor PIN, and a week locks the records again.
  if (first) await call('records:setPin', { pin: PIN, currentPin: null });
  else await call('records:unlock', { pin: PIN });
  const started = await call('session:start', {
    packId: manifest.id,
    cohortName: 'Memory group',
    facilitators: ['Riley', 'Sam'],
    timeKeeper: 'Jordan',
  });
  await consoleShowsHere();

  const heaps: number[] = [];
  for (const [index, item] of manifest.agenda.entries()) {
    if (index === 0) {
      // Attendance: new members the first week, the same group checking in afterwards.
      if (first) {
        for (const name of MEMBERS) await call('group:addMember', { name, checkIn: true });
      } else {
        for (const member of started.session?.group.members ?? []) {
          await call('group:setPresent', { memberId: member.id, present: true });
        }
      }
    }
    for (const question of item.questions) {
      await command({ type: 'showQuestion', id: question.id, answersShown: false });
      await command({ type: 'showQuestion', id: question.id, answersShown: true });
      await command({ type: 'hideQuestion' });
      if (question.flipchart) {
        for (const text of ['Talk first', 'Be honest', 'Listen']) {
          await call('group:addFlipchart', { questionId: question.id, text });
        }
        await command({ type: 'showBoard', board: { kind: 'flipchart', questionId: question.id } });
        await command({ type: 'hideBoard' });
      }
    }
    let spentMs = 0;
    if (item.kind === 'game' && manifest.game) {
      const view = await call('group:makeTeams', { teamCount: 2 });
      await command({ type: 'showBoard', board: { kind: 'practice' } });
      spentMs = manifest.game.practiceMinutes * MINUTE;
      await advance(context, shell, spentMs);
      await command({ type: 'hideBoard' });
      for (const team of view.session?.group.teams ?? []) {
        for (const criterion of manifest.game.criteria) {
          await call('group:score', { teamId: team.id, criterionId: criterion.id, points: 1 });
        }
      }
      await command({ type: 'showBoard', board: { kind: 'game' } });
      await command({ type: 'hideBoard' });
    }
    if (item.kind === 'quiz' && manifest.quiz) {
      const view = await call('session:consoleView', {});
      for (const member of view.session?.group.members ?? []) {
        for (const quizItem of manifest.quiz.items) {
          await call('group:answer', {
            memberId: member.id,
            itemId: quizItem.id,
            answer: quizItem.options[member.id % quizItem.options.length]!.key,
            enteredBy: 'counselor',
          });
        }
      }
      for (const quizItem of manifest.quiz.items) {
        await command({ type: 'showBoard', board: { kind: 'quiz', itemId: quizItem.id } });
      }
      await command({ type: 'hideBoard' });
    }
    if (item.kind === 'relaxation') await command({ type: 'relaxationStart' });

    // Next through the item's slides; in a video item Next plays the video instead.
    if (item.video) await command({ type: 'next' });
    else for (let slide = 1; slide < item.slides.length; slide += 1) await pressNext();
    await consoleShowsHere();
    await advance(context, shell, item.minutes * MINUTE - spentMs);
    heaps.push(await heapAfterGc(console));

    if (index === manifest.agenda.length - 1) break;
    // Next on the last slide moves on; in a video item it would play the next vignette.
    if (item.video) {
      await command({ type: 'goToItem', index: index + 1 });
      here = positions.findIndex((position) => position.item === index + 1);
      await consoleShowsHere();
    } else {
      await pressNext();
    }
  }
  await command({ type: 'end' });
  return heaps;
}

/**
 * Whole Group Five sessions as a counselor runs them: attendance, every slide, questions and
 * answers, flipcharts, both videos, the game, the quiz and the relaxation, a week apart. A leak
 * check: the console's heap after GC at the end of the fifth session against the end of the
 * second, in %. The first session is left out on purpose: each kind of view (video, game, quiz)
 * compiles its code and fills its caches the first time it appears, a one-time step, not a leak.
 */
export async function rendererMemoryGrowth(
  browser: Browser,
  sessions = 5,
  baselineSession = 2,
): Promise<number> {
  return withShell(
    'memory',
    async (shell) => {
      const context = await newContext(browser, shell);
      try {
        await context.clock.install({ time: GROUP_START });
        await context.clock.pauseAt(GROUP_START);
        const console = await context.newPage();
        const audience = await context.newPage();
        for (const page of [console, audience]) {
          page.on('pageerror', (error) => log(`page error in ${page.url()}: ${error.message}`));
        }
        await openConsole(console, shell);
        await openAudience(audience, shell);
        await console.bringToFront();
        const call = await consoleCall(shell);

        const endHeaps: number[] = [];
        for (let session = 0; session < sessions; session += 1) {
          const heaps = await runGroupFive(context, shell, console, call, session === 0);
          endHeaps.push(heaps.at(-1)!);
          // Item by item, to tell a steady leak from one-time steps as new views first appear.
          const trail = heaps.map((heap) => (heap / 1e6).toFixed(2)).join(' → ');
          log(`console heap after GC, session ${session + 1}, item by item (MB): ${trail}`);
          // The group meets again a week later (one jump: nothing runs in between).
          await shell.advanceClock(7 * 24 * 60 * MINUTE);
          await context.clock.fastForward(7 * 24 * 60 * MINUTE);
        }
        const audienceHeap = await heapAfterGc(audience);
        log(`audience heap after GC at the end: ${(audienceHeap / 1e6).toFixed(2)} MB`);
        const trail = endHeaps.map((heap) => (heap / 1e6).toFixed(2)).join(' → ');
        log(`console heap after GC at the end of each session (MB): ${trail}`);
        const startHeap = endHeaps[baselineSession - 1]!;
        return ((endHeaps.at(-1)! - startHeap) / startHeap) * 100;
      } finally {
        await context.close();
      }
    },
    GROUP_START,
  );
}
