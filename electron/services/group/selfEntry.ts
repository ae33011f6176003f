/**
 * The laptop handed to one member for the quiz. Main holds the state (in the database, so a reload
 * or a restart comes back to it): while it runs, the console may call only the self-entry channels
 * until the counselor's PIN ends it, and it is sent nothing but the member's own questions.
 */
import type { Db } from '../../db/database';
import { getMember, listAttendance, listQuizAnswers } from '../../db/queries/group';
import { readSetting, writeSetting } from '../../db/queries/settings';
import type { LockStatus, RecordsLock } from '../access/recordsLock';
import { RejectedRequest } from '../errors';
import type { GroupRecords, LiveContext } from './groupRecords';

const SELF_ENTRY_SETTING = 'self-entry';

export interface SelfEntryView {
  memberName: string;
  /** The pack's language: the member's screen and its spoken prompts use it, not the console's. */
  language: string;
  /** The questions as the member sees them: no answer key, no feedback, no one else's answers. */
  items: { id: string; number: number; prompt: string; options: { key: string; text: string }[] }[];
  /** The question being answered; equal to the number of items once all are answered. */
  position: number;
  /** This member's answers so far (item id to key), so going back shows what they chose. */
  answers: Record<string, string>;
}

interface SelfEntryState {
  sessionId: number;
  memberId: number;
  position: number;
}

export class SelfEntry {
  constructor(
    private readonly db: Db,
    private readonly live: () => LiveContext | null,
    private readonly groupRecords: GroupRecords,
    private readonly lock: RecordsLock,
  ) {}

  /** Whether the laptop is with a member; self-entry of a session no longer running has ended. */
  isActive(): boolean {
    return this.current() !== null;
  }

  view(): SelfEntryView | null {
    const current = this.current();
    if (!current) return null;
    const { state, context } = current;
    return {
      memberName: getMember(this.db, state.memberId)?.name ?? '',
      language: context.pack.language,
      items: (context.pack.quiz?.items ?? []).map((item, index) => ({
        id: item.id,
        number: index + 1,
        prompt: item.prompt,
        options: item.options.map(({ key, text }) => ({ key, text })),
      })),
      position: state.position,
      answers: Object.fromEntries(
        listQuizAnswers(this.db, state.sessionId)
          .filter((row) => row.member_id === state.memberId)
          .map((row) => [row.item_id, row.answer]),
      ),
    };
  }

  begin(memberId: number): SelfEntryView {
    const context = this.live();
    if (!context) throw new RejectedRequest('errors.noSession');
    if (!context.pack.quiz) throw new RejectedRequest('errors.noQuiz');
    if (!this.lock.status().pinSet) {
      throw new RejectedRequest('errors.selfEntry.pinFirst');
    }
    const present = listAttendance(this.db, context.sessionId).some(
      (row) => row.member_id === memberId,
    );
    if (!present) throw new RejectedRequest('errors.selfEntry.checkInFirst');
    this.save({ sessionId: context.sessionId, memberId, position: 0 });
    return this.view()!;
  }

  /** The member answers the question in front of them, and the next one comes. */
  answer(itemId: string, answer: string): SelfEntryView {
    const current = this.current();
    if (!current) throw new RejectedRequest('errors.selfEntry.ended');
    const { state, context } = current;
    const item = context.pack.quiz?.items[state.position];
    if (item?.id !== itemId) throw new RejectedRequest('errors.selfEntry.otherQuestion');
    this.groupRecords.recordAnswer(context, state.memberId, itemId, answer, 'self');
    this.save({ ...state, position: state.position + 1 });
    return this.view()!;
  }

  /** The member goes back a question to change their answer. */
  back(): SelfEntryView {
    const current = this.current();
    if (!current) throw new RejectedRequest('errors.selfEntry.ended');
    this.save({ ...current.state, position: Math.max(0, current.state.position - 1) });
    return this.view()!;
  }

  /** The counselor's PIN gives the laptop back (and unlocks the records, as the PIN does). */
  async finish(pin: string): Promise<LockStatus> {
    const status = await this.lock.unlock(pin);
    writeSetting(this.db, SELF_ENTRY_SETTING, null);
    return status;
  }

  private current(): { state: SelfEntryState; context: LiveContext } | null {
    const state = readSetting(this.db, SELF_ENTRY_SETTING) ?? null;
    const context = this.live();
    if (!state || context?.sessionId !== state.sessionId) return null;
    return { state, context };
  }

  private save(state: SelfEntryState): void {
    writeSetting(this.db, SELF_ENTRY_SETTING, state);
  }
}
