/**
 * The one contract between the main process and its windows, shared by the Electron shell and the
 * browser shell. Each channel names the roles allowed to call it and validates its request with zod;
 * each event names the roles allowed to receive it, so the audience never even receives private data.
 */
import { z } from 'zod';
import { stripInvisibleControls } from '../shared/plainText';
import type { StartupNotice } from '../db/recovery';
import type { LockStatus } from '../services/access/recordsLock';
import type { DisplayStatusView } from '../services/displays';
import {
  certificateRuleSchema,
  memberStandingSchema,
  type MemberStanding,
} from '../services/group/certificates';
import type { BackupInfo } from '../services/records/backups';
import type { Download, RecordsOverview } from '../services/records/recordsDesk';
import type { SelfEntryView } from '../services/group/selfEntry';
import type { UnlockView } from '../services/access/passphraseGate';
import type { ProgramView } from '../services/program/programView';
import type { MediaFileView, ResolvedCue } from '../services/media/mediaViews';
import type { MediaLibraryView } from '../services/media/mediaViews';
import type { PackProblem } from '../shared/pack/problems';
import type { RenderedSlide } from '../content/pack/renderPack';
import type { DeckTargetPack } from '../services/packs/deckImport';
import type { OfferedDraft } from '../services/packs/editorDrafts';
import type { EditablePack, HistoryEntry, SaveResult } from '../services/packs/packEditor';
import type { ImportResult, PackListView } from '../services/packs/packViews';
import type { SessionCommand } from '../shared/session/commands';
import type { JobProgress } from '../jobs/jobRunner';
import type { RefusalCode } from '../services/errors';
import { UPLOAD_CHUNK_BYTES } from '../shared/wire';
import { LANGUAGES, type Language } from '../shared/i18n';
import type { SessionSummary } from '../services/session/summary';
import type { AudienceView, ConsoleView, SetupOptions } from '../services/session/views';

/** `unlock`: the passphrase window shown before the records open (Linux without a keyring). */
export type Role = ShowRole | 'unlock';
/** The show's two windows: the console on the laptop, the audience on the projector. */
export type ShowRole = 'console' | 'audience';

export interface ChannelSpec<Req extends z.ZodType, Res> {
  readonly request: Req;
  readonly roles: readonly Role[];
  /** Phantom field: carries the response type, never read at runtime. */
  readonly response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req, roles: readonly Role[]): ChannelSpec<Req, Res> => ({
    request,
    roles,
  });
}

const noArguments = z.object({}).strict();
const CONSOLE_ONLY: readonly Role[] = ['console'];
const EVERY_WINDOW: readonly Role[] = ['console', 'audience'];
const UNLOCK_ONLY: readonly Role[] = ['unlock'];

const base64 = z.base64({ message: 'must be base64-encoded bytes' });
const uploadId = z.string().regex(/^[0-9a-f]{24}$/);
const uploadChunk = z
  .object({
    uploadId,
    offset: z.number().int().min(0),
    data: base64.max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
  })
  .strict();
/** A path the desktop app's own file dialog returned; the browser shell has none. */
const chosenPath = z.string().min(1).max(4096);

const packRef = z.string().min(1).max(100);
/** The images a draft added (`packs:editorAddImage`), or null before it added any. */
const draftId = z
  .string()
  .regex(/^[0-9a-f]{24}$/)
  .nullable();
/** Which editing a kept draft belongs to: a pack edited, a pack duplicated, or a new pack. */
const editorDraftKey = z.string().regex(/^(new|(edit|duplicate):\S{1,100})$/);
/** A pack being edited: a manifest-shaped object (main checks it with the pack schema itself). */
const draft = z
  .record(z.string(), z.unknown())
  .refine(
    (value) => JSON.stringify(value).length <= 512 * 1024,
    'a pack manifest is at most 512 KB',
  );

const itemIndex = z.number().int().min(0).max(999);
const reason = z.string().trim().max(500);
/** Names reach the screens, printouts and exports: bidirectional and zero-width characters go. */
const cleanName = () => z.string().overwrite(stripInvisibleControls).trim();
const personName = cleanName().min(1).max(80);

/** A deck saved as PDF: each page's text (read by PDF.js in the console) and where the pages go. */
const deckPlan = z
  .object({
    sourceName: z.string().min(1).max(255),
    pages: z
      .array(z.object({ title: z.string().max(300), notes: z.string().max(20_000) }).strict())
      .min(1, 'the PDF has no pages')
      .max(500, 'a deck may have at most 500 pages'),
    target: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('new'),
          title: cleanName().min(1, 'name the pack').max(200),
          program: cleanName().min(1, 'name the program').max(200),
          language: z
            .string()
            .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language tag such as "en" or "es-US"'),
          audience: z.enum(['client-group', 'provider-workshop']),
          items: z
            .array(
              z
                .object({
                  title: cleanName().min(1, 'name each item').max(200),
                  minutes: z.number().positive().max(480),
                  firstPage: z.number().int().min(0),
                })
                .strict(),
            )
            .min(1)
            .max(500),
        })
        .strict(),
      z
        .object({
          kind: z.literal('existing'),
          packId: z.string().min(1).max(100),
          itemId: z.string().min(1).max(100),
        })
        .strict(),
    ]),
  })
  .strict();
const deckId = uploadId;

export const sessionCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('next') }).strict(),
  z.object({ type: z.literal('previous') }).strict(),
  z.object({ type: z.literal('goToItem'), index: itemIndex }).strict(),
  z.object({ type: z.literal('goToSlide'), number: z.number().int().min(1).max(9999) }).strict(),
  z.object({ type: z.literal('pause') }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z
    .object({ type: z.literal('skip'), index: itemIndex, reason: reason.min(1, 'give a reason') })
    .strict(),
  z.object({ type: z.literal('unskip'), index: itemIndex }).strict(),
  z.object({ type: z.literal('adapt'), index: itemIndex, reason: reason.nullable() }).strict(),
  z.object({ type: z.literal('toggleScreen'), screen: z.enum(['black', 'white', 'dim']) }).strict(),
  z.object({ type: z.literal('leaveMode') }).strict(),
  z
    .object({
      type: z.literal('showQuestion'),
      id: z.string().min(1).max(100),
      answersShown: z.boolean(),
      withResponses: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('hideQuestion') }).strict(),
  z.object({ type: z.literal('end') }).strict(),
  z.object({ type: z.literal('videoPlay') }).strict(),
  z.object({ type: z.literal('videoPause') }).strict(),
  z.object({ type: z.literal('videoBack'), seconds: z.number().positive().max(600) }).strict(),
  z
    .object({ type: z.literal('videoSeek'), positionMs: z.number().min(0).max(86_400_000) })
    .strict(),
  z.object({ type: z.literal('relaxationStart') }).strict(),
  z.object({ type: z.literal('relaxationStop') }).strict(),
  z
    .object({
      type: z.literal('showBoard'),
      board: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('flipchart'), questionId: z.string().min(1).max(100) }).strict(),
        z.object({ kind: z.literal('quiz'), itemId: z.string().min(1).max(100) }).strict(),
        z.object({ kind: z.literal('game') }).strict(),
        z.object({ kind: z.literal('practice') }).strict(),
        z.object({ kind: z.literal('poll'), revealed: z.boolean() }).strict(),
      ]),
    })
    .strict(),
  z.object({ type: z.literal('hideBoard') }).strict(),
  z.object({ type: z.literal('cardPages'), pages: z.number().int().min(1).max(50) }).strict(),
]) satisfies z.ZodType<SessionCommand>;

const startSession = z
  .object({
    packId: z.string().min(1).max(100),
    cohortName: cleanName().min(1, 'name the group').max(80),
    facilitators: z.array(personName).min(1, 'name at least one facilitator').max(6),
    timeKeeper: personName.nullable(),
    /** Needed when the group has records and they are locked: its roster is records. */
    pin: z.string().max(8).optional(),
  })
  .strict();

const pageSize = z.enum(['A4', 'Letter']);
const day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'a day that exists');
/** Which sessions the Program view covers: a pack or all (null), a group or all, a date range. */
const programSelection = {
  packId: z.string().min(1).max(100).nullable(),
  cohortId: z.number().int().positive().nullable(),
  from: day.nullable(),
  to: day.nullable(),
};
const packMedia = { packId: z.string().min(1).max(100), mediaId: z.string().min(1).max(100) };
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const mediaDetails = {
  durationMs: z.number().min(0).max(86_400_000).nullable(),
  bind: z
    .object({ ...packMedia, as: z.enum(['media', 'captions']) })
    .strict()
    .nullable(),
};
type MediaImported = { file: MediaFileView; alreadyImported: boolean };

export const channels = {
  'session:consoleView': channel<ConsoleView>()(noArguments, CONSOLE_ONLY),
  /** What the counselor must be told at start, e.g. that damaged records were recovered. */
  'app:notices': channel<StartupNotice[]>()(noArguments, CONSOLE_ONLY),
  /** The counselor has read a notice: it is not shown again, in this run or the next. */
  'app:acknowledgeNotice': channel<StartupNotice[]>()(
    z.object({ id: z.string().min(1).max(100) }).strict(),
    CONSOLE_ONLY,
  ),
  'session:audienceView': channel<AudienceView>()(noArguments, EVERY_WINDOW),
  'session:setupOptions': channel<SetupOptions>()(noArguments, CONSOLE_ONLY),
  'session:start': channel<ConsoleView>()(startSession, CONSOLE_ONLY),
  'session:command': channel<ConsoleView>()(sessionCommand, CONSOLE_ONLY),
  'session:prepare': channel<null>()(
    z.object({ packId: z.string().min(1).max(100) }).strict(),
    CONSOLE_ONLY,
  ),
  'settings:setVolume': channel<ConsoleView>()(
    z.object({ kind: z.enum(['video', 'relaxation']), level: z.number().min(0).max(1) }).strict(),
    CONSOLE_ONLY,
  ),
  'settings:consoleLanguage': channel<Language | null>()(noArguments, CONSOLE_ONLY),
  'settings:setConsoleLanguage': channel<Language | null>()(
    z.object({ language: z.enum(LANGUAGES as [Language, ...Language[]]).nullable() }).strict(),
    CONSOLE_ONLY,
  ),
  'session:rehearse': channel<ConsoleView>()(
    z.object({ packId: z.string().min(1).max(100) }).strict(),
    CONSOLE_ONLY,
  ),
  'session:resume': channel<ConsoleView>()(noArguments, CONSOLE_ONLY),
  'session:summary': channel<SessionSummary | null>()(
    z.object({ sessionId: z.number().int().positive() }).strict(),
    CONSOLE_ONLY,
  ),
  'displays:status': channel<DisplayStatusView>()(noArguments, CONSOLE_ONLY),
  'displays:identify': channel<null>()(noArguments, CONSOLE_ONLY),
  'displays:moveAudience': channel<DisplayStatusView>()(
    z.object({ displayId: z.number().int() }).strict(),
    CONSOLE_ONLY,
  ),
  'displays:audienceAsWindow': channel<DisplayStatusView>()(noArguments, CONSOLE_ONLY),
  'group:addMember': channel<ConsoleView>()(
    z.object({ name: personName, checkIn: z.boolean() }).strict(),
    CONSOLE_ONLY,
  ),
  'group:setPresent': channel<ConsoleView>()(
    z.object({ memberId: z.number().int().positive(), present: z.boolean() }).strict(),
    CONSOLE_ONLY,
  ),
  'group:setGraduated': channel<ConsoleView>()(
    z.object({ memberId: z.number().int().positive(), graduated: z.boolean() }).strict(),
    CONSOLE_ONLY,
  ),
  'group:addFlipchart': channel<ConsoleView>()(
    z
      .object({ questionId: z.string().min(1).max(100), text: z.string().trim().min(1).max(500) })
      .strict(),
    CONSOLE_ONLY,
  ),
  'group:removeFlipchart': channel<ConsoleView>()(
    z.object({ entryId: z.number().int().positive() }).strict(),
    CONSOLE_ONLY,
  ),
  'group:answer': channel<ConsoleView>()(
    z
      .object({
        memberId: z.number().int().positive(),
        itemId: z.string().min(1).max(100),
        answer: z
          .string()
          .regex(/^[a-zA-Z]$/)
          .nullable(),
        enteredBy: z.enum(['counselor', 'self']).default('counselor'),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  'group:pollCount': channel<ConsoleView>()(
    z
      .object({
        itemId: z.string().min(1).max(100),
        optionKey: z.string().regex(/^[a-z]$/),
        count: z.number().int().min(0).max(9999),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  'group:makeTeams': channel<ConsoleView>()(
    z.object({ teamCount: z.number().int().min(2).max(6) }).strict(),
    CONSOLE_ONLY,
  ),
  'group:score': channel<ConsoleView>()(
    z
      .object({
        teamId: z.number().int().positive(),
        criterionId: z.string().min(1).max(100),
        points: z.number().int().min(0).max(100),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  'records:lockStatus': channel<LockStatus>()(noArguments, CONSOLE_ONLY),
  'records:setPin': channel<LockStatus>()(
    z.object({ pin: z.string().max(8), currentPin: z.string().max(8).nullable() }).strict(),
    CONSOLE_ONLY,
  ),
  'records:unlock': channel<LockStatus>()(
    z.object({ pin: z.string().max(8) }).strict(),
    CONSOLE_ONLY,
  ),
  'records:resetPin': channel<LockStatus>()(
    z.object({ recoveryKey: z.string().max(200), pin: z.string().max(8) }).strict(),
    CONSOLE_ONLY,
  ),
  'records:lock': channel<LockStatus>()(noArguments, CONSOLE_ONLY),
  'records:overview': channel<RecordsOverview>()(noArguments, CONSOLE_ONLY),
  'records:sessions': channel<RecordsOverview['sessions']>()(
    z.object({ beforeId: z.number().int().positive() }).strict(),
    CONSOLE_ONLY,
  ),
  'records:setCertificateRule': channel<RecordsOverview>()(certificateRuleSchema, CONSOLE_ONLY),
  'records:standings': channel<MemberStanding[]>()(
    z.object({ cohortId: z.number().int().positive() }).strict(),
    CONSOLE_ONLY,
  ),
  'records:setMemberStanding': channel<MemberStanding[]>()(memberStandingSchema, CONSOLE_ONLY),
  'records:sessionReport': channel<Download>()(
    z
      .object({
        sessionId: z.number().int().positive(),
        format: z.enum(['pdf', 'csv']),
        pageSize: pageSize,
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  'records:print': channel<Download>()(
    z.discriminatedUnion('document', [
      z
        .object({
          document: z.literal('agenda'),
          packId: z.string().min(1).max(100),
          pageSize,
          startTime: z
            .string()
            .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM')
            .optional(),
        })
        .strict(),
      z
        .object({
          document: z.enum(['quiz', 'scenarios']),
          packId: z.string().min(1).max(100),
          pageSize,
        })
        .strict(),
      z
        .object({
          document: z.literal('handout'),
          packId: z.string().min(1).max(100),
          handoutId: z.string().min(1).max(100),
          pageSize,
        })
        .strict(),
      z
        .object({
          document: z.literal('certificates'),
          packId: z.string().min(1).max(100),
          cohortId: z.number().int().positive(),
          pageSize,
        })
        .strict(),
    ]),
    CONSOLE_ONLY,
  ),
  'records:program': channel<ProgramView>()(z.object(programSelection).strict(), CONSOLE_ONLY),
  'records:programReport': channel<Download>()(
    z.object({ ...programSelection, pageSize }).strict(),
    CONSOLE_ONLY,
  ),
  'records:programFigures': channel<Download>()(
    z.object({ ...programSelection, chartId: z.string().min(1).max(200).nullable() }).strict(),
    CONSOLE_ONLY,
  ),
  'records:exportAll': channel<Download>()(noArguments, CONSOLE_ONLY),
  'records:recoverySheet': channel<Download>()(z.object({ pageSize }).strict(), CONSOLE_ONLY),
  'records:exportRedcap': channel<Download>()(noArguments, CONSOLE_ONLY),
  'records:backup': channel<BackupInfo>()(noArguments, CONSOLE_ONLY),
  'records:restore': channel<{ restoredFrom: string; safetyBackup: BackupInfo }>()(
    z.object({ name: z.string().min(1).max(200) }).strict(),
    CONSOLE_ONLY,
  ),
  'media:library': channel<MediaLibraryView>()(noArguments, CONSOLE_ONLY),
  'media:beginUpload': channel<{ uploadId: string }>()(
    z
      .object({
        name: z.string().min(1).max(255),
        size: z
          .number()
          .int()
          .min(0)
          .max(64 * 1024 ** 3),
        mime: z.string().max(100),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  'media:uploadChunk': channel<{ received: number }>()(uploadChunk, CONSOLE_ONLY),
  'media:finishUpload': channel<MediaImported>()(
    z.object({ uploadId, ...mediaDetails }).strict(),
    CONSOLE_ONLY,
  ),
  /** The desktop app: imports a file its file dialog chose, read by main from where it is. */
  'media:importPath': channel<MediaImported>()(
    z.object({ path: chosenPath, ...mediaDetails }).strict(),
    CONSOLE_ONLY,
  ),
  'media:cancelUpload': channel<null>()(z.object({ uploadId }).strict(), CONSOLE_ONLY),
  'media:bind': channel<MediaLibraryView>()(
    z.object({ ...packMedia, sha256, as: z.enum(['media', 'captions']) }).strict(),
    CONSOLE_ONLY,
  ),
  'media:unbind': channel<MediaLibraryView>()(z.object(packMedia).strict(), CONSOLE_ONLY),
  'media:setCue': channel<ResolvedCue[]>()(
    z
      .object({
        ...packMedia,
        cueId: z.string().min(1).max(100),
        atMs: z.number().min(0).max(86_400_000),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  'media:resetCues': channel<MediaLibraryView>()(z.object(packMedia).strict(), CONSOLE_ONLY),
  'selfEntry:view': channel<SelfEntryView | null>()(noArguments, CONSOLE_ONLY),
  'selfEntry:begin': channel<SelfEntryView>()(
    z.object({ memberId: z.number().int().positive() }).strict(),
    CONSOLE_ONLY,
  ),
  'selfEntry:answer': channel<SelfEntryView>()(
    z
      .object({ itemId: z.string().min(1).max(100), answer: z.string().regex(/^[a-zA-Z]$/) })
      .strict(),
    CONSOLE_ONLY,
  ),
  'selfEntry:back': channel<SelfEntryView>()(noArguments, CONSOLE_ONLY),
  'selfEntry:finish': channel<LockStatus>()(
    z.object({ pin: z.string().max(8) }).strict(),
    CONSOLE_ONLY,
  ),
  'packs:list': channel<PackListView>()(noArguments, CONSOLE_ONLY),
  /** A pack's .zip is sent in parts like media (at most 200 MB), then imported by its upload id. */
  'packs:beginUpload': channel<{ uploadId: string }>()(
    z
      .object({
        name: z.string().min(1).max(500),
        size: z
          .number()
          .int()
          .min(0)
          .max(
            200 * 1024 ** 2,
            'a pack may be at most 200 MB; import large videos in the media library',
          ),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  'packs:uploadChunk': channel<{ received: number }>()(uploadChunk, CONSOLE_ONLY),
  'packs:cancelUpload': channel<null>()(z.object({ uploadId }).strict(), CONSOLE_ONLY),
  /** Unzipped, checked and rendered on a worker; the upload is kept while a replace is asked. */
  'packs:import': channel<ImportResult>()(
    z.object({ uploadId, replace: z.boolean().default(false) }).strict(),
    CONSOLE_ONLY,
  ),
  /** The packs a deck's pages may be added to (imported ones; built-in packs are the program's). */
  'packs:deckTargets': channel<DeckTargetPack[]>()(noArguments, CONSOLE_ONLY),
  /** A deck saved as PDF: its pages' text and target first, then each page's image in parts. */
  'packs:beginDeck': channel<{ deckId: string }>()(deckPlan, CONSOLE_ONLY),
  'packs:deckChunk': channel<{ received: number }>()(
    z
      .object({
        deckId,
        page: z.number().int().min(0).max(499),
        offset: z.number().int().min(0),
        data: base64.max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
        last: z.boolean(),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  /** Once every page has arrived: the pack is written, checked and rendered on a worker. */
  'packs:importDeck': channel<ImportResult>()(z.object({ deckId }).strict(), CONSOLE_ONLY),
  /** Gives the deck up, stopping its worker job if it runs; nothing it sent is kept. */
  'packs:cancelDeck': channel<null>()(z.object({ deckId }).strict(), CONSOLE_ONLY),
  /** The desktop app: imports a .zip its file dialog chose, read by main from where it is. */
  'packs:importPath': channel<ImportResult>()(
    z.object({ path: chosenPath, replace: z.boolean().default(false) }).strict(),
    CONSOLE_ONLY,
  ),
  /** The pack editor: a pack's manifest as written, its images and its saved versions. */
  'packs:editorOpen': channel<EditablePack>()(z.object({ id: packRef }).strict(), CONSOLE_ONLY),
  /** Every problem `pack:check` finds in a draft, checked against the files of the pack it came from. */
  'packs:editorCheck': channel<PackProblem[]>()(
    z.object({ baseId: packRef.nullable(), draftId, draft }).strict(),
    CONSOLE_ONLY,
  ),
  'packs:editorPreview': channel<RenderedSlide | { problem: string }>()(
    z
      .object({ baseId: packRef.nullable(), draftId, slide: z.record(z.string(), z.unknown()) })
      .strict(),
    CONSOLE_ONLY,
  ),
  /** Checked again here, written as a new version; a built-in pack is saved as a copy. */
  'packs:editorSave': channel<SaveResult>()(
    z.object({ baseId: packRef.nullable(), draftId, draft }).strict(),
    CONSOLE_ONLY,
  ),
  /** An image for the draft's slides (at most 20 MB), kept apart until the pack is saved. */
  'packs:editorAddImage': channel<{ draftId: string; path: string }>()(
    z
      .object({
        draftId,
        name: z.string().min(1).max(200),
        data: base64.max(Math.ceil((20 * 1024 ** 2) / 3) * 4, 'an image may be at most 20 MB'),
      })
      .strict(),
    CONSOLE_ONLY,
  ),
  /** Keeps the editor's unsaved draft for after a crash or restart; `draft` null removes it. */
  'packs:editorDraftKeep': channel<{ savedAt: number } | null>()(
    z
      .object({ key: editorDraftKey, baseId: packRef.nullable(), draftId, draft: draft.nullable() })
      .strict(),
    CONSOLE_ONLY,
  ),
  /** The draft kept for this editing, offered back when it opens again; null when none. */
  'packs:editorDraftFind': channel<OfferedDraft | null>()(
    z.object({ key: editorDraftKey }).strict(),
    CONSOLE_ONLY,
  ),
  'packs:history': channel<HistoryEntry[]>()(z.object({ id: packRef }).strict(), CONSOLE_ONLY),
  'packs:restore': channel<SaveResult>()(
    z.object({ id: packRef, version: z.string().regex(/^\d+\.\d+\.\d+$/) }).strict(),
    CONSOLE_ONLY,
  ),
  'packs:export': channel<Download>()(z.object({ id: packRef }).strict(), CONSOLE_ONLY),
  /** What this shell can do: the desktop app chooses files with its own dialog. */
  'app:capabilities': channel<{ choosesFiles: boolean }>()(noArguments, CONSOLE_ONLY),
  /** The desktop app's open-file dialog; null when the counselor closed it without choosing. */
  'files:choose': channel<{ path: string; name: string } | null>()(
    z.object({ purpose: z.enum(['pack', 'media']) }).strict(),
    CONSOLE_ONLY,
  ),
  /** Stops a running job (see `jobs:progress`); false when it had already ended. */
  'jobs:cancel': channel<boolean>()(
    z.object({ jobId: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
    CONSOLE_ONLY,
  ),
} as const;

/** A passphrase as typed: never trimmed (spaces count), bounded so scrypt gets no megabytes. */
const passphrase = z.string().min(1, 'type the passphrase').max(1024);
const newPassphrase = { passphrase, repeat: z.string().max(1024) };

/**
 * The passphrase window's channels, answered before the records open (by a router of their own, as
 * the core does not exist yet). `unlocked: true` means main closes the window and opens the records.
 */
export const unlockChannels = {
  'unlock:view': channel<UnlockView>()(noArguments, UNLOCK_ONLY),
  'unlock:create': channel<{ unlocked: true }>()(z.object(newPassphrase).strict(), UNLOCK_ONLY),
  'unlock:enter': channel<{ unlocked: true }>()(z.object({ passphrase }).strict(), UNLOCK_ONLY),
  'unlock:recover': channel<{ unlocked: true }>()(
    z
      .object({
        recoveryKey: z.string().trim().min(1, 'type the recovery key').max(200),
        ...newPassphrase,
      })
      .strict(),
    UNLOCK_ONLY,
  ),
} as const;
export type UnlockChannelName = keyof typeof unlockChannels;
export type UnlockRequestOf<C extends UnlockChannelName> = z.input<
  (typeof unlockChannels)[C]['request']
>;

export type ChannelName = keyof typeof channels;

/** While a member holds the laptop for the quiz, the console may call these and nothing else. */
export const SELF_ENTRY_CHANNELS: readonly ChannelName[] = [
  'selfEntry:view',
  'selfEntry:answer',
  'selfEntry:back',
  'selfEntry:finish',
  // A counselor who forgot the PIN mid self-entry sets a new one with the recovery key, then ends it.
  'records:resetPin',
  // A reload while the member holds the laptop still draws the console in the counselor's language.
  'settings:consoleLanguage',
];
/** What a window sends (defaults may be left out). */
export type RequestOf<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedRequestOf<C extends ChannelName> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends ChannelName> =
  (typeof channels)[C] extends ChannelSpec<z.ZodType, infer Res> ? Res : never;

export const events = {
  'session:console': { roles: CONSOLE_ONLY },
  'session:audience': { roles: EVERY_WINDOW },
  'packs:changed': { roles: CONSOLE_ONLY },
  'displays:changed': { roles: CONSOLE_ONLY },
  'displays:identify': { roles: EVERY_WINDOW },
  'selfEntry:changed': { roles: CONSOLE_ONLY },
  /** A long job's progress (imports, printing, exports): the console's progress bar and Cancel. */
  'jobs:progress': { roles: CONSOLE_ONLY },
} as const satisfies Record<string, { roles: readonly Role[] }>;

export interface EventPayloads {
  'session:console': ConsoleView;
  'session:audience': AudienceView;
  'packs:changed': PackListView;
  'displays:changed': DisplayStatusView;
  'displays:identify': { console: string; audience: string };
  'selfEntry:changed': SelfEntryView | null;
  'jobs:progress': JobProgress;
}
export type EventName = keyof typeof events;

export type ChannelsFor<R extends Role> = {
  [C in ChannelName]: R extends (typeof channels)[C]['roles'][number] ? C : never;
}[ChannelName];
export type EventsFor<R extends Role> = {
  [E in EventName]: R extends (typeof events)[E]['roles'][number] ? E : never;
}[EventName];

/**
 * Why a call failed. The router's own: `unknown-channel`, `forbidden` (not for this window's role),
 * `invalid-arguments` (the request does not fit the channel's schema) and `internal` (a failure
 * main words only in its log). A service's refusal (`RefusalCode`, electron/services/errors.ts):
 * `not-found`, `invalid-state` (not now: something else first), `conflict`, `invalid-value`,
 * `wrong-secret`, `try-later`, `cancelled`, `locked` (refused until the counselor PIN is given: the
 * window asks for it, then tries again) and `rejected` (no more specific code). `unreachable`: the
 * browser shell's page lost contact with main (the window words it itself).
 */
export type ErrorCode =
  'unknown-channel' | 'forbidden' | 'invalid-arguments' | RefusalCode | 'internal' | 'unreachable';

export interface KioskError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

/** What a window sees: `invoke` for the channels its role may call, `on` for its events. */
export interface KioskApiFor<R extends Role> {
  invoke<C extends ChannelsFor<R>>(channel: C, args: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventsFor<R>>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
export type KioskApi = KioskApiFor<'console'>;
export type AudienceApi = KioskApiFor<'audience'>;

/** The passphrase window's API: its four channels, and no events. */
export interface UnlockApi {
  invoke<C extends UnlockChannelName>(
    channel: C,
    args: UnlockRequestOf<C>,
  ): Promise<
    Result<(typeof unlockChannels)[C] extends ChannelSpec<z.ZodType, infer Res> ? Res : never>
  >;
  on(event: never, listener: (payload: never) => void): () => void;
}
