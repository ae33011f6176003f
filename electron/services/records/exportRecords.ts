/**
 * Everything the kiosk recorded, for the clinic's own files (a zip of CSV tables with names) and
 * for research (a de-identified REDCap import with a matching data dictionary).
 */
import { createHmac } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Db } from '../../db/database';
import { RejectedRequest } from '../errors';
import { summaryItemCells, toCsv, UTF8_BOM, type CsvRow } from './csv';
import {
  isoTime,
  listAllAttendance,
  listAllCohorts,
  listAllFlipchart,
  listAllGameScores,
  listAllMembers,
  listAllQuizAnswers,
  listAllQuizAnswerRows,
  listAllSessions,
  listAllTeamMembers,
  listMemberSessions,
  type SessionWithCohortRow,
} from '../../db/queries/records';

const README = `Facilitator Kiosk records export
================================

Every file is UTF-8 CSV (RFC 4180). Times are ISO 8601 in UTC, e.g. 2026-11-22T18:05:00.000Z.
Text that begins with = + - or @ has a leading apostrophe so spreadsheets do not run it.
Members are recorded by first name or nickname only.

cohorts.csv         One row per group: id, name, created_at.
members.csv         One row per member: id, cohort_id, cohort, name, joined_at, graduated_at,
                    active (1 = still in the group, 0 = left).
sessions.csv        One row per session: id, cohort_id, cohort, pack_id, pack_title, pack_version,
                    facilitators (separated by "; "), time_keeper, created_at, started_at,
                    ended_at, status (live or ended), planned_minutes, actual_minutes. Start, end
                    and minutes come from the session summary written when the session ended, so
                    they are blank for a session still running.
session_items.csv   One row per session and agenda item, in agenda order: session_id, position,
                    item_id, title, kind, status (delivered, adapted,
                    passed-through (on screen under a minute), skipped or not-reached), run_order
                    (1 = run first; blank if never run), planned_minutes, actual_minutes,
                    skipped_reason, adapted_reason.
attendance.csv      One row per member checked in to a session: session_id, cohort, member_id,
                    member, checked_in_at.
quiz_answers.csv    One row per member and quiz item: session_id, cohort, member_id, member,
                    item_id, answer (the option key chosen), correct (1/0), entered_by
                    (counselor or self), answered_at.
flipchart.csv       One row per flipchart entry: session_id, entry_id, question_id, text,
                    created_at.
game_scores.csv     One row per team and scoring criterion: session_id, team, scenario_id,
                    members (separated by "; "), criterion_id ("bonus" is the participation
                    bonus), points.
`;

function sessionStart(session: SessionWithCohortRow): number {
  return session.summary?.startedAt ?? session.created_at_ms;
}

function csvFile(rows: readonly CsvRow[]): Uint8Array {
  return strToU8(UTF8_BOM + toCsv(rows));
}

export function exportAllRecordsZip(db: Db): Uint8Array {
  const sessions = listAllSessions(db);
  const sessionItems: CsvRow[] = [];
  const sessionRows: CsvRow[] = sessions.map((session) => {
    const summary = session.summary;
    summary?.items.forEach((item, index) =>
      sessionItems.push([session.id, index + 1, ...summaryItemCells(item)]),
    );
    return [
      session.id,
      session.cohort_id,
      session.cohort_name,
      session.pack_id,
      session.pack_title,
      session.pack_version,
      session.facilitators.join('; '),
      session.time_keeper,
      isoTime(session.created_at_ms),
      isoTime(summary?.startedAt),
      isoTime(summary?.endedAt),
      session.status,
      summary?.plannedMinutes,
      summary?.actualMinutes,
    ];
  });

  const teamMembers = new Map<number, string[]>();
  for (const row of listAllTeamMembers(db)) {
    teamMembers.set(row.team_id, [...(teamMembers.get(row.team_id) ?? []), row.name]);
  }

  return zipSync({
    'README.txt': strToU8(README.replaceAll('\n', '\r\n')),
    'cohorts.csv': csvFile([
      ['id', 'name', 'created_at'],
      ...listAllCohorts(db).map((cohort) => [
        cohort.id,
        cohort.name,
        isoTime(cohort.created_at_ms),
      ]),
    ]),
    'members.csv': csvFile([
      ['id', 'cohort_id', 'cohort', 'name', 'joined_at', 'graduated_at', 'active'],
      ...listAllMembers(db).map((member) => [
        member.id,
        member.cohort_id,
        member.cohort_name,
        member.name,
        isoTime(member.joined_at_ms),
        isoTime(member.graduated_at_ms),
        member.active,
      ]),
    ]),
    'sessions.csv': csvFile([
      [
        'id',
        'cohort_id',
        'cohort',
        'pack_id',
        'pack_title',
        'pack_version',
        'facilitators',
        'time_keeper',
        'created_at',
        'started_at',
        'ended_at',
        'status',
        'planned_minutes',
        'actual_minutes',
      ],
      ...sessionRows,
    ]),
    'session_items.csv': csvFile([
      [
        'session_id',
        'position',
        'item_id',
        'title',
        'kind',
        'status',
        'run_order',
        'planned_minutes',
        'actual_minutes',
        'skipped_reason',
        'adapted_reason',
      ],
      ...sessionItems,
    ]),
    'attendance.csv': csvFile([
      ['session_id', 'cohort', 'member_id', 'member', 'checked_in_at'],
      ...listAllAttendance(db).map((row) => [
        row.session_id,
        row.cohort_name,
        row.member_id,
        row.member_name,
        isoTime(row.checked_in_at_ms),
      ]),
    ]),
    'quiz_answers.csv': csvFile([
      [
        'session_id',
        'cohort',
        'member_id',
        'member',
        'item_id',
        'answer',
        'correct',
        'entered_by',
        'answered_at',
      ],
      ...listAllQuizAnswers(db).map((row) => [
        row.session_id,
        row.cohort_name,
        row.member_id,
        row.member_name,
        row.item_id,
        row.answer,
        row.correct,
        row.entered_by,
        isoTime(row.answered_at_ms),
      ]),
    ]),
    'flipchart.csv': csvFile([
      ['session_id', 'entry_id', 'question_id', 'text', 'created_at'],
      ...listAllFlipchart(db).map((row) => [
        row.session_id,
        row.id,
        row.question_id,
        row.text,
        isoTime(row.created_at_ms),
      ]),
    ]),
    'game_scores.csv': csvFile([
      ['session_id', 'team', 'scenario_id', 'members', 'criterion_id', 'points'],
      ...listAllGameScores(db).map((row) => [
        row.session_id,
        row.team_number,
        row.scenario_id,
        (teamMembers.get(row.team_id) ?? []).join('; '),
        row.criterion_id,
        row.points,
      ]),
    ]),
  });
}

/** The exact header REDCap expects on a data dictionary upload. */
export const REDCAP_DICTIONARY_HEADER = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

export const REDCAP_PARTICIPANT_FORM = 'participant';
export const REDCAP_SESSION_FORM = 'session';
const FIELD_NAME_LIMIT = 100;

interface DictionaryField {
  name: string;
  form: string;
  section?: string;
  type: 'text' | 'radio' | 'yesno';
  label: string;
  choices?: string;
  note?: string;
  validation?: string;
  min?: string;
  max?: string;
  identifier?: boolean;
}

function dictionaryRow(field: DictionaryField): CsvRow {
  return [
    field.name,
    field.form,
    field.section ?? '',
    field.type,
    field.label,
    field.choices ?? '',
    field.note ?? '',
    field.validation ?? '',
    field.min ?? '',
    field.max ?? '',
    field.identifier ? 'y' : '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ];
}

function keyedHash(secret: string, message: string, hexLength: number): string {
  return createHmac('sha256', secret).update(message).digest('hex').slice(0, hexLength);
}

/** The member's REDCap record id: the same for the same secret, meaningless without it. */
export function memberPseudonym(secret: string, memberId: number): string {
  return `P${keyedHash(secret, `member:${memberId}`, 10)}`;
}

export function cohortPseudonym(secret: string, cohortId: number): string {
  return `C${keyedHash(secret, `cohort:${cohortId}`, 8)}`;
}

/** A REDCap variable name: lowercase letters, digits and single underscores, from a letter. */
function redcapName(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[^a-z]+/, '');
  return cleaned.slice(0, FIELD_NAME_LIMIT).replace(/_+$/, '');
}

/** Hands out unique REDCap names; a clash (e.g. items "q1" and "q1-correct") gets a numbered suffix. */
function nameAllocator(reserved: readonly string[]): (raw: string) => string {
  const taken = new Set(reserved);
  return (raw) => {
    const base = redcapName(raw);
    let name = base;
    for (let suffix = 2; taken.has(name); suffix += 1) {
      const tail = `_${suffix}`;
      name = base.slice(0, FIELD_NAME_LIMIT - tail.length).replace(/_+$/, '') + tail;
    }
    taken.add(name);
    return name;
  };
}

/** A quiz as the packs define it: the dictionary is built from these, not from the answers. */
export interface RedcapQuiz {
  packId: string;
  items: readonly {
    id: string;
    prompt: string;
    options: readonly { key: string; text: string }[];
  }[];
}

interface QuizDefinition {
  itemId: string;
  label: string;
  /** Option key to its text, in the pack's order. */
  options: Map<string, string>;
}

/** REDCap separates choices with `|`; an option's own text may not contain one. */
const choiceText = (text: string) => text.replaceAll('|', '/').replace(/\s+/g, ' ').trim();

/**
 * Every quiz item of the packs, in each pack's order (packs by id), with every option and its text.
 * An item id several packs share is one field offering all their options. Answers to items no
 * installed pack has (a pack since removed) still get a field, offering the keys a through the
 * highest seen, so every answer imports.
 */
function quizDefinitions(
  quizzes: readonly RedcapQuiz[],
  answeredItemIds: Iterable<string>,
  answersOf: (itemId: string) => readonly string[],
): QuizDefinition[] {
  const byId = new Map<string, QuizDefinition>();
  for (const quiz of [...quizzes].sort((a, b) => (a.packId < b.packId ? -1 : 1))) {
    quiz.items.forEach((item, index) => {
      const definition = byId.get(item.id) ?? {
        itemId: item.id,
        label: `Q${index + 1}. ${choiceText(item.prompt)}`,
        options: new Map<string, string>(),
      };
      for (const option of item.options) {
        if (!definition.options.has(option.key))
          definition.options.set(option.key, choiceText(option.text));
      }
      byId.set(item.id, definition);
    });
  }
  const unknown = [...new Set(answeredItemIds)]
    .filter((id) => !byId.has(id))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const itemId of unknown) {
    const keys = new Set(answersOf(itemId));
    const highest = Math.max('b'.charCodeAt(0), ...[...keys].map((key) => key.charCodeAt(0)));
    for (let code = 'a'.charCodeAt(0); code <= highest; code += 1)
      keys.add(String.fromCharCode(code));
    byId.set(itemId, {
      itemId,
      label: `Quiz item ${itemId} (not in an installed pack)`,
      options: new Map([...keys].sort().map((key) => [key, key])),
    });
  }
  return [...byId.values()];
}

/**
 * A de-identified export for REDCap's data import tool: no names, members and groups under keyed
 * pseudonyms. Each row is one member at one session they attended or answered quiz items in, as
 * an instance of the repeating "session" instrument (enable "Repeating instruments" for it in the
 * project). A quiz field holds that session's pack's item with that id; program_pack tells packs
 * apart. The `<form>_complete` status columns and the repeat columns are REDCap's own, so they
 * are in the data but not in the dictionary.
 */
export function redcapExport(
  db: Db,
  secret: string,
  quizzes: readonly RedcapQuiz[],
): { dataCsv: string; dictionaryCsv: string } {
  if (secret.trim().length === 0) {
    throw new RejectedRequest('errors.records.noExportSecret');
  }
  const sessions = new Map(listAllSessions(db).map((session) => [session.id, session]));
  const answers = listAllQuizAnswerRows(db);
  const answersBySeat = new Map<string, Map<string, { answer: string; correct: number }>>();
  const answersByItem = new Map<string, string[]>();
  for (const row of answers) {
    const seat = `${row.member_id}:${row.session_id}`;
    const seatAnswers =
      answersBySeat.get(seat) ?? new Map<string, { answer: string; correct: number }>();
    seatAnswers.set(row.item_id, { answer: row.answer, correct: row.correct });
    answersBySeat.set(seat, seatAnswers);
    // Appended in place: copying the list for every answer made ten years (3 million) take hours.
    const itemAnswers = answersByItem.get(row.item_id) ?? [];
    itemAnswers.push(row.answer);
    answersByItem.set(row.item_id, itemAnswers);
  }

  const fixedSessionFields = [
    'session_date',
    'program_pack',
    'pack_version',
    'cohort_code',
    'attended',
  ] as const;
  const allocate = nameAllocator(['record_id', ...fixedSessionFields, 'quiz_score']);
  const quizFields = quizDefinitions(
    quizzes,
    answersByItem.keys(),
    (itemId) => answersByItem.get(itemId) ?? [],
  ).map((definition) => {
    const answerField = allocate(`quiz_${definition.itemId.replaceAll('-', '_')}`);
    return { ...definition, answerField, correctField: allocate(`${answerField}_correct`) };
  });

  const dictionary: DictionaryField[] = [
    {
      name: 'record_id',
      form: REDCAP_PARTICIPANT_FORM,
      type: 'text',
      label: 'Participant pseudonym',
      note: 'Keyed hash of the kiosk member; cannot be traced back without the export secret',
    },
    {
      name: 'session_date',
      form: REDCAP_SESSION_FORM,
      type: 'text',
      label: 'Session date',
      validation: 'date_ymd',
      note: 'UTC date the session started',
      // A date tied to a person is an identifier under HIPAA Safe Harbor; REDCap can strip it.
      identifier: true,
    },
    { name: 'program_pack', form: REDCAP_SESSION_FORM, type: 'text', label: 'Program pack id' },
    { name: 'pack_version', form: REDCAP_SESSION_FORM, type: 'text', label: 'Pack version' },
    {
      name: 'cohort_code',
      form: REDCAP_SESSION_FORM,
      type: 'text',
      label: 'Group pseudonym',
      note: 'Keyed hash of the kiosk group',
    },
    {
      name: 'attended',
      form: REDCAP_SESSION_FORM,
      type: 'yesno',
      label: 'Checked in to the session',
    },
    ...quizFields.flatMap(
      ({ itemId, label, options, answerField, correctField }, index): DictionaryField[] => [
        {
          name: answerField,
          form: REDCAP_SESSION_FORM,
          ...(index === 0 ? { section: 'Quiz' } : {}),
          type: 'radio',
          label,
          choices: [...options].map(([key, text]) => `${key}, ${text}`).join(' | '),
          note: `Quiz item ${itemId} of this session's pack (see program_pack)`,
        },
        {
          name: correctField,
          form: REDCAP_SESSION_FORM,
          type: 'yesno',
          label: `Quiz item ${itemId}: answered correctly`,
        },
      ],
    ),
    {
      name: 'quiz_score',
      form: REDCAP_SESSION_FORM,
      type: 'text',
      label: 'Quiz items answered correctly',
      validation: 'integer',
      min: '0',
      max: String(quizFields.length),
      note: 'Blank if no quiz answers were recorded',
    },
  ];

  const header = [
    'record_id',
    'redcap_repeat_instrument',
    'redcap_repeat_instance',
    ...fixedSessionFields,
    ...quizFields.flatMap((field) => [field.answerField, field.correctField]),
    'quiz_score',
    `${REDCAP_SESSION_FORM}_complete`,
  ];

  const seatsByMember = new Map<number, { sessionId: number; attended: number }[]>();
  for (const seat of listMemberSessions(db)) {
    const list = seatsByMember.get(seat.member_id) ?? [];
    list.push({ sessionId: seat.session_id, attended: seat.attended });
    seatsByMember.set(seat.member_id, list);
  }
  const records: { recordId: string; instance: number; row: CsvRow }[] = [];
  for (const [memberId, seats] of seatsByMember) {
    const recordId = memberPseudonym(secret, memberId);
    const ordered = seats
      .map((seat) => ({ ...seat, session: sessions.get(seat.sessionId)! }))
      .sort(
        (a, b) => sessionStart(a.session) - sessionStart(b.session) || a.session.id - b.session.id,
      );
    ordered.forEach(({ session, attended }, index) => {
      const seatAnswers = answersBySeat.get(`${memberId}:${session.id}`);
      const quizValues = quizFields.flatMap(({ itemId }) => {
        const answer = seatAnswers?.get(itemId);
        return answer ? [answer.answer, answer.correct] : ['', ''];
      });
      const score = seatAnswers
        ? [...seatAnswers.values()].reduce((sum, answer) => sum + answer.correct, 0)
        : '';
      records.push({
        recordId,
        instance: index + 1,
        row: [
          recordId,
          REDCAP_SESSION_FORM,
          index + 1,
          isoTime(sessionStart(session)).slice(0, 10),
          session.pack_id,
          session.pack_version,
          cohortPseudonym(secret, session.cohort_id),
          attended,
          ...quizValues,
          score,
          session.status === 'ended' ? '2' : '0',
        ],
      });
    });
  }
  // Sorted by pseudonym, not member id, so row order does not reveal who joined first.
  records.sort((a, b) =>
    a.recordId === b.recordId ? a.instance - b.instance : a.recordId < b.recordId ? -1 : 1,
  );

  return {
    dataCsv: toCsv([header, ...records.map((record) => record.row)]),
    dictionaryCsv: toCsv([REDCAP_DICTIONARY_HEADER, ...dictionary.map(dictionaryRow)]),
  };
}

/** The REDCap export as the zip the counselor saves: the data and its dictionary. */
export function redcapZip(db: Db, secret: string, quizzes: readonly RedcapQuiz[]): Uint8Array {
  const { dataCsv, dictionaryCsv } = redcapExport(db, secret, quizzes);
  return zipSync({
    'redcap-data.csv': strToU8(dataCsv),
    'redcap-data-dictionary.csv': strToU8(dictionaryCsv),
  });
}
