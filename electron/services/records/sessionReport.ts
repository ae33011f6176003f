/**
 * The after-session report: the fidelity record (what was delivered, in what order, for how
 * long), whether each quiz item's topic was taught before the quiz, who came, how the group
 * answered, and the game's scoresheet.
 */
import { listPollCounts, listTeams } from '../../db/queries/group';
import type { PackManifest } from '../../content/pack/schema';
import type { Db } from '../../db/database';
import { getCohort } from '../../db/queries/cohorts';
import { getSession } from '../../db/queries/sessions';
import { FALLBACK_LANGUAGE, type Language } from '../../shared/i18n';
import { mainT } from '../../shared/i18n/phrases';
import { RejectedRequest } from '../errors';
import { memberStandings, readCertificateRule } from '../group/certificates';
import { BONUS } from '../group/groupRecords';
import { wasRun, type SummaryItem, type SummaryStretch } from '../session/summary';
import { summaryItemCells, toCsv, UTF8_BOM, type CsvRow } from './csv';
import {
  attendedMemberNames,
  isoTime,
  listSessionQuizAnswers,
  listTeamScores,
  teamMemberNames,
  type QuizAnswerRow,
} from '../../db/queries/records';

export interface SessionReport {
  session: {
    id: number;
    packId: string;
    packTitle: string;
    packVersion: string;
    cohortName: string;
    facilitators: string[];
    startedAt: number;
    endedAt: number;
    plannedMinutes: number;
    actualMinutes: number;
  };
  items: SummaryItem[];
  /** Each stretch on an item in the order it happened, revisits included. */
  stretches: SummaryStretch[];
  quizCoverage: {
    itemId: string;
    number: number;
    prompt: string;
    /** Ids of the agenda items that teach this quiz item. */
    preparedBy: string[];
    covered: boolean;
  }[];
  attendance: { count: number; names: string[] };
  /** Each member present: sessions so far (in the kiosk and before it) and their certificate. */
  standings: {
    name: string;
    sessionsAttended: number;
    priorSessions: number;
    priorNote: string | null;
    graduated: boolean;
    certificate: boolean;
    because: string;
  }[];
  quizResults: {
    itemId: string;
    number: number;
    prompt: string;
    correctKey: string;
    counts: Record<string, number>;
    answered: number;
    correct: number;
  }[];
  /** Each poll item with hands counted: every option with its count (blank if not counted). */
  polls: {
    itemId: string;
    title: string;
    prompt: string;
    options: { key: string; text: string; count: number | null; answer: boolean }[];
  }[];
  game: {
    maxPoints: number;
    teams: {
      number: number;
      scenarioTitle: string | null;
      members: string[];
      points: { criterionId: string; text: string; points: number }[];
      total: number;
    }[];
    winners: number[];
  } | null;
}

type QuizItem = NonNullable<PackManifest['quiz']>['items'][number];

export function buildSessionReport(
  db: Db,
  sessionId: number,
  pack: PackManifest | null,
  /** The words main adds (why a member gets a certificate): English for CSV, the console's for the PDF. */
  language: Language = FALLBACK_LANGUAGE,
): SessionReport {
  const session = getSession(db, sessionId);
  if (!session) throw new RejectedRequest('errors.records.noSuchSession', { sessionId });
  const summary = session.summary;
  if (!summary) {
    throw new RejectedRequest('errors.records.notEnded');
  }
  if (pack && pack.id !== session.pack_id) {
    throw new RejectedRequest('errors.records.otherPack', {
      sessionId,
      ran: session.pack_id,
      asked: pack.id,
    });
  }
  const names = attendedMemberNames(db, sessionId);
  const present = new Set(names);
  const standings = memberStandings(db, session.cohort_id, readCertificateRule(db), mainT(language))
    .filter((member) => present.has(member.name))
    .map((member) => ({
      name: member.name,
      sessionsAttended: member.sessionsAttended,
      priorSessions: member.priorSessions,
      priorNote: member.priorNote,
      graduated: member.graduated,
      certificate: member.eligible,
      because: member.because,
    }));
  return {
    session: {
      id: session.id,
      packId: session.pack_id,
      packTitle: session.pack_title,
      packVersion: session.pack_version,
      cohortName: getCohort(db, session.cohort_id)?.name ?? '',
      facilitators: session.facilitators,
      startedAt: summary.startedAt,
      endedAt: summary.endedAt,
      plannedMinutes: summary.plannedMinutes,
      actualMinutes: summary.actualMinutes,
    },
    items: summary.items,
    stretches: summary.stretches ?? [],
    quizCoverage: quizCoverage(pack, summary.items),
    attendance: { count: names.length, names },
    standings,
    quizResults: quizResults(pack?.quiz?.items ?? [], listSessionQuizAnswers(db, sessionId)),
    polls: pollResults(db, sessionId, pack),
    game: gameResults(db, sessionId, pack),
  };
}

/** What a quiz item needs to know of an agenda item's delivery: whether and when it ran. */
export type DeliveredItem = Pick<SummaryItem, 'id' | 'kind' | 'status' | 'runOrder'>;

export interface QuizPreparation {
  itemId: string;
  number: number;
  prompt: string;
  /** Ids of the agenda items that teach this quiz item. */
  preparedBy: string[];
}

/** For each quiz item of a pack, the agenda items whose material prepares it. */
export function quizPreparation(pack: PackManifest): QuizPreparation[] {
  return (pack.quiz?.items ?? []).map((quizItem, index) => ({
    itemId: quizItem.id,
    number: index + 1,
    prompt: quizItem.prompt,
    preparedBy: pack.agenda
      .filter(
        (agendaItem) =>
          agendaItem.quizItems.includes(quizItem.id) ||
          agendaItem.questions.some((question) => question.quizItems.includes(quizItem.id)),
      )
      .map((agendaItem) => agendaItem.id),
  }));
}

/** Whether each quiz item's material was taught before the quiz in one session's delivery. */
export function coverageOf(
  preparation: readonly QuizPreparation[],
  items: readonly DeliveredItem[],
): SessionReport['quizCoverage'] {
  const ran = new Map(items.map((item) => [item.id, item]));
  const quizRunOrder = items.find((item) => item.kind === 'quiz')?.runOrder ?? null;
  return preparation.map((entry) => {
    // Taught after the quiz does not prepare anyone for it; with no quiz run, taught at all counts.
    const covered = entry.preparedBy.some((id) => {
      const record = ran.get(id);
      if (!record || !wasRun(record.status) || record.runOrder === null) return false;
      return quizRunOrder === null || record.runOrder < quizRunOrder;
    });
    return { ...entry, covered };
  });
}

function quizCoverage(
  pack: PackManifest | null,
  items: readonly SummaryItem[],
): SessionReport['quizCoverage'] {
  return pack?.quiz ? coverageOf(quizPreparation(pack), items) : [];
}

function quizResults(
  quizItems: readonly QuizItem[],
  answers: readonly QuizAnswerRow[],
): SessionReport['quizResults'] {
  const known = new Set(quizItems.map((item) => item.id));
  // Answers to items the given pack does not have (another version) are still reported.
  const unknownIds = [...new Set(answers.map((answer) => answer.item_id))]
    .filter((id) => !known.has(id))
    .sort();
  const entries = [
    ...quizItems.map((item) => ({
      itemId: item.id,
      prompt: item.prompt,
      correctKey: item.answer,
      keys: item.options.map((option) => option.key),
    })),
    ...unknownIds.map((itemId) => ({ itemId, prompt: '', correctKey: '', keys: [] as string[] })),
  ];
  return entries.map((entry, index) => {
    const counts: Record<string, number> = Object.fromEntries(entry.keys.map((key) => [key, 0]));
    let answered = 0;
    let correct = 0;
    for (const answer of answers) {
      if (answer.item_id !== entry.itemId) continue;
      counts[answer.answer] = (counts[answer.answer] ?? 0) + 1;
      answered += 1;
      // The mark stored when the answer was entered is the record, even if the pack changed since.
      correct += answer.correct;
    }
    return {
      itemId: entry.itemId,
      number: index + 1,
      prompt: entry.prompt,
      correctKey: entry.correctKey,
      counts,
      answered,
      correct,
    };
  });
}

function pollResults(db: Db, sessionId: number, pack: PackManifest | null): SessionReport['polls'] {
  const counts = new Map<string, Map<string, number>>();
  for (const row of listPollCounts(db, sessionId)) {
    counts.set(row.item_id, (counts.get(row.item_id) ?? new Map()).set(row.option_key, row.count));
  }
  return (pack?.agenda ?? []).flatMap((item) => {
    const counted = counts.get(item.id);
    if (!item.poll || !counted) return [];
    return [
      {
        itemId: item.id,
        title: item.title,
        prompt: item.poll.prompt,
        options: item.poll.options.map((option) => ({
          key: option.key,
          text: option.text,
          count: counted.get(option.key) ?? null,
          answer: item.poll!.answer.includes(option.key),
        })),
      },
    ];
  });
}

function gameResults(db: Db, sessionId: number, pack: PackManifest | null): SessionReport['game'] {
  const teamRows = listTeams(db, sessionId);
  if (teamRows.length === 0) return null;
  const game = pack?.game;
  const criteria = (game?.criteria ?? []).map(({ id, text }) => ({ id, text }));
  if (game?.bonus) criteria.push({ id: BONUS, text: game.bonus.text });
  const teams = teamRows.map((team) => {
    const scores = new Map(
      listTeamScores(db, team.id).map((row) => [row.criterion_id, row.points] as const),
    );
    const points = criteria.map((criterion) => ({
      criterionId: criterion.id,
      text: criterion.text,
      points: scores.get(criterion.id) ?? 0,
    }));
    for (const [criterionId, value] of scores) {
      if (criteria.some((criterion) => criterion.id === criterionId)) continue;
      const text = criterionId === BONUS ? 'Bonus' : criterionId;
      points.push({ criterionId, text, points: value });
    }
    return {
      number: team.number,
      scenarioTitle:
        team.scenario_id === null
          ? null
          : (game?.scenarios.find((scenario) => scenario.id === team.scenario_id)?.title ??
            team.scenario_id),
      members: teamMemberNames(db, team.id),
      points,
      total: points.reduce((sum, criterion) => sum + criterion.points, 0),
    };
  });
  const best = Math.max(...teams.map((team) => team.total));
  return {
    maxPoints: game?.maxPoints ?? 0,
    teams,
    // Nobody wins a game in which no team has scored yet.
    winners: best > 0 ? teams.filter((team) => team.total === best).map((team) => team.number) : [],
  };
}

/**
 * One CSV file with these sections in this order: Session, Agenda, In the order it happened, Quiz
 * coverage, Attendance, Quiz results, Polls, Game. Each section is a row holding only its title, then a header row, then its
 * data rows; a blank line separates sections. Every section is present even when it has no rows.
 *
 * - Session: one row (id, pack, version, group, facilitators, start and end in UTC, minutes,
 *   members present).
 * - Agenda: one row per agenda item in agenda order.
 * - Quiz coverage: one row per quiz item; "Prepared by" lists the teaching items' titles.
 * - Attendance: one row per member present, with their sessions in the kiosk and before it (and
 *   the note saying where those come from), whether they graduate, and whether they get a
 *   certificate and why (the counselor's reason when they decided it themselves).
 * - Quiz results: one row per quiz item, with a "Chose x" column for every option key used by any
 *   item (blank where an item has no such option).
 * - Polls: one row per option of each poll item with hands counted: the hands, and "yes" in the
 *   Answer column for the poll's answers.
 * - Game: one row per team, with a column per scoring criterion (bonus included), the total and
 *   "yes" in the Winner column for the winning team(s).
 */
export function sessionReportCsv(report: SessionReport): string {
  const { session } = report;
  const titleOf = new Map(report.items.map((item) => [item.id, item.title]));
  const rows: CsvRow[] = [];
  const section = (title: string, header: CsvRow, body: readonly CsvRow[]) => {
    if (rows.length > 0) rows.push([]);
    rows.push([title], header, ...body);
  };

  section(
    'Session',
    [
      'Session',
      'Pack',
      'Pack title',
      'Version',
      'Group',
      'Facilitators',
      'Started (UTC)',
      'Ended (UTC)',
      'Planned minutes',
      'Actual minutes',
      'Members present',
    ],
    [
      [
        session.id,
        session.packId,
        session.packTitle,
        session.packVersion,
        session.cohortName,
        session.facilitators.join('; '),
        isoTime(session.startedAt),
        isoTime(session.endedAt),
        session.plannedMinutes,
        session.actualMinutes,
        report.attendance.count,
      ],
    ],
  );

  section(
    'Agenda',
    [
      'Item',
      'Title',
      'Kind',
      'Status',
      'Run order',
      'Planned minutes',
      'Actual minutes',
      'Skipped because',
      'Adapted because',
    ],
    report.items.map(summaryItemCells),
  );

  section(
    'In the order it happened',
    ['Step', 'Item', 'Title', 'Started', 'Ended', 'Minutes', 'Revisit'],
    report.stretches.map((stretch, index) => [
      index + 1,
      stretch.id,
      stretch.title,
      isoTime(stretch.startedAt),
      isoTime(stretch.endedAt),
      stretch.minutes,
      stretch.revisit ? 'yes' : '',
    ]),
  );

  section(
    'Quiz coverage',
    ['Quiz item', 'Number', 'Prompt', 'Prepared by', 'Covered before the quiz'],
    report.quizCoverage.map((entry) => [
      entry.itemId,
      entry.number,
      entry.prompt,
      entry.preparedBy.map((id) => titleOf.get(id) ?? id).join('; '),
      entry.covered ? 'yes' : 'no',
    ]),
  );

  section(
    'Attendance',
    [
      'Member',
      'Sessions in the kiosk',
      'Sessions before',
      'Before (note)',
      'Graduating',
      'Certificate',
      'Because',
    ],
    report.standings.map((member) => [
      member.name,
      member.sessionsAttended,
      member.priorSessions,
      member.priorNote,
      member.graduated ? 'yes' : '',
      member.certificate ? 'yes' : 'no',
      member.because,
    ]),
  );

  const optionKeys = [
    ...new Set(report.quizResults.flatMap((result) => Object.keys(result.counts))),
  ].sort();
  section(
    'Quiz results',
    [
      'Quiz item',
      'Number',
      'Prompt',
      'Correct answer',
      'Answered',
      'Correct',
      ...optionKeys.map((key) => `Chose ${key}`),
    ],
    report.quizResults.map((result) => [
      result.itemId,
      result.number,
      result.prompt,
      result.correctKey,
      result.answered,
      result.correct,
      ...optionKeys.map((key) => result.counts[key]),
    ]),
  );

  section(
    'Polls',
    ['Item', 'Prompt', 'Option', 'Text', 'Hands', 'Answer'],
    report.polls.flatMap((poll) =>
      poll.options.map((option) => [
        poll.itemId,
        poll.prompt,
        option.key,
        option.text,
        option.count,
        option.answer ? 'yes' : '',
      ]),
    ),
  );

  const criteria = new Map<string, string>();
  for (const team of report.game?.teams ?? []) {
    for (const entry of team.points) {
      if (!criteria.has(entry.criterionId)) criteria.set(entry.criterionId, entry.text);
    }
  }
  const winners = new Set(report.game?.winners ?? []);
  section(
    report.game && report.game.maxPoints > 0
      ? `Game (out of ${report.game.maxPoints} points)`
      : 'Game',
    ['Team', 'Scenario', 'Members', ...criteria.values(), 'Total', 'Winner'],
    (report.game?.teams ?? []).map((team) => [
      team.number,
      team.scenarioTitle,
      team.members.join('; '),
      ...[...criteria.keys()].map(
        (id) => team.points.find((entry) => entry.criterionId === id)?.points ?? 0,
      ),
      team.total,
      winners.has(team.number) ? 'yes' : '',
    ]),
  );

  return UTF8_BOM + toCsv(rows);
}
