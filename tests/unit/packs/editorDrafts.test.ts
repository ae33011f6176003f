import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { freshKiosk } from '../../helpers/kiosk';

/** The pack editor's unsaved drafts, kept in the records for after a crash or a restart. */
const clock = new ManualClock(Date.UTC(2026, 11, 2, 14, 5));
const kiosk = freshKiosk({ clock });
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function value<T>(result: Promise<unknown>): Promise<T> {
  const answer = (await result) as { ok: boolean; value?: T; error?: unknown };
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
}

describe('kept editor drafts', () => {
  it('are kept one per pack, offered back after a restart with their images, and removed on discard', async () => {
    const draft = { id: 'projector-check', title: 'Room check, not saved', agenda: [] };
    const added = await value<{ draftId: string; path: string }>(
      kiosk.call('packs:editorAddImage', {
        draftId: null,
        name: 'Page 1.png',
        data: PNG.toString('base64'),
      }),
    );
    const key = 'duplicate:projector-check';
    expect(
      await value(
        kiosk.call('packs:editorDraftKeep', {
          key,
          baseId: 'projector-check',
          draftId: added.draftId,
          draft,
        }),
      ),
    ).toEqual({ savedAt: clock.now() });
    // An abandoned draft's images (no draft kept) go at the next start; a kept draft's stay.
    const abandoned = await value<{ draftId: string }>(
      kiosk.call('packs:editorAddImage', {
        draftId: null,
        name: 'x.png',
        data: PNG.toString('base64'),
      }),
    );

    kiosk.restart();
    const drafts = join(kiosk.dataDir, 'curricula', '.drafts');
    expect(existsSync(join(drafts, abandoned.draftId))).toBe(false);
    expect(await value(kiosk.call('packs:editorDraftFind', { key }))).toEqual({
      baseId: 'projector-check',
      draftId: added.draftId,
      draft,
      savedAt: clock.now(),
      images: ['images/page-1.png'],
    });
    expect(await value(kiosk.call('packs:editorDraftFind', { key: 'edit:projector-check' }))).toBe(
      null,
    );

    await value(
      kiosk.call('packs:editorDraftKeep', { key, baseId: null, draftId: null, draft: null }),
    );
    expect(await value(kiosk.call('packs:editorDraftFind', { key }))).toBe(null);
    kiosk.restart();
    expect(existsSync(join(drafts, added.draftId))).toBe(false);
  });

  it('a later write replaces the draft; keys are checked and the projector may not ask', async () => {
    const keep = (title: string) =>
      kiosk.call('packs:editorDraftKeep', {
        key: 'new',
        baseId: null,
        draftId: null,
        draft: { title },
      });
    await value(keep('First'));
    clock.advance(60_000);
    await value(keep('Second'));
    expect(await value(kiosk.call('packs:editorDraftFind', { key: 'new' }))).toMatchObject({
      draft: { title: 'Second' },
      savedAt: clock.now(),
    });
    expect(await kiosk.call('packs:editorDraftFind', { key: 'edit:' })).toMatchObject({
      ok: false,
    });
    expect(await kiosk.call('packs:editorDraftFind', { key: 'new' }, 'audience')).toMatchObject({
      ok: false,
    });
  });
});
