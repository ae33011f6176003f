import { expect } from 'vitest';
import type { RefusalCode } from '../../electron/services/errors';

/** For `toThrow`: a refusal with this code whose message matches `message`. */
export function refusal(code: RefusalCode, message: RegExp) {
  return expect.objectContaining({ code, message: expect.stringMatching(message) });
}
