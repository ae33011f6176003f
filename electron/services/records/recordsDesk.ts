/**
 * Everything behind the counselor PIN: past sessions and their reports, printing, exports and
 * backups. Each method asks the lock first; documents come back as bytes for the window to save.
 */
import {
  FALLBACK_LANGUAGE,
  formatClockTime,
  formatLongDate,
  kioskLanguage,
  roomT,
  type Language,
} from '../../shared/i18n';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Clock } from '../../shared/clock';
import type { RecordsKey } from '../../db/cipher';
import type { Db } from '../../db/database';
import type { Download, DownloadShelf } from '../downloads/downloadShelf';
import { mainT, phrase, type MainT, type Phrase } from '../../shared/i18n/phrases';
import { formatRecoveryKey } from '../../db/recoveryKey';
import { listCohorts } from '../../db/queries/cohorts';
import {
  countEndedSessions,
  latestFacilitators,
  listEndedSessions,
  sessionPackId,
  type EndedSessionRow,
} from '../../db/queries/sessions';
import { getMember } from '../../db/queries/group';
import { readSetting, writeSetting } from '../../db/queries/settings';
import type { RecordsLock } from '../access/recordsLock';
import { RejectedRequest } from '../errors';
import {
  changeMemberStanding,
  memberStandings,
  readCertificateRule,
  writeCertificateRule,
  type CertificateRule,
  type MemberStanding,
  type MemberStandingChange,
} from '../group/certificates';
import type { PackLibrary } from '../packs/packLibrary';
import type { PdfJob } from '../../jobs/jobs';
import type { JobBoard } from '../../jobs/jobRunner';
import type { PageSize } from '../print';
import type { BackupInfo, BackupService } from './backups';
import { parseTimeOfDay, programAgenda, timeOfDayLabel } from './programAgenda';
import { buildSessionReport, sessionReportCsv } from './sessionReport';

export type { Download } from '../downloads/downloadShelf';

export const RECOVERY_SHEET_SETTING = 'recovery-sheet-printed-at';

/**
 * How many ended sessions the overview lists; earlier ones come a page at a time
 * (`records:sessions`), so opening Records costs the same after ten years as on the first day.
 */
export const SESSIONS_PAGE = 50;

export interface RecordsOverview {
  /** The newest `SESSIONS_PAGE` ended sessions, newest first. */
  sessions: EndedSessionRow[];
  /** How many sessions have ended in all. */
  sessionCount: number;
  /** The groups; their members' standings come one group at a time (`records:standings`). */
  cohorts: { id: number; name: string }[];
  certificateRule: CertificateRule;
  backups: BackupInfo[];
  /** When the recovery key sheet was last printed, or null: Records asks for it until then. */
  recoverySheetPrintedAt: number | null;
  packs: {
    id: string;
    title: string;
    hasQuiz: boolean;
    hasGame: boolean;
    handouts: { id: string; title: string }[];
  }[];
}

export type PrintRequest =
  /** `startTime` ("HH:MM") adds today's times; without it, a running session's start does. */
  | { document: 'agenda'; packId: string; pageSize: PageSize; startTime?: string }
  | { document: 'quiz' | 'scenarios'; packId: string; pageSize: PageSize }
  | { document: 'handout'; packId: string; handoutId: string; pageSize: PageSize }
  | { document: 'certificates'; packId: string; cohortId: number; pageSize: PageSize };

const REDCAP_SECRET = 'redcap-secret';

/** The records key as the recovery sheet shows it, and where this laptop keeps it. */
export interface RecoveryKeyInfo {
  key: RecordsKey;
  where: Phrase;
}

function recoverySheetMarkdown(recovery: RecoveryKeyInfo, printedAt: number, t: MainT): string {
  return [
    t('recoverySheet.printed', { when: printedAt }),
    `## ${t('recoverySheet.keyHeading')}`,
    `**${formatRecoveryKey(recovery.key)}**`,
    `## ${t('recoverySheet.unlocksHeading')}`,
    `- ${t('recoverySheet.unlocksDatabase')}`,
    `- ${t('recoverySheet.unlocksBackups')}`,
    `## ${t('recoverySheet.whenHeading')}`,
    `- ${t('recoverySheet.whenLaptopReplaced')}`,
    `- ${t('recoverySheet.whenKeyMissing')}`,
    `- ${t('recoverySheet.whenPinForgotten')}`,
    `## ${t('recoverySheet.whereHeading')}`,
    t('recoverySheet.kept', { where: recovery.where }),
    `## ${t('recoverySheet.itHeading')}`,
    t('recoverySheet.forIt', { hex: recovery.key.toString('hex') }),
  ].join('\n\n');
}

function minutesOfDay(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getHours() * 60 + date.getMinutes();
}

function dateLabel(epochMs: number, language: string = FALLBACK_LANGUAGE): string {
  return formatLongDate(epochMs, kioskLanguage(language));
}

const fileDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

export class RecordsDesk {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly packs: PackLibrary,
    private readonly backups: BackupService,
    private readonly lock: RecordsLock,
    /** When the running session started, for printing today's agenda with real clock times. */
    private readonly liveStart: (packId: string) => number | null,
    private readonly recovery: RecoveryKeyInfo,
    /** Documents and exports are made on worker threads, with progress and Cancel. */
    private readonly jobs: JobBoard,
    private readonly databaseFile: string,
    private readonly downloads: DownloadShelf,
    /** The console's language: staff documents and the reasons shown beside members use it. */
    private readonly language: () => Language,
  ) {}

  private async pdf(fileName: string, job: PdfJob): Promise<Download> {
    const bytes = await this.jobs.run('pdf', phrase('jobs.labels.printing', { fileName }), job);
    return this.downloads.offer(fileName, 'application/pdf', bytes);
  }

  overview(): RecordsOverview {
    this.lock.require();
    const rule = readCertificateRule(this.db);
    return {
      sessions: listEndedSessions(this.db, { beforeId: null, limit: SESSIONS_PAGE }),
      sessionCount: countEndedSessions(this.db),
      cohorts: listCohorts(this.db).map(({ id, name }) => ({ id, name })),
      certificateRule: rule,
      backups: this.backups.list(),
      recoverySheetPrintedAt: readSetting(this.db, RECOVERY_SHEET_SETTING) ?? null,
      packs: this.packs.listView().packs.map((summary) => {
        const manifest = this.packs.find(summary.id)!.manifest;
        return {
          id: summary.id,
          title: summary.title,
          hasQuiz: manifest.quiz !== undefined,
          hasGame: manifest.game !== undefined,
          handouts: manifest.toolbox.handouts
            .filter((handout) => handout.file?.endsWith('.md'))
            .map(({ id, title }) => ({ id, title })),
        };
      }),
    };
  }

  /** The ended sessions before `beforeId`, newest first, a page at a time. */
  sessionsBefore(beforeId: number): EndedSessionRow[] {
    this.lock.require();
    return listEndedSessions(this.db, { beforeId, limit: SESSIONS_PAGE });
  }

  setCertificateRule(rule: CertificateRule): RecordsOverview {
    this.lock.require();
    writeCertificateRule(this.db, rule);
    return this.overview();
  }

  /**
   * One group's members with their standing under the certificate rule: read for the group the
   * coordinator picked, since every group's at once is thousands of counts after a few years.
   */
  standings(cohortId: number): MemberStanding[] {
    this.lock.require();
    return memberStandings(this.db, cohortId, readCertificateRule(this.db), mainT(this.language()));
  }

  /** Changes a member's standing; answers with their group's standings. */
  setMemberStanding(change: MemberStandingChange): MemberStanding[] {
    this.lock.require();
    changeMemberStanding(this.db, change);
    return this.standings(getMember(this.db, change.memberId)!.cohort_id);
  }

  async sessionReport(
    sessionId: number,
    format: 'pdf' | 'csv',
    pageSize: PageSize,
  ): Promise<Download> {
    this.lock.require();
    const packId = sessionPackId(this.db, sessionId);
    // CSV columns and values are data, kept in English; the PDF is read by staff in their language.
    const language = format === 'pdf' ? this.language() : FALLBACK_LANGUAGE;
    const t = mainT(language);
    const report = buildSessionReport(
      this.db,
      sessionId,
      (packId && this.packs.find(packId)?.manifest) || null,
      language,
    );
    const name = `session-${sessionId}-${fileDate(report.session.startedAt)}-report`;
    if (format === 'csv') {
      return this.downloads.offer(`${name}.csv`, 'text/csv', sessionReportCsv(report));
    }
    const maxPoints = report.game?.maxPoints ?? 0;
    return this.pdf(`${name}.pdf`, {
      document: 'session-report',
      input: {
        language,
        packTitle: report.session.packTitle,
        cohortName: report.session.cohortName,
        facilitators: report.session.facilitators,
        dateLabel: dateLabel(report.session.startedAt, language),
        startLabel: formatClockTime(report.session.startedAt, language),
        endLabel: formatClockTime(report.session.endedAt, language),
        plannedMinutes: report.session.plannedMinutes,
        actualMinutes: report.session.actualMinutes,
        attendanceCount: report.attendance.count,
        standings: report.standings.map((member) => ({
          name: member.name,
          sessions:
            member.priorSessions > 0
              ? t(
                  member.priorNote
                    ? 'sessionReport.sessionsWithPriorNote'
                    : 'sessionReport.sessionsWithPrior',
                  {
                    here: t('sessionReport.sessions', { count: member.sessionsAttended }),
                    prior: member.priorSessions,
                    note: member.priorNote ?? '',
                  },
                )
              : t('sessionReport.sessions', { count: member.sessionsAttended }),
          graduated: member.graduated,
          certificate: member.certificate,
          because: member.because,
        })),
        items: report.items,
        stretches: report.stretches.map((stretch) => ({
          title: stretch.title,
          startLabel: formatClockTime(stretch.startedAt, language),
          endLabel: formatClockTime(stretch.endedAt, language),
          minutes: stretch.minutes,
          revisit: stretch.revisit,
        })),
        quizCoverage: report.quizCoverage,
        polls: report.polls,
        quizResults: report.quizResults,
        game: report.game
          ? {
              teams: report.game.teams.map((team) => ({
                number: team.number,
                scenarioTitle: team.scenarioTitle,
                total: team.total,
                maxPoints,
              })),
              winners: report.game.winners,
            }
          : null,
        pageSize,
      },
    });
  }

  async print(request: PrintRequest): Promise<Download> {
    this.lock.require();
    const pack = this.packs.find(request.packId);
    if (!pack) throw new RejectedRequest('errors.noSuchPack', { packId: request.packId });
    const { manifest } = pack;
    const { language } = manifest;
    const t = roomT(language);
    const now = this.clock.now();
    const programTitle = manifest.session
      ? t('print.programSession', { program: manifest.program, session: manifest.session })
      : manifest.program;
    switch (request.document) {
      case 'agenda': {
        const liveStart = this.liveStart(manifest.id);
        const start =
          request.startTime !== undefined
            ? { day: now, minutesOfDay: parseTimeOfDay(request.startTime) }
            : liveStart !== null
              ? { day: liveStart, minutesOfDay: minutesOfDay(liveStart) }
              : null;
        return this.pdf(`${manifest.id}-agenda.pdf`, {
          document: 'agenda',
          input: {
            title: manifest.title,
            programTitle,
            dateLabel: start
              ? t('print.startsAt', {
                  date: dateLabel(start.day, language),
                  time: timeOfDayLabel(start.minutesOfDay),
                })
              : '',
            ...programAgenda(manifest.agenda, start?.minutesOfDay ?? null),
            pageSize: request.pageSize,
            language,
          },
        });
      }
      case 'quiz': {
        if (!manifest.quiz) throw new RejectedRequest('errors.noQuiz');
        const items = manifest.quiz.items.map((item, index) => ({
          number: index + 1,
          prompt: item.prompt,
          options: item.options,
        }));
        return this.pdf(`${manifest.id}-quiz.pdf`, {
          document: 'quiz',
          input: {
            title: manifest.quiz.title,
            packTitle: manifest.title,
            items,
            pageSize: request.pageSize,
            language,
          },
        });
      }
      case 'scenarios': {
        if (!manifest.game) throw new RejectedRequest('errors.noGame');
        return this.pdf(`${manifest.id}-scenario-cards.pdf`, {
          document: 'scenarios',
          input: {
            title: manifest.game.title,
            rolesIntro: manifest.game.rolesIntro ?? null,
            scenarios: manifest.game.scenarios,
            pageSize: request.pageSize,
            language,
          },
        });
      }
      case 'handout': {
        const handout = manifest.toolbox.handouts.find((entry) => entry.id === request.handoutId);
        if (!handout?.file?.endsWith('.md'))
          throw new RejectedRequest('errors.records.handoutNotPrintable');
        const file = this.packs.assetPath(manifest.id, handout.file);
        const markdown = file ? readFileSync(file, 'utf8') : '';
        return this.pdf(`${manifest.id}-${handout.id}.pdf`, {
          document: 'handout',
          input: { title: handout.title, markdown, pageSize: request.pageSize, language },
        });
      }
      case 'certificates': {
        const rule = readCertificateRule(this.db);
        const cohort = listCohorts(this.db).find((entry) => entry.id === request.cohortId);
        if (!cohort) throw new RejectedRequest('errors.noSuchGroup');
        const eligible = memberStandings(this.db, cohort.id, rule).filter(
          (member) => member.eligible,
        );
        if (eligible.length === 0) {
          throw new RejectedRequest(
            rule.requireQuizzes
              ? 'errors.records.noCertificatesWithQuizzes'
              : 'errors.records.noCertificates',
            { group: cohort.name, count: rule.minSessions },
          );
        }
        return this.pdf(`${manifest.id}-certificates.pdf`, {
          document: 'certificates',
          input: {
            programTitle: manifest.program,
            packTitle: manifest.title,
            members: eligible.map((member) => member.name),
            dateLabel: dateLabel(now, language),
            facilitators: latestFacilitators(this.db, cohort.id),
            pageSize: request.pageSize,
            language,
          },
        });
      }
    }
  }

  /** The recovery key on a printable sheet, behind the PIN like every record. */
  async recoverySheet(pageSize: PageSize): Promise<Download> {
    this.lock.require();
    const now = this.clock.now();
    const language = this.language();
    const t = mainT(language);
    const sheet = await this.pdf(`facilitator-kiosk-recovery-key-${fileDate(now)}.pdf`, {
      document: 'handout',
      input: {
        title: t('recoverySheet.title'),
        markdown: recoverySheetMarkdown(this.recovery, now, t),
        pageSize,
        language,
      },
    });
    writeSetting(this.db, RECOVERY_SHEET_SETTING, now);
    return sheet;
  }

  async exportAll(): Promise<Download> {
    this.lock.require();
    const fileName = `facilitator-kiosk-records-${fileDate(this.clock.now())}.zip`;
    const bytes = await this.jobs.run('export-all', phrase('jobs.labels.exporting', { fileName }), {
      databaseFile: this.databaseFile,
      key: this.recovery.key,
    });
    return this.downloads.offer(fileName, 'application/zip', bytes);
  }

  /** De-identified for pooling: pseudonyms come from a secret kept on this laptop, so they stay stable. */
  async exportRedcap(): Promise<Download> {
    this.lock.require();
    let secret = readSetting(this.db, REDCAP_SECRET);
    if (!secret) {
      secret = randomBytes(32).toString('hex');
      writeSetting(this.db, REDCAP_SECRET, secret);
    }
    const quizzes = this.packs.listView().packs.flatMap((summary) => {
      const quiz = this.packs.find(summary.id)?.manifest.quiz;
      return quiz ? [{ packId: summary.id, items: quiz.items }] : [];
    });
    const fileName = `facilitator-kiosk-redcap-${fileDate(this.clock.now())}.zip`;
    const bytes = await this.jobs.run(
      'export-redcap',
      phrase('jobs.labels.exporting', { fileName }),
      {
        databaseFile: this.databaseFile,
        key: this.recovery.key,
        secret,
        quizzes,
      },
    );
    return this.downloads.offer(fileName, 'application/zip', bytes);
  }

  async backupNow(): Promise<BackupInfo> {
    this.lock.require();
    return this.backups.backup('manual');
  }

  async restore(
    name: string,
    sessionLive: boolean,
  ): Promise<{ restoredFrom: string; safetyBackup: BackupInfo }> {
    this.lock.require();
    if (sessionLive) throw new RejectedRequest('errors.records.endBeforeRestore');
    return this.backups.restore(name);
  }
}
