import { describe, expect, it } from 'vitest';
import type { ConsoleView } from '../../../electron/services/session/views';
import { freshKiosk } from '../../helpers/kiosk';

const kiosk = freshKiosk();
const { call } = kiosk;

describe('the disk filling during a write', () => {
  it('refuses the write with a clear message and keeps everything saved before', async () => {
    await call('session:start', {
      packId: 'hhrp-group-5',
      cohortName: 'Full disk group',
      facilitators: ['F'],
      timeKeeper: null,
    });
    await call('group:addMember', { name: 'Alex', checkIn: true });
    const view = (await call('session:consoleView', {})) as { ok: true; value: ConsoleView };
    const alex = view.value.session!.group.members[0]!.id;
    expect(await call('group:answer', { memberId: alex, itemId: 'q1', answer: 'd' })).toMatchObject(
      { ok: true },
    );

    // SQLite reports a full disk once the file may not grow: the same error a real full disk gives.
    const pages = kiosk.core.db.pragma('page_count', { simple: true }) as number;
    kiosk.core.db.pragma(`max_page_count = ${pages}`);
    let failure: unknown = null;
    for (let i = 0; i < 400 && failure === null; i += 1) {
      const result = await call('group:addFlipchart', {
        questionId: 'what-is-negotiation',
        text: `response ${i} ${'x'.repeat(400)}`,
      });
      if (!result.ok) failure = result;
    }
    expect(failure).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('The disk is full') },
    });

    kiosk.core.db.pragma('max_page_count = 1073741823');
    const after = (await call('session:consoleView', {})) as { ok: true; value: ConsoleView };
    expect(after.value.session!.group.answers[alex]).toEqual({ q1: 'd' });
    expect(kiosk.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await call('session:command', { type: 'next' })).toMatchObject({ ok: true });
  });
});
