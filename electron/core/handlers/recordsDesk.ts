import type { RecordsDesk } from '../../services/records/recordsDesk';
import type { SessionService } from '../../services/session/sessionService';
import { restoreThenReload } from '../rules';
import type { HandlersOf } from './domain';

/** The Records desk: the fidelity history, standings, reports, prints, exports and backups. */
export type RecordsDeskChannel =
  | 'records:overview'
  | 'records:sessions'
  | 'records:standings'
  | 'records:setCertificateRule'
  | 'records:setMemberStanding'
  | 'records:sessionReport'
  | 'records:print'
  | 'records:exportAll'
  | 'records:recoverySheet'
  | 'records:exportRedcap'
  | 'records:backup'
  | 'records:restore';

export function recordsDeskHandlers(
  recordsDesk: RecordsDesk,
  sessions: SessionService,
): HandlersOf<RecordsDeskChannel> {
  return {
    'records:overview': () => recordsDesk.overview(),
    'records:sessions': ({ beforeId }) => recordsDesk.sessionsBefore(beforeId),
    'records:standings': ({ cohortId }) => recordsDesk.standings(cohortId),
    'records:setCertificateRule': (rule) => recordsDesk.setCertificateRule(rule),
    'records:setMemberStanding': (change) => recordsDesk.setMemberStanding(change),
    'records:sessionReport': ({ sessionId, format, pageSize }) =>
      recordsDesk.sessionReport(sessionId, format, pageSize),
    'records:print': (request) => recordsDesk.print(request),
    'records:exportAll': () => recordsDesk.exportAll(),
    'records:recoverySheet': ({ pageSize }) => recordsDesk.recoverySheet(pageSize),
    'records:exportRedcap': () => recordsDesk.exportRedcap(),
    'records:backup': () => recordsDesk.backupNow(),
    'records:restore': ({ name }) =>
      restoreThenReload(sessions, (sessionLive) => recordsDesk.restore(name, sessionLive)),
  };
}
