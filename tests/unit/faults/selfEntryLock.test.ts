import { describe, expect, it } from 'vitest';
import { channels, SELF_ENTRY_CHANNELS, type EventName } from '../../../electron/ipc/contract';
import type { ConsoleView } from '../../../electron/services/session/views';
import { freshKiosk } from '../../helpers/kiosk';

const kiosk = freshKiosk();
const { call } = kiosk;

async function handLaptopToBea(): Promise<number> {
  await call('records:setPin', { pin: '2468', currentPin: null });
  await call('session:start', {
    packId: 'hhrp-group-5',
    cohortName: 'Thursday group',
    facilitators: ['F'],
    timeKeeper: null,
  });
  await call('group:addMember', { name: 'Rosalind', checkIn: true });
  const added = (await call('group:addMember', { name: 'Bea', checkIn: true })) as {
    value: ConsoleView;
  };
  const bea = added.value.session!.group.members.find((member) => member.name === 'Bea')!.id;
  expect(await call('selfEntry:begin', { memberId: bea })).toMatchObject({ ok: true });
  return bea;
}

describe('while a member holds the laptop for the quiz', () => {
  it('main refuses the console every channel but self-entry’s', async () => {
    await handLaptopToBea();
    for (const channel of Object.keys(channels)) {
      if ((SELF_ENTRY_CHANNELS as readonly string[]).includes(channel)) continue;
      const result = await call(channel, {});
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // The projector keeps its own view, and its keys do not move the session meanwhile.
    expect(await kiosk.core.router.dispatch('session:audienceView', {}, 'audience')).toMatchObject({
      ok: true,
    });
    const before = kiosk.core.db.prepare('SELECT count(*) AS n FROM session_events').get();
    kiosk.core.audienceKey('ArrowRight');
    expect(kiosk.core.db.prepare('SELECT count(*) AS n FROM session_events').get()).toEqual(before);
  });

  it('the console is sent only the member’s own questions: no roster, key or others’ answers', async () => {
    const pushed: EventName[] = [];
    kiosk.core.onEvent((event) => pushed.push(event));
    await handLaptopToBea();
    pushed.length = 0;
    const view = await call('selfEntry:view', {});
    const text = JSON.stringify(view);
    expect(text).toContain('Bea');
    expect(text).not.toMatch(/Rosalind|"answer"|feedback/);
    await call('selfEntry:answer', { itemId: 'q1', answer: 'd' });
    expect(pushed).not.toContain('session:console');
    expect(pushed).toContain('selfEntry:changed');
    expect(JSON.stringify(await call('selfEntry:view', {}))).toContain('"position":1');
  });

  it('a reload, or a restart of the kiosk, comes back to the self-entry screen', async () => {
    await handLaptopToBea();
    await call('selfEntry:answer', { itemId: 'q1', answer: 'd' });
    kiosk.restart();
    expect(await call('selfEntry:view', {})).toMatchObject({
      ok: true,
      value: { memberName: 'Bea', position: 1 },
    });
    expect(await call('session:consoleView', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('only the PIN ends it; then the console works again and has the answers', async () => {
    const bea = await handLaptopToBea();
    await call('selfEntry:answer', { itemId: 'q1', answer: 'd' });
    expect(await call('selfEntry:answer', { itemId: 'q3', answer: 'a' })).toMatchObject({
      ok: false,
    });
    expect(await call('selfEntry:finish', { pin: '0000' })).toMatchObject({
      ok: false,
      error: { message: 'That PIN is not right.' },
    });
    expect(await call('session:consoleView', {})).toMatchObject({ ok: false });
    expect(await call('selfEntry:finish', { pin: '2468' })).toMatchObject({ ok: true });
    expect(await call('selfEntry:view', {})).toEqual({ ok: true, value: null });
    const view = (await call('session:consoleView', {})) as { ok: true; value: ConsoleView };
    expect(view.value.session!.group.answers[bea]).toEqual({ q1: 'd' });
  });
});
