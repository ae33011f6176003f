/** Who completes in good standing, by the rule the program sets (e.g. attended 4 sessions and took the quizzes). */
import { z } from 'zod';
import type { Db } from '../../db/database';
import { countQuizzesTaken, countSessionsAttended, listMembers } from '../../db/queries/group';
import { readSetting, writeSetting } from '../../db/queries/settings';

export const certificateRuleSchema = z
  .object({ minSessions: z.number().int().min(1).max(100), requireQuizzes: z.boolean() })
  .strict();
export type CertificateRule = z.infer<typeof certificateRuleSchema>;

const RULE_SETTING = 'certificate-rule';
export const DEFAULT_RULE: CertificateRule = { minSessions: 4, requireQuizzes: true };

export function readCertificateRule(db: Db): CertificateRule {
  const parsed = certificateRuleSchema.safeParse(readSetting(db, RULE_SETTING));
  return parsed.success ? parsed.data : DEFAULT_RULE;
}

export function writeCertificateRule(db: Db, rule: CertificateRule): void {
  writeSetting(db, RULE_SETTING, rule);
}

/** Attended sessions in which the group took a quiz: the ones a member in good standing answered. */
function quizSessionsAttended(db: Db, memberId: number): number {
  return db
    .prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM attendance a
         WHERE a.member_id = ? AND EXISTS (SELECT 1 FROM quiz_answers q WHERE q.session_id = a.session_id)`,
    )
    .get(memberId)!.n;
}

export interface MemberStanding {
  id: number;
  name: string;
  sessionsAttended: number;
  quizzesTaken: number;
  graduated: boolean;
  eligible: boolean;
}

export function memberStandings(db: Db, cohortId: number, rule: CertificateRule): MemberStanding[] {
  return listMembers(db, cohortId).map((member) => {
    const sessionsAttended = countSessionsAttended(db, member.id);
    const quizzesTaken = countQuizzesTaken(db, member.id);
    const tookQuizzes = !rule.requireQuizzes || quizzesTaken >= quizSessionsAttended(db, member.id);
    return {
      id: member.id,
      name: member.name,
      sessionsAttended,
      quizzesTaken,
      graduated: member.graduated_at_ms !== null,
      eligible: sessionsAttended >= rule.minSessions && tookQuizzes,
    };
  });
}
