import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as RenderPack from '../../../electron/content/pack/renderPack';
import { PackLibrary } from '../../../electron/services/packs/packLibrary';
import { MINIMAL_PACK, asLines } from '../../helpers/packs';
import { makeTempDir } from '../../helpers/tempDir';

/** Lets a test make slide rendering fail the way an unforeseen Markdown input would. */
const rendering = vi.hoisted(() => ({ failOn: null as string | null }));
vi.mock('../../../electron/content/pack/renderPack', async (importOriginal) => {
  const real = await importOriginal<typeof RenderPack>();
  return {
    ...real,
    renderSlides: (...args: Parameters<typeof real.renderSlides>) => {
      if (rendering.failOn && args[0].includes(rendering.failOn))
        throw new URIError('URI malformed');
      return real.renderSlides(...args);
    },
  };
});

let dir: ReturnType<typeof makeTempDir>;
let imported: string;
let library: PackLibrary;

beforeEach(() => {
  dir = makeTempDir();
  imported = join(dir.path, 'curricula');
  library = new PackLibrary(
    { builtIn: join(dir.path, 'built-in'), imported },
    (packId, path) => `/media/packs/${packId}/${path}`,
  );
  rendering.failOn = null;
});
afterEach(() => dir.remove());

const withSlideFile = (version: string, slide: string) => [
  {
    path: 'pack.yaml',
    data: Buffer.from(
      MINIMAL_PACK.replace('1.0.0', version).replace(
        'markdown: "# Hello"',
        'file: slides/hello.md',
      ),
    ),
  },
  { path: 'slides/hello.md', data: Buffer.from(slide) },
];

async function installVersionOne() {
  expect(await library.importFiles(withSlideFile('1.0.0', '# Hello'), false)).toMatchObject({
    status: 'imported',
  });
}

function expectVersionOneIntact() {
  const pack = library.find('mini-pack');
  expect(pack?.manifest.version).toBe('1.0.0');
  expect(pack?.slides.get('hello')?.html).toContain('<h1>Hello</h1>');
  expect(library.listView().broken).toEqual([]);
  expect(readdirSync(imported)).toEqual(['mini-pack']);
  // And after a restart too.
  library.reload();
  expect(library.find('mini-pack')?.manifest.version).toBe('1.0.0');
}

describe('an import that replaces a pack', () => {
  it('with a Markdown reference image whose escape is malformed is refused; the old pack stays', async () => {
    await installVersionOne();
    const slide = '# Hello again\n\n![chart][c]\n\n[c]: images/%E0%A4%A.png\n';
    const result = await library.importFiles(withSlideFile('2.0.0', slide), true);
    expect(asLines(result)).toEqual({
      status: 'invalid',
      problems: [
        'slides/hello.md slides[0].file: image "images/%E0%A4%25A.png" has a malformed %-escape; write the file name as it is',
      ],
    });
    expectVersionOneIntact();
  });

  it('is swapped in only after every slide has rendered: a render failure keeps the old pack', async () => {
    await installVersionOne();
    rendering.failOn = '.staging-';
    const result = await library.importFiles(withSlideFile('2.0.0', '# Hello again'), true);
    expect(asLines(result)).toMatchObject({
      status: 'invalid',
      problems: [expect.stringContaining('URI malformed')],
    });
    expectVersionOneIntact();
  });

  it('that fails to load once in place is rolled back to the old pack', async () => {
    await installVersionOne();
    rendering.failOn = join(imported, 'mini-pack');
    const result = await library.importFiles(withSlideFile('2.0.0', '# Hello again'), true);
    expect(asLines(result)).toMatchObject({
      status: 'invalid',
      problems: [expect.stringMatching(/could not be loaded once in place/)],
    });
    rendering.failOn = null;
    library.reload();
    expectVersionOneIntact();
  });
});
