import { say, type MainKey, type Phrase, type PhraseParams } from '../shared/i18n/phrases';
import type { Language } from '../shared/i18n';

/**
 * Why main refused a well-formed request, for the window to act on (the message is for the
 * person). Each refusal's code follows from what it says, so the table below names, for every
 * message main refuses with, the kind of refusal it is; a message not in it is plain `rejected`.
 */
const REFUSALS = {
  /** Something the request names is not there (any more): a pack, member, slide, backup… */
  'not-found': [
    'errors.backups.noSuchBackup',
    'errors.records.noSuchSession',
    'errors.records.handoutNotPrintable',
    'errors.noSuchPack',
    'errors.noQuiz',
    'errors.noGame',
    'errors.noSuchGroup',
    'errors.group.noSuchMember',
    'errors.group.noSuchQuestion',
    'errors.group.flipchartGone',
    'errors.group.noSuchQuizItem',
    'errors.group.noPoll',
    'errors.group.noPollOption',
    'errors.group.noSuchTeam',
    'errors.group.noSuchCriterion',
    'errors.group.notInGroup',
    'errors.media.notInLibrary',
    'errors.media.noSuchCue',
    'errors.media.noSuchMedia',
    'errors.program.noSuchChart',
    'errors.program.noSessions',
    'errors.program.noSuchGroup',
    'errors.uploads.gone',
    'errors.session.noAgenda',
    'errors.session.noVideo',
    'errors.session.noSuchQuizItem',
    'errors.session.noPoll',
    'errors.session.noSuchItem',
    'errors.session.noSuchSlide',
    'errors.packs.noSuchPack',
    'errors.packs.noSuchVersion',
    'errors.deck.noSuchPage',
    'errors.deck.noSuchItem',
    'errors.deck.gone',
    'errors.displays.gone',
  ],
  /** Possible, but not now: something else has to happen first (start, end, check in, set…). */
  'invalid-state': [
    'errors.records.noExportSecret',
    'errors.records.noCertificates',
    'errors.records.noCertificatesWithQuizzes',
    'errors.records.endBeforeRestore',
    'errors.records.notEnded',
    'errors.group.checkInFirst',
    'errors.noSession',
    'errors.rehearsal',
    'errors.selfEntry.pinFirst',
    'errors.selfEntry.checkInFirst',
    'errors.selfEntry.ended',
    'errors.media.videoFirst',
    'errors.passphrase.alreadySet',
    'errors.passphrase.notSet',
    'errors.passphrase.busy',
    'errors.pin.notSet',
    'errors.session.stillRunning',
    'errors.session.resumeFirst',
    'errors.session.noneRunning',
    'errors.session.notStarted',
    'errors.session.ended',
    'errors.session.alreadyPaused',
    'errors.session.notPaused',
    'errors.session.itemRunning',
    'errors.session.alreadyRun',
    'errors.session.notSkipped',
    'errors.session.relaxationItem',
    'errors.session.practiceTimer',
    'errors.displays.dragToProjector',
    'errors.displays.leaveFullScreen',
    'errors.displays.consoleDisplay',
    'errors.chooseAgain',
    'errors.chooseInPage',
  ],
  /** The request names things that do not go together, or clashes with what is kept. */
  conflict: [
    'errors.records.otherPack',
    'errors.group.duplicateName',
    'errors.selfEntry.otherQuestion',
    'errors.session.otherItemQuestion',
    'errors.session.otherItemFlipchart',
    'errors.deck.builtIn',
  ],
  /** A value or file the kiosk cannot take: out of range, wrong kind, incomplete, unreadable. */
  'invalid-value': [
    'errors.backups.unreadable',
    'errors.backups.notRestorable',
    'errors.backups.dangling',
    'errors.group.notAnOption',
    'errors.group.teamCount',
    'errors.group.pointsRange',
    'errors.media.notMedia',
    'errors.media.captionsVtt',
    'errors.media.wrongKind',
    'errors.media.pastEnd',
    'errors.media.cueOrder',
    'errors.passphrase.notSame',
    'errors.passphrase.tooShort',
    'errors.passphrase.tooFewCharacters',
    'errors.passphrase.onlyDigits',
    'errors.pin.digits',
    'errors.pin.newDigits',
    'errors.program.badRange',
    'errors.uploads.wrongOffset',
    'errors.uploads.tooLarge',
    'errors.uploads.incomplete',
    'errors.session.skipReason',
    'errors.packs.unreadableDraft',
    'errors.packs.notAnImage',
    'errors.packs.imageTooLarge',
    'errors.packs.notReallyImage',
    'errors.deck.wrongOffset',
    'errors.deck.tooLarge',
    'errors.deck.pageIncomplete',
  ],
  /** A PIN, passphrase or recovery key that is not the right one (or not one at all). */
  'wrong-secret': [
    'errors.passphrase.wrong',
    'errors.passphrase.badRecoveryKey',
    'errors.passphrase.otherRecords',
    'errors.pin.badRecoveryKey',
    'errors.pin.currentWrong',
    'errors.pin.otherRecoveryKey',
    'errors.pin.wrong',
  ],
  /** Too many tries, or one still being checked: the same request may pass after the wait. */
  'try-later': ['errors.passphrase.wait', 'errors.pin.paused'],
  /** The counselor stopped the job; nothing it made is kept. */
  cancelled: ['jobs.cancelled'],
} as const satisfies Record<string, readonly MainKey[]>;

/**
 * `rejected`: refused, with no more specific code. `locked`: possible once the counselor PIN is
 * given; the window asks for it and tries again.
 */
export type RefusalCode = keyof typeof REFUSALS | 'rejected' | 'locked';

const CODE_OF = new Map<MainKey, RefusalCode>(
  Object.entries(REFUSALS).flatMap(([code, keys]) =>
    keys.map((key) => [key, code as RefusalCode] as const),
  ),
);

/** The code a refusal with this message carries. */
export function refusalCode(key: MainKey): RefusalCode {
  return CODE_OF.get(key) ?? 'rejected';
}

/** Every message the table gives a code, for the test that each is given one code only. */
export const CODED_REFUSALS: readonly MainKey[] = Object.values(REFUSALS).flat();

/**
 * A request that is well-formed but not possible now (e.g. no such slide); shown to the counselor.
 * It holds a key of the `main` catalog and its parameters: `message` is the English (for the log
 * and tests), and the router words it in the console's language (`messageIn`). Its `code` says
 * what kind of refusal it is (`refusalCode`), so a window can tell them apart without the words.
 */
export class RejectedRequest extends Error {
  override name = 'RejectedRequest';
  readonly code: RefusalCode;
  readonly phrase: Phrase;

  constructor(key: MainKey, params?: PhraseParams) {
    const phrase: Phrase = params === undefined ? { key } : { key, params };
    super(say(phrase));
    this.phrase = phrase;
    this.code = refusalCode(key);
  }

  messageIn(language: Language): string {
    return say(this.phrase, language);
  }
}
