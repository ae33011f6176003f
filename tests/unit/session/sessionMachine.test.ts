import { describe, expect, it } from 'vitest';
import { refusal } from '../../helpers/refusal';
import {
  decide,
  deckPositions,
  deckSlideCount,
  phaseOf,
  SessionRuleError,
  startEvents,
  type AgendaShape,
  type MediaContext,
} from '../../../electron/services/session/sessionMachine';
import { type SessionCommand } from '../../../electron/shared/session/commands';
import {
  applySessionEvent,
  initialSessionState,
  itemElapsedMs,
  relaxationActive,
  videoPositionMs,
  type SessionState,
} from '../../../electron/shared/session/sessionState';

const agenda: AgendaShape[] = [
  { id: 'open', kind: 'opening', minutes: 5, slideCount: 2, questionIds: [] },
  { id: 'talk', kind: 'discussion', minutes: 10, slideCount: 1, questionIds: ['why'] },
  { id: 'pause', kind: 'break', minutes: 10, slideCount: 0, questionIds: [] },
  { id: 'quiz', kind: 'quiz', minutes: 5, slideCount: 1, questionIds: [] },
];

const T0 = 1_700_000_000_000;

function run(commands: [SessionCommand, number][]): SessionState {
  let state = startEvents(agenda, T0).reduce(applySessionEvent, initialSessionState(agenda.length));
  for (const [command, at] of commands)
    state = decide(state, agenda, command, at).reduce(applySessionEvent, state);
  return state;
}

describe('session state machine', () => {
  it('is not started, then running the first item on its first slide', () => {
    expect(phaseOf(initialSessionState(4), agenda)).toBe('not-started');
    const state = run([]);
    expect(phaseOf(state, agenda)).toBe('running');
    expect(state).toMatchObject({ startedAt: T0, current: 0, slideIndex: 0, runningSince: T0 });
  });

  it('refuses commands before the start and after the end', () => {
    expect(() => decide(initialSessionState(4), agenda, { type: 'next' }, T0)).toThrow(
      SessionRuleError,
    );
    const ended = run([[{ type: 'end' }, T0 + 1000]]);
    expect(phaseOf(ended, agenda)).toBe('ended');
    expect(() => decide(ended, agenda, { type: 'next' }, T0 + 2000)).toThrow(
      refusal('invalid-state', /ended/),
    );
  });

  it('steps through slides, then into the next item, and back to the last slide of the previous item', () => {
    let state = run([[{ type: 'next' }, T0 + 1000]]);
    expect(state).toMatchObject({ current: 0, slideIndex: 1 });
    state = run([
      [{ type: 'next' }, T0 + 1000],
      [{ type: 'next' }, T0 + 60_000],
    ]);
    expect(state).toMatchObject({ current: 1, slideIndex: 0 });
    expect(state.items[0]).toMatchObject({
      status: 'done',
      elapsedMs: 60_000,
      lastEndedAt: T0 + 60_000,
    });
    state = decide(state, agenda, { type: 'previous' }, T0 + 70_000).reduce(
      applySessionEvent,
      state,
    );
    expect(state).toMatchObject({ current: 0, slideIndex: 1 });
    expect(itemElapsedMs(state, 0, T0 + 80_000)).toBe(70_000);
    expect(state.order).toEqual([0, 1]);
  });

  it('stops on a title card for an item without slides, and enters the break phase there', () => {
    const state = run([[{ type: 'goToItem', index: 2 }, T0 + 5000]]);
    expect(phaseOf(state, agenda)).toBe('break');
    expect(deckPositions(agenda).filter((p) => p.item === 2)).toEqual([
      { item: 2, slide: 0, slideNumber: null },
    ]);
  });

  it('jumps to a slide by its number and refuses one that does not exist', () => {
    const state = run([[{ type: 'goToSlide', number: 4 }, T0 + 1000]]);
    expect(state).toMatchObject({ current: 3, slideIndex: 0 });
    expect(phaseOf(state, agenda)).toBe('quiz');
    expect(() => decide(state, agenda, { type: 'goToSlide', number: 9 }, T0)).toThrow(
      'There is no slide 9; this session has 4.',
    );
  });

  it('skips a pending item with a reason, and Next passes over it', () => {
    const state = run([
      [{ type: 'skip', index: 2, reason: 'Started late' }, T0 + 1000],
      [{ type: 'goToItem', index: 1 }, T0 + 2000],
      [{ type: 'next' }, T0 + 3000],
    ]);
    expect(state.items[2]).toMatchObject({ status: 'skipped', skippedReason: 'Started late' });
    expect(state.current).toBe(3);
  });

  it('refuses to skip the running item, a done item, or without a reason', () => {
    const state = run([[{ type: 'goToItem', index: 1 }, T0 + 1000]]);
    expect(() => decide(state, agenda, { type: 'skip', index: 1, reason: 'x' }, T0)).toThrow(
      /running/,
    );
    expect(() => decide(state, agenda, { type: 'skip', index: 0, reason: 'x' }, T0)).toThrow(
      /already been run/,
    );
    expect(() => decide(state, agenda, { type: 'skip', index: 3, reason: '  ' }, T0)).toThrow(
      /reason/,
    );
  });

  it('records an adaptation and clears it', () => {
    let state = run([[{ type: 'adapt', index: 1, reason: ' Shortened for time ' }, T0]]);
    expect(state.items[1]!.adaptedReason).toBe('Shortened for time');
    state = decide(state, agenda, { type: 'adapt', index: 1, reason: null }, T0).reduce(
      applySessionEvent,
      state,
    );
    expect(state.items[1]!.adaptedReason).toBeNull();
  });

  it('pauses the item timer and resumes it', () => {
    const state = run([
      [{ type: 'pause' }, T0 + 60_000],
      [{ type: 'resume' }, T0 + 180_000],
    ]);
    expect(itemElapsedMs(state, 0, T0 + 240_000)).toBe(120_000);
    const paused = run([[{ type: 'pause' }, T0 + 60_000]]);
    expect(phaseOf(paused, agenda)).toBe('paused');
    expect(itemElapsedMs(paused, 0, T0 + 600_000)).toBe(60_000);
    expect(() => decide(paused, agenda, { type: 'pause' }, T0)).toThrow(
      refusal('invalid-state', /already paused/),
    );
  });

  it('toggles black and white; an advance key first brings the picture back', () => {
    let state = run([[{ type: 'toggleScreen', screen: 'black' }, T0]]);
    expect(state.screen).toBe('black');
    state = decide(state, agenda, { type: 'next' }, T0).reduce(applySessionEvent, state);
    expect(state).toMatchObject({ screen: 'content', slideIndex: 0 });
    state = run([
      [{ type: 'toggleScreen', screen: 'white' }, T0],
      [{ type: 'toggleScreen', screen: 'white' }, T0],
    ]);
    expect(state.screen).toBe('content');
  });

  it('shows a question of the current item, reveals its answers, and Esc hides it', () => {
    let state = run([
      [{ type: 'goToItem', index: 1 }, T0],
      [{ type: 'showQuestion', id: 'why', answersShown: false }, T0],
    ]);
    expect(state.question).toEqual({ id: 'why', answersShown: false, withResponses: false });
    state = decide(
      state,
      agenda,
      { type: 'showQuestion', id: 'why', answersShown: true },
      T0,
    ).reduce(applySessionEvent, state);
    expect(state.question).toEqual({ id: 'why', answersShown: true, withResponses: false });
    state = decide(state, agenda, { type: 'leaveMode' }, T0).reduce(applySessionEvent, state);
    expect(state.question).toBeNull();
    expect(() =>
      decide(run([]), agenda, { type: 'showQuestion', id: 'why', answersShown: false }, T0),
    ).toThrow(refusal('conflict', /another agenda item/));
  });

  it('counts the deck as it runs: the same number as its positions with a slide', () => {
    const reused = [...agenda, { ...agenda[1]!, id: 'again' }];
    expect(deckSlideCount(reused)).toBe(
      deckPositions(reused).filter((position) => position.slideNumber !== null).length,
    );
  });

  it('keeps the flipchart beside revealed answers only when asked, and only with the answers', () => {
    const shown = (command: SessionCommand) =>
      decide(run([[{ type: 'goToItem', index: 1 }, T0]]), agenda, command, T0);
    expect(
      shown({ type: 'showQuestion', id: 'why', answersShown: true, withResponses: true }),
    ).toEqual([{ type: 'question-shown', id: 'why', answersShown: true, withResponses: true }]);
    expect(
      shown({ type: 'showQuestion', id: 'why', answersShown: false, withResponses: true }),
    ).toEqual([{ type: 'question-shown', id: 'why', answersShown: false }]);
    // An event written before the flag existed replays as answers alone.
    const replayed = applySessionEvent(run([[{ type: 'goToItem', index: 1 }, T0]]), {
      type: 'question-shown',
      id: 'why',
      answersShown: true,
    });
    expect(replayed.question).toEqual({ id: 'why', answersShown: true, withResponses: false });
  });

  it('closes the running item when the session ends', () => {
    const state = run([
      [{ type: 'pause' }, T0 + 30_000],
      [{ type: 'end' }, T0 + 90_000],
    ]);
    expect(state.items[0]).toMatchObject({ status: 'done', elapsedMs: 30_000 });
    expect(state.endedAt).toBe(T0 + 90_000);
  });
});

describe('video and relaxation', () => {
  const videoAgenda: AgendaShape[] = [
    { id: 'watch', kind: 'video', minutes: 15, slideCount: 1, questionIds: [] },
    { id: 'after', kind: 'discussion', minutes: 5, slideCount: 1, questionIds: [] },
    { id: 'relax', kind: 'relaxation', minutes: 10, slideCount: 1, questionIds: [] },
  ];
  const media = {
    video: { mediaId: 'clip', lengthMs: 120_000, cuesMs: [30_000, 60_000, 90_000, 118_000] },
  };
  const cued = (): SessionState =>
    [
      ...startEvents(videoAgenda, T0),
      { type: 'video-cued' as const, mediaId: 'clip', stopAtMs: 30_000 },
    ].reduce(applySessionEvent, initialSessionState(videoAgenda.length));
  const apply = (
    state: SessionState,
    command: SessionCommand,
    at: number,
    context: MediaContext = media,
  ) => decide(state, videoAgenda, command, at, context).reduce(applySessionEvent, state);

  it('Next plays to the first cue, where the video stops by itself; Next plays on to the next', () => {
    let state = apply(cued(), { type: 'next' }, T0 + 1000);
    // It holds the last frame of the vignette, just before the cue, not the next one's first.
    expect(state.video).toMatchObject({ positionMs: 0, playingSince: T0 + 1000, stopAtMs: 29_990 });
    expect(videoPositionMs(state.video!, T0 + 20_000)).toBe(19_000);
    expect(videoPositionMs(state.video!, T0 + 90_000)).toBe(29_990);
    expect(decide(state, videoAgenda, { type: 'next' }, T0 + 10_000, media)).toEqual([]);
    state = apply(state, { type: 'next' }, T0 + 100_000);
    expect(state.video).toMatchObject({
      positionMs: 29_990,
      playingSince: T0 + 100_000,
      stopAtMs: 59_990,
    });
  });

  it('pauses, goes back 10 seconds and seeks, re-arming the right cue', () => {
    let state = apply(cued(), { type: 'videoPlay' }, T0);
    state = apply(state, { type: 'videoPause' }, T0 + 12_000);
    expect(state.video).toMatchObject({ positionMs: 12_000, playingSince: null });
    state = apply(state, { type: 'videoBack', seconds: 10 }, T0 + 13_000);
    expect(state.video!.positionMs).toBe(2_000);
    state = apply(state, { type: 'videoSeek', positionMs: 61_000 }, T0 + 14_000);
    state = apply(state, { type: 'videoPlay' }, T0 + 15_000);
    expect(state.video!.stopAtMs).toBe(89_990);
  });

  it('moves on to the next item once the video is over', () => {
    let state = apply(cued(), { type: 'videoSeek', positionMs: 120_000 }, T0);
    state = apply(state, { type: 'next' }, T0 + 1000);
    expect(state.current).toBe(1);
    expect(state.video).toBeNull();
  });

  it('refuses video commands where no video is set up, and Next just moves on', () => {
    expect(() => apply(cued(), { type: 'videoPlay' }, T0, { video: null })).toThrow(
      /no video set up/,
    );
    expect(apply(cued(), { type: 'next' }, T0, { video: null }).current).toBe(1);
  });

  it('runs relaxation for its minutes; Esc stops it at once', () => {
    let state = [...startEvents(videoAgenda, T0)].reduce(applySessionEvent, initialSessionState(3));
    expect(() =>
      apply(state, { type: 'relaxationStart' }, T0, { video: null, relaxationMs: 600_000 }),
    ).toThrow(refusal('invalid-state', /relaxation item/));
    state = apply(state, { type: 'goToItem', index: 2 }, T0);
    state = apply(state, { type: 'relaxationStart' }, T0 + 1000, { relaxationMs: 600_000 });
    expect(relaxationActive(state.relaxation, T0 + 500_000)).toBe(true);
    expect(relaxationActive(state.relaxation, T0 + 601_001)).toBe(false);
    state = apply(state, { type: 'leaveMode' }, T0 + 2000, {});
    expect(relaxationActive(state.relaxation, T0 + 3000)).toBe(false);
    expect(state.relaxation!.stoppedAt).toBe(T0 + 2000);
  });
});
