import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPack } from '../../../electron/content/pack/loadPack';
import { createKioskCore, type KioskCore } from '../../../electron/core/kioskCore';
import { csvField, toCsv } from '../../../electron/services/records/csv';
import type { ConsoleView } from '../../../electron/services/session/views';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let core: KioskCore;
const call = (channel: string, args: unknown) => core.router.dispatch(channel, args, 'console');

beforeEach(() => {
  dir = makeTempDir();
  core = createKioskCore({ dataDir: join(dir.path, 'data'), resourcesDir: resolve('resources') });
});
afterEach(() => {
  core.close();
  dir.remove();
});

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
    expect(core.db.prepare('SELECT name FROM cohorts').all()).toEqual([{ name: 'Tuesday group' }]);
    expect(
      (core.db.prepare('SELECT facilitators FROM sessions').get() as { facilitators: string })
        .facilitators,
    ).toBe('["Dana"]');
  });

  it('are stripped from pack titles', () => {
    const folder = writePack(join(dir.path, 'pack'), {
      'pack.yaml': MINIMAL_PACK.replace('title: Mini pack', 'title: "Mini\u202E pack\u200B"'),
    });
    expect(checkPack(folder).manifest?.title).toBe('Mini pack');
  });

  it('are stripped from CSV text that was stored before', () => {
    expect(csvField(tricky)).toBe('Alex Jr');
  });
});
