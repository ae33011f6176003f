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
): Router {
  return createRouterFor(channels, handlers as HandlersOf<typeof channels>, log);
}

export function createRouterFor<T extends ChannelTable>(
  table: T,
  handlers: HandlersOf<T>,
  log: (message: string) => void = () => {},
): Router {
  return {
    async dispatch(channel, args, sender) {
      if (typeof channel !== 'string' || !Object.hasOwn(table, channel)) {
        return failure('unknown-channel', `Unknown channel ${JSON.stringify(channel)}.`);
      }
      const spec = table[channel]!;
      if (sender === null || !spec.roles.includes(sender)) {
        return failure('forbidden', `The ${sender ?? 'unknown'} window may not call ${channel}.`);
      }
      const parsed = spec.request.safeParse(args ?? {});
      if (!parsed.success) {
        const where = parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
          .join('; ');
        return failure('invalid-arguments', `Bad arguments for ${channel}: ${where}`);
      }
      try {
        const handler = handlers[channel] as (request: unknown, sender: Role) => unknown;
        return { ok: true, value: await handler(parsed.data, sender) };
      } catch (error) {
        if (error instanceof RejectedRequest) return failure(error.code, error.message);
        if ((error as { code?: unknown }).code === 'SQLITE_FULL') {
          log(`${channel} failed: disk full`);
          return failure(
            'internal',
            'The disk is full, so this last change was not saved. Everything saved before it is safe; free some space and try again.',
          );
        }
        log(
          `${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        // The system's message may name files or SQL: it goes to the log, not to the counselor.
        return failure(
          'internal',
          'Something went wrong inside the kiosk, so this was not done. Everything saved before is safe; the details are in the log for IT.',
        );
      }
    },
  };
}
