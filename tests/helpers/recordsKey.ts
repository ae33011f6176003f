/**
 * Keys for tests: a fixed one for services opened directly, and the one a core kept in its data
 * folder. Read here without the app's modules, so Playwright's support code can use it too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_KEY = Buffer.alloc(32, 0x2a);

/** The key a core made in `dataDir` with the browser shell's default, owner-only key file. */
export function storedKey(dataDir: string): Buffer {
  const stored = JSON.parse(readFileSync(join(dataDir, 'records-key.json'), 'utf8')) as {
    kind: string;
    key?: string;
  };
  if (stored.kind !== 'owner-only-file' || !stored.key)
    throw new Error(`${dataDir}: the records key is kept by ${stored.kind}, not in the file`);
  return Buffer.from(stored.key, 'hex');
}
