import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { openDatabase, type Db } from '../../../electron/db/database';
import { listSessionEvents } from '../../../electron/db/queries/sessionEvents';
import { GroupRecords } from '../../../electron/services/group/groupRecords';
import { MediaLibrary } from '../../../electron/services/media/mediaLibrary';
import { PackLibrary } from '../../../electron/services/packs/packLibrary';
import { MINUTE } from '../../../electron/shared/session/schedule';
import { SessionService } from '../../../electron/services/session/sessionService';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';

const T0 = Date.UTC(2026, 10, 22, 17, 0);
let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let clock: ManualClock;
const packs = new PackLibrary(
  { builtIn: resolve('resources/curricula'), imported: '/nonexistent' },
  (id, path) => `/media/packs/${id}/${path}`,
);

const mediaFor = (database: Db) =>
  new MediaLibrary(
    database,
    clock,
    join(dir.path, 'media'),
    resolve('resources/media'),
    packs,
    '',
    () => Promise.reject(new Error('no imports in these tests')),
  );

const start = (service: SessionService, packId = 'hhrp-group-5') =>
  service.start({
    packId,
    cohortName: 'Tuesday group',
    facilitators: ['Riley', 'Sam'],
    timeKeeper: 'Jo',
  });

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  clock = new ManualClock(T0);
});
afterEach(() => {
  db.close();
  dir.remove();
});

function reopen(): SessionService {
  db.close();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  return new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
}

describe('SessionService', () => {
  it('starts a session for a group and creates the group once', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    const view = start(service).session!;
    expect(view).toMatchObject({
      packTitle: 'Negotiating Harm Reduction with Partners',
      cohortName: 'Tuesday group',
      phase: 'running',
    });
    expect(view.slide?.number).toBe(1);
    expect(service.setupOptions().cohorts).toEqual([
      { id: 1, name: 'Tuesday group', lastPackId: 'hhrp-group-5' },
    ]);
    expect(() => start(service)).toThrow(/still running/);
  });

  it('writes every change to the event log before telling the windows', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    const seen: number[] = [];
    service.subscribe(() => seen.push(listSessionEvents(db, 1).length));
    service.command({ type: 'next' });
    service.command({ type: 'toggleScreen', screen: 'black' });
    expect(seen).toEqual([3, 4]);
  });

  it('after a crash, resumes on the same item and slide with the right times, once the counselor says so', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    clock.advance(5 * MINUTE);
    service.command({ type: 'goToItem', index: 3 });
    service.command({ type: 'next' });
    clock.advance(4 * MINUTE);
    const before = service.consoleView().session!;

    clock.advance(2 * MINUTE);
    const restarted = reopen();
    const view = restarted.consoleView().session!;
    expect(view.recovered).toBe(true);
    expect(view.state.current).toBe(3);
    expect(view.slide).toEqual(before.slide);
    expect(restarted.audienceView().screen).toEqual({ kind: 'black' });
    expect(() => restarted.command({ type: 'next' })).toThrow(/Resume the session first/);

    const resumed = restarted.resume().session!;
    expect(resumed.recovered).toBe(false);
    expect(restarted.audienceView().screen).toMatchObject({
      kind: 'slide',
      slide: { number: before.slide!.number },
    });
    expect(resumed.state.runningSince).toBe(T0 + 5 * MINUTE);
    expect(resumed.state.items[0]!.elapsedMs).toBe(5 * MINUTE);
  });

  it('shows the break screen with the time to be back', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    clock.advance(50 * MINUTE);
    service.command({ type: 'goToItem', index: 8 });
    expect(service.consoleView().session!.phase).toBe('break');
    expect(service.audienceView().screen).toEqual({
      kind: 'break',
      backAt: T0 + 60 * MINUTE,
      paused: false,
    });
  });

  it('never sends the room notes, answers before they are revealed, or names', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    service.command({ type: 'goToItem', index: 2 });
    const session = service.consoleView().session!;
    const question = session.current!.questions[0]!;
    const answers = question.answers.join(' ');
    const check = () => JSON.stringify(service.audienceView());
    expect(check()).not.toContain('Riley');
    expect(check()).not.toContain('Tuesday group');
    expect(check()).not.toContain('Jo');
    expect(check()).not.toContain(session.slide!.notes);

    service.command({ type: 'showQuestion', id: question.id, answersShown: false });
    expect(service.audienceView().screen).toEqual({
      kind: 'question',
      prompt: question.prompt,
      answers: null,
    });
    expect(check()).not.toContain(question.answers[0]!);
    service.command({ type: 'showQuestion', id: question.id, answersShown: true });
    expect(check()).toContain(question.answers[0]!);
    expect(answers.length).toBeGreaterThan(0);
  });

  it('saves the fidelity record when the session ends', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    clock.advance(7 * MINUTE);
    service.command({ type: 'skip', index: 2, reason: 'Group already knew it' });
    service.command({ type: 'adapt', index: 1, reason: 'Used a personal story' });
    service.command({ type: 'goToItem', index: 1 });
    clock.advance(3 * MINUTE);
    service.command({ type: 'end' });

    const view = service.consoleView();
    expect(view.session).toBeNull();
    const summary = view.lastEnded!.summary;
    expect(summary).toMatchObject({
      plannedMinutes: 120,
      actualMinutes: 10,
      order: ['begin-group', summary.items[1]!.id],
    });
    expect(summary.items[0]).toMatchObject({
      plannedMinutes: 5,
      actualMinutes: 7,
      status: 'delivered',
      runOrder: 1,
    });
    expect(summary.items[1]).toMatchObject({
      actualMinutes: 3,
      adaptedReason: 'Used a personal story',
      runOrder: 2,
    });
    expect(summary.items[2]).toMatchObject({
      status: 'skipped',
      skippedReason: 'Group already knew it',
      runOrder: null,
    });
    expect(summary.items[3]).toMatchObject({ status: 'not-reached' });
    expect(service.summaryOf(1)).toEqual(summary);
    expect(service.audienceView().screen).toEqual({ kind: 'ended' });
    expect(reopen().consoleView().lastEnded?.summary).toEqual(summary);
  });
});

describe('SessionService after the second read', () => {
  it('closes, without crashing, a live session whose pack changed version meanwhile', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    db.prepare("UPDATE sessions SET pack_version = '0.9.0'").run();
    const restarted = reopen();
    expect(restarted.consoleView()).toMatchObject({ session: null, lastEnded: null });
    expect(db.prepare('SELECT status, summary FROM sessions').get()).toEqual({
      status: 'ended',
      summary: null,
    });
    expect(() => start(restarted)).not.toThrow();
  });

  it('closes a session whose end was logged but whose record was not written, with its record', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    clock.advance(3 * MINUTE);
    db.prepare(
      "INSERT INTO session_events (session_id, at_ms, type, payload) VALUES (1, ?, 'ended', json_object('type', 'ended', 'at', ?))",
    ).run(clock.now(), clock.now());
    const restarted = reopen();
    expect(restarted.consoleView().session).toBeNull();
    expect(restarted.consoleView().lastEnded?.summary.actualMinutes).toBe(3);
  });

  it('closes, rows kept, a live session whose log holds an event no schema reads', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    db.prepare(
      'INSERT INTO session_events (session_id, at_ms, type, payload) VALUES (1, 0, \'teleported\', \'{"type":"teleported"}\')',
    ).run();
    const count = () => db.prepare('SELECT count(*) AS n FROM session_events').get();
    const before = count();
    expect(reopen().consoleView().session).toBeNull();
    expect(count()).toEqual(before);
  });

  it('never sends a revision lower than one already sent, even after reloading a shorter log', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    service.command({ type: 'next' });
    const before = service.audienceView().revision;
    db.prepare('DELETE FROM session_events').run();
    db.prepare('DELETE FROM sessions').run();
    service.reload();
    expect(service.audienceView().revision).toBeGreaterThan(before);
    start(service);
    expect(service.audienceView().revision).toBeGreaterThan(before + 1);
  });

  it('cues a video as soon as its file is bound during the video item', () => {
    const media = mediaFor(db);
    const service = new SessionService(db, clock, packs, media, new GroupRecords(db, clock));
    start(service);
    service.command({ type: 'goToItem', index: 6 });
    expect(service.consoleView().session!.state.video).not.toBeNull();
    db.prepare("DELETE FROM session_events WHERE type = 'video-cued'").run();
    const restarted = reopen();
    restarted.resume();
    expect(restarted.consoleView().session!.state.video).toBeNull();
    restarted.cueIfNeeded();
    expect(restarted.consoleView().session!.state.video).toMatchObject({
      mediaId: 'latex-negotiation-video',
      positionMs: 0,
    });
  });

  it('scrubbing while stopped at a cue does not start the video', () => {
    const service = new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));
    start(service);
    service.command({ type: 'goToItem', index: 10 });
    service.command({ type: 'videoPlay' });
    clock.advance(40_000);
    service.command({ type: 'videoSeek', positionMs: 10_000 });
    expect(service.consoleView().session!.state.video).toMatchObject({
      positionMs: 10_000,
      playingSince: null,
    });
  });
});

describe('SessionService: what stays on the console', () => {
  const newService = () =>
    new SessionService(db, clock, packs, mediaFor(db), new GroupRecords(db, clock));

  it('never sends the room a current-guidance note or a facilitator suggestion', () => {
    for (const packId of ['hhrp-group-5', 'harm-reduction-101']) {
      const service = newService();
      const { manifest } = packs.find(packId)!;
      const slidesSay = manifest.slides.map((slide) => slide.markdown ?? '').join('\n');
      const consoleOnly = [
        ...manifest.agenda.flatMap((item) =>
          item.guidance.flatMap((note) => [note.note, note.source.url, note.source.title]),
        ),
        // A suggestion that happens to be a slide's words ("Overdose") proves nothing either way.
        ...manifest.agenda
          .flatMap((item) => item.questions.flatMap((question) => question.suggestions))
          .filter((suggestion) => !slidesSay.includes(suggestion)),
      ];
      expect(consoleOnly.length).toBeGreaterThan(0);
      const sent: string[] = [];
      const look = () => sent.push(JSON.stringify(service.audienceView()));

      const slideCount = start(service, packId).session!.slide!.count;
      for (let number = 1; number <= slideCount; number += 1) {
        service.command({ type: 'goToSlide', number });
        look();
      }
      manifest.agenda.forEach((item, index) => {
        const current = service.command({ type: 'goToItem', index }).session!.current!;
        look();
        expect(current.guidance).toEqual(item.guidance);
        expect(current.questions.map((question) => question.suggestions)).toEqual(
          item.questions.map((question) => question.suggestions),
        );
        for (const question of item.questions) {
          service.command({ type: 'showQuestion', id: question.id, answersShown: true });
          look();
        }
        service.command({ type: 'hideQuestion' });
        if (item.breakout) {
          service.command({ type: 'showBoard', board: { kind: 'practice' } });
          expect(service.audienceView().screen).toMatchObject({
            kind: 'practice',
            activity: 'breakout',
            endsAt: clock.now() + item.breakout.minutes * MINUTE,
          });
          look();
          service.command({ type: 'hideBoard' });
        }
      });
      const everything = sent.join('\n');
      for (const text of consoleOnly) expect(everything, text).not.toContain(text);
      service.command({ type: 'end' });
    }
  });

  it('keeps the scoring criteria off the projector during the game until the scores are revealed', () => {
    const service = newService();
    const { manifest } = packs.find('hhrp-group-5')!;
    const gameIndex = manifest.agenda.findIndex((item) => item.kind === 'game');
    start(service);
    const sent: string[] = [];
    const look = () => sent.push(JSON.stringify(service.audienceView()).toLowerCase());
    service.command({ type: 'goToItem', index: gameIndex });
    look();
    for (let slide = 1; slide < manifest.agenda[gameIndex]!.slides.length; slide += 1) {
      service.command({ type: 'next' });
      look();
    }
    service.command({ type: 'showBoard', board: { kind: 'practice' } });
    expect(service.audienceView().screen).toMatchObject({ activity: 'practice' });
    look();
    service.command({ type: 'hideBoard' });
    look();
    expect(service.consoleView().session!.current!.game!.criteria.length).toBe(10);
    const keyWords = ['respect', 'knowledge', 'alternative', 'eroticiz', 'bargain', 'refus'];
    for (const view of sent)
      for (const word of keyWords) expect(view, `"${word}" before the reveal`).not.toContain(word);

    service.command({ type: 'showBoard', board: { kind: 'game' } });
    expect(service.audienceView().screen.kind).toBe('game-results');
  });
});
