/**
 * The figures behind the Program view, computed from the records for one selection (date range,
 * pack or all, group or all): how each agenda item was delivered, who came and came back, and how
 * the group answered each quiz item. Pure numbers here; charts, tables and documents are built
 * from them elsewhere.
 */
import { mean, quantileSorted } from 'd3-array';
import type { PackManifest } from '../../content/pack/schema';
import type { Db } from '../../db/database';
import {
  attended,
  countAttendanceBySession,
  countDistinctMembers,
  countQuizItems,
  countWrongAnswers,
  listFirstSessions,
  listGraduations,
  listItemRecords,
  listProgramSessions,
  nextSessionsOfGroup,
  type ItemRecordRow,
  type ProgramSelection,
} from '../../db/queries/program';
import { coverageOf, quizPreparation } from '../records/sessionReport';
import { FALLBACK_LANGUAGE, type Language } from '../../shared/i18n';
import { mainT, type MainT } from '../../shared/i18n/phrases';

/** Days are the clinic's own (main's local time); `to` is included. */
export interface ProgramFilter {
  packId: string | null;
  cohortId: number | null;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, included */
  to: string;
}

/** A session ran over when it lasted more than this many minutes past its planned length. */
export const RAN_OVER_MINUTES = 5;
/** Retention looks at this many of the group's sessions after a member's first. */
export const RETENTION_NEXT_SESSIONS = 2;
/** Up to this many sessions, the time charts show each session; beyond, months or longer. */
export const MAX_SESSION_POINTS = 40;

export type PeriodUnit = 'session' | 'month' | 'quarter' | 'year';

export interface Period {
  key: string;
  label: string;
  /** Short enough for a chart's axis: "24 Nov", "Nov 2026", "Q4 2026". */
  axisLabel: string;
  startMs: number;
}

export interface Spread {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

export interface ItemDelivery {
  itemId: string;
  title: string;
  kind: string;
  plannedMinutes: number;
  /** Sessions whose agenda had this item. */
  sessions: number;
  delivered: number;
  skipped: number;
  adapted: number;
  notReached: number;
  /** Actual minutes over the sessions that delivered it; null when none did. */
  actual: Spread | null;
}

export interface ChangeReason {
  itemId: string;
  title: string;
  change: 'skipped' | 'adapted';
  reason: string;
  times: number;
}

export interface SessionLengths {
  periodKey: string;
  sessions: number;
  medianMinutes: number;
  maxMinutes: number;
  ranOver: number;
}

export interface PackFidelity {
  packId: string;
  packTitle: string;
  plannedMinutes: number;
  sessions: number;
  ranOver: number;
  items: ItemDelivery[];
  reasons: ChangeReason[];
  lengths: SessionLengths[];
}

export interface RetentionCounts {
  /** Members whose first session is in the selection. */
  firstTimers: number;
  cameToBoth: number;
  cameToOne: number;
  cameToNeither: number;
  /** Their group has not yet held two more sessions. */
  tooRecent: number;
}

export interface AttendancePeriod extends RetentionCounts {
  periodKey: string;
  sessions: number;
  /** Members present, summed over the period's sessions. */
  present: number;
  graduating: number;
}

export interface QuizItemFigures {
  itemId: string;
  number: number;
  prompt: string;
  correctKey: string;
  answered: number;
  correct: number;
  byPeriod: { periodKey: string; answered: number; correct: number }[];
  /** Wrong answers by how often they were chosen, most first. */
  wrong: { key: string; text: string; times: number }[];
  coverage: {
    /** Sessions with answers to this item. */
    sessions: number;
    /** Of those, the sessions that taught its material before the quiz. */
    coveredSessions: number;
    covered: { answered: number; correct: number };
    notCovered: { answered: number; correct: number };
  };
}

export interface PackQuiz {
  packId: string;
  packTitle: string;
  sessions: number;
  items: QuizItemFigures[];
}

export interface ProgramFigures {
  filter: ProgramFilter;
  fromMs: number;
  toMs: number;
  unit: PeriodUnit;
  periods: Period[];
  counts: {
    sessions: number;
    groups: number;
    /** Distinct members present at least once. */
    members: number;
    packs: { id: string; title: string; sessions: number }[];
  };
  fidelity: PackFidelity[];
  attendance: { periods: AttendancePeriod[]; retention: RetentionCounts; graduating: number };
  quiz: PackQuiz[];
}

interface SelectedSession {
  id: number;
  cohortId: number;
  cohortName: string;
  packId: string;
  packTitle: string;
  startedAt: number;
  plannedMinutes: number;
  actualMinutes: number;
  items: ItemRecordRow[];
  periodKey: string;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a YYYY-MM-DD day. */
export function dayStart(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/** The YYYY-MM-DD day (local time) of an instant. */
export function dayOf(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function selectionOf(filter: ProgramFilter): ProgramSelection {
  const fromMs = dayStart(filter.from);
  const to = new Date(dayStart(filter.to));
  to.setDate(to.getDate() + 1);
  return { packId: filter.packId, cohortId: filter.cohortId, fromMs, toMs: to.getTime() };
}

function monthsSpanned(fromMs: number, toMs: number): number {
  const from = new Date(fromMs);
  const to = new Date(toMs - 1);
  return (to.getFullYear() - from.getFullYear()) * 12 + to.getMonth() - from.getMonth() + 1;
}

function chooseUnit(sessions: number, fromMs: number, toMs: number): PeriodUnit {
  if (sessions <= MAX_SESSION_POINTS) return 'session';
  const months = monthsSpanned(fromMs, toMs);
  if (months <= 36) return 'month';
  if (months <= 120) return 'quarter';
  return 'year';
}

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** "2 Dec 2026" / "2 dic 2026". */
function shortDate(epochMs: number, t: MainT): string {
  const date = new Date(epochMs);
  return t('program.shortDate', {
    day: date.getDate(),
    month: t(`program.months.${MONTHS[date.getMonth()]!}`),
    year: date.getFullYear(),
  });
}

function calendarPeriod(epochMs: number, unit: Exclude<PeriodUnit, 'session'>, t: MainT): Period {
  const date = new Date(epochMs);
  const year = date.getFullYear();
  if (unit === 'year') {
    const label = String(year);
    return { key: label, label, axisLabel: label, startMs: new Date(year, 0, 1).getTime() };
  }
  if (unit === 'quarter') {
    const quarter = Math.floor(date.getMonth() / 3);
    const label = t('program.quarter', { quarter: quarter + 1, year });
    return {
      key: `${year}-Q${quarter + 1}`,
      label,
      axisLabel: label,
      startMs: new Date(year, quarter * 3, 1).getTime(),
    };
  }
  const month = date.getMonth();
  const label = t('program.monthYear', { month: t(`program.months.${MONTHS[month]!}`), year });
  return {
    key: `${year}-${String(month + 1).padStart(2, '0')}`,
    label,
    axisLabel: label,
    startMs: new Date(year, month, 1).getTime(),
  };
}

function spreadOf(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number | undefined) => Math.round((value ?? 0) * 10) / 10;
  return {
    min: round(sorted[0]),
    q1: round(quantileSorted(sorted, 0.25)),
    median: round(quantileSorted(sorted, 0.5)),
    q3: round(quantileSorted(sorted, 0.75)),
    max: round(sorted.at(-1)),
    mean: round(mean(sorted)),
  };
}

/** d3's `group` with a plain Map: its InternMap costs more than the rest on years of rows. */
function group<T, K>(values: Iterable<T>, key: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const list = groups.get(key(value));
    if (list) list.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

const groupByPeriod = (sessions: readonly SelectedSession[]) =>
  group(sessions, (session) => session.periodKey);

const ranOver = (session: SelectedSession) =>
  session.actualMinutes > session.plannedMinutes + RAN_OVER_MINUTES;

/** How each agenda item of one pack was delivered across its sessions. */
function packFidelity(
  sessions: SelectedSession[],
  periods: Period[],
  manifest: PackManifest | null,
): PackFidelity {
  const latest = sessions.at(-1)!;
  // The pack's current agenda order; items only older versions had follow in the order first seen.
  const order = new Map<string, number>();
  for (const item of manifest?.agenda ?? []) order.set(item.id, order.size);
  const byItem = new Map<string, { item: ItemRecordRow; records: ItemRecordRow[] }>();
  const reasons = new Map<string, ChangeReason>();
  const countReason = (
    item: ItemRecordRow,
    change: ChangeReason['change'],
    text: string | null,
  ) => {
    const reason = text?.trim();
    if (!reason) return;
    const key = `${item.item_id}\u0000${change}\u0000${reason.toLowerCase()}`;
    const entry = reasons.get(key);
    if (entry) entry.times += 1;
    else reasons.set(key, { itemId: item.item_id, title: item.title, change, reason, times: 1 });
  };
  for (const session of sessions) {
    for (const item of session.items) {
      if (!order.has(item.item_id)) order.set(item.item_id, order.size);
      const entry = byItem.get(item.item_id);
      // The newest session's title and planned minutes describe the item.
      if (entry) {
        entry.item = item;
        entry.records.push(item);
      } else byItem.set(item.item_id, { item, records: [item] });
      if (item.status === 'skipped') countReason(item, 'skipped', item.skipped_reason);
      if (item.adapted_reason !== null) countReason(item, 'adapted', item.adapted_reason);
    }
  }
  const items = [...byItem.values()]
    .sort((a, b) => order.get(a.item.item_id)! - order.get(b.item.item_id)!)
    .map(({ item, records }) => {
      // Adapted items were delivered too; the minutes spread covers every stretch that ran, even an
      // item passed through by a stray key.
      const delivered = records.filter(
        (record) => record.status === 'delivered' || record.status === 'adapted',
      );
      const ran = records.filter(
        (record) => record.status !== 'skipped' && record.status !== 'not-reached',
      );
      return {
        itemId: item.item_id,
        title: manifest?.agenda.find((entry) => entry.id === item.item_id)?.title ?? item.title,
        kind: item.kind,
        plannedMinutes: item.planned_minutes,
        sessions: records.length,
        delivered: delivered.length,
        skipped: records.filter((record) => record.status === 'skipped').length,
        adapted: records.filter((record) => record.adapted_reason !== null).length,
        notReached: records.filter((record) => record.status === 'not-reached').length,
        actual: spreadOf(ran.map((record) => record.actual_minutes)),
      };
    });
  const byPeriod = groupByPeriod(sessions);
  const lengths = periods.flatMap((period) => {
    const inPeriod = byPeriod.get(period.key) ?? [];
    if (inPeriod.length === 0) return [];
    const minutes = inPeriod.map((session) => session.actualMinutes);
    return [
      {
        periodKey: period.key,
        sessions: inPeriod.length,
        medianMinutes: spreadOf(minutes)!.median,
        maxMinutes: Math.max(...minutes),
        ranOver: inPeriod.filter(ranOver).length,
      },
    ];
  });
  return {
    packId: latest.packId,
    packTitle: manifest?.title ?? latest.packTitle,
    plannedMinutes: latest.plannedMinutes,
    sessions: sessions.length,
    ranOver: sessions.filter(ranOver).length,
    items,
    reasons: [...reasons.values()].sort(
      (a, b) =>
        b.times - a.times ||
        order.get(a.itemId)! - order.get(b.itemId)! ||
        a.reason.localeCompare(b.reason),
    ),
    lengths,
  };
}

type QuizRows = ReturnType<typeof countQuizItems>;
type WrongRows = ReturnType<typeof countWrongAnswers>;

function packQuiz(
  sessions: SelectedSession[],
  periods: Period[],
  manifest: PackManifest | null,
  rows: QuizRows,
  wrongRows: WrongRows,
): PackQuiz | null {
  const ids = new Set(sessions.map((session) => session.id));
  const answers = rows.filter((row) => ids.has(row.session_id));
  const quizItems = manifest?.quiz?.items ?? [];
  if (answers.length === 0 && quizItems.length === 0) return null;
  const known = new Set(quizItems.map((item) => item.id));
  const others = [...new Set(answers.map((row) => row.item_id))].filter((id) => !known.has(id));
  const entries = [
    ...quizItems.map((item) => ({
      itemId: item.id,
      prompt: item.prompt,
      correctKey: item.answer,
      optionText: new Map(item.options.map((option) => [option.key, option.text])),
    })),
    ...others.sort().map((itemId) => ({
      itemId,
      prompt: '',
      correctKey: '',
      optionText: new Map<string, string>(),
    })),
  ];
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const preparation = manifest ? quizPreparation(manifest) : [];
  const coveredIn = new Map<number, Set<string>>();
  for (const session of sessions) {
    const delivery = session.items.map((item) => ({
      id: item.item_id,
      kind: item.kind,
      status: item.status,
      runOrder: item.run_order,
    }));
    const coverage = coverageOf(preparation, delivery);
    coveredIn.set(
      session.id,
      new Set(coverage.filter((entry) => entry.covered).map((entry) => entry.itemId)),
    );
  }
  const rowsByItem = group(answers, (row) => row.item_id);
  const wrongByItem = group(
    wrongRows.filter((row) => row.pack_id === sessions[0]!.packId),
    (row) => row.item_id,
  );
  const items = entries.map((entry, index): QuizItemFigures => {
    const total = { answered: 0, correct: 0 };
    const covered = { answered: 0, correct: 0 };
    const notCovered = { answered: 0, correct: 0 };
    const byPeriod = new Map<string, { answered: number; correct: number }>();
    const answeredSessions = new Set<number>();
    const coveredSessions = new Set<number>();
    for (const row of rowsByItem.get(entry.itemId) ?? []) {
      const periodKey = sessionById.get(row.session_id)!.periodKey;
      const inPeriod = byPeriod.get(periodKey) ?? { answered: 0, correct: 0 };
      byPeriod.set(periodKey, inPeriod);
      const wasCovered = coveredIn.get(row.session_id)?.has(entry.itemId) ?? false;
      answeredSessions.add(row.session_id);
      if (wasCovered) coveredSessions.add(row.session_id);
      for (const counts of [total, inPeriod, wasCovered ? covered : notCovered]) {
        counts.answered += row.answered;
        counts.correct += row.correct;
      }
    }
    return {
      itemId: entry.itemId,
      number: index + 1,
      prompt: entry.prompt,
      correctKey: entry.correctKey,
      ...total,
      byPeriod: periods.flatMap((period) => {
        const counts = byPeriod.get(period.key);
        return counts ? [{ periodKey: period.key, ...counts }] : [];
      }),
      wrong: (wrongByItem.get(entry.itemId) ?? [])
        .map((row) => ({
          key: row.answer,
          text: entry.optionText.get(row.answer) ?? '',
          times: row.n,
        }))
        .sort((a, b) => b.times - a.times || a.key.localeCompare(b.key)),
      coverage: {
        sessions: answeredSessions.size,
        coveredSessions: coveredSessions.size,
        covered,
        notCovered,
      },
    };
  });
  return {
    packId: sessions[0]!.packId,
    packTitle: manifest?.title ?? sessions.at(-1)!.packTitle,
    sessions: new Set(answers.map((row) => row.session_id)).size,
    items,
  };
}

/** Who came to a first session, and whether they came to their group's next two. */
function retentionOf(
  db: Db,
  selection: ProgramSelection,
  periodOfSession: Map<number, string>,
): Map<string, RetentionCounts> {
  const byPeriod = new Map<string, RetentionCounts>();
  for (const row of listFirstSessions(db, selection)) {
    const key = periodOfSession.get(row.first_session_id);
    if (key === undefined) continue;
    const counts = byPeriod.get(key) ?? {
      firstTimers: 0,
      cameToBoth: 0,
      cameToOne: 0,
      cameToNeither: 0,
      tooRecent: 0,
    };
    byPeriod.set(key, counts);
    counts.firstTimers += 1;
    const next = nextSessionsOfGroup(
      db,
      row.cohort_id,
      row.first_session_id,
      RETENTION_NEXT_SESSIONS,
    );
    if (next.length < RETENTION_NEXT_SESSIONS) {
      counts.tooRecent += 1;
      continue;
    }
    const came = next.filter((sessionId) => attended(db, sessionId, row.member_id)).length;
    if (came === next.length) counts.cameToBoth += 1;
    else if (came > 0) counts.cameToOne += 1;
    else counts.cameToNeither += 1;
  }
  return byPeriod;
}

export function programFigures(
  db: Db,
  filter: ProgramFilter,
  manifestOf: (packId: string) => PackManifest | null,
  cohortNames: Map<number, string>,
  /** The words of the periods' labels ("Dec 2026"): the console's, or English for CSV files. */
  language: Language = FALLBACK_LANGUAGE,
): ProgramFigures {
  const t = mainT(language);
  const selection = selectionOf(filter);
  const rows = listProgramSessions(db, selection);
  const unit = chooseUnit(rows.length, selection.fromMs, selection.toMs);
  const groups = new Set(rows.map((row) => row.cohort_id));
  const periods: Period[] = [];
  const periodIndex = new Map<string, Period>();
  const itemsBySession = group(listItemRecords(db, selection), (item) => item.session_id);
  const sessions: SelectedSession[] = rows.map((row) => {
    const cohortName = cohortNames.get(row.cohort_id) ?? '';
    let period: Period;
    if (unit === 'session') {
      const label = shortDate(row.started_at_ms, t);
      period = {
        key: `session-${row.id}`,
        label:
          groups.size > 1 ? t('program.sessionOfGroup', { date: label, group: cohortName }) : label,
        axisLabel: label.slice(0, label.lastIndexOf(' ')),
        startMs: row.started_at_ms,
      };
    } else {
      period = calendarPeriod(row.started_at_ms, unit, t);
    }
    if (!periodIndex.has(period.key)) {
      periodIndex.set(period.key, period);
      periods.push(period);
    }
    return {
      id: row.id,
      cohortId: row.cohort_id,
      cohortName,
      packId: row.pack_id,
      packTitle: row.pack_title,
      startedAt: row.started_at_ms,
      plannedMinutes: row.planned_minutes,
      actualMinutes: row.actual_minutes,
      items: itemsBySession.get(row.id) ?? [],
      periodKey: period.key,
    };
  });
  periods.sort((a, b) => a.startMs - b.startMs);

  const byPack = group(sessions, (session) => session.packId);
  const quizRows = countQuizItems(db, selection);
  const wrongRows = countWrongAnswers(db, selection);
  const packs = [...byPack].map(([packId, packSessions]) => ({
    packId,
    sessions: packSessions,
    manifest: manifestOf(packId),
  }));

  const present = new Map(
    countAttendanceBySession(db, selection).map((row) => [row.session_id, row.present]),
  );
  const periodOfSession = new Map(sessions.map((session) => [session.id, session.periodKey]));
  const retention = retentionOf(db, selection, periodOfSession);
  const graduating = new Map<string, number>();
  for (const graduation of listGraduations(db, selection)) {
    // Graduation is marked during a session: it belongs to the one its group was holding then.
    const during = sessions.findLast(
      (session) =>
        session.cohortId === graduation.cohort_id &&
        session.startedAt <= graduation.graduated_at_ms,
    );
    if (!during) continue;
    graduating.set(during.periodKey, (graduating.get(during.periodKey) ?? 0) + 1);
  }
  const emptyRetention = (): RetentionCounts => ({
    firstTimers: 0,
    cameToBoth: 0,
    cameToOne: 0,
    cameToNeither: 0,
    tooRecent: 0,
  });
  const sessionsByPeriod = groupByPeriod(sessions);
  const attendancePeriods = periods.map((period): AttendancePeriod => {
    const inPeriod = sessionsByPeriod.get(period.key) ?? [];
    return {
      periodKey: period.key,
      sessions: inPeriod.length,
      present: inPeriod.reduce((sum, session) => sum + (present.get(session.id) ?? 0), 0),
      graduating: graduating.get(period.key) ?? 0,
      ...(retention.get(period.key) ?? emptyRetention()),
    };
  });
  const totalRetention = emptyRetention();
  for (const counts of retention.values()) {
    for (const key of Object.keys(totalRetention) as (keyof RetentionCounts)[]) {
      totalRetention[key] += counts[key];
    }
  }

  return {
    filter,
    fromMs: selection.fromMs,
    toMs: selection.toMs,
    unit,
    periods,
    counts: {
      sessions: sessions.length,
      groups: groups.size,
      members: countDistinctMembers(db, selection),
      packs: packs.map(({ packId, sessions: packSessions, manifest }) => ({
        id: packId,
        title: manifest?.title ?? packSessions.at(-1)!.packTitle,
        sessions: packSessions.length,
      })),
    },
    fidelity: packs.map(({ sessions: packSessions, manifest }) =>
      packFidelity(packSessions, periods, manifest),
    ),
    attendance: {
      periods: attendancePeriods,
      retention: totalRetention,
      graduating: [...graduating.values()].reduce((sum, count) => sum + count, 0),
    },
    quiz: packs.flatMap(({ sessions: packSessions, manifest }) => {
      const quiz = packQuiz(packSessions, periods, manifest, quizRows, wrongRows);
      return quiz ? [quiz] : [];
    }),
  };
}
