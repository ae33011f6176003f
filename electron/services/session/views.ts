import type { SessionSummary } from './summary';
import type { GroupView } from '../group/groupRecords';
import type { ResolvedMedia } from '../media/mediaViews';
import type {
  AudienceScreen,
  Board,
  SessionState,
  ShownQuestion,
  VideoState,
} from '../../shared/session/sessionState';
import type { ItemKind, Phase } from '../../shared/session/commands';

/** A slide as a window draws it; `number` is null for the title card of an item without slides. */
export interface SlideView {
  number: number | null;
  html: string;
}

export interface AgendaItemView {
  index: number;
  id: string;
  title: string;
  kind: ItemKind;
  minutes: number;
  clock: string | null;
  summary: string | null;
  modes: string[];
}

export interface QuestionView {
  id: string;
  prompt: string;
  answers: string[];
  /** The facilitator's own prompts where the source gives no answer: never sent to the projector. */
  suggestions: string[];
  flipchart: boolean;
  quizItems: string[];
}

/** Current evidence beside the manual, for the counselor only; the source is text, never opened. */
export interface GuidanceNoteView {
  note: string;
  source: { title: string; url: string };
}

export interface QuizMarkerView {
  id: string;
  number: number;
  prompt: string;
}

export interface CurrentItemView {
  instructions: string[];
  cues: string[];
  questions: QuestionView[];
  quizMarkers: QuizMarkerView[];
  guidance: GuidanceNoteView[];
  /** Small groups with a timer on the projector, then a report-back. */
  breakout: { minutes: number; reportBack: string | null } | null;
  demonstration: {
    speakers: [string, string];
    elements: {
      id: string;
      title: string;
      instruction: string | null;
      lines: { speaker: 1 | 2; text: string }[];
    }[];
  } | null;
  /** `media.src` is null when no file is set up: the console says so and offers to bind one. */
  video: {
    mediaId: string;
    title: string;
    intro: string | null;
    media: ResolvedMedia | null;
  } | null;
  poll: {
    prompt: string;
    options: { key: string; text: string }[];
    multiple: boolean;
    answer: string[];
    discussion: string | null;
  } | null;
  quiz: {
    title: string;
    instructions: string | null;
    items: {
      id: string;
      number: number;
      prompt: string;
      options: { key: string; text: string }[];
      answer: string;
      feedback: string;
    }[];
  } | null;
  game: {
    title: string;
    practiceMinutes: number;
    instructions: string[];
    criteria: { text: string; points: number }[];
    maxPoints: number;
  } | null;
  relaxation: {
    minutes: number;
    intro: string;
    cue: string | null;
    audio: ResolvedMedia | null;
  } | null;
}

export interface ConsoleSessionView {
  id: number;
  packId: string;
  packTitle: string;
  cohortName: string;
  facilitators: string[];
  timeKeeper: string | null;
  phase: Phase;
  /** The kiosk restarted during this session; the projector stays dark until the counselor resumes. */
  recovered: boolean;
  /** Paging through the pack to rehearse: nothing is recorded, group records are off. */
  rehearsal: boolean;
  /** The raw state: windows compute the timetable from it with their own clock (see schedule.ts). */
  state: SessionState;
  agenda: AgendaItemView[];
  current: CurrentItemView | null;
  slide: {
    number: number | null;
    count: number;
    title: string;
    html: string;
    notes: string;
    /** A slide with builds: which step the room sees, of how many; `reveal` hides all but headings at 0. */
    build: { step: number; count: number; reveal: boolean } | null;
  } | null;
  nextSlide: { number: number | null; itemTitle: string; html: string } | null;
  /** Every slide of the pack in order, fully built, for the slide sorter's thumbnails. */
  deck: { number: number; item: number; title: string; html: string }[];
  nextItem: {
    index: number;
    title: string;
    kind: ItemKind;
    minutes: number;
    summary: string | null;
    cues: string[];
  } | null;
  screen: AudienceScreen;
  /** Exactly what the audience window is sent, for the console's preview. */
  projector: AudienceView;
  question: ShownQuestion | null;
  board: Board | null;
  /** Names and answers: the console only. */
  group: GroupView;
  quiz: {
    items: {
      id: string;
      number: number;
      prompt: string;
      kind: 'choice' | 'true-false';
      options: { key: string; text: string }[];
      answer: string;
    }[];
  } | null;
  game: {
    scenarios: { id: string; title: string; situation: string; roles: [string, string] }[];
    criteria: { id: string; text: string; points: number }[];
    maxPoints: number;
    teams: { min: number; max: number };
    practiceMinutes: number;
  } | null;
}

export interface EndedSessionView {
  id: number;
  packTitle: string;
  cohortName: string;
  summary: SessionSummary;
}

export interface ConsoleView {
  revision: number;
  /** Main's clock when the view was made, so windows can line their clocks up with it. */
  serverNow: number;
  session: ConsoleSessionView | null;
  lastEnded: EndedSessionView | null;
}

export type AudienceScreenView =
  /** Before a session: a calm "starting soon" screen with the chosen pack's title, if known. */
  | { kind: 'idle'; upcoming: { title: string; program: string } | null }
  | { kind: 'black' }
  | { kind: 'white' }
  | { kind: 'slide'; slide: SlideView; title: string; dim: boolean }
  | {
      kind: 'video';
      src: string;
      captionsSrc: string | null;
      title: string;
      video: VideoState;
      lengthMs: number;
    }
  | {
      kind: 'question';
      prompt: string;
      answers: string[] | null;
      /** The group's flipchart responses, kept beside the revealed answers when asked. */
      responses?: string[];
    }
  | { kind: 'break'; backAt: number; paused: boolean }
  | { kind: 'flipchart'; prompt: string; entries: string[] }
  | {
      kind: 'quiz-result';
      number: number;
      prompt: string;
      options: { key: string; text: string; count: number }[];
      correctKey: string;
      feedback: string;
      answered: number;
    }
  | {
      kind: 'game-results';
      teams: { number: number; scenarioTitle: string | null; total: number }[];
      maxPoints: number;
      winners: number[];
    }
  | { kind: 'practice'; activity: 'practice' | 'breakout'; endsAt: number }
  | {
      kind: 'poll';
      prompt: string;
      /** `count` is null before the reveal or while no hands were counted for the option. */
      options: { key: string; text: string; count: number | null; answer: boolean }[];
      revealed: boolean;
    }
  | { kind: 'ended' };

/** Everything the projector is sent: public fields only, built from the state by construction. */
export interface AudienceView {
  revision: number;
  serverNow: number;
  /** The running (or last chosen) pack's language: the kiosk's own words on the projector use it. */
  language: string;
  screen: AudienceScreenView;
  /** Which screen of a card too long for one the room sees (0 is the first). */
  cardPage: number;
  /** This machine's volumes, 0 to 1: the projector's video and the console's relaxation audio. */
  volume: { video: number; relaxation: number };
  /** While relaxation runs the room is dimmed to near black; it lifts by itself at this time. */
  relaxationEndsAt: number | null;
}

export interface SetupOptions {
  packs: {
    id: string;
    title: string;
    program: string;
    session: number | null;
    minutes: number;
    itemCount: number;
    audience: string;
  }[];
  /** `lastPackId`: the pack of the group's latest session, preselected when the group is chosen. */
  cohorts: { id: number; name: string; lastPackId: string | null }[];
}
