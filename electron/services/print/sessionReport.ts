import { FALLBACK_LANGUAGE, type Language } from '../../shared/i18n';
import { mainT, type MainT } from '../../shared/i18n/phrases';
import type { SessionReport } from '../records/sessionReport';
import { wasRun, type DeliveryStatus } from '../session/summary';
import type { PageSize } from './layout';
import { createDocument, FlowWriter, joinNames, minutesLabel, MUTED } from './layout';

export interface SessionReportPdfInput {
  /** The console's language (English when not given): the report is for staff, not the room. */
  language?: Language;
  packTitle: string;
  cohortName: string;
  facilitators: string[];
  dateLabel: string;
  startLabel: string;
  endLabel: string;
  plannedMinutes: number;
  actualMinutes: number;
  attendanceCount: number;
  /** The members present, with their sessions so far and their certificate. */
  standings?: {
    name: string;
    sessions: string;
    graduated: boolean;
    certificate: boolean;
    because: string;
  }[];
  items: {
    runOrder: number | null;
    title: string;
    plannedMinutes: number;
    actualMinutes: number;
    status: DeliveryStatus;
    skippedReason: string | null;
    adaptedReason: string | null;
    visits?: number;
  }[];
  stretches: {
    title: string;
    startLabel: string;
    endLabel: string;
    minutes: number;
    revisit: boolean;
  }[];
  quizCoverage: { number: number; prompt: string; covered: boolean }[];
  quizResults: Omit<SessionReport['quizResults'][number], 'itemId'>[];
  polls?: {
    title: string;
    prompt: string;
    options: { key: string; text: string; count: number | null; answer: boolean }[];
  }[];
  game: {
    teams: { number: number; scenarioTitle: string | null; total: number; maxPoints: number }[];
    winners: number[];
  } | null;
  pageSize: PageSize;
}

type ReportItem = SessionReportPdfInput['items'][number];
type QuizResult = SessionReportPdfInput['quizResults'][number];

const STATUS_KEYS = {
  delivered: 'sessionReport.status.delivered',
  adapted: 'sessionReport.status.adapted',
  'passed-through': 'sessionReport.status.passedThrough',
  skipped: 'sessionReport.status.skipped',
  'not-reached': 'sessionReport.status.notReached',
} as const satisfies Record<ReportItem['status'], string>;

function notesOf(item: ReportItem, t: MainT): string {
  const notes: string[] = [];
  if (item.skippedReason?.trim())
    notes.push(t('sessionReport.skippedBecause', { reason: item.skippedReason.trim() }));
  if (item.adaptedReason?.trim())
    notes.push(t('sessionReport.adaptedBecause', { reason: item.adaptedReason.trim() }));
  if ((item.visits ?? 0) > 1) notes.push(t('sessionReport.revisited', { count: item.visits ?? 0 }));
  return notes.join('\n');
}

function percent(part: number, whole: number): string {
  return whole > 0 ? ` (${Math.round((part / whole) * 100)}%)` : '';
}

/** "a: 2  b: 7 (correct)  c: 1", listing every option that was chosen and the correct one. */
function responsesOf(result: QuizResult, t: MainT): string {
  const keys = new Set([...Object.keys(result.counts), result.correctKey]);
  return [...keys]
    .sort()
    .map((key) => {
      const count = result.counts[key] ?? 0;
      return key === result.correctKey
        ? t('sessionReport.chosenCorrect', { key, count })
        : t('sessionReport.chosen', { key, count });
    })
    .join('   ');
}

function winnersLine(
  game: NonNullable<SessionReportPdfInput['game']>,
  t: MainT,
  language: Language,
): string {
  const teams = game.winners.map((team) => t('sessionReport.team', { number: team }));
  if (teams.length === 0) return t('sessionReport.noWinner');
  if (teams.length === 1) return t('sessionReport.winner', { team: teams[0]! });
  return t('sessionReport.winnersTie', { teams: joinNames(teams, language) });
}

/**
 * The fidelity record of one session, for supervision: what was delivered, in what order and for
 * how long, what was skipped or adapted and why, how the quiz went and who won the game.
 */
export async function sessionReportPdf(input: SessionReportPdfInput): Promise<Uint8Array> {
  const language = input.language ?? FALLBACK_LANGUAGE;
  const t = mainT(language);
  const { doc, fonts } = await createDocument(
    t('sessionReport.documentTitle', { pack: input.packTitle }),
  );
  const writer = new FlowWriter(doc, fonts, input.pageSize);

  writer.heading(t('sessionReport.heading'), 1);
  writer.text(input.packTitle, { weight: 'bold', size: 13, spaceAfter: 6 });
  const facts: [string, string][] = [
    [t('sessionReport.facts.group'), input.cohortName],
    [
      t('sessionReport.facts.facilitators', { count: input.facilitators.length }),
      joinNames(input.facilitators, language),
    ],
    [t('sessionReport.facts.date'), input.dateLabel],
    [
      t('sessionReport.facts.time'),
      t('sessionReport.timeRange', { from: input.startLabel, to: input.endLabel }),
    ],
    [
      t('sessionReport.facts.length'),
      t('sessionReport.lengthAgainstPlan', {
        actual: minutesLabel(input.actualMinutes),
        planned: minutesLabel(input.plannedMinutes),
      }),
    ],
    [
      t('sessionReport.facts.attendance'),
      t('sessionReport.members', { count: input.attendanceCount }),
    ],
  ];
  for (const [label, value] of facts) {
    writer.text(value.trim() || '-', {
      size: 10.5,
      label: t('sessionReport.factLabel', { label }),
      labelWidth: 80,
    });
  }

  writer.heading(t('sessionReport.agendaHeading'), 2);
  const delivered = input.items.filter((item) => wasRun(item.status)).length;
  writer.text(t('sessionReport.delivered', { delivered, count: input.items.length }), {
    size: 10,
    color: MUTED,
    spaceAfter: 6,
  });
  writer.table(
    [
      { header: t('sessionReport.columns.order'), weight: 1, align: 'right' },
      { header: t('sessionReport.columns.item'), weight: 3.6 },
      { header: t('sessionReport.columns.planned'), weight: 1.2, align: 'right' },
      { header: t('sessionReport.columns.actual'), weight: 1.2, align: 'right' },
      { header: t('sessionReport.columns.status'), weight: 1.7 },
      { header: t('sessionReport.columns.notes'), weight: 3.8 },
    ],
    input.items.map((item) => [
      item.runOrder === null ? '-' : String(item.runOrder),
      item.title,
      minutesLabel(item.plannedMinutes),
      item.runOrder === null ? '-' : minutesLabel(item.actualMinutes),
      t(STATUS_KEYS[item.status]),
      notesOf(item, t),
    ]),
  );

  if (input.stretches.length > 0) {
    writer.heading(t('sessionReport.orderHeading'), 2);
    writer.table(
      [
        { header: t('sessionReport.columns.step'), weight: 0.8, align: 'right' },
        { header: t('sessionReport.columns.item'), weight: 4.4 },
        { header: t('sessionReport.columns.fromTime'), weight: 1.2 },
        { header: t('sessionReport.columns.toTime'), weight: 1.2 },
        { header: t('sessionReport.columns.minutes'), weight: 1.2, align: 'right' },
        { header: '', weight: 1.6 },
      ],
      input.stretches.map((stretch, index) => [
        String(index + 1),
        stretch.title,
        stretch.startLabel,
        stretch.endLabel,
        minutesLabel(stretch.minutes),
        stretch.revisit ? t('sessionReport.revisit') : '',
      ]),
    );
  }

  writer.heading(t('sessionReport.coverageHeading'), 2);
  if (input.quizCoverage.length === 0) {
    writer.text(t('sessionReport.noQuiz'), { size: 10.5, color: MUTED });
  } else {
    const covered = input.quizCoverage.filter((item) => item.covered).length;
    writer.text(t('sessionReport.covered', { covered, count: input.quizCoverage.length }), {
      size: 10,
      color: MUTED,
      spaceAfter: 6,
    });
    writer.table(
      [
        { header: t('sessionReport.columns.number'), weight: 0.7, align: 'right' },
        { header: t('sessionReport.columns.question'), weight: 7 },
        { header: t('sessionReport.columns.covered'), weight: 1.3 },
      ],
      input.quizCoverage.map((item) => [
        String(item.number),
        item.prompt,
        item.covered ? t('sessionReport.yes') : t('sessionReport.no'),
      ]),
    );
  }

  writer.heading(t('sessionReport.resultsHeading'), 2);
  if (input.quizResults.length === 0) {
    writer.text(t('sessionReport.noAnswers'), { size: 10.5, color: MUTED });
  } else {
    writer.table(
      [
        { header: t('sessionReport.columns.number'), weight: 0.7, align: 'right' },
        { header: t('sessionReport.columns.question'), weight: 4.3 },
        { header: t('sessionReport.columns.answersChosen'), weight: 3 },
        { header: t('sessionReport.columns.correct'), weight: 1.6, align: 'right' },
      ],
      input.quizResults.map((result) => [
        String(result.number),
        result.prompt,
        responsesOf(result, t),
        `${result.correct} / ${result.answered}${percent(result.correct, result.answered)}`,
      ]),
    );
  }

  if (input.polls && input.polls.length > 0) {
    writer.heading(t('sessionReport.pollsHeading'), 2);
    for (const poll of input.polls) {
      writer.text(t('sessionReport.poll', { title: poll.title, prompt: poll.prompt }), {
        weight: 'bold',
        size: 10.5,
        spaceAfter: 4,
      });
      writer.table(
        [
          { header: t('sessionReport.columns.option'), weight: 7 },
          { header: t('sessionReport.columns.hands'), weight: 1.4, align: 'right' },
        ],
        poll.options.map((option) => [
          t(option.answer ? 'sessionReport.pollAnswer' : 'sessionReport.pollOption', {
            key: option.key,
            text: option.text,
          }),
          option.count === null ? '-' : String(option.count),
        ]),
      );
    }
  }

  if (input.standings && input.standings.length > 0) {
    writer.heading(t('sessionReport.membersHeading'), 2);
    writer.table(
      [
        { header: t('sessionReport.columns.member'), weight: 2 },
        { header: t('sessionReport.columns.sessions'), weight: 3.2 },
        { header: t('sessionReport.columns.graduating'), weight: 1.4 },
        { header: t('sessionReport.columns.certificate'), weight: 4 },
      ],
      input.standings.map((member) => [
        member.name,
        member.sessions,
        member.graduated ? t('sessionReport.yes') : '',
        t(member.certificate ? 'sessionReport.certificateYes' : 'sessionReport.certificateNo', {
          because: member.because,
        }),
      ]),
    );
  }

  writer.heading(t('sessionReport.gameHeading'), 2);
  if (input.game === null) {
    writer.text(t('sessionReport.noGame'), { size: 10.5, color: MUTED });
  } else {
    writer.table(
      [
        { header: t('sessionReport.columns.team'), weight: 1 },
        { header: t('sessionReport.columns.scenario'), weight: 5 },
        { header: t('sessionReport.columns.score'), weight: 1.5, align: 'right' },
      ],
      input.game.teams.map((team) => [
        t('sessionReport.team', { number: team.number }),
        team.scenarioTitle ?? '-',
        `${team.total} / ${team.maxPoints}`,
      ]),
    );
    writer.text(winnersLine(input.game, t, language), {
      weight: 'bold',
      size: 11.5,
      spaceBefore: 10,
    });
  }

  return writer.finish({
    footer: `${input.packTitle} - ${input.cohortName} - ${input.dateLabel}`,
    pageNumbers: true,
    language,
  });
}
