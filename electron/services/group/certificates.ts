/** Who completes in good standing, by the rule the program sets (e.g. attended 4 sessions and took the quizzes). */
import { z } from 'zod';
import type { Db } from '../../db/database';
import { FALLBACK_LANGUAGE } from '../../shared/i18n';
import { mainT, type MainT } from '../../shared/i18n/phrases';
import {
  countQuizSessionsAttended,
  countQuizzesTaken,
  countSessionsAttended,
  getMember,
  listMembers,
  setMemberStanding,
} from '../../db/queries/group';
import {
  certificateRuleSchema,
  DEFAULT_CERTIFICATE_RULE,
  readSetting,
  writeSetting,
  type CertificateRule,
} from '../../db/queries/settings';
import { RejectedRequest } from '../errors';

export { certificateRuleSchema, type CertificateRule };

const RULE_SETTING = 'certificate-rule';
export const DEFAULT_RULE: CertificateRule = DEFAULT_CERTIFICATE_RULE;

export function readCertificateRule(db: Db): CertificateRule {
  return readSetting(db, RULE_SETTING) ?? DEFAULT_RULE;
}

export function writeCertificateRule(db: Db, rule: CertificateRule): void {
  writeSetting(db, RULE_SETTING, rule);
}

/** A member's sessions before the kiosk and the counselor's own decision on their certificate. */
export const memberStandingSchema = z
  .object({
    memberId: z.number().int().positive(),
    priorSessions: z.number().int().min(0).max(999),
    priorNote: z.string().trim().max(500).nullable(),
    override: z.enum(['grant', 'withhold']).nullable(),
    reason: z.string().trim().max(500).nullable(),
  })
  .strict()
  .refine((standing) => standing.override === null || (standing.reason ?? '').length > 0, {
    message: 'give the reason for deciding the certificate yourself',
    path: ['reason'],
  });
export type MemberStandingChange = z.infer<typeof memberStandingSchema>;

export interface MemberStanding {
  id: number;
  name: string;
  /** Sessions checked in to in the kiosk. */
  sessionsAttended: number;
  /** Sessions attended on paper before the kiosk, entered by the counselor. */
  priorSessions: number;
  priorNote: string | null;
  quizzesTaken: number;
  graduated: boolean;
  override: 'grant' | 'withhold' | null;
  overrideReason: string | null;
  eligible: boolean;
  /** Why the member does or does not get a certificate, in the counselor's words where they gave them. */
  because: string;
}

/**
 * Who gets a certificate: the counselor's own decision (with its reason) first, then graduating
 * today, then the program's rule counting sessions attended before the kiosk too.
 */
export function memberStandings(
  db: Db,
  cohortId: number,
  rule: CertificateRule,
  /** The words of `because`: the console's language where it is shown, English in CSV files. */
  t: MainT = mainT(FALLBACK_LANGUAGE),
): MemberStanding[] {
  return listMembers(db, cohortId).map((member) => {
    const sessionsAttended = countSessionsAttended(db, member.id);
    const quizzesTaken = countQuizzesTaken(db, member.id);
    const tookQuizzes =
      !rule.requireQuizzes || quizzesTaken >= countQuizSessionsAttended(db, member.id);
    const total = sessionsAttended + member.prior_sessions;
    const graduated = member.graduated_at_ms !== null;
    const byRule = total >= rule.minSessions && tookQuizzes;
    const override = member.certificate_override;
    const reason = member.certificate_reason ?? '';
    const because =
      override === 'grant'
        ? t('certificates.because.given', { reason })
        : override === 'withhold'
          ? t('certificates.because.withheld', { reason })
          : graduated
            ? t('certificates.because.graduating')
            : byRule
              ? t('certificates.because.goodStanding')
              : total < rule.minSessions
                ? t('certificates.because.sessionsShort', { count: total, min: rule.minSessions })
                : t('certificates.because.quizNotTaken');
    return {
      id: member.id,
      name: member.name,
      sessionsAttended,
      priorSessions: member.prior_sessions,
      priorNote: member.prior_note,
      quizzesTaken,
      graduated,
      override,
      overrideReason: member.certificate_reason,
      eligible: override ? override === 'grant' : graduated || byRule,
      because,
    };
  });
}

/** `1 session`, `3 sessions`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function changeMemberStanding(db: Db, change: MemberStandingChange): void {
  if (!getMember(db, change.memberId)) throw new RejectedRequest('errors.group.noSuchMember');
  setMemberStanding(db, change.memberId, {
    priorSessions: change.priorSessions,
    priorNote: change.priorNote || null,
    override: change.override,
    reason: change.override ? change.reason : null,
  });
}
