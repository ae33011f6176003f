/**
 * What the console may ask of a session, and the words both processes use for its phases and its
 * items' kinds: the state machine (services/session/sessionMachine.ts) decides each command, the
 * console's keys and buttons send them.
 */
import type { ITEM_KINDS } from '../pack/vocabulary';
import type { AudienceScreen } from './sessionState';

export type ItemKind = (typeof ITEM_KINDS)[number];

export type Phase =
  'not-started' | 'running' | 'paused' | 'break' | 'relaxation' | 'quiz' | 'ended';

export type SessionCommand =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'goToItem'; index: number }
  | { type: 'goToSlide'; number: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'skip'; index: number; reason: string }
  | { type: 'unskip'; index: number }
  | { type: 'adapt'; index: number; reason: string | null }
  | { type: 'toggleScreen'; screen: Exclude<AudienceScreen, 'content'> }
  | { type: 'leaveMode' }
  | { type: 'showQuestion'; id: string; answersShown: boolean; withResponses?: boolean }
  | { type: 'hideQuestion' }
  | { type: 'end' }
  | { type: 'videoPlay' }
  | { type: 'videoPause' }
  | { type: 'videoBack'; seconds: number }
  | { type: 'videoSeek'; positionMs: number }
  | { type: 'relaxationStart' }
  | { type: 'relaxationStop' }
  | {
      type: 'showBoard';
      board:
        | { kind: 'flipchart'; questionId: string }
        | { kind: 'quiz'; itemId: string }
        | { kind: 'game' }
        | { kind: 'practice' }
        | { kind: 'poll'; revealed: boolean };
    }
  | { type: 'hideBoard' }
  /** The console's preview measured how many screens the shown card needs. */
  | { type: 'cardPages'; pages: number };

/** A video cue's discussion question is shown like the item's own questions, under this id. */
export const cueQuestionId = (cueId: string) => `cue:${cueId}`;
