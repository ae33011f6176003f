/**
 * Everything behind the counselor PIN: past sessions and their reports, printing, exports and
 * backups. Each method asks the lock first; documents come back as bytes for the window to save.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/database';
import { listCohorts } from '../../db/queries/cohorts';
import { readSetting, writeSetting } from '../../db/queries/settings';
import type { RecordsLock } from '../access/recordsLock';
import { RejectedRequest } from '../errors';
import {
  changeMemberStanding,
  memberStandings,
  plural,
  readCertificateRule,
  writeCertificateRule,
  type CertificateRule,
  type MemberStanding,
  type MemberStandingChange,
} from '../group/certificates';
import type { PackLibrary } from '../packs/packLibrary';
import type { SessionSummary } from '../session/summary';
import {
  agendaPdf,
  certificatesPdf,
  markdownHandoutPdf,
  quizSheetPdf,
  scenarioCardsPdf,
  sessionReportPdf,
  type PageSize,
} from '../print';
import type { BackupInfo, BackupService } from './backups';
import { exportAllRecordsZip, redcapExport } from './exportRecords';
import { parseTimeOfDay, programAgenda, timeOfDayLabel } from './programAgenda';
import { buildSessionReport, sessionReportCsv } from './sessionReport';

export interface Download {
  fileName: string;
  mime: string;
  base64: string;
}

export interface RecordsOverview {
  sessions: {
    id: number;
    packTitle: string;
    cohortName: string;
    startedAt: number;
    endedAt: number;
    plannedMinutes: number;
    actualMinutes: number;
  }[];
  cohorts: { id: number; name: string; members: MemberStanding[] }[];
  certificateRule: CertificateRule;
  backups: BackupInfo[];
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

const pdf = (fileName: string, bytes: Uint8Array): Download => ({
  fileName,
  mime: 'application/pdf',
  base64: Buffer.from(bytes).toString('base64'),
});

function clockLabel(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function minutesOfDay(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getHours() * 60 + date.getMinutes();
}

function dateLabel(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
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
  ) {}

  overview(): RecordsOverview {
    this.lock.require();
    const rule = readCertificateRule(this.db);
    const rows = this.db
      .prepare<[], { id: number; pack_title: string; cohort: string; summary: string }>(
        `SELECT s.id, s.pack_title, c.name AS cohort, s.summary FROM sessions s JOIN cohorts c ON c.id = s.cohort_id
         WHERE s.status = 'ended' AND s.summary IS NOT NULL ORDER BY s.id DESC`,
      )
      .all();
    return {
      sessions: rows.map((row) => {
        const summary = JSON.parse(row.summary) as SessionSummary;
        return {
          id: row.id,
          packTitle: row.pack_title,
          cohortName: row.cohort,
          startedAt: summary.startedAt,
          endedAt: summary.endedAt,
          plannedMinutes: summary.plannedMinutes,
          actualMinutes: summary.actualMinutes,
        };
      }),
      cohorts: listCohorts(this.db).map((cohort) => ({
        id: cohort.id,
        name: cohort.name,
        members: memberStandings(this.db, cohort.id, rule),
      })),
      certificateRule: rule,
      backups: this.backups.list(),
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

  setCertificateRule(rule: CertificateRule): RecordsOverview {
    this.lock.require();
    writeCertificateRule(this.db, rule);
    return this.overview();
  }

  setMemberStanding(change: MemberStandingChange): RecordsOverview {
    this.lock.require();
    changeMemberStanding(this.db, change);
    return this.overview();
  }

  async sessionReport(
    sessionId: number,
    format: 'pdf' | 'csv',
    pageSize: PageSize,
  ): Promise<Download> {
    this.lock.require();
    const packId = this.db
      .prepare<[number], { pack_id: string }>('SELECT pack_id FROM sessions WHERE id = ?')
      .get(sessionId)?.pack_id;
    const report = buildSessionReport(
      this.db,
      sessionId,
      (packId && this.packs.find(packId)?.manifest) || null,
    );
    const name = `session-${sessionId}-${fileDate(report.session.startedAt)}-report`;
    if (format === 'csv') {
      return {
        fileName: `${name}.csv`,
        mime: 'text/csv',
        base64: Buffer.from(sessionReportCsv(report)).toString('base64'),
      };
    }
    const maxPoints = report.game?.maxPoints ?? 0;
    const bytes = await sessionReportPdf({
      packTitle: report.session.packTitle,
      cohortName: report.session.cohortName,
      facilitators: report.session.facilitators,
      dateLabel: dateLabel(report.session.startedAt),
      startLabel: clockLabel(report.session.startedAt),
      endLabel: clockLabel(report.session.endedAt),
      plannedMinutes: report.session.plannedMinutes,
      actualMinutes: report.session.actualMinutes,
      attendanceCount: report.attendance.count,
      standings: report.standings.map((member) => ({
        name: member.name,
        sessions:
          member.priorSessions > 0
            ? `${plural(member.sessionsAttended, 'session')} here, ${member.priorSessions} before${member.priorNote ? ` (${member.priorNote})` : ''}`
            : plural(member.sessionsAttended, 'session'),
        graduated: member.graduated,
        certificate: member.certificate,
        because: member.because,
      })),
      items: report.items,
      stretches: report.stretches.map((stretch) => ({
        title: stretch.title,
        startLabel: clockLabel(stretch.startedAt),
        endLabel: clockLabel(stretch.endedAt),
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
    });
    return pdf(`${name}.pdf`, bytes);
  }

  async print(request: PrintRequest): Promise<Download> {
    this.lock.require();
    const pack = this.packs.find(request.packId);
    if (!pack) throw new RejectedRequest(`There is no content pack “${request.packId}”.`);
    const { manifest } = pack;
    const now = this.clock.now();
    const programTitle = `${manifest.program}${manifest.session ? `, session ${manifest.session}` : ''}`;
    switch (request.document) {
      case 'agenda': {
        const liveStart = this.liveStart(manifest.id);
        const start =
          request.startTime !== undefined
            ? { day: now, minutesOfDay: parseTimeOfDay(request.startTime) }
            : liveStart !== null
              ? { day: liveStart, minutesOfDay: minutesOfDay(liveStart) }
              : null;
        return pdf(
          `${manifest.id}-agenda.pdf`,
          await agendaPdf({
            title: manifest.title,
            programTitle,
            dateLabel: start
              ? `${dateLabel(start.day)}, starting at ${timeOfDayLabel(start.minutesOfDay)}`
              : '',
            ...programAgenda(manifest.agenda, start?.minutesOfDay ?? null),
            pageSize: request.pageSize,
          }),
        );
      }
      case 'quiz': {
        if (!manifest.quiz) throw new RejectedRequest('This pack has no quiz.');
        const items = manifest.quiz.items.map((item, index) => ({
          number: index + 1,
          prompt: item.prompt,
          options: item.options,
        }));
        return pdf(
          `${manifest.id}-quiz.pdf`,
          await quizSheetPdf({
            title: manifest.quiz.title,
            packTitle: manifest.title,
            items,
            pageSize: request.pageSize,
          }),
        );
      }
      case 'scenarios': {
        if (!manifest.game) throw new RejectedRequest('This pack has no team game.');
        return pdf(
          `${manifest.id}-scenario-cards.pdf`,
          await scenarioCardsPdf({
            title: manifest.game.title,
            rolesIntro: manifest.game.rolesIntro ?? null,
            scenarios: manifest.game.scenarios,
            pageSize: request.pageSize,
          }),
        );
      }
      case 'handout': {
        const handout = manifest.toolbox.handouts.find((entry) => entry.id === request.handoutId);
        if (!handout?.file?.endsWith('.md'))
          throw new RejectedRequest('That handout has no printable file in the pack.');
        const file = this.packs.assetPath(manifest.id, handout.file);
        const markdown = file ? readFileSync(file, 'utf8') : '';
        return pdf(
          `${manifest.id}-${handout.id}.pdf`,
          await markdownHandoutPdf({ title: handout.title, markdown, pageSize: request.pageSize }),
        );
      }
      case 'certificates': {
        const rule = readCertificateRule(this.db);
        const cohort = listCohorts(this.db).find((entry) => entry.id === request.cohortId);
        if (!cohort) throw new RejectedRequest('There is no such group.');
        const eligible = memberStandings(this.db, cohort.id, rule).filter(
          (member) => member.eligible,
        );
        if (eligible.length === 0) {
          throw new RejectedRequest(
            `No member of ${cohort.name} gets a certificate yet: none is graduating or in good standing (attended ${rule.minSessions} sessions${rule.requireQuizzes ? ' and took the quizzes' : ''}), and none was given one by the counselor.`,
          );
        }
        const facilitators = this.db
          .prepare<[number], { facilitators: string }>(
            'SELECT facilitators FROM sessions WHERE cohort_id = ? ORDER BY id DESC LIMIT 1',
          )
          .get(cohort.id);
        return pdf(
          `${manifest.id}-certificates.pdf`,
          await certificatesPdf({
            programTitle: manifest.program,
            packTitle: manifest.title,
            members: eligible.map((member) => member.name),
            dateLabel: dateLabel(now),
            facilitators: facilitators ? (JSON.parse(facilitators.facilitators) as string[]) : [],
            pageSize: request.pageSize,
          }),
        );
      }
    }
  }

  exportAll(): Download {
    this.lock.require();
    return {
      fileName: `facilitator-kiosk-records-${fileDate(this.clock.now())}.zip`,
      mime: 'application/zip',
      base64: Buffer.from(exportAllRecordsZip(this.db)).toString('base64'),
    };
  }

  /** De-identified for pooling: pseudonyms come from a secret kept on this laptop, so they stay stable. */
  exportRedcap(): Download {
    this.lock.require();
    let secret = readSetting<string>(this.db, REDCAP_SECRET);
    if (!secret) {
      secret = randomBytes(32).toString('hex');
      writeSetting(this.db, REDCAP_SECRET, secret);
    }
    const quizzes = this.packs.listView().packs.flatMap((summary) => {
      const quiz = this.packs.find(summary.id)?.manifest.quiz;
      return quiz ? [{ packId: summary.id, items: quiz.items }] : [];
    });
    const { dataCsv, dictionaryCsv } = redcapExport(this.db, secret, quizzes);
    const zip = zipSync({
      'redcap-data.csv': strToU8(dataCsv),
      'redcap-data-dictionary.csv': strToU8(dictionaryCsv),
    });
    return {
      fileName: `facilitator-kiosk-redcap-${fileDate(this.clock.now())}.zip`,
      mime: 'application/zip',
      base64: Buffer.from(zip).toString('base64'),
    };
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
    if (sessionLive)
      throw new RejectedRequest('End the running session before restoring a backup.');
    return this.backups.restore(name);
  }
}
