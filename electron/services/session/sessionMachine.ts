/**
 * The session state machine: which phase a session is in, and which events a counselor's command
 * produces from a given state. Pure: `decide` returns events, `applySessionEvent` folds them.
 */
import { type ItemKind, type Phase, type SessionCommand } from '../../shared/session/commands';
import { RejectedRequest } from '../errors';
import { relaxationActive, videoPositionMs } from '../../shared/session/sessionState';
import type { SessionEvent, SessionState } from '../../shared/session/sessionState';

export interface AgendaShape {
  id: string;
  kind: ItemKind;
  minutes: number;
  slideCount: number;
  /** How many build steps each of the item's slides has (1 for a slide without builds). */
  slideSteps?: readonly number[];
  questionIds: readonly string[];
}

/** What the service knows about the current item's media when a command is decided. */
export interface MediaContext {
  /** The current video item's media, when a file is set up for it. */
  video?: { mediaId: string; lengthMs: number; cuesMs: readonly number[] } | null;
  /** The relaxation segment's length, in a relaxation item. */
  relaxationMs?: number | null;
  /** The game's practice time in a game item, or the breakout time in an item with breakout groups. */
  practiceMs?: number | null;
  /** Quiz item ids of the pack, for showing one item's results. */
  quizItemIds?: readonly string[];
  /** Flipchart question ids of the current item. */
  flipchartQuestionIds?: readonly string[];
  /** Whether the current item has a poll to put to the room. */
  poll?: boolean;
}

/**
 * How far before a cue playback stops: less than one frame at any usual frame rate, so the
 * picture held during the pause is the last frame of the vignette that just ended, never the
 * first frame (often a title card) of the next one.
 */
export const STOP_BEFORE_CUE_MS = 10;

/** Where playback from `fromMs` stops by itself: just before the next cue point, or the end. */
export function nextStop(fromMs: number, cuesMs: readonly number[], lengthMs: number): number {
  // A cue within a frame of the position is the one just reached; play on to the following one.
  const cue = cuesMs.find((candidate) => candidate > fromMs + 40);
  return cue === undefined ? lengthMs : cue - STOP_BEFORE_CUE_MS;
}

/** A command that is well-formed but not possible now; its message is shown to the counselor. */
export class SessionRuleError extends RejectedRequest {
  override name = 'SessionRuleError';
}

export function phaseOf(state: SessionState, agenda: readonly AgendaShape[]): Phase {
  if (state.startedAt === null) return 'not-started';
  if (state.endedAt !== null) return 'ended';
  if (state.pausedAt !== null) return 'paused';
  const kind = state.current === null ? null : agenda[state.current]!.kind;
  if (kind === 'break' || kind === 'relaxation' || kind === 'quiz') return kind;
  return 'running';
}

export interface DeckPosition {
  item: number;
  slide: number;
  /** 1-based number among the real slides, or null for an item with no slides (a title card). */
  slideNumber: number | null;
}

/**
 * How many slides the deck has as it runs: a slide two items show counts twice, a build counts
 * once. The one count the console header, the sorter and the Content packs tab all show.
 */
export function deckSlideCount(agenda: readonly Pick<AgendaShape, 'slideCount'>[]): number {
  return agenda.reduce((count, item) => count + item.slideCount, 0);
}

/** Every place Next can stop, in agenda order: each slide, or one title card for an item without slides. */
export function deckPositions(agenda: readonly AgendaShape[]): DeckPosition[] {
  const positions: DeckPosition[] = [];
  let slideNumber = 0;
  agenda.forEach((item, index) => {
    if (item.slideCount === 0) positions.push({ item: index, slide: 0, slideNumber: null });
    for (let slide = 0; slide < item.slideCount; slide += 1) {
      slideNumber += 1;
      positions.push({ item: index, slide, slideNumber });
    }
  });
  return positions;
}

function moveTo(state: SessionState, target: DeckPosition, now: number): SessionEvent[] {
  if (target.item !== state.current)
    return [{ type: 'item-entered', index: target.item, slideIndex: target.slide, at: now }];
  const events: SessionEvent[] = [];
  if (state.question) events.push({ type: 'question-hidden' });
  if (target.slide !== state.slideIndex)
    events.push({ type: 'slide-shown', slideIndex: target.slide });
  return events;
}

function requireLive(state: SessionState): void {
  if (state.startedAt === null) throw new SessionRuleError('errors.session.notStarted');
  if (state.endedAt !== null) throw new SessionRuleError('errors.session.ended');
}

function requireItem(agenda: readonly AgendaShape[], index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= agenda.length) {
    throw new SessionRuleError('errors.session.noSuchItem', {
      number: index + 1,
      count: agenda.length,
    });
  }
}

function step(
  state: SessionState,
  agenda: readonly AgendaShape[],
  direction: 1 | -1,
  now: number,
): SessionEvent[] {
  // An advance key first brings the picture back, as in presentation software.
  if (state.screen === 'black' || state.screen === 'white')
    return [{ type: 'screen-set', screen: 'content' }];
  // Within a slide with builds, Next shows the next bullet (or the revealed answer) and
  // Previous takes the last one back, before either leaves the slide.
  const steps =
    state.current === null ? 1 : (agenda[state.current]!.slideSteps?.[state.slideIndex] ?? 1);
  const step = state.buildStep + direction;
  if (state.question === null && step >= 0 && step < steps) return [{ type: 'build-shown', step }];
  const positions = deckPositions(agenda);
  const here = positions.findIndex((p) => p.item === state.current && p.slide === state.slideIndex);
  for (let i = here + direction; i >= 0 && i < positions.length; i += direction) {
    const target = positions[i]!;
    if (state.items[target.item]!.status === 'skipped') continue;
    if (direction === -1 && target.item !== state.current) {
      const last = positions.filter((p) => p.item === target.item).at(-1)!;
      return moveTo(state, last, now);
    }
    return moveTo(state, target, now);
  }
  return state.question ? [{ type: 'question-hidden' }] : [];
}

export function startEvents(agenda: readonly AgendaShape[], now: number): SessionEvent[] {
  if (agenda.length === 0) throw new SessionRuleError('errors.session.noAgenda');
  return [
    { type: 'started', at: now },
    { type: 'item-entered', index: 0, slideIndex: 0, at: now },
  ];
}

function playFrom(
  fromMs: number,
  video: NonNullable<MediaContext['video']>,
  now: number,
): SessionEvent[] {
  const from = Math.min(Math.max(0, fromMs), video.lengthMs);
  return [
    {
      type: 'video-played',
      at: now,
      fromMs: from,
      stopAtMs: nextStop(from, video.cuesMs, video.lengthMs),
    },
  ];
}

function moveVideo(
  state: SessionState,
  video: NonNullable<MediaContext['video']>,
  toMs: number,
  now: number,
): SessionEvent[] {
  const target = Math.min(Math.max(0, toMs), video.lengthMs);
  // Stopped at a cue counts as paused: scrubbing during the discussion must not start the film.
  const playing =
    state.video !== null &&
    state.video.playingSince !== null &&
    videoPositionMs(state.video, now) < state.video.stopAtMs;
  if (playing) return playFrom(target, video, now);
  return [{ type: 'video-paused', positionMs: target }];
}

export function decide(
  state: SessionState,
  agenda: readonly AgendaShape[],
  command: SessionCommand,
  now: number,
  media: MediaContext = {},
): SessionEvent[] {
  requireLive(state);
  const video = state.video && media.video?.mediaId === state.video.mediaId ? media.video : null;
  const position = state.video ? videoPositionMs(state.video, now) : 0;
  const requireVideo = () => {
    if (!video) throw new SessionRuleError('errors.session.noVideo');
    return video;
  };
  // A card that continues on further screens pages first, as slide builds do.
  if ((command.type === 'next' || command.type === 'previous') && (state.question || state.board)) {
    const page = state.cardPage + (command.type === 'next' ? 1 : -1);
    const blank = state.screen === 'black' || state.screen === 'white';
    if (!blank && page >= 0 && page < state.cardPages) return [{ type: 'card-paged', page }];
  }
  switch (command.type) {
    case 'next': {
      // In a video item Next plays on to the next vignette; once the video is over it moves on.
      const blank = state.screen === 'black' || state.screen === 'white';
      if (video && !blank && state.slideIndex === 0 && position < video.lengthMs - 40) {
        const playing = state.video!.playingSince !== null && position < state.video!.stopAtMs;
        return playing ? [] : playFrom(position, video, now);
      }
      return step(state, agenda, 1, now);
    }
    case 'previous':
      return step(state, agenda, -1, now);
    case 'goToItem': {
      requireItem(agenda, command.index);
      if (command.index === state.current) return [];
      const events: SessionEvent[] = [];
      if (state.items[command.index]!.status === 'skipped')
        events.push({ type: 'unskipped', index: command.index });
      events.push({ type: 'item-entered', index: command.index, slideIndex: 0, at: now });
      return events;
    }
    case 'goToSlide': {
      const target = deckPositions(agenda).find((p) => p.slideNumber === command.number);
      if (!target) {
        const count = deckPositions(agenda).filter((p) => p.slideNumber !== null).length;
        throw new SessionRuleError('errors.session.noSuchSlide', { number: command.number, count });
      }
      const events: SessionEvent[] = [];
      if (state.items[target.item]!.status === 'skipped')
        events.push({ type: 'unskipped', index: target.item });
      return [...events, ...moveTo(state, target, now)];
    }
    case 'pause':
      if (state.pausedAt !== null) throw new SessionRuleError('errors.session.alreadyPaused');
      return [{ type: 'paused', at: now }];
    case 'resume':
      if (state.pausedAt === null) throw new SessionRuleError('errors.session.notPaused');
      return [{ type: 'resumed', at: now }];
    case 'skip': {
      requireItem(agenda, command.index);
      const item = state.items[command.index]!;
      if (command.index === state.current) throw new SessionRuleError('errors.session.itemRunning');
      if (item.status === 'done') throw new SessionRuleError('errors.session.alreadyRun');
      if (command.reason.trim() === '') throw new SessionRuleError('errors.session.skipReason');
      return [{ type: 'skipped', index: command.index, reason: command.reason.trim() }];
    }
    case 'unskip':
      requireItem(agenda, command.index);
      if (state.items[command.index]!.status !== 'skipped')
        throw new SessionRuleError('errors.session.notSkipped');
      return [{ type: 'unskipped', index: command.index }];
    case 'adapt': {
      requireItem(agenda, command.index);
      const reason = command.reason?.trim() || null;
      return [{ type: 'adapted', index: command.index, reason }];
    }
    case 'toggleScreen':
      return [
        {
          type: 'screen-set',
          screen: state.screen === command.screen ? 'content' : command.screen,
        },
      ];
    case 'leaveMode':
      if (relaxationActive(state.relaxation, now)) return [{ type: 'relaxation-stopped', at: now }];
      if (state.board) return [{ type: 'board-hidden' }];
      if (state.question) return [{ type: 'question-hidden' }];
      if (state.screen !== 'content') return [{ type: 'screen-set', screen: 'content' }];
      return [];
    case 'showQuestion': {
      const item = state.current === null ? null : agenda[state.current]!;
      if (!item?.questionIds.includes(command.id)) {
        throw new SessionRuleError('errors.session.otherItemQuestion');
      }
      return [
        {
          type: 'question-shown',
          id: command.id,
          answersShown: command.answersShown,
          // Only revealed answers can sit beside the responses; older events simply lack the flag.
          ...(command.withResponses && command.answersShown ? { withResponses: true } : {}),
        },
      ];
    }
    case 'hideQuestion':
      return state.question ? [{ type: 'question-hidden' }] : [];
    case 'end':
      return [{ type: 'ended', at: now }];
    case 'videoPlay': {
      const current = requireVideo();
      return playFrom(position >= current.lengthMs - 40 ? 0 : position, current, now);
    }
    case 'videoPause':
      requireVideo();
      return [{ type: 'video-paused', positionMs: position }];
    case 'videoBack':
      return moveVideo(state, requireVideo(), position - command.seconds * 1000, now);
    case 'videoSeek':
      return moveVideo(state, requireVideo(), command.positionMs, now);
    case 'relaxationStart': {
      const item = state.current === null ? null : agenda[state.current]!;
      if (item?.kind !== 'relaxation' || !media.relaxationMs) {
        throw new SessionRuleError('errors.session.relaxationItem');
      }
      if (relaxationActive(state.relaxation, now)) return [];
      return [{ type: 'relaxation-started', at: now, durationMs: media.relaxationMs }];
    }
    case 'relaxationStop':
      return relaxationActive(state.relaxation, now)
        ? [{ type: 'relaxation-stopped', at: now }]
        : [];
    case 'showBoard': {
      const board = command.board;
      if (board.kind === 'flipchart' && !media.flipchartQuestionIds?.includes(board.questionId)) {
        throw new SessionRuleError('errors.session.otherItemFlipchart');
      }
      if (board.kind === 'quiz' && !media.quizItemIds?.includes(board.itemId)) {
        throw new SessionRuleError('errors.session.noSuchQuizItem');
      }
      if (board.kind === 'poll' && !media.poll) {
        throw new SessionRuleError('errors.session.noPoll');
      }
      if (board.kind === 'practice') {
        if (!media.practiceMs) throw new SessionRuleError('errors.session.practiceTimer');
        return [
          {
            type: 'board-shown',
            board: { kind: 'practice', startedAt: now, durationMs: media.practiceMs },
          },
        ];
      }
      return [{ type: 'board-shown', board }];
    }
    case 'hideBoard':
      return state.board ? [{ type: 'board-hidden' }] : [];
    case 'cardPages':
      if (!(state.question || state.board) || command.pages === state.cardPages) return [];
      return [{ type: 'card-measured', pages: command.pages }];
  }
}
