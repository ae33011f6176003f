import { wasRun, type DeliveryStatus } from '../session/summary';
import type { PageSize } from './layout';
import { createDocument, FlowWriter, joinNames, minutesLabel, MUTED } from './layout';

export interface SessionReportPdfInput {
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
  quizResults: {
    number: number;
    prompt: string;
    correctKey: string;
    counts: Record<string, number>;
    answered: number;
    correct: number;
  }[];
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

const STATUS_LABELS: Record<ReportItem['status'], string> = {
  delivered: 'Delivered',
  adapted: 'Adapted',
  'passed-through': 'Passed through',
  skipped: 'Skipped',
  'not-reached': 'Not reached',
};

function notesOf(item: ReportItem): string {
  const notes: string[] = [];
  if (item.skippedReason?.trim()) notes.push(`Skipped: ${item.skippedReason.trim()}`);
  if (item.adaptedReason?.trim()) notes.push(`Adapted: ${item.adaptedReason.trim()}`);
  if ((item.visits ?? 0) > 1) notes.push(`Revisited (${item.visits} visits)`);
  return notes.join('\n');
}

function percent(part: number, whole: number): string {
  return whole > 0 ? ` (${Math.round((part / whole) * 100)}%)` : '';
}

/** "a: 2  b: 7 (correct)  c: 1", listing every option that was chosen and the correct one. */
function responsesOf(result: QuizResult): string {
  const keys = new Set([...Object.keys(result.counts), result.correctKey]);
  return [...keys]
    .sort()
    .map((key) => {
      const count = result.counts[key] ?? 0;
      return key === result.correctKey ? `${key}: ${count} (correct)` : `${key}: ${count}`;
    })
    .join('   ');
}

function winnersLine(game: NonNullable<SessionReportPdfInput['game']>): string {
  const teams = game.winners.map((team) => `Team ${team}`);
  if (teams.length === 0) return 'Winner: none recorded';
  if (teams.length === 1) return `Winner: ${teams[0]}`;
  return `Winners (tie): ${joinNames(teams)}`;
}

/**
 * The fidelity record of one session, for supervision: what was delivered, in what order and for
 * how long, what was skipped or adapted and why, how the quiz went and who won the game.
 */
export async function sessionReportPdf(input: SessionReportPdfInput): Promise<Uint8Array> {
  const { doc, fonts } = await createDocument(`Session report - ${input.packTitle}`);
  const writer = new FlowWriter(doc, fonts, input.pageSize);

  writer.heading('Session fidelity report', 1);
  writer.text(input.packTitle, { weight: 'bold', size: 13, spaceAfter: 6 });
  const facts: [string, string][] = [
    ['Group', input.cohortName],
    [input.facilitators.length > 1 ? 'Facilitators' : 'Facilitator', joinNames(input.facilitators)],
    ['Date', input.dateLabel],
    ['Time', `${input.startLabel} to ${input.endLabel}`],
    [
      'Length',
      `${minutesLabel(input.actualMinutes)} (planned ${minutesLabel(input.plannedMinutes)})`,
    ],
    [
      'Attendance',
      `${input.attendanceCount} ${input.attendanceCount === 1 ? 'member' : 'members'}`,
    ],
  ];
  for (const [label, value] of facts) {
    writer.text(value.trim() || '-', { size: 10.5, label: `${label}:`, labelWidth: 80 });
  }

  writer.heading('Agenda delivery', 2);
  const delivered = input.items.filter((item) => wasRun(item.status)).length;
  writer.text(`${delivered} of ${input.items.length} items delivered or adapted.`, {
    size: 10,
    color: MUTED,
    spaceAfter: 6,
  });
  writer.table(
    [
      { header: 'Order', weight: 1, align: 'right' },
      { header: 'Item', weight: 3.6 },
      { header: 'Planned', weight: 1.2, align: 'right' },
      { header: 'Actual', weight: 1.2, align: 'right' },
      { header: 'Status', weight: 1.7 },
      { header: 'Notes', weight: 3.8 },
    ],
    input.items.map((item) => [
      item.runOrder === null ? '-' : String(item.runOrder),
      item.title,
      minutesLabel(item.plannedMinutes),
      item.runOrder === null ? '-' : minutesLabel(item.actualMinutes),
      STATUS_LABELS[item.status],
      notesOf(item),
    ]),
  );

  if (input.stretches.length > 0) {
    writer.heading('In the order it happened', 2);
    writer.table(
      [
        { header: 'Step', weight: 0.8, align: 'right' },
        { header: 'Item', weight: 4.4 },
        { header: 'From', weight: 1.2 },
        { header: 'To', weight: 1.2 },
        { header: 'Minutes', weight: 1.2, align: 'right' },
        { header: '', weight: 1.6 },
      ],
      input.stretches.map((stretch, index) => [
        String(index + 1),
        stretch.title,
        stretch.startLabel,
        stretch.endLabel,
        minutesLabel(stretch.minutes),
        stretch.revisit ? 'Revisit' : '',
      ]),
    );
  }

  writer.heading('Quiz coverage', 2);
  if (input.quizCoverage.length === 0) {
    writer.text('This session has no quiz.', { size: 10.5, color: MUTED });
  } else {
    const covered = input.quizCoverage.filter((item) => item.covered).length;
    writer.text(
      `The material for ${covered} of ${input.quizCoverage.length} quiz items was covered before the quiz.`,
      { size: 10, color: MUTED, spaceAfter: 6 },
    );
    writer.table(
      [
        { header: 'Item', weight: 0.7, align: 'right' },
        { header: 'Question', weight: 7 },
        { header: 'Covered', weight: 1.3 },
      ],
      input.quizCoverage.map((item) => [
        String(item.number),
        item.prompt,
        item.covered ? 'Yes' : 'No',
      ]),
    );
  }

  writer.heading('Quiz results', 2);
  if (input.quizResults.length === 0) {
    writer.text('No quiz answers were recorded.', { size: 10.5, color: MUTED });
  } else {
    writer.table(
      [
        { header: 'Item', weight: 0.7, align: 'right' },
        { header: 'Question', weight: 4.3 },
        { header: 'Answers chosen', weight: 3 },
        { header: 'Correct', weight: 1.6, align: 'right' },
      ],
      input.quizResults.map((result) => [
        String(result.number),
        result.prompt,
        responsesOf(result),
        `${result.correct} / ${result.answered}${percent(result.correct, result.answered)}`,
      ]),
    );
  }

  if (input.polls && input.polls.length > 0) {
    writer.heading('Polls (show of hands)', 2);
    for (const poll of input.polls) {
      writer.text(`${poll.title}: ${poll.prompt}`, { weight: 'bold', size: 10.5, spaceAfter: 4 });
      writer.table(
        [
          { header: 'Option', weight: 7 },
          { header: 'Hands', weight: 1.4, align: 'right' },
        ],
        poll.options.map((option) => [
          `${option.key}. ${option.text}${option.answer ? ' (answer)' : ''}`,
          option.count === null ? '-' : String(option.count),
        ]),
      );
    }
  }

  if (input.standings && input.standings.length > 0) {
    writer.heading('Members and certificates', 2);
    writer.table(
      [
        { header: 'Member', weight: 2 },
        { header: 'Sessions', weight: 3.2 },
        { header: 'Graduating', weight: 1.4 },
        { header: 'Certificate', weight: 4 },
      ],
      input.standings.map((member) => [
        member.name,
        member.sessions,
        member.graduated ? 'Yes' : '',
        `${member.certificate ? 'Yes' : 'No'}: ${member.because}`,
      ]),
    );
  }

  writer.heading('Team game', 2);
  if (input.game === null) {
    writer.text('No game was played.', { size: 10.5, color: MUTED });
  } else {
    writer.table(
      [
        { header: 'Team', weight: 1 },
        { header: 'Scenario', weight: 5 },
        { header: 'Score', weight: 1.5, align: 'right' },
      ],
      input.game.teams.map((team) => [
        `Team ${team.number}`,
        team.scenarioTitle ?? '-',
        `${team.total} / ${team.maxPoints}`,
      ]),
    );
    writer.text(winnersLine(input.game), { weight: 'bold', size: 11.5, spaceBefore: 10 });
  }

  return writer.finish({
    footer: `${input.packTitle} - ${input.cohortName} - ${input.dateLabel}`,
    pageNumbers: true,
  });
}
