import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../electron/content/pack/loadPack';
import { loadCatalog } from '../../../electron/content/pack/registry';
import { ManualClock } from '../../../electron/shared/clock';
import { csvField, toCsv } from '../../../electron/services/records/csv';
import type { ConsoleView } from '../../../electron/services/session/views';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';
import { freshKiosk } from '../../helpers/kiosk';

const clock = new ManualClock(Date.UTC(2026, 10, 22, 9));
const kiosk = freshKiosk({ clock });
const { call } = kiosk;

/** Splits a CSV line the way a spreadsheet set to another separator would, ignoring quotes. */
const cellsSplitOn = (line: string, separator: string) =>
  line.split(separator).map((cell) => cell.replace(/^"/, ''));

describe('CSV cells that become formulas after splitting on ; or TAB', () => {
  const hostile = ['Alex;=HYPERLINK("http://x","y")', 'Sam\t+SUM(A1)', 'Kim;@cmd', 'Jo;-2+3'];

  it('are neutralised whatever separator the spreadsheet uses', () => {
    for (const value of hostile) {
      const line = toCsv([[value, 'other']]).trimEnd();
      for (const separator of [',', ';', '\t']) {
        for (const cell of cellsSplitOn(line, separator))
          expect(cell, `${value} split on ${JSON.stringify(separator)}`).not.toMatch(/^[=+\-@]/);
      }
    }
  });

  it('keeps ordinary text as it was', () => {
    expect(csvField('Alex; Sam')).toBe('"Alex; Sam"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(-3)).toBe('-3');
  });
});

describe('bidirectional overrides and zero-width characters', () => {
  const tricky = 'Al\u202Eex\u200B\u2066 \u200DJr\uFEFF';

  it('are stripped from member, group and facilitator names at the boundary', async () => {
    await call('session:start', {
      packId: 'projector-check',
      cohortName: `Tues\u200Bday\u202E group`,
      facilitators: [`Dana\u2067`],
      timeKeeper: null,
    });
    const result = (await call('group:addMember', { name: tricky, checkIn: true })) as {
      ok: true;
      value: ConsoleView;
    };
    expect(result.value.session!.group.members.map((member) => member.name)).toEqual(['Alex Jr']);
    expect(kiosk.core.db.prepare('SELECT name FROM cohorts').all()).toEqual([
      { name: 'Tuesday group' },
    ]);
    expect(
      (kiosk.core.db.prepare('SELECT facilitators FROM sessions').get() as { facilitators: string })
        .facilitators,
    ).toBe('["Dana"]');
  });

  it('are stripped from pack titles', () => {
    const folder = writePack(join(kiosk.dir, 'pack'), {
      'pack.yaml': MINIMAL_PACK.replace('title: Mini pack', 'title: "Mini\u202E pack\u200B"'),
    });
    expect(checkPack(folder).manifest?.title).toBe('Mini pack');
  });

  it('are stripped from CSV text that was stored before', () => {
    expect(csvField(tricky)).toBe('Alex Jr');
  });
});

describe('the PIN’s failure count and its growing pause', () => {
  const restart = () => kiosk.restart();
  const guess = (pin: string) => call('records:unlock', { pin });

  it('survive a restart, and each pause is longer than the last', async () => {
    await call('records:setPin', { pin: '2468', currentPin: null });
    await call('records:lock', {});
    for (let index = 0; index < 3; index += 1) await guess('0000');
    restart();
    // Two more after the restart make five: the pause starts.
    await guess('0000');
    await guess('0000');
    restart();
    expect(await guess('2468')).toMatchObject({
      ok: false,
      error: { message: 'Too many wrong PINs; try again in 60 seconds.' },
    });
    clock.advance(60_000);
    for (let index = 0; index < 5; index += 1) await guess('1111');
    restart();
    expect(await guess('2468')).toMatchObject({
      ok: false,
      error: { message: 'Too many wrong PINs; try again in 120 seconds.' },
    });
    clock.advance(120_000);
    expect(await guess('2468')).toMatchObject({ ok: true });
    // The right PIN starts the count again.
    await call('records:lock', {});
    for (let index = 0; index < 5; index += 1) await guess('1111');
    expect(await guess('2468')).toMatchObject({
      ok: false,
      error: { message: 'Too many wrong PINs; try again in 60 seconds.' },
    });
  }, 30_000);
});

describe('error messages shown to the counselor', () => {
  it('name no file paths and no SQL', async () => {
    await call('records:setPin', { pin: '2468', currentPin: null });
    kiosk.core.db.exec('DROP TABLE flipchart_entries');
    await call('session:start', {
      packId: 'hhrp-group-5',
      cohortName: 'Group',
      facilitators: ['F'],
      timeKeeper: null,
    });
    const sqlFailure = await call('group:addFlipchart', {
      questionId: 'what-is-negotiation',
      text: 'Talking it through',
    });
    // The backups folder cannot be made: the system's error names the path.
    rmSync(join(kiosk.dataDir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(kiosk.dataDir, 'backups'), 'not a folder');
    const pathFailure = await call('records:backup', {});
    for (const result of [sqlFailure, pathFailure]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      const { message } = (result as { error: { message: string } }).error;
      expect(message).toMatch(/Everything saved before is safe/);
      expect(message).not.toContain(kiosk.dir);
      expect(message).not.toMatch(/table|flipchart_entries|INSERT|ENOTDIR|EEXIST|\//i);
    }
  });

  it('about a broken pack name files inside the pack, not where it lives', () => {
    const first = writePack(join(kiosk.dir, 'packs', 'one'), { 'pack.yaml': MINIMAL_PACK });
    writePack(join(kiosk.dir, 'packs', 'two'), { 'pack.yaml': MINIMAL_PACK });
    const catalog = loadCatalog(
      { builtIn: join(kiosk.dir, 'packs'), imported: join(kiosk.dir, 'none') },
      (packId, path) => `/media/packs/${packId}/${path}`,
    );
    expect(catalog.broken[0]!.problems[0]!.message).toBe(
      'another built-in pack (folder “one”) already has the id "mini-pack"',
    );
    expect(JSON.stringify(catalog.broken)).not.toContain(`${first}"`);
  });
});
