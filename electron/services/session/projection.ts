import type { LoadedPack } from '../../content/pack/registry';
import type { SessionRow } from '../../db/queries/sessions';
import { BONUS, type GroupRecords, type LiveContext } from '../group/groupRecords';
import type { ResolvedMedia } from '../media/mediaViews';
import { MINUTE } from '../../shared/session/schedule';
import { deckSlideCount, phaseOf, type AgendaShape, type DeckPosition } from './sessionMachine';
import { cueQuestionId } from '../../shared/session/commands';
import { relaxationActive, type SessionState } from '../../shared/session/sessionState';
import type {
  AudienceScreenView,
  AudienceView,
  ConsoleSessionView,
  CurrentItemView,
} from './views';

/**
 * The views both windows are sent, projected from a session's state and its pack. Pure: what they
 * read besides is passed in (`ProjectionReads`), so what the room may see is a function's output.
 */

export interface LiveSession {
  row: SessionRow;
  cohortName: string;
  pack: LoadedPack;
  agenda: AgendaShape[];
  positions: DeckPosition[];
  state: SessionState;
  recovered: boolean;
  /** A rehearsal runs like a session on both screens but is never written to the database. */
  rehearsal: boolean;
}

/** What the projections read besides the session: the group's records and the media, read only. */
export interface ProjectionReads {
  group: Pick<GroupRecords, 'view' | 'flipchartEntries' | 'quizCounts' | 'teams' | 'pollCounts'>;
  resolveMedia(packId: string, mediaId: string): ResolvedMedia | null;
}

/** Everything the audience projection starts from. */
export interface AudienceInput {
  live: LiveSession | null;
  /** No session runs, and one ended since the kiosk started: the projector says so. */
  endedThisRun: boolean;
  /** The pack chosen on the start form, for the projector's "starting soon" screen. */
  upcoming: { title: string; program: string } | null;
  language: string;
  volumes: AudienceView['volume'];
  revision: number;
  now: number;
}

/** The console's own words in the session view (main's phrases, in the console's language). */
export interface ConsoleWords {
  nextBuild: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The pack's quiz items, numbered as printed, with their answer key and feedback (console only). */
function quizItemsOf(manifest: LoadedPack['manifest']) {
  return (manifest.quiz?.items ?? []).map((quizItem, number) => ({
    id: quizItem.id,
    number: number + 1,
    prompt: quizItem.prompt,
    kind: quizItem.kind,
    options: quizItem.options,
    answer: quizItem.answer,
    feedback: quizItem.feedback,
  }));
}

/** The game's scoring sheet: each criterion, then the participation bonus under its own id. */
function scoringSheetOf(manifest: LoadedPack['manifest']) {
  const game = manifest.game;
  if (!game) return [];
  return [
    ...game.criteria.map((criterion) => ({
      id: criterion.id,
      text: criterion.text,
      points: criterion.points,
    })),
    ...(game.bonus
      ? [{ id: BONUS, text: `Bonus: ${game.bonus.text}`, points: game.bonus.points }]
      : []),
  ];
}

/** The item's questions the counselor can put on the projector: its own, then its video's cues'. */
export function showableQuestions(
  manifest: LoadedPack['manifest'],
  index: number,
): { id: string; prompt: string; answers: string[] }[] {
  const item = manifest.agenda[index]!;
  const media = item.video
    ? manifest.media.find((candidate) => candidate.id === item.video!.media)
    : undefined;
  return [
    ...item.questions,
    ...(media?.cues ?? []).flatMap((cue) =>
      cue.question
        ? [{ id: cueQuestionId(cue.id), prompt: cue.question, answers: cue.points }]
        : [],
    ),
  ];
}

/** Where a live session's (or a rehearsal's) group records are read. */
export function groupContextOf(live: LiveSession): LiveContext {
  return { sessionId: live.row.id, cohortId: live.row.cohort_id, pack: live.pack.manifest };
}

/** A media file that can be played now: bound, with a file to serve. */
export function playable(
  resolveMedia: ProjectionReads['resolveMedia'],
  packId: string,
  mediaId: string,
): ResolvedMedia | null {
  const resolved = resolveMedia(packId, mediaId);
  return resolved?.src ? resolved : null;
}

function slideAt(
  live: LiveSession,
  position: DeckPosition,
): { html: string; title: string; notes: string; steps: string[]; reveal: boolean } {
  const item = live.pack.manifest.agenda[position.item]!;
  const slideId = item.slides[position.slide];
  const slide = slideId === undefined ? undefined : live.pack.slides.get(slideId);
  if (!slide) {
    const html = `<h1>${escapeHtml(item.title)}</h1>`;
    return { html, title: item.title, notes: '', steps: [html], reveal: false };
  }
  return slide;
}

/** What the room sees of the current slide now: only the builds shown so far. */
function currentStepHtml(live: LiveSession, position: DeckPosition): string {
  const { steps } = slideAt(live, position);
  return steps[Math.min(live.state.buildStep, steps.length - 1)]!;
}

function currentPosition(live: LiveSession): DeckPosition | null {
  const { current, slideIndex } = live.state;
  return live.positions.find((p) => p.item === current && p.slide === slideIndex) ?? null;
}

/** The counselor's whole view of a running session; `projector` is what the room is sent. */
export function projectConsoleSession(
  live: LiveSession,
  projector: AudienceView,
  reads: ProjectionReads,
  words: ConsoleWords,
): ConsoleSessionView {
  const { manifest } = live.pack;
  const { state } = live;
  const position = currentPosition(live);
  const here = position ? live.positions.indexOf(position) : -1;
  const upcoming = live.positions
    .slice(here + 1)
    .find((p) => state.items[p.item]!.status !== 'skipped');
  const nextItemIndex =
    state.current === null
      ? null
      : manifest.agenda.findIndex(
          (_, index) => index > state.current! && state.items[index]!.status === 'pending',
        );
  const nextItem =
    nextItemIndex === null || nextItemIndex < 0 ? null : manifest.agenda[nextItemIndex]!;
  const slideCount = deckSlideCount(live.agenda);
  const current = position ? slideAt(live, position) : null;
  return {
    id: live.row.id,
    packId: manifest.id,
    packTitle: manifest.title,
    cohortName: live.cohortName,
    facilitators: live.row.facilitators,
    timeKeeper: live.row.time_keeper,
    phase: phaseOf(state, live.agenda),
    recovered: live.recovered,
    rehearsal: live.rehearsal,
    state,
    agenda: manifest.agenda.map((item, index) => ({
      index,
      id: item.id,
      title: item.title,
      kind: item.kind,
      minutes: item.minutes,
      clock: item.clock ?? null,
      summary: item.summary ?? null,
      modes: item.modes,
    })),
    current: state.current === null ? null : projectCurrentItem(live, state.current, reads),
    slide: current
      ? {
          number: position!.slideNumber,
          count: slideCount,
          title: current.title,
          html: current.html,
          notes: current.notes,
          build:
            current.steps.length > 1
              ? { step: state.buildStep, count: current.steps.length, reveal: current.reveal }
              : null,
        }
      : null,
    nextSlide:
      current && state.buildStep < current.steps.length - 1
        ? {
            number: position!.slideNumber,
            itemTitle: words.nextBuild,
            html: current.steps[state.buildStep + 1]!,
          }
        : upcoming
          ? {
              number: upcoming.slideNumber,
              itemTitle: manifest.agenda[upcoming.item]!.title,
              html: slideAt(live, upcoming).steps[0]!,
            }
          : null,
    deck: live.positions.flatMap((deckPosition) => {
      if (deckPosition.slideNumber === null) return [];
      const slide = slideAt(live, deckPosition);
      return [
        {
          number: deckPosition.slideNumber,
          item: deckPosition.item,
          title: slide.title,
          html: slide.steps.at(-1)!,
        },
      ];
    }),
    nextItem: nextItem
      ? {
          index: nextItemIndex!,
          title: nextItem.title,
          kind: nextItem.kind,
          minutes: nextItem.minutes,
          summary: nextItem.summary ?? null,
          cues: nextItem.cues,
        }
      : null,
    screen: state.screen,
    projector,
    question: state.question,
    board: state.board,
    group: reads.group.view(groupContextOf(live)),
    quiz: manifest.quiz ? { items: quizItemsOf(manifest) } : null,
    game: manifest.game
      ? {
          scenarios: manifest.game.scenarios,
          criteria: scoringSheetOf(manifest),
          maxPoints: manifest.game.maxPoints,
          teams: manifest.game.teams,
          practiceMinutes: manifest.game.practiceMinutes,
        }
      : null,
  };
}

function projectCurrentItem(
  live: LiveSession,
  index: number,
  reads: ProjectionReads,
): CurrentItemView {
  const { manifest } = live.pack;
  const item = manifest.agenda[index]!;
  const quizItems = manifest.quiz?.items ?? [];
  const markerIds = [
    ...new Set([...item.quizItems, ...item.questions.flatMap((question) => question.quizItems)]),
  ];
  const video = item.video
    ? manifest.media.find((media) => media.id === item.video!.media)
    : undefined;
  return {
    instructions: item.instructions,
    cues: item.cues,
    questions: item.questions.map((question) => ({
      id: question.id,
      prompt: question.prompt,
      answers: question.answers,
      suggestions: question.suggestions,
      flipchart: question.flipchart,
      quizItems: question.quizItems,
    })),
    guidance: item.guidance,
    breakout: item.breakout
      ? { minutes: item.breakout.minutes, reportBack: item.breakout.reportBack ?? null }
      : null,
    quizMarkers: markerIds.map((id) => {
      const number = quizItems.findIndex((quizItem) => quizItem.id === id);
      return { id, number: number + 1, prompt: quizItems[number]?.prompt ?? id };
    }),
    demonstration: item.demonstration
      ? {
          speakers: item.demonstration.speakers,
          elements: item.demonstration.elements.map((element) => ({
            id: element.id,
            title: element.title,
            instruction: element.instruction ?? null,
            lines: element.lines,
          })),
        }
      : null,
    video: item.video
      ? {
          mediaId: item.video.media,
          title: video?.title ?? item.video.media,
          intro: item.video.intro ?? null,
          media: reads.resolveMedia(manifest.id, item.video.media),
        }
      : null,
    poll: item.poll
      ? {
          prompt: item.poll.prompt,
          options: item.poll.options,
          multiple: item.poll.multiple,
          answer: item.poll.answer,
          discussion: item.poll.discussion ?? null,
        }
      : null,
    quiz:
      item.kind === 'quiz' && manifest.quiz
        ? {
            title: manifest.quiz.title,
            instructions: manifest.quiz.instructions ?? null,
            items: quizItemsOf(manifest),
          }
        : null,
    game:
      item.kind === 'game' && manifest.game
        ? {
            title: manifest.game.title,
            practiceMinutes: manifest.game.practiceMinutes,
            instructions: manifest.game.instructions,
            criteria: scoringSheetOf(manifest),
            maxPoints: manifest.game.maxPoints,
          }
        : null,
    relaxation:
      item.kind === 'relaxation' && manifest.relaxation
        ? {
            minutes: manifest.relaxation.minutes,
            intro: manifest.relaxation.intro,
            cue: manifest.relaxation.cue ?? null,
            audio: reads.resolveMedia(manifest.id, manifest.relaxation.media),
          }
        : null,
  };
}

/** Everything the projector is sent: public fields only, built from the state by construction. */
export function projectAudience(input: AudienceInput, reads: ProjectionReads): AudienceView {
  const relaxation = input.live?.state.relaxation ?? null;
  const { now } = input;
  return {
    revision: input.revision,
    serverNow: now,
    language: input.language,
    screen: audienceScreen(input, reads),
    cardPage: input.live?.state.cardPage ?? 0,
    volume: input.volumes,
    relaxationEndsAt:
      relaxation && !input.live?.recovered && relaxationActive(relaxation, now)
        ? relaxation.startedAt + relaxation.durationMs
        : null,
  };
}

function audienceScreen(input: AudienceInput, reads: ProjectionReads): AudienceScreenView {
  const { live } = input;
  if (!live)
    return input.endedThisRun ? { kind: 'ended' } : { kind: 'idle', upcoming: input.upcoming };
  const { state } = live;
  if (live.recovered) return { kind: 'black' };
  if (state.screen === 'black' || state.screen === 'white') return { kind: state.screen };
  if (state.board) {
    const board = boardScreen(live, state.board, reads);
    if (board) return board;
  }
  if (state.question) {
    const question = showableQuestions(live.pack.manifest, state.current!).find(
      (q) => q.id === state.question!.id,
    );
    if (question) {
      return {
        kind: 'question',
        prompt: question.prompt,
        answers: state.question.answersShown ? question.answers : null,
        ...(state.question.withResponses
          ? { responses: reads.group.flipchartEntries(groupContextOf(live), question.id) }
          : {}),
      };
    }
  }
  const index = state.current!;
  if (live.agenda[index]!.kind === 'break') {
    const plannedMs = live.agenda[index]!.minutes * MINUTE;
    const item = state.items[index]!;
    const since = state.runningSince ?? input.now;
    return {
      kind: 'break',
      backAt: since + plannedMs - item.elapsedMs,
      paused: state.runningSince === null,
    };
  }
  const videoItem = live.pack.manifest.agenda[index]!.video;
  const media =
    videoItem && state.video
      ? playable(reads.resolveMedia, live.pack.manifest.id, videoItem.media)
      : null;
  // The video holds the item's first slide; the item's later slides show once moved on to.
  if (media && state.video && state.screen !== 'dim' && state.slideIndex === 0) {
    return {
      kind: 'video',
      src: media.src!,
      captionsSrc: media.captionsSrc,
      title: media.title,
      video: state.video,
      lengthMs: media.lengthMs,
    };
  }
  const position = currentPosition(live)!;
  const slide = slideAt(live, position);
  return {
    kind: 'slide',
    slide: { number: position.slideNumber, html: currentStepHtml(live, position) },
    title: slide.title,
    dim: state.screen === 'dim',
  };
}

/** Boards show the group's results, never who answered what. */
function boardScreen(
  live: LiveSession,
  board: NonNullable<SessionState['board']>,
  reads: ProjectionReads,
): AudienceScreenView | null {
  const { manifest } = live.pack;
  const context = groupContextOf(live);
  switch (board.kind) {
    case 'flipchart': {
      const question = manifest.agenda
        .flatMap((item) => item.questions)
        .find((q) => q.id === board.questionId);
      return question
        ? {
            kind: 'flipchart',
            prompt: question.prompt,
            entries: reads.group.flipchartEntries(context, question.id),
          }
        : null;
    }
    case 'quiz': {
      const index =
        manifest.quiz?.items.findIndex((quizItem) => quizItem.id === board.itemId) ?? -1;
      const quizItem = manifest.quiz?.items[index];
      if (!quizItem) return null;
      const counts = reads.group.quizCounts(context)[quizItem.id] ?? {};
      return {
        kind: 'quiz-result',
        number: index + 1,
        prompt: quizItem.prompt,
        options: quizItem.options.map((option) => ({
          ...option,
          count: counts[option.key] ?? 0,
        })),
        correctKey: quizItem.answer,
        feedback: quizItem.feedback,
        answered: Object.values(counts).reduce((sum, count) => sum + count, 0),
      };
    }
    case 'game': {
      const teams = reads.group.teams(context);
      const best = Math.max(0, ...teams.map((team) => team.total));
      return {
        kind: 'game-results',
        teams: teams.map((team) => ({
          number: team.number,
          scenarioTitle: team.scenarioTitle,
          total: team.total,
        })),
        maxPoints: manifest.game?.maxPoints ?? 0,
        winners:
          teams.length > 0
            ? teams.filter((team) => team.total === best).map((team) => team.number)
            : [],
      };
    }
    case 'practice':
      return {
        kind: 'practice',
        // Worded by the projector in the pack's language.
        activity: manifest.agenda[live.state.current!]?.kind === 'game' ? 'practice' : 'breakout',
        endsAt: board.startedAt + board.durationMs,
      };
    case 'poll': {
      const item = manifest.agenda[live.state.current!]!;
      if (!item.poll) return null;
      const counts = reads.group.pollCounts(context)[item.id] ?? {};
      return {
        kind: 'poll',
        prompt: item.poll.prompt,
        options: item.poll.options.map((option) => ({
          key: option.key,
          text: option.text,
          count: board.revealed ? (counts[option.key] ?? null) : null,
          answer: board.revealed && item.poll!.answer.includes(option.key),
        })),
        revealed: board.revealed,
      };
    }
  }
}
