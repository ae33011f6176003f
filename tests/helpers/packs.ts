import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { formatProblem, type PackProblem } from '../../electron/shared/pack/problems';

/** Writes a pack folder from a map of relative path → contents. */
export function writePack(folder: string, files: Record<string, string | Uint8Array>): string {
  for (const [path, contents] of Object.entries(files)) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  return folder;
}

export const MINIMAL_PACK = `format: 1
id: mini-pack
version: 1.0.0
title: Mini pack
program: Test program
language: en
minutes: 10
audience: client-group
agenda:
  - id: welcome
    title: Welcome
    kind: opening
    minutes: 10
    slides: [hello]
slides:
  - id: hello
    markdown: "# Hello"
`;

/** A pack's manifest zipped in a top folder, as "compress folder" makes it. */
export const zipOfPack = (yaml: string = MINIMAL_PACK): Buffer =>
  Buffer.from(zipSync({ 'mini/pack.yaml': strToU8(yaml) }));

/**
 * An import result or pack list with its problems as the CLI prints them (`formatProblem`): the
 * kiosk sends them structured, so the console can word them in its language.
 */
export function asLines<T>(value: T): T {
  if (Array.isArray(value)) return value.map(asLines) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [
      name,
      (name === 'problems' || name === 'warnings') && Array.isArray(field)
        ? field.map((problem: PackProblem | string) =>
            typeof problem === 'string' ? problem : formatProblem(problem),
          )
        : asLines(field),
    ]),
  ) as T;
}
