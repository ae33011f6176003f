import { acknowledgeRecoveryNotice, recoveryNotices } from '../../db/recovery';
import type { Language } from '../../shared/i18n';
import type { JobBoard } from '../../jobs/jobRunner';
import type { ChosenFiles } from '../chosenFiles';
import type { ChannelsNamed, HandlersOf } from './domain';

/** The app as a whole: start-up notices, what this shell can do, its file dialog, its jobs. */
export function appHandlers(
  dataDir: string,
  consoleLanguage: () => Language,
  chosenFiles: ChosenFiles,
  jobs: JobBoard,
): HandlersOf<ChannelsNamed<'app' | 'files' | 'jobs'>> {
  return {
    'app:notices': () => recoveryNotices(dataDir, consoleLanguage()),
    'app:acknowledgeNotice': ({ id }) => acknowledgeRecoveryNotice(dataDir, id, consoleLanguage()),
    'app:capabilities': () => ({ choosesFiles: chosenFiles.available }),
    'files:choose': ({ purpose }) => chosenFiles.choose(purpose),
    'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
