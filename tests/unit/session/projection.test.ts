import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedPack } from '../../../electron/content/pack/registry';
import type { GroupView, TeamView } from '../../../electron/services/group/groupRecords';
import type { ResolvedMedia } from '../../../electron/services/media/mediaViews';
import { PackLibrary } from '../../../electron/services/packs/packLibrary';
import {
  projectAudience,
  projectConsoleSession,
  type LiveSession,
  type ProjectionReads,
} from '../../../electron/services/session/projection';
import { agendaShape } from '../../../electron/services/session/sessionService';
import { deckPositions, startEvents } from '../../../electron/services/session/sessionMachine';
import {
  applySessionEvent,
  initialSessionState,
  type SessionEvent,
} from '../../../electron/shared/session/sessionState';

/**
 * The audience projection is a function of the state and the pack: whatever the counselor alone
 * may read (notes, cues, the group's names, attendance and answers, the start form) is marked
 * here with SECRET and must never come out of it, on any screen of any built-in pack.
 */
const SECRET = 'SECRET';
const T0 = Date.UTC(2026, 10, 22, 17, 0);

const library = new PackLibrary(
  { builtIn: resolve('resources/curricula'), imported: '/nonexistent' },
  (id, path) => `/media/packs/${id}/${path}`,
);
const packIds = library.listView().packs.map((pack) => pack.id);

/** The pack with every counselor-only field replaced by a marked value. */
function withSecrets(pack: LoadedPack): LoadedPack {
  const manifest = structuredClone(pack.manifest);
  for (const item of manifest.agenda) {
    item.cues = [`${SECRET} cue of ${item.id}`];
    item.instructions = [`${SECRET} instruction of ${item.id}`];
    item.guidance = [
      { note: `${SECRET} guidance`, source: { title: `${SECRET} source`, url: 'https://x.test' } },
    ];
    for (const question of item.questions) {
      question.suggestions = [`${SECRET} suggestion`];
      question.answers = [`${SECRET} answer kept back`];
    }
    if (item.breakout) item.breakout.reportBack = `${SECRET} report-back`;
  }
  const slides = new Map(
    [...pack.slides].map(([id, slide]) => [id, { ...slide, notes: `${SECRET} note of ${id}` }]),
  );
  return { ...pack, manifest, slides };
}

const member = { id: 1, name: `${SECRET} Member` };
const team: TeamView = {
  id: 1,
  number: 1,
  scenarioId: null,
  scenarioTitle: 'Scenario one',
  members: [member],
  scores: {},
  total: 7,
};
const groupView: GroupView = {
  members: [
    {
      id: 1,
      name: member.name,
      present: true,
      firstSession: true,
      graduated: false,
      sessionsAttended: 3,
      priorSessions: 2,
      quizzesTaken: 1,
    },
  ],
  flipchart: {},
  answers: { 1: { q1: `${SECRET} member's answer` } },
  counts: {},
  polls: {},
  teams: [team],
};

/** The group's records as the projection may read them, counting who asks for the names. */
function fakeReads(): ProjectionReads & { namesRead: number } {
  const reads = {
    namesRead: 0,
    group: {
      view: () => {
        reads.namesRead += 1;
        return groupView;
      },
      flipchartEntries: () => ['what the room said'],
      quizCounts: () => ({}),
      pollCounts: () => ({}),
      teams: () => [team],
    },
    resolveMedia: (packId: string, mediaId: string): ResolvedMedia => ({
      packId,
      mediaId,
      kind: 'video',
      title: mediaId,
      lengthMs: 60_000,
      src: `/media/library/${mediaId}`,
      source: 'library',
      captionsSrc: null,
      cues: [],
      sourceNote: `${SECRET} where the file came from`,
    }),
  };
  return reads;
}

function liveOf(pack: LoadedPack, events: SessionEvent[]): LiveSession {
  const agenda = agendaShape(pack);
  const all = [...startEvents(agenda, T0), ...events];
  return {
    row: {
      id: 4,
      cohort_id: 2,
      pack_id: pack.manifest.id,
      pack_version: pack.manifest.version,
      pack_title: pack.manifest.title,
      facilitators: [`${SECRET} Facilitator`],
      time_keeper: `${SECRET} Time keeper`,
      created_at_ms: T0,
      status: 'live',
      summary: null,
    },
    cohortName: `${SECRET} Tuesday group`,
    pack,
    agenda,
    positions: deckPositions(agenda),
    state: all.reduce(applySessionEvent, initialSessionState(agenda.length)),
    recovered: false,
    rehearsal: false,
  };
}

/** Every screen a session of the pack can put up: each slide, build, video, board and question. */
function everyScreen(pack: LoadedPack): SessionEvent[][] {
  const screens: SessionEvent[][] = [];
  pack.manifest.agenda.forEach((item, index) => {
    const here: SessionEvent[] = [{ type: 'item-entered', index, slideIndex: 0, at: T0 }];
    for (let slideIndex = 0; slideIndex < Math.max(1, item.slides.length); slideIndex++) {
      const slide: SessionEvent[] = [...here, { type: 'slide-shown', slideIndex }];
      const steps = pack.slides.get(item.slides[slideIndex] ?? '')?.steps.length ?? 1;
      for (let step = 0; step < steps; step++)
        screens.push([...slide, { type: 'build-shown', step }]);
    }
    if (item.video)
      screens.push([...here, { type: 'video-cued', mediaId: item.video.media, stopAtMs: 1000 }]);
    for (const screen of ['black', 'white', 'dim'] as const)
      screens.push([...here, { type: 'screen-set', screen }]);
    for (const question of item.questions) {
      screens.push([...here, { type: 'question-shown', id: question.id, answersShown: false }]);
      screens.push([
        ...here,
        { type: 'question-shown', id: question.id, answersShown: false, withResponses: true },
      ]);
      screens.push([
        ...here,
        { type: 'board-shown', board: { kind: 'flipchart', questionId: question.id } },
      ]);
    }
    for (const quizItem of pack.manifest.quiz?.items ?? [])
      screens.push([
        ...here,
        { type: 'board-shown', board: { kind: 'quiz', itemId: quizItem.id } },
      ]);
    screens.push([...here, { type: 'board-shown', board: { kind: 'game' } }]);
    screens.push([
      ...here,
      { type: 'board-shown', board: { kind: 'practice', startedAt: T0, durationMs: 60_000 } },
    ]);
    if (item.poll) {
      for (const revealed of [false, true])
        screens.push([...here, { type: 'board-shown', board: { kind: 'poll', revealed } }]);
    }
    screens.push([...here, { type: 'relaxation-started', at: T0, durationMs: 60_000 }]);
  });
  return screens;
}

const audienceOf = (live: LiveSession | null, reads: ProjectionReads) =>
  projectAudience(
    {
      live,
      endedThisRun: false,
      upcoming: { title: 'Next group', program: 'HHRP+' },
      language: 'en',
      volumes: { video: 1, relaxation: 1 },
      revision: 1,
      now: T0 + 5_000,
    },
    reads,
  );

describe('the audience projection', () => {
  const kindsSeen = new Set<string>();

  it.each(packIds)('carries public fields only, on every screen of %s', (packId) => {
    const pack = withSecrets(library.find(packId)!);
    const reads = fakeReads();
    const screens = everyScreen(pack);
    expect(screens.length).toBeGreaterThan(pack.manifest.agenda.length);
    for (const events of screens) {
      const view = audienceOf(liveOf(pack, events), reads);
      kindsSeen.add(view.screen.kind);
      expect(Object.keys(view).sort()).toEqual([
        'cardPage',
        'language',
        'relaxationEndsAt',
        'revision',
        'screen',
        'serverNow',
        'volume',
      ]);
      expect(JSON.stringify(view), JSON.stringify(events.at(-1))).not.toContain(SECRET);
    }
    // Names, attendance and answers are never even read for the room.
    expect(reads.namesRead).toBe(0);
  });

  it('was tried on every kind of screen the room can see during a session', () => {
    expect([...kindsSeen].sort()).toEqual(
      ['black', 'break', 'flipchart', 'game-results', 'poll', 'practice', 'question']
        .concat(['quiz-result', 'slide', 'video', 'white'])
        .sort(),
    );
  });

  it('shows a question’s answers only once the counselor reveals them', () => {
    const pack = withSecrets(library.find('hhrp-group-5')!);
    const index = pack.manifest.agenda.findIndex((item) => item.questions.length > 0);
    const question = pack.manifest.agenda[index]!.questions[0]!;
    const shown = (answersShown: boolean) =>
      audienceOf(
        liveOf(pack, [
          { type: 'item-entered', index, slideIndex: 0, at: T0 },
          { type: 'question-shown', id: question.id, answersShown },
        ]),
        fakeReads(),
      ).screen;
    expect(shown(false)).toMatchObject({ kind: 'question', answers: null });
    expect(shown(true)).toMatchObject({ kind: 'question', answers: question.answers });
  });

  it('keeps the projector dark after a restart, whatever the state holds', () => {
    const pack = withSecrets(library.find('hhrp-group-5')!);
    const live = { ...liveOf(pack, []), recovered: true };
    expect(audienceOf(live, fakeReads()).screen).toEqual({ kind: 'black' });
    expect(audienceOf(null, fakeReads()).screen).toEqual({
      kind: 'idle',
      upcoming: { title: 'Next group', program: 'HHRP+' },
    });
  });

  it('is what the console shows as the projector, beside what only the console has', () => {
    const pack = withSecrets(library.find('hhrp-group-5')!);
    const reads = fakeReads();
    const live = liveOf(pack, []);
    const projector = audienceOf(live, reads);
    const console = projectConsoleSession(live, projector, reads, { nextBuild: 'Next build' });
    expect(console.projector).toBe(projector);
    // The marks are there to be found: the console's own view carries each kind of them.
    const text = JSON.stringify({ ...console, projector: null });
    for (const mark of [
      'Member',
      'Facilitator',
      'Time keeper',
      'Tuesday group',
      'note of',
      'cue of',
    ])
      expect(text).toContain(`${SECRET} ${mark}`);
    expect(reads.namesRead).toBe(1);
  });
});
