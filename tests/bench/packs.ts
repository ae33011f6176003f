/** The built-in Group Five pack, loaded the way the app loads it (validated, slides rendered). */
import { loadPackFolder, type LoadedPack } from '../../electron/content/pack/registry';
import { GROUP_FIVE_DIR } from './harness';

let groupFive: LoadedPack | null = null;

export function loadGroupFive(): LoadedPack {
  if (groupFive) return groupFive;
  const pack = loadPackFolder(GROUP_FIVE_DIR, 'built-in', (packId, path) => {
    return `/media/packs/${packId}/${path}`;
  });
  if (!('manifest' in pack)) {
    throw new Error(`Group Five did not load: ${JSON.stringify(pack.problems)}`);
  }
  groupFive = pack;
  return pack;
}
