/**
 * The JSON the records keep in TEXT columns, as zod schemas: queries decode with them, so rows leave
 * db/ typed and checked, and a value that does not fit fails with where it was rather than
 * somewhere downstream.
 */
import { z } from 'zod';

/** Thrown when a stored JSON value does not have the shape its column holds. */
export class StoredValueError extends Error {
  override name = 'StoredValueError';
}

/** Parses `text` (a JSON column's value) with `schema`; `where` names the row for the error. */
export function decodeJson<Schema extends z.ZodType>(
  schema: Schema,
  text: string,
  where: string,
): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoredValueError(`${where} is not JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoredValueError(
      `${where} does not have the stored shape: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** `sessions.facilitators`: the names, in the order they were entered. */
export const facilitatorsSchema = z.array(z.string());

const deliveryStatusSchema = z.enum([
  'delivered',
  'adapted',
  'passed-through',
  'skipped',
  'not-reached',
]);

/** `sessions.summary`: the fidelity record written when a session ends (services/session/summary.ts). */
export const sessionSummarySchema = z.object({
  startedAt: z.number(),
  endedAt: z.number(),
  plannedMinutes: z.number(),
  actualMinutes: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      plannedMinutes: z.number(),
      actualMinutes: z.number(),
      status: deliveryStatusSchema,
      skippedReason: z.string().nullable(),
      adaptedReason: z.string().nullable(),
      runOrder: z.number().nullable(),
      /** Absent in records saved before revisits were counted. */
      visits: z.number().optional(),
    }),
  ),
  order: z.array(z.string()),
  /** Absent in records saved before stretches were kept. */
  stretches: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        startedAt: z.number(),
        endedAt: z.number(),
        minutes: z.number(),
        revisit: z.boolean(),
      }),
    )
    .optional(),
});
export type StoredSessionSummary = z.output<typeof sessionSummarySchema>;

/** `editor_drafts.draft_json`: the editor's form as it was, checked as a pack only when saved. */
export const editorDraftSchema = z.record(z.string(), z.unknown());
