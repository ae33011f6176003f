/**
 * The content pack format (version 1). A pack is a folder with a `pack.yaml` manifest, slides
 * (Markdown inline or in files, or images exported from a clinic's own deck) and media references.
 * The README's "Writing a content pack" section documents every field defined here.
 */
import { z } from 'zod';
import { stripInvisibleControls } from '../../shared/plainText';
import { phrase, type Phrase } from '../../shared/i18n/phraseKeys';
import { ITEM_KINDS, MODES } from '../../shared/pack/vocabulary';

export const PACK_FORMAT = 1;

/** The schema's own messages (zod words the rest), in English and as phrases for the console. */
const SCHEMA_MESSAGES = {
  markdownOrFile: 'give either markdown or file, not both',
  minNotAboveMax: 'min must not exceed max',
  packFormat: `this app reads pack format ${PACK_FORMAT}`,
  idPattern: 'use lowercase letters, digits and hyphens (e.g. "group-five")',
  notEmpty: 'must not be empty',
  timeFormat: 'write a time as m:ss, h:mm:ss or seconds',
  clockFormat: 'write a clock time as h:mm, e.g. "1:05"',
  insidePack: 'must be a path inside the pack folder',
  quizOptionReference: 'name a quiz option as <quiz item id>.<key>, e.g. "q2.c"',
  webAddress: 'a web address starting with https:// (shown as text, never opened)',
  singleLetter: 'a single letter',
  answerKey: 'the key of the correct option',
  versionFormat: 'use a version like 1.0.0',
  languageTag: 'a language tag such as "en" or "es-US"',
} as const;
const SCHEMA_WORDS = new Map<string, Phrase>([
  [SCHEMA_MESSAGES.markdownOrFile, phrase('packCheck.markdownOrFile')],
  [SCHEMA_MESSAGES.minNotAboveMax, phrase('packCheck.minNotAboveMax')],
  [SCHEMA_MESSAGES.packFormat, phrase('packCheck.packFormat', { format: PACK_FORMAT })],
  [SCHEMA_MESSAGES.idPattern, phrase('packCheck.schema.idPattern')],
  [SCHEMA_MESSAGES.notEmpty, phrase('packCheck.schema.notEmpty')],
  [SCHEMA_MESSAGES.timeFormat, phrase('packCheck.schema.timeFormat')],
  [SCHEMA_MESSAGES.clockFormat, phrase('packCheck.schema.clockFormat')],
  [SCHEMA_MESSAGES.insidePack, phrase('packCheck.schema.insidePack')],
  [SCHEMA_MESSAGES.quizOptionReference, phrase('packCheck.schema.quizOptionReference')],
  [SCHEMA_MESSAGES.webAddress, phrase('packCheck.schema.webAddress')],
  [SCHEMA_MESSAGES.singleLetter, phrase('packCheck.schema.singleLetter')],
  [SCHEMA_MESSAGES.answerKey, phrase('packCheck.schema.answerKey')],
  [SCHEMA_MESSAGES.versionFormat, phrase('packCheck.schema.versionFormat')],
  [SCHEMA_MESSAGES.languageTag, phrase('packCheck.schema.languageTag')],
]);

/** The phrase of a zod issue's message when the schema wrote it, not zod. */
export function schemaWords(message: string): Phrase | undefined {
  return SCHEMA_WORDS.get(message);
}
export const MANIFEST_FILE = 'pack.yaml';

const idPattern = /^[a-z0-9][a-z0-9-]*$/;
export const packId = z.string().regex(idPattern, SCHEMA_MESSAGES.idPattern);

const text = z.string().trim().min(1, SCHEMA_MESSAGES.notEmpty);
/** Titles reach the screens, the printouts and the exports: no bidirectional or zero-width tricks. */
const title = z.string().overwrite(stripInvisibleControls).trim().min(1, SCHEMA_MESSAGES.notEmpty);
const textList = z.array(text).default([]);

/** `"m:ss"`, `"h:mm:ss"` or a number of seconds. */
export const duration = z.union([
  z.number().nonnegative(),
  z.string().regex(/^(\d+:)?\d{1,2}:\d{2}(\.\d+)?$/, SCHEMA_MESSAGES.timeFormat),
]);

/** A printed agenda clock time relative to the start, e.g. `"0:40"` or `"1:05"`. */
const clockTime = z.string().regex(/^\d+:[0-5]\d$/, SCHEMA_MESSAGES.clockFormat);

const relativeFile = z
  .string()
  .min(1)
  .refine(
    (value) =>
      !value.startsWith('/') && !value.split(/[\\/]/).includes('..') && !/^[a-z]+:/i.test(value),
    SCHEMA_MESSAGES.insidePack,
  );

export { ITEM_KINDS, MODES };

const question = z
  .object({
    id: packId,
    prompt: text,
    answers: textList,
    /** The facilitator's own prompts where the source gives no answer: console only, never revealed. */
    suggestions: textList,
    flipchart: z.boolean().default(false),
    quizItems: z.array(packId).default([]),
  })
  .strict();

/** `q2.c`: option c of quiz item q2. */
export const QUIZ_OPTION_REFERENCE = /^([a-z0-9][a-z0-9-]*)\.([a-z])$/;

/** A quiz option this item's material teaches, with the words of the material that teach it. */
const teaching = z
  .object({
    option: z.string().regex(QUIZ_OPTION_REFERENCE, SCHEMA_MESSAGES.quizOptionReference),
    quote: text,
  })
  .strict();

const webAddress = z.string().regex(/^https?:\/\/[^\s]+$/, SCHEMA_MESSAGES.webAddress);

/** Current evidence beside the manual, for the counselor only: it never changes what is delivered. */
const guidanceNote = z
  .object({
    note: text,
    source: z.object({ title: text, url: webAddress }).strict(),
  })
  .strict();

/** Small groups work apart on the item's questions for `minutes`, then report back. */
const breakout = z
  .object({
    minutes: z.number().positive().max(120),
    reportBack: text.optional(),
  })
  .strict();

const demonstration = z
  .object({
    speakers: z.tuple([text, text]).default(['Counselor #1', 'Counselor #2']),
    elements: z
      .array(
        z
          .object({
            id: packId,
            title,
            instruction: text.optional(),
            lines: z
              .array(z.object({ speaker: z.union([z.literal(1), z.literal(2)]), text }).strict())
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const option = z
  .object({ key: z.string().regex(/^[a-z]$/, SCHEMA_MESSAGES.singleLetter), text })
  .strict();

const poll = z
  .object({
    prompt: text,
    options: z.array(option).min(2),
    multiple: z.boolean().default(false),
    answer: z.array(z.string()).default([]),
    discussion: text.optional(),
  })
  .strict();

const agendaItem = z
  .object({
    id: packId,
    title,
    kind: z.enum(ITEM_KINDS),
    minutes: z.number().positive().max(480),
    clock: clockTime.optional(),
    modes: z.array(z.enum(MODES)).default([]),
    summary: text.optional(),
    instructions: textList,
    cues: textList,
    slides: z.array(packId).default([]),
    questions: z.array(question).default([]),
    quizItems: z.array(packId).default([]),
    teaches: z.array(teaching).default([]),
    guidance: z.array(guidanceNote).default([]),
    breakout: breakout.optional(),
    demonstration: demonstration.optional(),
    video: z.object({ media: packId, intro: text.optional() }).strict().optional(),
    poll: poll.optional(),
  })
  .strict();

const slide = z
  .object({
    id: packId,
    title: title.optional(),
    markdown: text.optional(),
    file: relativeFile.optional(),
    notes: z.string().default(''),
    /** Top-level bullets appear one at a time with Next, as PowerPoint's animations do. */
    build: z.boolean().default(false),
    /** Only the headings reach the room until the counselor reveals the rest with Next. */
    reveal: z.boolean().default(false),
  })
  .strict()
  .refine((value) => (value.markdown === undefined) !== (value.file === undefined), {
    message: SCHEMA_MESSAGES.markdownOrFile,
  });

/** One slide on its own (the editor's live preview). */
export const slideSchema = slide;

const cue = z
  .object({
    id: packId,
    at: duration,
    title,
    question: text.optional(),
    points: textList,
  })
  .strict();

const media = z
  .object({
    id: packId,
    kind: z.enum(['video', 'audio']),
    title,
    length: duration,
    file: relativeFile.optional(),
    source: text.optional(),
    cues: z.array(cue).default([]),
  })
  .strict();

const quizItem = z
  .object({
    id: packId,
    prompt: text,
    kind: z.enum(['choice', 'true-false']).default('choice'),
    options: z.array(option).min(2),
    answer: z.string().regex(/^[a-z]$/, SCHEMA_MESSAGES.answerKey),
    feedback: text,
  })
  .strict();

const quiz = z
  .object({
    title: title.default('Quiz'),
    instructions: text.optional(),
    items: z.array(quizItem).min(1),
  })
  .strict();

const game = z
  .object({
    title,
    teams: z
      .object({ min: z.number().int().min(2), max: z.number().int().min(2) })
      .strict()
      .refine((value) => value.min <= value.max, { message: SCHEMA_MESSAGES.minNotAboveMax }),
    practiceMinutes: z.number().positive(),
    goals: textList,
    instructions: textList,
    prizes: textList,
    /** The line printed on every scenario card above its two roles. */
    rolesIntro: text.optional(),
    scenarios: z
      .array(
        z
          .object({
            id: packId,
            title,
            situation: text,
            roles: z.tuple([text, text]),
          })
          .strict(),
      )
      .min(1),
    criteria: z
      .array(
        z
          .object({
            id: packId,
            text,
            points: z.number().int().positive(),
            example: text.optional(),
          })
          .strict(),
      )
      .min(1),
    bonus: z.object({ text, points: z.number().int().positive() }).strict().optional(),
    maxPoints: z.number().int().positive(),
  })
  .strict();

const relaxation = z
  .object({
    media: packId,
    minutes: z.number().positive(),
    intro: text,
    cue: text.optional(),
  })
  .strict();

const handout = z.object({ id: packId, title, file: relativeFile.optional() }).strict();

const toolbox = z
  .object({
    skills: textList,
    modes: z
      .object({ verbal: textList, visual: textList, experiential: textList })
      .strict()
      .default({ verbal: [], visual: [], experiential: [] }),
    materials: textList,
    handouts: z.array(handout).default([]),
    reminders: textList,
  })
  .strict();

export const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT, { message: SCHEMA_MESSAGES.packFormat }),
    id: packId,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, SCHEMA_MESSAGES.versionFormat),
    title,
    program: text,
    session: z.number().int().positive().optional(),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, SCHEMA_MESSAGES.languageTag),
    minutes: z.number().positive().max(600),
    audience: z.enum(['client-group', 'provider-workshop']),
    description: text.optional(),
    source: text.optional(),
    toolbox: toolbox.default({
      skills: [],
      modes: { verbal: [], visual: [], experiential: [] },
      materials: [],
      handouts: [],
      reminders: [],
    }),
    agenda: z.array(agendaItem).min(1),
    slides: z.array(slide).default([]),
    media: z.array(media).default([]),
    quiz: quiz.optional(),
    game: game.optional(),
    relaxation: relaxation.optional(),
  })
  .strict();

export type PackManifest = z.infer<typeof packSchema>;
export type AgendaItemManifest = PackManifest['agenda'][number];
export type MediaManifest = PackManifest['media'][number];
export type SlideManifest = PackManifest['slides'][number];

/** Seconds from a manifest duration. */
export function toSeconds(value: z.infer<typeof duration>): number {
  if (typeof value === 'number') return value;
  return value
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}
