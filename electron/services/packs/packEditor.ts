/**
 * The pack editor's main-process half: opens a pack's manifest for editing, checks a draft with the
 * rules `pack:check` uses, saves it as a new version of a pack folder under the data folder's
 * `curricula/` (keeping the previous version in `curricula/.history/<id>/<version>/`), restores an
 * earlier version and exports a pack as a `.zip` another clinic can import.
 */
import { randomBytes } from 'node:crypto';
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
import { join } from 'node:path';
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
import type { PackProblem } from '../../shared/pack/problems';
import { renderSlide, type PackAssetUrl, type RenderedSlide } from '../../content/pack/renderPack';
import { resolveAssetPath } from '../../content/files';
import { MANIFEST_FILE, slideSchema } from '../../content/pack/schema';
import { phrase, type Phrase } from '../../shared/i18n/phrases';
import { RejectedRequest } from '../errors';
import type { Download, DownloadShelf } from '../downloads/downloadShelf';
import type { JobBoard } from '../../jobs/jobRunner';
import type { PackLibrary } from './packLibrary';
import { filesUnder } from './packZip';
import { judgeStaged, packAssetUrl } from './stagePack';

/** Older versions beyond this many are removed when a pack is saved again. */
export const HISTORY_KEPT = 20;
const HISTORY_FOLDER = '.history';
/** Images added while editing wait here until the pack is saved (cleared at start, but for kept drafts'). */
const DRAFTS_FOLDER = '.drafts';
const IMAGE_FILE = /\.(png|jpe?g|webp|svg|gif)$/i;
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** The first bytes of each image type the slides show: a renamed file is not an image. */
function looksLikeImage(name: string, data: Uint8Array): boolean {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => data[index] === byte);
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  switch (extension) {
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'jpg':
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'gif':
      return starts(0x47, 0x49, 0x46, 0x38);
    case 'webp':
      return starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...data.slice(8, 12)) === 'WEBP';
    case 'svg':
      return /<svg[\s>]/i.test(new TextDecoder().decode(data.slice(0, 4096)));
    default:
      return false;
  }
}

/** A draft's own files first, then the pack's it was opened from. */
function overlayFiles(draftFolder: string | null, baseFolder: string | null): PackFiles {
  const layers = [draftFolder, baseFolder]
    .filter((folder): folder is string => folder !== null)
    .map(folderFiles);
  return {
    exists: (path) => layers.some((layer) => layer.exists(path)),
    read: (path) => {
      const layer = layers.find((entry) => entry.exists(path));
      if (!layer) throw new Error(`${path} is not in the pack`);
      return layer.read(path);
    },
  };
}

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

function readDraft(folder: string): PackDraft {
  const parsed = parseManifestSync(readFileSync(join(folder, MANIFEST_FILE), 'utf8'));
  if (!parsed.ok)
    throw new RejectedRequest('errors.packs.unreadableDraft', {
      problem: parsed.problems[0]?.message ?? 'unreadable pack',
    });
  return parsed.value as PackDraft;
}

const invalid = (message: string, path = '', words?: Phrase): SaveResult => ({
  status: 'invalid',
  problems: [
    { severity: 'error', file: MANIFEST_FILE, line: null, path, message, ...(words && { words }) },
  ],
});

export class PackEditor {
  /** `keptDrafts`: image folders that drafts kept in the records still use (editorDrafts.ts). */
  constructor(
    private readonly packs: PackLibrary,
    private readonly downloads: DownloadShelf,
    /** Exports are zipped on a worker thread. */
    private readonly jobs: JobBoard,
    keptDrafts: readonly string[] = [],
  ) {
    const drafts = join(packs.importedRoot, DRAFTS_FOLDER);
    if (!existsSync(drafts)) return;
    for (const name of readdirSync(drafts))
      if (!keptDrafts.includes(name)) rmSync(join(drafts, name), { recursive: true, force: true });
  }

  private draftFolder(draftId: string | null): string | null {
    if (draftId === null) return null;
    const folder = join(this.packs.importedRoot, DRAFTS_FOLDER, draftId);
    return existsSync(folder) ? folder : null;
  }

  /**
   * Adds an image to a draft (for image slides and Markdown images): kept apart until the pack is
   * saved, so nothing of a saved or built-in pack changes before then.
   */
  addImage(
    draftId: string | null,
    name: string,
    data: Uint8Array,
  ): { draftId: string; path: string } {
    const fileName = name
      .split(/[\\/]/)
      .at(-1)!
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+/, '');
    if (!IMAGE_FILE.test(fileName)) throw new RejectedRequest('errors.packs.notAnImage', { name });
    if (data.byteLength > MAX_IMAGE_BYTES)
      throw new RejectedRequest('errors.packs.imageTooLarge', {
        name,
        megabytes: MAX_IMAGE_BYTES / 1024 ** 2,
      });
    if (!looksLikeImage(fileName, data))
      throw new RejectedRequest('errors.packs.notReallyImage', {
        name,
        type: fileName.split('.').at(-1) ?? '',
      });
    const id = draftId ?? randomBytes(12).toString('hex');
    const folder = join(this.packs.importedRoot, DRAFTS_FOLDER, id, 'images');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, fileName), data);
    return { draftId: id, path: `images/${fileName}` };
  }

  /** The images added to a draft so far (a draft kept from before a restart has them still). */
  draftImages(draftId: string | null): string[] {
    const folder = this.draftFolder(draftId);
    return folder ? filesUnder(folder).filter((file) => IMAGE_FILE.test(file)) : [];
  }

  /** The file behind `/media/drafts/<draft>/<path>`, or null. */
  draftAssetPath(draftId: string, relativePath: string): string | null {
    const folder = /^[0-9a-f]{24}$/.test(draftId) ? this.draftFolder(draftId) : null;
    return folder ? resolveAssetPath(folder, `/${relativePath}`) : null;
  }

  private historyRoot(id: string): string {
    return join(this.packs.importedRoot, HISTORY_FOLDER, id);
  }

  private folderOf(id: string): string {
    const pack = this.packs.find(id);
    if (!pack) throw new RejectedRequest('errors.packs.noSuchPack', { id });
    return pack.folder;
  }

  open(id: string): EditablePack {
    const pack = this.packs.find(id);
    if (!pack) throw new RejectedRequest('errors.packs.noSuchPack', { id });
    return {
      draft: readDraft(pack.folder),
      origin: pack.origin,
      builtIn: pack.origin === 'built-in',
      images: filesUnder(pack.folder).filter((file) => IMAGE_FILE.test(file)),
      history: this.history(id),
    };
  }

  /** Every problem `pack:check` would report for this draft (without line numbers: it is not YAML yet). */
  check(baseId: string | null, draftId: string | null, draft: unknown): PackProblem[] {
    return checkDraft(
      draft,
      overlayFiles(this.draftFolder(draftId), baseId ? this.folderOf(baseId) : null),
    );
  }

  /** One slide rendered exactly as the projector shows it, or the slide's first problem. */
  previewSlide(
    baseId: string | null,
    draftId: string | null,
    slide: unknown,
  ): RenderedSlide | { problem: string } {
    const parsed = slideSchema.safeParse(slide);
    if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'not a slide' };
    const draftFolder = this.draftFolder(draftId);
    const draftFiles = draftFolder ? folderFiles(draftFolder) : NO_FILES;
    const files = overlayFiles(draftFolder, baseId ? this.folderOf(baseId) : null);
    if (parsed.data.file !== undefined && !files.exists(parsed.data.file))
      return { problem: `file "${parsed.data.file}" is missing` };
    const assetUrl: PackAssetUrl = (packId, path) =>
      draftFiles.exists(path)
        ? `/media/drafts/${draftId}/${path.split('/').map(encodeURIComponent).join('/')}`
        : packAssetUrl(packId, path);
    return renderSlide(files, baseId ?? 'draft', parsed.data, assetUrl);
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
  async save(
    baseId: string | null,
    draftId: string | null,
    draft: unknown,
    inUseId: string | null,
  ): Promise<SaveResult> {
    const sources = [baseId ? this.folderOf(baseId) : null, this.draftFolder(draftId)];
    return this.write(sources, baseId, draft, inUseId, null);
  }

  /** Makes an earlier version the current one again, as a new version; the current one is kept. */
  async restore(id: string, version: string, inUseId: string | null): Promise<SaveResult> {
    const entry = this.historyEntryFolder(id, version);
    if (!entry) throw new RejectedRequest('errors.packs.noSuchVersion', { version, id });
    return this.write([entry], id, readDraft(entry), inUseId, version);
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

  /** `sources`: the folders whose files the pack keeps, later ones over earlier ones. */
  private async write(
    sources: readonly (string | null)[],
    baseId: string | null,
    input: unknown,
    inUseId: string | null,
    restored: string | null,
  ): Promise<SaveResult> {
    const folders = sources.filter((folder): folder is string => folder !== null);
    const problems = checkDraft(input, overlayFiles(folders[1] ?? null, folders[0] ?? null));
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
      return invalid(
        `another pack already has the id "${id}"; choose another`,
        'id',
        phrase('packCheck.idTaken', { id }),
      );
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
      mkdirSync(staging, { recursive: true });
      for (const folder of folders) cpSync(folder, staging, { recursive: true });
      writeFileSync(
        join(staging, MANIFEST_FILE),
        stringify(withoutUndefined({ ...draft, id, version }), { lineWidth: 100 }),
      );
      const staged = await judgeStaged(staging);
      if (staged.status === 'invalid') {
        return { status: 'invalid', problems: staged.problems };
      }
      if (current) keptAs = this.keep(id, current.folder, current.manifest.version);
      const result = this.packs.adopt(staging, staged, true, inUseId);
      if (result.status !== 'imported') {
        if (keptAs) rmSync(keptAs, { recursive: true, force: true });
        // `adopt` was told to replace, so it never asks: a refusal is all it can return here.
        return result.status === 'invalid' ? result : invalid('not saved');
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
  async export(id: string): Promise<Download> {
    const pack = this.packs.find(id);
    if (!pack) throw new RejectedRequest('errors.packs.noSuchPack', { id });
    const fileName = `${id}-${pack.manifest.version}.zip`;
    const zip = await this.jobs.run('pack-export', phrase('jobs.labels.exporting', { fileName }), {
      folder: pack.folder,
      id,
    });
    return this.downloads.offer(fileName, 'application/zip', zip);
  }
}
