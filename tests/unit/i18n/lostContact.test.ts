import { afterEach, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/ipc/contract';
import { LOST_CONTACT, NOT_FROM_PRINTED_ADDRESS } from '../../../electron/shared/connection';
import { call, KioskCallError } from '../../../renderer/platform/kiosk';
import { i18n } from '../../../renderer/shared/i18n/i18n';

/** What the browser shell's bridge answers when main cannot be reached. */
const unreachable = {
  invoke: () =>
    Promise.resolve({ ok: false, error: { code: 'unreachable', message: LOST_CONTACT } }),
  on: () => () => {},
} as unknown as KioskApi;

/** What it answers a page of its origin opened without the printed key. */
const keyless = {
  invoke: () =>
    Promise.resolve({ ok: false, error: { code: 'forbidden', message: NOT_FROM_PRINTED_ADDRESS } }),
  on: () => () => {},
} as unknown as KioskApi;

afterEach(() => i18n.changeLanguage('en'));

describe('a call while the browser shell is out of reach', () => {
  it('is worded by the console in its own language, not in main’s English', async () => {
    await i18n.changeLanguage('es');
    const failure = call(unreachable, 'settings:consoleLanguage', {});
    await expect(failure).rejects.toBeInstanceOf(KioskCallError);
    await expect(failure).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringMatching(/^El kiosco perdió el contacto con sus registros/),
    });
  });

  it('reads as before in English', async () => {
    await i18n.changeLanguage('en');
    await expect(call(unreachable, 'settings:consoleLanguage', {})).rejects.toMatchObject({
      message: LOST_CONTACT,
    });
  });
});

describe('a call from a page opened without the printed key', () => {
  it('is refused as forbidden, worded by the console in its language', async () => {
    await i18n.changeLanguage('es');
    await expect(call(keyless, 'settings:consoleLanguage', {})).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^Esta página no se abrió desde la dirección que el kiosco/),
    });
    await i18n.changeLanguage('en');
    await expect(call(keyless, 'settings:consoleLanguage', {})).rejects.toMatchObject({
      code: 'forbidden',
      message: NOT_FROM_PRINTED_ADDRESS,
    });
  });
});
