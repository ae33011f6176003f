/**
 * Metrics measured in this process over the app's own main-process modules: start-up of the
 * services, recording a quiz answer, the timetable's drift over a two-hour session, and the size
 * of the renderer bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { systemClock } from '../../electron/shared/clock';
import { createKioskCore } from '../../electron/core/kioskCore';
import { openDatabase, type Db } from '../../electron/db/database';
import { insertCohort } from '../../electron/db/queries/cohorts';
import { listMembers } from '../../electron/db/queries/group';
import { insertSession } from '../../electron/db/queries/sessions';
import { GroupRecords, type LiveContext } from '../../electron/services/group/groupRecords';
import { computeSchedule, MINUTE } from '../../electron/shared/session/schedule';
import { decide, startEvents } from '../../electron/services/session/sessionMachine';
import {
  applySessionEvent,
  initialSessionState,
  type SessionEvent,
  type SessionState,
} from '../../electron/shared/session/sessionState';
import { GROUP_START, log, makeTempDir, RENDERER_DIR, RESOURCES_DIR } from './harness';
import { agendaShape } from '../../electron/services/session/sessionService';
import { loadGroupFive } from './packs';
import { median, percentile, sleep, timeSync } from './stats';
import { TEST_KEY } from '../helpers/recordsKey';

/** createKioskCore on a fresh folder: open and migrate the database, load both built-in packs. */
export async function servicesColdStart(runs = 5): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const data = makeTempDir('cold');
    try {
      const messages: string[] = [];
      const { ms, result: core } = timeSync(() =>
        createKioskCore({
          dataDir: data.path,
          resourcesDir: RESOURCES_DIR,
          log: (message) => messages.push(message),
        }),
      );
      samples.push(ms);
      // Start-up also takes the first daily backup in the background; let it finish before closing.
      await sleep(150);
      core.close();
      if (messages.length > 0) log(`cold start logged: ${messages.join('; ')}`);
    } finally {
      data.remove();
    }
  }
  log(`services-cold-start samples (ms): ${samples.map((ms) => ms.toFixed(1)).join(', ')}`);
  return median(samples);
}

/**
 * `recordAnswer` for every member and quiz item, again and again (a counselor correcting keys),
 * on a fresh database with the app's own durability settings (WAL, synchronous = FULL).
 */
export function quizAnswerRecordP95(
  calls = 2000,
  open: (file: string) => Db = (file) => openDatabase(file, TEST_KEY),
): number {
  const data = makeTempDir('quiz');
  const db = open(join(data.path, 'kiosk.sqlite3'));
  try {
    const { manifest } = loadGroupFive();
    const now = Date.now();
    const cohort = insertCohort(db, 'Bench group', now);
    const session = insertSession(db, {
      cohortId: cohort.id,
      packId: manifest.id,
      packVersion: manifest.version,
      packTitle: manifest.title,
      facilitators: ['Bench'],
      timeKeeper: null,
      createdAtMs: now,
    });
    const context: LiveContext = { sessionId: session.id, cohortId: cohort.id, pack: manifest };
    const records = new GroupRecords(db, systemClock);
    for (let member = 1; member <= 12; member += 1)
      records.addMember(context, `Member ${member}`, true);
    const members = listMembers(db, cohort.id);
    const items = manifest.quiz?.items ?? [];
    if (items.length === 0) throw new Error('Group Five has no quiz');

    const samples: number[] = [];
    for (let round = 0; samples.length < calls; round += 1) {
      members.forEach((member, m) => {
        items.forEach((item, i) => {
          if (samples.length >= calls) return;
          const key = item.options[(round + m + i) % item.options.length]!.key;
          samples.push(
            timeSync(() => records.recordAnswer(context, member.id, item.id, key, 'counselor')).ms,
          );
        });
      });
    }
    log(
      `quiz answers: ${samples.length} calls, p50 ${percentile(samples, 50).toFixed(3)} ms, ` +
        `max ${Math.max(...samples).toFixed(3)} ms`,
    );
    return percentile(samples, 95);
  } finally {
    db.close();
    data.remove();
  }
}

/**
 * Group Five run on a simulated clock for two hours, each item exactly its planned minutes. At
 * every simulated second the timetable must equal what the timestamps say, to the millisecond.
 */
export function timerDrift2h(): number {
  const agenda = agendaShape(loadGroupFive());
  // An odd start (not on a second) catches any rounding to whole seconds.
  const start = GROUP_START + 137;
  const fold = (state: SessionState, events: SessionEvent[]) =>
    events.reduce(applySessionEvent, state);
  let state = fold(initialSessionState(agenda.length), startEvents(agenda, start));
  const plannedEnd = start + agenda.reduce((sum, item) => sum + item.minutes, 0) * MINUTE;
  let current = 0;
  let itemStart = start;
  let nextChange = start + agenda[0]!.minutes * MINUTE;
  let maxDiff = 0;
  let checks = 0;
  for (let now = start; now <= plannedEnd; now += 1000) {
    while (now >= nextChange && current < agenda.length - 1) {
      state = fold(state, decide(state, agenda, { type: 'goToItem', index: current + 1 }, now));
      current += 1;
      itemStart = nextChange;
      nextChange += agenda[current]!.minutes * MINUTE;
    }
    const schedule = computeSchedule(agenda, state, now);
    if (schedule.current?.index !== current) {
      throw new Error(`at +${now - start} ms the schedule is on item ${schedule.current?.index}`);
    }
    const plannedMs = agenda[current]!.minutes * MINUTE;
    const elapsed = now - itemStart;
    maxDiff = Math.max(
      maxDiff,
      Math.abs(schedule.sessionLeftMs - (plannedEnd - now)),
      Math.abs(schedule.current.elapsedMs - elapsed),
      Math.abs(schedule.current.leftMs - (plannedMs - elapsed)),
      // Every item on time: the projected end is the planned end.
      Math.abs(schedule.lateMs),
    );
    checks += 1;
  }
  log(`timer drift: ${checks} simulated seconds checked over ${agenda.length} items`);
  return maxDiff;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The scripts a window's page loads before it can be used: its entry and every modulepreload. */
function startupScripts(html: string): string[] {
  const page = readFileSync(join(RENDERER_DIR, html), 'utf8');
  return [...page.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) =>
    join(RENDERER_DIR, match[1]!),
  );
}

/**
 * gzip -9 size, in KB of 1024 bytes, of the JavaScript the largest window (console, audience,
 * passphrase) loads at start. Chunks a feature loads when it is first opened (PDF.js for a deck,
 * the pack editor, the Program view) are logged with the total of all chunks but not counted: they
 * come from the local disk when a coordinator opens that view, never before a window is usable.
 */
export function rendererJsGzipKb(): number {
  // web-bridge.js belongs to the browser shell, not to the app that Electron ships.
  const files = jsFiles(RENDERER_DIR).filter((file) => !file.endsWith('web-bridge.js'));
  if (files.length === 0) throw new Error(`no .js files under ${RENDERER_DIR}`);
  const pages = readdirSync(RENDERER_DIR).filter((name) => name.endsWith('.html'));
  const atStart = new Set(pages.flatMap(startupScripts));
  let all = 0;
  for (const file of files) {
    const size = gzipKb(file);
    const when = atStart.has(file) ? 'at start' : 'on demand';
    log(`gzip ${file.slice(RENDERER_DIR.length + 1)}: ${size.toFixed(1)} KB (${when})`);
    all += size;
  }
  log(`gzip all renderer chunks together: ${all.toFixed(1)} KB`);
  const perWindow = pages.map((page) => {
    const total = startupScripts(page).reduce((sum, file) => sum + gzipKb(file), 0);
    log(`gzip ${page} at start: ${total.toFixed(1)} KB`);
    return total;
  });
  return Math.max(...perWindow);
}
