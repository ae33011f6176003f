import { describe, expect, it, vi } from 'vitest';
import type { ConsoleView } from '../../electron/services/session/views';
import { browserDisplays } from '../../electron/services/displays';
import { createRouter, RejectedRequest, type Handlers } from '../../electron/ipc/router';

const view: ConsoleView = { revision: 1, serverNow: 0, session: null, lastEnded: null };

const locked = { pinSet: false, unlocked: false, idleMinutes: 5 };
const notUsed = () => {
  throw new Error('not used');
};

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'session:consoleView': () => view,
    'app:notices': () => [],
    'app:acknowledgeNotice': () => [],
    'session:audienceView': () => ({
      revision: 1,
      serverNow: 0,
      language: 'en',
      screen: { kind: 'idle', upcoming: null },
      cardPage: 0,
      volume: { video: 1, relaxation: 1 },
      relaxationEndsAt: null,
    }),
    'session:setupOptions': () => ({ packs: [], cohorts: [] }),
    'session:start': () => view,
    'session:command': () => view,
    'session:resume': () => view,
    'session:rehearse': () => view,
    'session:prepare': () => null,
    'settings:setVolume': () => view,
    'settings:consoleLanguage': () => null,
    'settings:setConsoleLanguage': ({ language }) => language,
    'session:summary': () => null,
    'displays:status': () => browserDisplays.status(),
    'displays:identify': () => null,
    'displays:moveAudience': () => browserDisplays.status(),
    'displays:audienceAsWindow': () => browserDisplays.status(),
    'group:addMember': () => view,
    'group:setPresent': () => view,
    'group:setGraduated': () => view,
    'group:addFlipchart': () => view,
    'group:removeFlipchart': () => view,
    'group:answer': () => view,
    'group:pollCount': () => view,
    'group:makeTeams': () => view,
    'group:score': () => view,
    'records:lockStatus': () => locked,
    'records:setPin': () => locked,
    'records:unlock': () => locked,
    'records:resetPin': () => locked,
    'records:lock': () => locked,
    'records:overview': notUsed,
    'records:sessions': notUsed,
    'records:standings': notUsed,
    'records:setCertificateRule': notUsed,
    'records:setMemberStanding': notUsed,
    'records:sessionReport': notUsed,
    'records:print': notUsed,
    'records:program': notUsed,
    'records:programReport': notUsed,
    'records:programFigures': notUsed,
    'records:exportAll': notUsed,
    'records:recoverySheet': notUsed,
    'records:exportRedcap': notUsed,
    'records:backup': notUsed,
    'records:restore': notUsed,
    'media:library': () => ({ files: [], packs: [] }),
    'media:beginUpload': () => ({ uploadId: 'x' }),
    'media:uploadChunk': () => ({ received: 0 }),
    'media:finishUpload': () => {
      throw new Error('not used');
    },
    'media:cancelUpload': () => null,
    'media:bind': () => ({ files: [], packs: [] }),
    'media:unbind': () => ({ files: [], packs: [] }),
    'media:setCue': () => [],
    'media:resetCues': () => ({ files: [], packs: [] }),
    'selfEntry:view': () => null,
    'selfEntry:begin': notUsed,
    'selfEntry:answer': notUsed,
    'selfEntry:back': notUsed,
    'selfEntry:finish': notUsed,
    'packs:list': () => ({ packs: [], broken: [] }),
    'packs:import': () => ({ status: 'invalid', problems: [] }),
    'packs:beginUpload': notUsed,
    'packs:uploadChunk': notUsed,
    'packs:cancelUpload': notUsed,
    'packs:importPath': notUsed,
    'packs:editorOpen': notUsed,
    'packs:editorCheck': () => [],
    'packs:editorPreview': notUsed,
    'packs:editorSave': notUsed,
    'packs:editorAddImage': notUsed,
    'packs:editorDraftKeep': () => null,
    'packs:editorDraftFind': () => null,
    'packs:history': () => [],
    'packs:restore': notUsed,
    'packs:export': notUsed,
    'packs:deckTargets': () => [],
    'packs:beginDeck': notUsed,
    'packs:deckChunk': notUsed,
    'packs:importDeck': notUsed,
    'packs:cancelDeck': notUsed,
    'media:importPath': notUsed,
    'app:capabilities': () => ({ choosesFiles: false }),
    'files:choose': notUsed,
    'jobs:cancel': () => false,
    ...overrides,
  };
}

describe('router', () => {
  it('answers a valid call with its value', async () => {
    const router = createRouter(makeHandlers());
    expect(await router.dispatch('session:command', { type: 'next' }, 'console')).toEqual({
      ok: true,
      value: view,
    });
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
    const router = createRouter(makeHandlers({ 'session:command': next }));
    expect(await router.dispatch('session:command', { type: 'next' }, 'audience')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await router.dispatch('session:command', { type: 'next' }, null)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(next).not.toHaveBeenCalled();
  });

  it('lets the audience read its own view', async () => {
    const result = await createRouter(makeHandlers()).dispatch(
      'session:audienceView',
      {},
      'audience',
    );
    expect(result.ok).toBe(true);
  });

  it('rejects bad arguments and names the field', async () => {
    const command = vi.fn(() => view);
    const router = createRouter(makeHandlers({ 'session:command': command }));
    const bad = [
      { type: 'goToSlide', number: 'two' },
      { type: 'goToSlide', number: 0 },
      { type: 'goToSlide', number: 1.5 },
      { type: 'launch' },
      { type: 'next', extra: true },
      {},
      'x',
    ];
    for (const args of bad) {
      const result = await router.dispatch('session:command', args, 'console');
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    const named = await router.dispatch(
      'session:command',
      { type: 'goToSlide', number: 'two' },
      'console',
    );
    expect(named.ok === false && named.error.message).toContain('number');
    expect(command).not.toHaveBeenCalled();
  });

  it('turns a thrown error into an error result, never a crash', async () => {
    const log = vi.fn();
    const router = createRouter(
      makeHandlers({
        'session:command': () => {
          throw new Error('disk on fire');
        },
        'session:resume': () => {
          throw new RejectedRequest('errors.session.noSuchSlide', { number: 9, count: 3 });
        },
      }),
      log,
    );
    expect(await router.dispatch('session:command', { type: 'next' }, 'console')).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^Something went wrong inside the kiosk/),
      },
    });
    expect(log).toHaveBeenCalledOnce();
    expect(await router.dispatch('session:resume', {}, 'console')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no slide 9; this session has 3.' },
    });
  });
});
