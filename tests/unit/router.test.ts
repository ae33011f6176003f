import { describe, expect, it, vi } from 'vitest';
import type { ConsoleView } from '../../electron/services/show/views';
import { createRouter, RejectedRequest, type Handlers } from '../../electron/ipc/router';

const view: ConsoleView = {
  revision: 1,
  deckTitle: 'Deck',
  slideCount: 2,
  current: { number: 1, html: '<h1>One</h1>', notes: 'private' },
  next: { number: 2, html: '<h1>Two</h1>' },
};

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'show:consoleView': () => view,
    'show:audienceView': () => ({ revision: 1, slide: view.current }),
    'show:next': () => view,
    'show:previous': () => view,
    'show:goToSlide': () => view,
    'packs:list': () => ({ packs: [], broken: [] }),
    'packs:import': () => ({ status: 'invalid', problems: [] }),
    ...overrides,
  };
}

describe('router', () => {
  it('answers a valid call with its value', async () => {
    const router = createRouter(makeHandlers());
    expect(await router.dispatch('show:next', {}, 'console')).toEqual({ ok: true, value: view });
  });

  it('rejects an unknown channel without calling anything', async () => {
    const result = await createRouter(makeHandlers()).dispatch('fs:readFile', {}, 'console');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('rejects inherited property names as channels', async () => {
    for (const channel of ['__proto__', 'constructor', 'toString', 42, null]) {
      const result = await createRouter(makeHandlers()).dispatch(channel, {}, 'console');
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('refuses a command from the audience window and from an unknown sender', async () => {
    const next = vi.fn(() => view);
    const router = createRouter(makeHandlers({ 'show:next': next }));
    expect(await router.dispatch('show:next', {}, 'audience')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await router.dispatch('show:next', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(next).not.toHaveBeenCalled();
  });

  it('lets the audience read its own view', async () => {
    const result = await createRouter(makeHandlers()).dispatch('show:audienceView', {}, 'audience');
    expect(result.ok).toBe(true);
  });

  it('rejects bad arguments and names the field', async () => {
    const goTo = vi.fn(() => view);
    const router = createRouter(makeHandlers({ 'show:goToSlide': goTo }));
    for (const args of [
      { slideNumber: 'two' },
      { slideNumber: 0 },
      { slideNumber: 1.5 },
      {},
      'x',
    ]) {
      const result = await router.dispatch('show:goToSlide', args, 'console');
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    const named = await router.dispatch('show:goToSlide', { slideNumber: 'two' }, 'console');
    expect(named.ok === false && named.error.message).toContain('slideNumber');
    expect(await router.dispatch('show:next', { extra: true }, 'console')).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(goTo).not.toHaveBeenCalled();
  });

  it('turns a thrown error into an error result, never a crash', async () => {
    const log = vi.fn();
    const router = createRouter(
      makeHandlers({
        'show:next': () => {
          throw new Error('disk on fire');
        },
        'show:previous': () => {
          throw new RejectedRequest('no such slide');
        },
      }),
      log,
    );
    expect(await router.dispatch('show:next', {}, 'console')).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk on fire') },
    });
    expect(log).toHaveBeenCalledOnce();
    expect(await router.dispatch('show:previous', {}, 'console')).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'no such slide' },
    });
  });
});
