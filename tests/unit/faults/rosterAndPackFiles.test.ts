import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { respondWithFile } from '../../../electron/services/media/mediaResponse';
import type { ConsoleView } from '../../../electron/services/session/views';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';
import { freshKiosk } from '../../helpers/kiosk';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

const kiosk = freshKiosk({
  prepare: (dataDir) =>
    writePack(join(dataDir, 'curricula', 'mini'), {
      'pack.yaml': MINIMAL_PACK,
      'images/chart.png': PNG,
      'images/logo.svg':
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>',
      'images/evil.svg':
        '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/console.html")</script></svg>',
      'images/onload.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'slides/extra.md': '# Extra',
      'handouts/sheet.pdf': '%PDF-1.4\n',
      'media/clip.mp4': Buffer.alloc(64),
      'page.html': '<script>steal()</script>',
      'page.htm': '<script>steal()</script>',
      'app.js': 'steal()',
      'app.mjs': 'steal()',
      'notes.txt': 'x',
    }),
});
const { call } = kiosk;

async function start(cohortName: string, pin?: string) {
  return call('session:start', {
    packId: 'projector-check',
    cohortName,
    facilitators: ['F'],
    timeKeeper: null,
    ...(pin === undefined ? {} : { pin }),
  });
}

async function runGroupWithMembers() {
  await call('records:setPin', { pin: '2468', currentPin: null });
  await start('Tuesday group');
  await call('group:addMember', { name: 'Rosalind', checkIn: true });
  await call('group:addMember', { name: 'Bea', checkIn: true });
  await call('session:command', { type: 'end' });
  await call('records:lock', {});
}

describe('the roster of a group run before, with the records locked', () => {
  it('is not returned by starting a session with the group’s name without the PIN', async () => {
    await runGroupWithMembers();
    const refused = await start('Tuesday group');
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message:
          '“Tuesday group” has records from earlier sessions. Enter the counselor PIN to open its roster.',
      },
    });
    expect(JSON.stringify(refused)).not.toMatch(/Rosalind|Bea/);
    expect(await start('Tuesday group', '0000')).toMatchObject({
      ok: false,
      error: { message: 'That PIN is not right.' },
    });
    const view = await call('session:consoleView', {});
    expect(JSON.stringify(view)).not.toMatch(/Rosalind|Bea/);
  });

  it('opens with the PIN given once, which also unlocks the records for the idle period', async () => {
    await runGroupWithMembers();
    const started = (await start('Tuesday group', '2468')) as { ok: true; value: ConsoleView };
    expect(started.value.session!.group.members.map((member) => member.name).sort()).toEqual([
      'Bea',
      'Rosalind',
    ]);
    expect(await call('records:lockStatus', {})).toMatchObject({
      ok: true,
      value: { unlocked: true },
    });
  });

  it('is not needed for a new group', async () => {
    await runGroupWithMembers();
    expect(await start('Brand new group')).toMatchObject({ ok: true });
  });
});

describe('files the media route serves from a pack', () => {
  const serve = async (path: string) =>
    respondWithFile(kiosk.core.resolveMedia(`/media/packs/mini-pack/${path}`), 'GET', null);

  it('are only images, Markdown, media, captions and PDFs, with nosniff and a sandboxing CSP', async () => {
    for (const [path, type] of [
      ['images/chart.png', 'image/png'],
      ['images/logo.svg', 'image/svg+xml'],
      ['slides/extra.md', 'text/markdown; charset=utf-8'],
      ['handouts/sheet.pdf', 'application/pdf'],
      ['media/clip.mp4', 'video/mp4'],
    ] as const) {
      const response = await serve(path);
      for await (const chunk of response.body ?? []) expect(chunk).toBeDefined();
      expect(response.status, path).toBe(200);
      expect(response.headers).toMatchObject({
        'Content-Type': type,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': expect.stringMatching(/default-src 'none'.*; sandbox$/),
      });
    }
  });

  it('never include the manifest (the answer key), HTML, script or an SVG that carries script', async () => {
    for (const path of [
      'pack.yaml',
      'page.html',
      'page.htm',
      'app.js',
      'app.mjs',
      'notes.txt',
      'images/evil.svg',
      'images/onload.svg',
    ]) {
      const response = await serve(path);
      expect(response.status, path).toBe(404);
      expect(response.body).toBeNull();
    }
  });
});
