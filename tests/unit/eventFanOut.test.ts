import { describe, expect, it } from 'vitest';
import { receiversOf } from '../../electron/ipc/eventFanOut';
import type { Role } from '../../electron/ipc/contract';

const windows: [Role, string][] = [
  ['console', 'laptop'],
  ['audience', 'projector'],
  ['unlock', 'passphrase'],
];
const roleOf = ([role]: [Role, string]) => role;

describe('receiversOf', () => {
  it('sends an event only to the roles the contract names for it', () => {
    expect(receiversOf('session:audience', windows, roleOf).map(([, name]) => name)).toEqual([
      'laptop',
      'projector',
    ]);
    expect(receiversOf('session:console', windows, roleOf).map(([, name]) => name)).toEqual([
      'laptop',
    ]);
  });
});
