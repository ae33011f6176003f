import { useEffect, useState } from 'react';
import type {
  CertificateRule,
  MemberStanding,
} from '../../../electron/services/group/certificates';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { MemberStandingList } from './MemberStandingList';
import type { RecordsRun } from './useRecordsAction';

const api = consoleApi();

/**
 * The picked group's members and their certificates, read from main for that group alone; read
 * again when the certificate rule changes, since the rule decides who stands where.
 */
export function CohortStandings({
  cohortId,
  rule,
  run,
}: {
  cohortId: number;
  rule: CertificateRule;
  run: RecordsRun;
}) {
  const t = useConsoleT('records');
  const [loaded, setLoaded] = useState<{ cohortId: number; members: MemberStanding[] } | null>(
    null,
  );
  useEffect(() => {
    let current = true;
    void run(() => call(api, 'records:standings', { cohortId }), {
      quiet: true,
      onDone: (members) => {
        if (current) setLoaded({ cohortId, members });
      },
    });
    return () => {
      current = false;
    };
  }, [cohortId, rule, run]);

  if (loaded?.cohortId !== cohortId)
    return <p className="runner__muted">{t('standing.loading')}</p>;
  return (
    <MemberStandingList
      members={loaded.members}
      minSessions={rule.minSessions}
      onSave={(change) =>
        call(api, 'records:setMemberStanding', change).then((members) =>
          setLoaded({ cohortId, members }),
        )
      }
    />
  );
}
