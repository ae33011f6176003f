import { FALLBACK_LANGUAGE, type Language } from '../shared/i18n';
import { phrase, say, type MainKey, type PhraseParams } from '../shared/i18n/phrases';
import { RejectedRequest } from '../services/errors';
import type { z } from 'zod';
import {
  channels,
  type ChannelName,
  type ChannelSpec,
  type KioskError,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
  type Role,
} from './contract';

export type Handlers = {
  [C in ChannelName]: (
    request: ParsedRequestOf<C>,
    sender: Role,
  ) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export { RejectedRequest };

export interface Router {
  dispatch(channel: unknown, args: unknown, sender: Role | null): Promise<Result<unknown>>;
}

function failure(code: KioskError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** The language the counselor reads main's messages in: the console's, asked at each call. */
export type LanguageOf = () => Language;

type ChannelTable = Record<string, ChannelSpec<z.ZodType, unknown>>;

/** Handlers for another table of channels than the core's (the passphrase window's). */
export type HandlersOf<T extends ChannelTable> = {
  [C in keyof T]: (
    request: z.output<T[C]['request']>,
    sender: Role,
  ) =>
    | (T[C] extends ChannelSpec<z.ZodType, infer Res> ? Res : never)
    | Promise<T[C] extends ChannelSpec<z.ZodType, infer Res> ? Res : never>;
};

/**
 * Every call from a window goes through here: unknown channels, callers without the role, and
 * malformed arguments come back as error results, and so does anything a handler throws.
 */
export function createRouter(
  handlers: Handlers,
  log: (message: string) => void = () => {},
  language: LanguageOf = () => FALLBACK_LANGUAGE,
): Router {
  return createRouterFor(channels, handlers as HandlersOf<typeof channels>, log, language);
}

export function createRouterFor<T extends ChannelTable>(
  table: T,
  handlers: HandlersOf<T>,
  log: (message: string) => void = () => {},
  language: LanguageOf = () => FALLBACK_LANGUAGE,
): Router {
  /** Main's own words, in the console's language as it is now (it may change between calls). */
  const refusal = (code: KioskError['code'], key: MainKey, params?: PhraseParams) =>
    failure(code, say(phrase(key, params), language()));
  return {
    async dispatch(channel, args, sender) {
      if (typeof channel !== 'string' || !Object.hasOwn(table, channel)) {
        return refusal('unknown-channel', 'router.unknownChannel', {
          channel: JSON.stringify(channel) ?? String(channel),
        });
      }
      const spec = table[channel]!;
      if (sender === null || !spec.roles.includes(sender)) {
        return refusal('forbidden', 'router.forbidden', { sender: sender ?? 'unknown', channel });
      }
      const parsed = spec.request.safeParse(args ?? {});
      if (!parsed.success) {
        const where = parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
          .join('; ');
        return refusal('invalid-arguments', 'router.invalidArguments', { channel, where });
      }
      try {
        const handler = handlers[channel] as (request: unknown, sender: Role) => unknown;
        return { ok: true, value: await handler(parsed.data, sender) };
      } catch (error) {
        if (error instanceof RejectedRequest)
          return failure(error.code, error.messageIn(language()));
        if ((error as { code?: unknown }).code === 'SQLITE_FULL') {
          log(`${channel} failed: disk full`);
          return refusal('internal', 'router.diskFull');
        }
        log(
          `${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        // The system's message may name files or SQL: it goes to the log, not to the counselor.
        return refusal('internal', 'router.internal');
      }
    },
  };
}
