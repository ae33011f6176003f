/**
 * The session event log's format, versioned. Each `session_events` row carries the version it was
 * written in; reading parses the payload with that version's schema and upgrades it step by step
 * to the current one, so the state fold (sessionState.ts) only ever sees events
 * of one shape. To change the format: add a schema for the new version, an `upgradeEventVn` from
 * the one before, and raise CURRENT_EVENT_VERSION.
 */
import { z } from 'zod';

const audienceScreenSchema = z.enum(['content', 'black', 'white', 'dim']);
export type AudienceScreen = z.output<typeof audienceScreenSchema>;

const boardSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flipchart'), questionId: z.string() }),
  z.object({ kind: z.literal('quiz'), itemId: z.string() }),
  z.object({ kind: z.literal('game') }),
  z.object({ kind: z.literal('practice'), startedAt: z.number(), durationMs: z.number() }),
  /** The current item's poll: its options, then (revealed) the hands counted and the answer. */
  z.object({ kind: z.literal('poll'), revealed: z.boolean() }),
]);
/** A board the counselor put on the projector over the slide. */
export type StoredBoard = z.output<typeof boardSchema>;

/** Every event but `question-shown`, whose shape is what changed between versions. */
const unchangedEvents = [
  z.object({ type: z.literal('started'), at: z.number() }),
  z.object({
    type: z.literal('item-entered'),
    index: z.number().int(),
    slideIndex: z.number().int(),
    at: z.number(),
  }),
  z.object({ type: z.literal('slide-shown'), slideIndex: z.number().int() }),
  z.object({ type: z.literal('build-shown'), step: z.number().int() }),
  z.object({ type: z.literal('paused'), at: z.number() }),
  z.object({ type: z.literal('resumed'), at: z.number() }),
  z.object({ type: z.literal('skipped'), index: z.number().int(), reason: z.string() }),
  z.object({ type: z.literal('unskipped'), index: z.number().int() }),
  z.object({ type: z.literal('adapted'), index: z.number().int(), reason: z.string().nullable() }),
  z.object({ type: z.literal('screen-set'), screen: audienceScreenSchema }),
  z.object({ type: z.literal('question-hidden') }),
  z.object({ type: z.literal('ended'), at: z.number() }),
  /** The counselor resumed the session after the kiosk was restarted; changes nothing but the record. */
  z.object({ type: z.literal('restored'), at: z.number() }),
  z.object({ type: z.literal('video-cued'), mediaId: z.string(), stopAtMs: z.number() }),
  z.object({
    type: z.literal('video-played'),
    at: z.number(),
    fromMs: z.number(),
    stopAtMs: z.number(),
  }),
  z.object({ type: z.literal('video-paused'), positionMs: z.number() }),
  z.object({ type: z.literal('relaxation-started'), at: z.number(), durationMs: z.number() }),
  z.object({ type: z.literal('relaxation-stopped'), at: z.number() }),
  z.object({ type: z.literal('board-shown'), board: boardSchema }),
  z.object({ type: z.literal('board-hidden') }),
  z.object({ type: z.literal('card-measured'), pages: z.number().int() }),
  z.object({ type: z.literal('card-paged'), page: z.number().int() }),
] as const;

/** Version 1: events written before the log was versioned; a shown question may lack `withResponses`. */
export const sessionEventV1Schema = z.discriminatedUnion('type', [
  ...unchangedEvents,
  z.object({
    type: z.literal('question-shown'),
    id: z.string(),
    answersShown: z.boolean(),
    withResponses: z.boolean().optional(),
  }),
]);
export type SessionEventV1 = z.output<typeof sessionEventV1Schema>;

/** Version 2 (current): every field is written out; a shown question always says `withResponses`. */
export const sessionEventV2Schema = z.discriminatedUnion('type', [
  ...unchangedEvents,
  z.object({
    type: z.literal('question-shown'),
    id: z.string(),
    answersShown: z.boolean(),
    // What the state machine leaves out is written out: absent means not beside the responses.
    withResponses: z.boolean().default(false),
  }),
]);
/** An event as the log holds it now. */
export type StoredSessionEvent = z.output<typeof sessionEventV2Schema>;
/** An event as the state machine makes it, before it is written. */
export type NewSessionEvent = z.input<typeof sessionEventV2Schema>;

export const CURRENT_EVENT_VERSION = 2;

/** v1 → v2: a question shown before the flag existed was shown without the responses beside it. */
export function upgradeEventV1(event: SessionEventV1): StoredSessionEvent {
  return event.type === 'question-shown'
    ? { ...event, withResponses: event.withResponses ?? false }
    : event;
}

/** The payload as the log stores it at the current version. */
export function encodeSessionEvent(event: NewSessionEvent): string {
  return JSON.stringify(sessionEventV2Schema.parse(event));
}

/**
 * One stored event at the current version; `where` names the row when it does not fit its
 * version's schema (or the version is unknown), since a misread event would replay a wrong session.
 */
export function decodeSessionEvent(
  version: number,
  payload: unknown,
  where: string,
): StoredSessionEvent {
  const invalid = (error: z.ZodError) =>
    new Error(`${where} is not a valid event: ${z.prettifyError(error)}`);
  if (version === 1) {
    const parsed = sessionEventV1Schema.safeParse(payload);
    if (!parsed.success) throw invalid(parsed.error);
    return upgradeEventV1(parsed.data);
  }
  if (version === CURRENT_EVENT_VERSION) {
    const parsed = sessionEventV2Schema.safeParse(payload);
    if (!parsed.success) throw invalid(parsed.error);
    return parsed.data;
  }
  throw new Error(
    `${where} was written in event format ${version}; this version of Facilitator Kiosk reads up to ${CURRENT_EVENT_VERSION}.`,
  );
}
