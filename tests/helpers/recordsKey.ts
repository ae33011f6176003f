/** Keys for tests: a fixed one for services opened directly, and the one a core kept in its folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordsKey } from '../../electron/db/cipher';
import { KEY_FILE, ownerOnlyFileWrapping } from '../../electron/db/recordsKey';

export const TEST_KEY: RecordsKey = Buffer.alloc(32, 0x2a);

/** The key a core made in `dataDir` with the browser shell's default, owner-only key file. */
export function storedKey(dataDir: string): RecordsKey {
  return ownerOnlyFileWrapping().unwrap(
    JSON.parse(readFileSync(join(dataDir, KEY_FILE), 'utf8')) as Record<string, string>,
  );
}
