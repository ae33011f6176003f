/**
 * The pack editor's main-process half: opens a pack's manifest for editing, checks a draft with the
 * rules `pack:check` uses, saves it as a new version of a pack folder under the data folder's
 * `curricula/` (keeping the previous version in `curricula/.history/<id>/<version>/`), restores an
 * earlier version and exports a pack as a `.zip` another clinic can import.
 */
import { zipSync, type Zippable } from 'fflate';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import type { PackFiles } from '../../content/pack/crossCheck';
import {
  bumpVersion,
  checkDraft,
  compareVersions,
  freeId,
  withoutUndefined,
  type PackDraft,
} from '../../content/pack/draft';
import { folderFiles } from '../../content/pack/loadPack';
import { parseManifestSync } from '../../content/pack/manifestYaml';
import type { PackProblem } from '../../content/pack/problems';
import { renderSlide, type RenderedSlide } from '../../content/pack/renderPack';
import { MANIFEST_FILE, slideSchema } from '../../content/pack/schema';
import { RejectedRequest } from '../errors';
import type { Download } from '../records/recordsDesk';
import type { PackLibrary } from './packLibrary';
import { judgeStaged, packAssetUrl } from './stagePack';

/** Older versions beyond this many are removed when a pack is saved again. */
export const HISTORY_KEPT = 20;
const HISTORY_FOLDER = '.history';
const IMAGE_FILE = /\.(png|jpe?g|webp|svg|gif)$/i;

export interface HistoryEntry {
  version: string;
  title: string;
  /** When that version was saved (ms since the epoch). */
  savedAt: number;
}

export interface EditablePack {
  draft: PackDraft;
  origin: 'built-in' | 'imported';
  /** Saving a built-in pack writes a copy under a new id: the built-in one is never changed. */
  builtIn: boolean;
  /** Image files in the pack folder, for image slides. */
  images: string[];
  history: HistoryEntry[];
}

export type SaveResult =
  | {
      status: 'saved';
      id: string;
      version: string;
      title: string;
      /** The built-in pack's id when the draft was saved as a copy under a new id. */
      copyOf: string | null;
      /** The version restored, when this save was a restore. */
      restored: string | null;
    }
  | { status: 'invalid'; problems: PackProblem[] };

const NO_FILES: PackFiles = {
  exists: () => false,
  read: (path) => {
    throw new Error(`${path} is not in the pack`);
  },
};

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function readDraft(folder: string): PackDraft {
  const parsed = parseManifestSync(readFileSync(join(folder, MANIFEST_FILE), 'utf8'));
  if (!parsed.ok) throw new RejectedRequest(parsed.problems[0]?.message ?? 'unreadable pack');
  return parsed.value as PackDraft;
}

const invalid = (message: string, path = ''): SaveResult => ({
  status: 'invalid',
  problems: [{ severity: 'error', file: MANIFEST_FILE, line: null, path, message }],
});

export class PackEditor {
  constructor(private readonly packs: PackLibrary) {}

  private historyRoot(id: string): string {
    return join(this.packs.importedRoot, HISTORY_FOLDER, id);
  }

  private folderOf(id: string): string {
    const pack = this.packs.find(id);
    if (!pack) throw new RejectedRequest(`There is no pack “${id}”.`);
    return pack.folder;
  }

  open(id: string): EditablePack {
    const pack = this.packs.find(id);
    if (!pack) throw new RejectedRequest(`There is no pack “${id}”.`);
    return {
      draft: readDraft(pack.folder),
      origin: pack.origin,
      builtIn: pack.origin === 'built-in',
      images: filesUnder(pack.folder).filter((file) => IMAGE_FILE.test(file)),
      history: this.history(id),
    };
  }

  /** Every problem `pack:check` would report for this draft (without line numbers: it is not YAML yet). */
  check(baseId: string | null, draft: unknown): PackProblem[] {
    return checkDraft(draft, baseId ? folderFiles(this.folderOf(baseId)) : NO_FILES);
  }

  /** One slide rendered exactly as the projector shows it, or the slide's first problem. */
  previewSlide(baseId: string | null, slide: unknown): RenderedSlide | { problem: string } {
    const parsed = slideSchema.safeParse(slide);
    if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'not a slide' };
    const folder = baseId ? this.folderOf(baseId) : null;
    if (
      parsed.data.file !== undefined &&
      (!folder || !folderFiles(folder).exists(parsed.data.file))
    )
      return { problem: `file "${parsed.data.file}" is missing` };
    return renderSlide(
      folder ?? this.packs.importedRoot,
      baseId ?? 'draft',
      parsed.data,
      packAssetUrl,
    );
  }

  history(id: string): HistoryEntry[] {
    const root = this.historyRoot(id);
    if (!existsSync(root)) return [];
    return readdirSync(root)
      .filter((name) => existsSync(join(root, name, MANIFEST_FILE)))
      .map((name) => {
        const draft = readDraft(join(root, name));
        return {
          version: draft.version,
          title: draft.title,
          savedAt: statSync(join(root, name, MANIFEST_FILE)).mtimeMs,
        };
      })
      .sort((a, b) => compareVersions(b.version, a.version));
  }

  /** Saves the draft as a new version; `baseId` is the pack it was opened from (its files come along). */
  async save(baseId: string | null, draft: unknown, inUseId: string | null): Promise<SaveResult> {
    return this.write(baseId ? this.folderOf(baseId) : null, baseId, draft, inUseId, null);
  }

  /** Makes an earlier version the current one again, as a new version; the current one is kept. */
  async restore(id: string, version: string, inUseId: string | null): Promise<SaveResult> {
    const entry = this.historyEntryFolder(id, version);
    if (!entry) throw new RejectedRequest(`Version ${version} of “${id}” is not in its history.`);
    return this.write(entry, id, readDraft(entry), inUseId, version);
  }

  private historyEntryFolder(id: string, version: string): string | null {
    const root = this.historyRoot(id);
    if (!existsSync(root)) return null;
    const name = readdirSync(root).find(
      (entry) =>
        existsSync(join(root, entry, MANIFEST_FILE)) &&
        readDraft(join(root, entry)).version === version,
    );
    return name ? join(root, name) : null;
  }

  private async write(
    sourceFolder: string | null,
    baseId: string | null,
    input: unknown,
    inUseId: string | null,
    restored: string | null,
  ): Promise<SaveResult> {
    const problems = checkDraft(input, sourceFolder ? folderFiles(sourceFolder) : NO_FILES);
    if (problems.some((problem) => problem.severity === 'error'))
      return { status: 'invalid', problems };
    const draft = input as PackDraft;
    const base = baseId ? this.packs.find(baseId) : undefined;
    let id = draft.id;
    let copyOf: string | null = null;
    if (this.packs.isBuiltInId(id) && (!base || base.origin === 'built-in')) {
      copyOf = id;
      id = freeId(id, 'local', this.packs.ids());
    } else if (id !== baseId && this.packs.ids().has(id)) {
      return invalid(`another pack already has the id "${id}"; choose another`, 'id');
    }
    const existing = this.packs.find(id);
    const current = existing?.origin === 'imported' ? existing : undefined;
    const version = current
      ? bumpVersion(
          compareVersions(current.manifest.version, draft.version) > 0
            ? current.manifest.version
            : draft.version,
        )
      : copyOf
        ? bumpVersion(draft.version)
        : draft.version;

    const staging = this.packs.stagingFolder();
    let keptAs: string | null = null;
    try {
      if (sourceFolder) cpSync(sourceFolder, staging, { recursive: true });
      else mkdirSync(staging, { recursive: true });
      writeFileSync(
        join(staging, MANIFEST_FILE),
        stringify(withoutUndefined({ ...draft, id, version }), { lineWidth: 100 }),
      );
      const staged = await judgeStaged(staging);
      if (staged.status === 'invalid') {
        return {
          status: 'invalid',
          problems: staged.problems.map((message) => ({
            severity: 'error',
            file: MANIFEST_FILE,
            line: null,
            path: '',
            message,
          })),
        };
      }
      if (current) keptAs = this.keep(id, current.folder, current.manifest.version);
      const result = this.packs.adopt(staging, staged, true, inUseId);
      if (result.status !== 'imported') {
        if (keptAs) rmSync(keptAs, { recursive: true, force: true });
        return invalid(result.status === 'invalid' ? result.problems.join('; ') : 'not saved');
      }
      this.prune(id);
      return { status: 'saved', id, version, title: draft.title, copyOf, restored };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /** Copies the current folder into the history, keeping its save time. */
  private keep(id: string, folder: string, version: string): string {
    const root = this.historyRoot(id);
    mkdirSync(root, { recursive: true });
    let target = join(root, version);
    for (let number = 2; existsSync(target); number += 1)
      target = join(root, `${version}-${number}`);
    cpSync(folder, target, { recursive: true, preserveTimestamps: true });
    return target;
  }

  private prune(id: string): void {
    const root = this.historyRoot(id);
    if (!existsSync(root)) return;
    const entries = readdirSync(root)
      .filter((name) => existsSync(join(root, name, MANIFEST_FILE)))
      .map((name) => ({ name, version: readDraft(join(root, name)).version }))
      .sort((a, b) => compareVersions(b.version, a.version));
    for (const entry of entries.slice(HISTORY_KEPT))
      rmSync(join(root, entry.name), { recursive: true, force: true });
  }

  /** The pack folder as a `.zip` (one top folder named after the id), as Import .zip… reads it. */
  export(id: string): Download {
    const pack = this.packs.find(id);
    if (!pack) throw new RejectedRequest(`There is no pack “${id}”.`);
    const entries: Zippable = {};
    // Videos, audio and images are compressed already: stored as they are.
    for (const file of filesUnder(pack.folder)) {
      const data = new Uint8Array(readFileSync(join(pack.folder, file)));
      entries[`${id}/${file}`] = [data, { level: /\.(md|ya?ml|txt|vtt|svg)$/i.test(file) ? 6 : 0 }];
    }
    const zip = zipSync(entries);
    return {
      fileName: `${id}-${pack.manifest.version}.zip`,
      mime: 'application/zip',
      base64: Buffer.from(zip).toString('base64'),
    };
  }
}
