import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

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
