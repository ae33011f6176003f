import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDraft, type PackDraft } from '../../../electron/content/pack/draft';
import { checkPack, folderFiles } from '../../../electron/content/pack/loadPack';
import { DownloadShelf } from '../../../electron/services/downloads/downloadShelf';
import { JobBoard } from '../../../electron/jobs/jobRunner';
import { PackEditor } from '../../../electron/services/packs/packEditor';
import { PackLibrary } from '../../../electron/services/packs/packLibrary';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let builtIn: string;
let imported: string;
let packs: PackLibrary;
let editor: PackEditor;
let downloads: DownloadShelf;
const assetUrl = (id: string, path: string) => `/media/packs/${id}/${path}`;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeEach(() => {
  dir = makeTempDir();
  builtIn = join(dir.path, 'resources');
  imported = join(dir.path, 'data', 'curricula');
  writePack(join(builtIn, 'mini'), { 'pack.yaml': MINIMAL_PACK });
  packs = new PackLibrary({ builtIn, imported }, assetUrl);
  downloads = new DownloadShelf({ now: () => Date.now() });
  editor = new PackEditor(packs, downloads, new JobBoard(() => {}));
});
afterEach(() => dir.remove());

const draftOf = (id: string) => editor.open(id).draft;
const manifestOn = (id: string) =>
  parse(readFileSync(join(imported, id, 'pack.yaml'), 'utf8')) as PackDraft;

describe('the pack editor in main', () => {
  it('checks a draft with exactly the problems pack:check reports for the built-in packs', () => {
    const root = resolve('resources/curricula');
    for (const name of readdirSync(root)) {
      const folder = join(root, name);
      const draft = parse(readFileSync(join(folder, 'pack.yaml'), 'utf8')) as unknown;
      const fromEditor = checkDraft(draft, folderFiles(folder)).map(
        (p) => `${p.path} ${p.message}`,
      );
      const fromCli = checkPack(folder).problems.map((p) => `${p.path} ${p.message}`);
      expect(fromEditor.sort(), name).toEqual(fromCli.sort());
    }
  });

  it('saves a built-in pack as a copy under a new id and leaves the built-in as it was', async () => {
    const before = readFileSync(join(builtIn, 'mini', 'pack.yaml'), 'utf8');
    const draft = { ...draftOf('mini-pack'), title: 'Mini, our way' };
    const result = await editor.save('mini-pack', null, draft, null);
    expect(result).toEqual({
      status: 'saved',
      id: 'mini-pack-local',
      version: '1.0.1',
      title: 'Mini, our way',
      copyOf: 'mini-pack',
      restored: null,
    });
    expect(readFileSync(join(builtIn, 'mini', 'pack.yaml'), 'utf8')).toBe(before);
    expect(manifestOn('mini-pack-local').title).toBe('Mini, our way');
    expect(packs.find('mini-pack')?.origin).toBe('built-in');
    // A second copy of the built-in gets the next free id.
    const again = await editor.save('mini-pack', null, draftOf('mini-pack'), null);
    expect(again.status === 'saved' && again.id).toBe('mini-pack-local-2');
  });

  it('bumps the version at every save, keeps each previous version and restores one', async () => {
    const first = { ...draftOf('mini-pack'), id: 'ours', title: 'Ours' };
    await editor.save('mini-pack', null, first, null);
    expect(manifestOn('ours').version).toBe('1.0.0');
    await editor.save('ours', null, { ...draftOf('ours'), title: 'Ours, second' }, null);
    await editor.save('ours', null, { ...draftOf('ours'), title: 'Ours, third' }, null);
    expect(manifestOn('ours')).toMatchObject({ version: '1.0.2', title: 'Ours, third' });
    expect(editor.history('ours').map((entry) => `${entry.version} ${entry.title}`)).toEqual([
      '1.0.1 Ours, second',
      '1.0.0 Ours',
    ]);
    const restored = await editor.restore('ours', '1.0.0', null);
    expect(restored).toMatchObject({ status: 'saved', version: '1.0.3', restored: '1.0.0' });
    expect(manifestOn('ours')).toMatchObject({ version: '1.0.3', title: 'Ours' });
    expect(editor.history('ours').map((entry) => entry.version)).toEqual([
      '1.0.2',
      '1.0.1',
      '1.0.0',
    ]);
  });

  it('refuses an invalid draft, says where, and writes nothing', async () => {
    const draft = draftOf('mini-pack');
    const broken = { ...draft, id: 'ours', agenda: [{ ...draft.agenda[0]!, minutes: 0 }] };
    const result = await editor.save('mini-pack', null, broken, null);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.problems.map((p) => p.path)).toEqual([
      'agenda[0].minutes',
    ]);
    expect(packs.find('ours')).toBeUndefined();
    const taken = await editor.save(null, null, { ...draft, id: 'mini-pack-local' }, null);
    expect(taken.status).toBe('saved');
    const clash = await editor.save(null, null, { ...draft, id: 'mini-pack-local' }, null);
    expect(clash).toMatchObject({ status: 'invalid', problems: [{ path: 'id' }] });
  });

  it('refuses to change the pack of the session running now', async () => {
    await editor.save('mini-pack', null, { ...draftOf('mini-pack'), id: 'ours' }, null);
    const result = await editor.save('ours', null, draftOf('ours'), 'ours');
    expect(result.status).toBe('invalid');
    expect(manifestOn('ours').version).toBe('1.0.0');
  });

  it('keeps added images apart until the save, then in the pack folder', async () => {
    expect(() => editor.addImage(null, 'deck.png', new Uint8Array([1, 2, 3]))).toThrow(
      'is not really a png image',
    );
    expect(() => editor.addImage(null, 'notes.txt', PNG)).toThrow('is not a PNG');
    const { draftId, path } = editor.addImage(null, 'Page 01.PNG', PNG);
    expect(path).toBe('images/page-01.png');
    const draft = {
      ...draftOf('mini-pack'),
      id: 'deck',
      slides: [{ id: 'hello', file: path, title: 'Page one' }],
    };
    expect(editor.check('mini-pack', null, draft).map((p) => p.message)).toEqual([
      'file "images/page-01.png" is missing',
    ]);
    expect(editor.check('mini-pack', draftId, draft)).toEqual([]);
    const preview = editor.previewSlide('mini-pack', draftId, draft.slides[0]);
    expect('html' in preview && preview.html).toContain(
      `/media/drafts/${draftId}/images/page-01.png`,
    );
    await editor.save('mini-pack', draftId, draft, null);
    expect(readFileSync(join(imported, 'deck', 'images', 'page-01.png'))).toEqual(Buffer.from(PNG));
  });

  it('exports a pack as a .zip another kiosk imports as it is', async () => {
    await editor.save(
      'mini-pack',
      null,
      { ...draftOf('mini-pack'), id: 'ours', title: 'Ours' },
      null,
    );
    const download = await editor.export('ours');
    expect(download).toMatchObject({ fileName: 'ours-1.0.0.zip', mime: 'application/zip' });
    const other = makeTempDir();
    try {
      const clinic = new PackLibrary(
        { builtIn: join(other.path, 'none'), imported: join(other.path, 'curricula') },
        assetUrl,
      );
      const result = await clinic.importZip(downloads.take(download.url)!.body, false);
      expect(result).toMatchObject({ status: 'imported', pack: { id: 'ours', title: 'Ours' } });
    } finally {
      other.remove();
    }
  });
});
