/**
 * What the counselor used to keep on paper and flipchart, captured as the group runs: the roster
 * (first names or nicknames only), attendance, flipchart responses, quiz answers and the team game.
 * Every write is committed at once; the session views are refreshed by the caller.
 */
import type { Clock } from '../../shared/clock';
import type { PackManifest } from '../../content/pack/schema';
import type { Db } from '../../db/database';
import {
  countQuizzesTaken,
  countSessionsAttended,
  deleteAttendance,
  deleteFlipchart,
  deleteQuizAnswer,
  getMember,
  insertAttendance,
  insertFlipchart,
  insertMember,
  listAttendance,
  listFlipchart,
  listMembers,
  listPollCounts,
  listQuizAnswers,
  listScores,
  listTeamMembers,
  listTeams,
  replaceTeams,
  setMemberGraduated,
  upsertPollCount,
  upsertQuizAnswer,
  upsertScore,
} from '../../db/queries/group';
import { RejectedRequest } from '../errors';

export interface LiveContext {
  sessionId: number;
  cohortId: number;
  pack: PackManifest;
}

export interface MemberView {
  id: number;
  name: string;
  present: boolean;
  /** Checked in today for the first time: welcome them. */
  firstSession: boolean;
  graduated: boolean;
  sessionsAttended: number;
  /** Sessions attended on paper before the kiosk. */
  priorSessions: number;
  quizzesTaken: number;
}

export interface TeamView {
  id: number;
  number: number;
  scenarioId: string | null;
  scenarioTitle: string | null;
  members: { id: number; name: string }[];
  scores: Record<string, number>;
  total: number;
}

export interface GroupView {
  members: MemberView[];
  flipchart: Record<string, { id: number; text: string }[]>;
  /** answers[memberId][itemId] = the key chosen. */
  answers: Record<number, Record<string, string>>;
  counts: Record<string, Record<string, number>>;
  /** polls[itemId][optionKey] = hands counted; absent until the counselor types a count. */
  polls: Record<string, Record<string, number>>;
  teams: TeamView[];
}

/** The game's bonus, scored as a criterion of its own under this id. */
export const BONUS = 'bonus';

export class GroupRecords {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  view(context: LiveContext): GroupView {
    const present = new Set(listAttendance(this.db, context.sessionId).map((row) => row.member_id));
    const answers: GroupView['answers'] = {};
    for (const row of listQuizAnswers(this.db, context.sessionId)) {
      (answers[row.member_id] ??= {})[row.item_id] = row.answer;
    }
    const flipchart: GroupView['flipchart'] = {};
    for (const item of context.pack.agenda) {
      for (const question of item.questions.filter((q) => q.flipchart)) {
        flipchart[question.id] = listFlipchart(this.db, context.sessionId, question.id).map(
          (row) => ({ id: row.id, text: row.text }),
        );
      }
    }
    return {
      members: listMembers(this.db, context.cohortId).map((member) => {
        const sessionsAttended = countSessionsAttended(this.db, member.id);
        return {
          id: member.id,
          name: member.name,
          present: present.has(member.id),
          firstSession: present.has(member.id) && sessionsAttended === 1,
          graduated: member.graduated_at_ms !== null,
          sessionsAttended,
          priorSessions: member.prior_sessions,
          quizzesTaken: countQuizzesTaken(this.db, member.id),
        };
      }),
      flipchart,
      answers,
      counts: this.quizCounts(context),
      polls: this.pollCounts(context),
      teams: this.teams(context),
    };
  }

  addMember(context: LiveContext, name: string, checkIn: boolean): void {
    const trimmed = name.trim();
    if (
      listMembers(this.db, context.cohortId).some(
        (member) => member.name.toLowerCase() === trimmed.toLowerCase(),
      )
    ) {
      throw new RejectedRequest('errors.group.duplicateName', { name: trimmed });
    }
    this.db.transaction(() => {
      const member = insertMember(this.db, context.cohortId, trimmed, this.clock.now());
      if (checkIn) insertAttendance(this.db, context.sessionId, member.id, this.clock.now());
    })();
  }

  setPresent(context: LiveContext, memberId: number, present: boolean): void {
    this.requireMember(context, memberId);
    if (present) insertAttendance(this.db, context.sessionId, memberId, this.clock.now());
    else deleteAttendance(this.db, context.sessionId, memberId);
  }

  setGraduated(context: LiveContext, memberId: number, graduated: boolean): void {
    this.requireMember(context, memberId);
    setMemberGraduated(this.db, memberId, graduated ? this.clock.now() : null);
  }

  addFlipchart(context: LiveContext, questionId: string, text: string): void {
    const question = context.pack.agenda
      .flatMap((item) => item.questions)
      .find((q) => q.id === questionId);
    if (!question) throw new RejectedRequest('errors.group.noSuchQuestion', { questionId });
    insertFlipchart(this.db, context.sessionId, questionId, text.trim(), this.clock.now());
  }

  removeFlipchart(context: LiveContext, entryId: number): void {
    if (deleteFlipchart(this.db, context.sessionId, entryId) === 0)
      throw new RejectedRequest('errors.group.flipchartGone');
  }

  flipchartEntries(context: LiveContext, questionId: string): string[] {
    return listFlipchart(this.db, context.sessionId, questionId).map((row) => row.text);
  }

  /** Committed the moment it is entered; entering another key replaces it, null clears it. */
  recordAnswer(
    context: LiveContext,
    memberId: number,
    itemId: string,
    answer: string | null,
    enteredBy: 'counselor' | 'self',
  ): void {
    this.requireMember(context, memberId);
    const item = context.pack.quiz?.items.find((entry) => entry.id === itemId);
    if (!item) throw new RejectedRequest('errors.group.noSuchQuizItem', { itemId });
    if (answer === null) {
      deleteQuizAnswer(this.db, context.sessionId, memberId, itemId);
      return;
    }
    const key = answer.toLowerCase();
    if (!item.options.some((option) => option.key === key)) {
      throw new RejectedRequest('errors.group.notAnOption', {
        answer,
        itemId,
        options: item.options.map((o) => o.key).join(', '),
      });
    }
    upsertQuizAnswer(this.db, {
      session_id: context.sessionId,
      member_id: memberId,
      item_id: itemId,
      answer: key,
      correct: key === item.answer ? 1 : 0,
      entered_by: enteredBy,
      answered_at_ms: this.clock.now(),
    });
  }

  quizCounts(context: LiveContext): Record<string, Record<string, number>> {
    const counts: Record<string, Record<string, number>> = {};
    for (const item of context.pack.quiz?.items ?? []) {
      counts[item.id] = Object.fromEntries(item.options.map((option) => [option.key, 0]));
    }
    for (const row of listQuizAnswers(this.db, context.sessionId)) {
      const itemCounts = counts[row.item_id];
      if (itemCounts && row.answer in itemCounts) itemCounts[row.answer]! += 1;
    }
    return counts;
  }

  /** Hands counted for one option of a poll item, as the counselor typed it; typing again replaces it. */
  setPollCount(context: LiveContext, itemId: string, optionKey: string, count: number): void {
    const poll = context.pack.agenda.find((item) => item.id === itemId)?.poll;
    if (!poll) throw new RejectedRequest('errors.group.noPoll', { itemId });
    if (!poll.options.some((option) => option.key === optionKey))
      throw new RejectedRequest('errors.group.noPollOption', { optionKey });
    upsertPollCount(this.db, {
      sessionId: context.sessionId,
      itemId,
      optionKey,
      count,
      atMs: this.clock.now(),
    });
  }

  pollCounts(context: LiveContext): Record<string, Record<string, number>> {
    const polls: Record<string, Record<string, number>> = {};
    for (const row of listPollCounts(this.db, context.sessionId))
      (polls[row.item_id] ??= {})[row.option_key] = row.count;
    return polls;
  }

  /** Splits those present into teams (in turn, so sizes differ by at most one) and deals the cards in order. */
  makeTeams(context: LiveContext, teamCount: number): void {
    const game = context.pack.game;
    if (!game) throw new RejectedRequest('errors.noGame');
    if (teamCount < game.teams.min || teamCount > game.teams.max) {
      throw new RejectedRequest('errors.group.teamCount', {
        min: game.teams.min,
        max: game.teams.max,
      });
    }
    const present = this.view(context).members.filter((member) => member.present);
    if (present.length < teamCount)
      throw new RejectedRequest('errors.group.checkInFirst', { count: teamCount });
    const teams = Array.from({ length: teamCount }, (_, index) => ({
      number: index + 1,
      scenarioId: game.scenarios[index % game.scenarios.length]!.id,
      memberIds: [] as number[],
    }));
    present.forEach((member, index) => teams[index % teamCount]!.memberIds.push(member.id));
    this.db.transaction(() => replaceTeams(this.db, context.sessionId, teams))();
  }

  setScore(context: LiveContext, teamId: number, criterionId: string, points: number): void {
    const game = context.pack.game;
    if (!game) throw new RejectedRequest('errors.noGame');
    if (!listTeams(this.db, context.sessionId).some((team) => team.id === teamId)) {
      throw new RejectedRequest('errors.group.noSuchTeam');
    }
    const max =
      criterionId === BONUS
        ? game.bonus?.points
        : game.criteria.find((criterion) => criterion.id === criterionId)?.points;
    if (max === undefined)
      throw new RejectedRequest('errors.group.noSuchCriterion', { criterionId });
    if (points < 0 || points > max) throw new RejectedRequest('errors.group.pointsRange', { max });
    upsertScore(this.db, teamId, criterionId, points);
  }

  teams(context: LiveContext): TeamView[] {
    const scenarios = context.pack.game?.scenarios ?? [];
    return listTeams(this.db, context.sessionId).map((team) => {
      const scores = Object.fromEntries(
        listScores(this.db, team.id).map((row) => [row.criterion_id, row.points]),
      );
      return {
        id: team.id,
        number: team.number,
        scenarioId: team.scenario_id,
        scenarioTitle:
          scenarios.find((scenario) => scenario.id === team.scenario_id)?.title ?? null,
        members: listTeamMembers(this.db, team.id).map((id) => ({
          id,
          name: getMember(this.db, id)?.name ?? '',
        })),
        scores,
        total: Object.values(scores).reduce((sum, points) => sum + points, 0),
      };
    });
  }

  private requireMember(context: LiveContext, memberId: number): void {
    if (getMember(this.db, memberId)?.cohort_id !== context.cohortId) {
      throw new RejectedRequest('errors.group.notInGroup');
    }
  }
}
