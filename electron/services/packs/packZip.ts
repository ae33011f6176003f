/**
 * A pack folder as the `.zip` another kiosk imports (one top folder named after the id). Run on a
 * worker thread (`pack-export` job): a pack with its videos is hundreds of megabytes to read and
 * pack, which main's loop must never wait on.
 */
import { zipSync, type Zippable } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `folder`, as sorted `/`-separated paths relative to it. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export function zipPackFolder(folder: string, id: string): Uint8Array {
  const entries: Zippable = {};
  // Videos, audio and images are compressed already: stored as they are.
  for (const file of filesUnder(folder)) {
    const data = new Uint8Array(readFileSync(join(folder, file)));
    entries[`${id}/${file}`] = [data, { level: /\.(md|ya?ml|txt|vtt|svg)$/i.test(file) ? 6 : 0 }];
  }
  return zipSync(entries);
}
