/**
 * The main process's log, `<data folder>/logs/main.log`: a packaged Windows app has no console, so
 * start-up failures, renderer crashes and internal errors would otherwise leave no trace. It holds
 * the kiosk's own messages only (router and service errors never include a request's arguments, so
 * no member's name reaches it). Rotated by size: main.log, main.1.log … main.<keep>.log.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface LogFileOptions {
  maxBytes?: number;
  /** How many older files to keep beside main.log. */
  keep?: number;
  now?: () => Date;
}

export interface LogFile {
  readonly path: string;
  write(message: string): void;
}

export function openLogFile(dir: string, options: LogFileOptions = {}): LogFile {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const path = join(dir, 'main.log');
  const older = (index: number) => join(dir, `main.${index}.log`);

  const rotate = () => {
    rmSync(older(keep), { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) {
      if (existsSync(older(index))) renameSync(older(index), older(index + 1));
    }
    renameSync(path, older(1));
  };

  return {
    path,
    write(message) {
      // Written synchronously: the line that explains a failed start must be on disk before exit.
      try {
        mkdirSync(dir, { recursive: true });
        if (existsSync(path) && statSync(path).size >= maxBytes) rotate();
        appendFileSync(path, `${now().toISOString()} ${message.replace(/\r?\n/g, '\n    ')}\n`);
      } catch {
        // A log that cannot be written must never take the show down with it.
      }
    },
  };
}
