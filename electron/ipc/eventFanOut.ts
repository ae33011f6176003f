import { events, type EventName, type Role } from './contract';

/**
 * Those of `receivers` whose role may hear `event` (its `roles` in the contract). Both shells fan
 * events out through this: the Electron windows and the browser shell's event streams.
 */
export function receiversOf<T>(
  event: EventName,
  receivers: Iterable<T>,
  roleOf: (receiver: T) => Role,
): T[] {
  const roles: readonly Role[] = events[event].roles;
  return [...receivers].filter((receiver) => roles.includes(roleOf(receiver)));
}
