import { say, type MainKey, type Phrase, type PhraseParams } from '../i18n/phrases';
import type { Language } from '../i18n';

/**
 * A request that is well-formed but not possible now (e.g. no such slide); shown to the counselor.
 * It holds a key of the `main` catalog and its parameters: `message` is the English (for the log
 * and tests), and the router words it in the console's language (`messageIn`).
 */
export class RejectedRequest extends Error {
  override name = 'RejectedRequest';
  /** `locked`: possible once the counselor PIN is given; the window asks for it and tries again. */
  readonly code: 'rejected' | 'locked' = 'rejected';
  readonly phrase: Phrase;

  constructor(key: MainKey, params?: PhraseParams) {
    const phrase: Phrase = params === undefined ? { key } : { key, params };
    super(say(phrase));
    this.phrase = phrase;
  }

  messageIn(language: Language): string {
    return say(this.phrase, language);
  }
}
