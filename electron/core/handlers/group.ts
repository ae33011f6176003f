import type { GroupRecords } from '../../services/group/groupRecords';
import type { SessionService } from '../../services/session/sessionService';
import { writeToLiveGroup } from '../rules';
import type { ChannelsNamed, HandlersOf } from './domain';

/** The running session's group records: each write refreshes the windows (writeToLiveGroup). */
export function groupHandlers(
  sessions: SessionService,
  groupRecords: GroupRecords,
): HandlersOf<ChannelsNamed<'group'>> {
  const write = (change: Parameters<typeof writeToLiveGroup>[1]) =>
    writeToLiveGroup(sessions, change);
  return {
    'group:addMember': ({ name, checkIn }) =>
      write((context) => groupRecords.addMember(context, name, checkIn)),
    'group:setPresent': ({ memberId, present }) =>
      write((context) => groupRecords.setPresent(context, memberId, present)),
    'group:setGraduated': ({ memberId, graduated }) =>
      write((context) => groupRecords.setGraduated(context, memberId, graduated)),
    'group:addFlipchart': ({ questionId, text }) =>
      write((context) => groupRecords.addFlipchart(context, questionId, text)),
    'group:removeFlipchart': ({ entryId }) =>
      write((context) => groupRecords.removeFlipchart(context, entryId)),
    'group:answer': ({ memberId, itemId, answer, enteredBy }) =>
      write((context) => groupRecords.recordAnswer(context, memberId, itemId, answer, enteredBy)),
    'group:pollCount': ({ itemId, optionKey, count }) =>
      write((context) => groupRecords.setPollCount(context, itemId, optionKey, count)),
    'group:makeTeams': ({ teamCount }) =>
      write((context) => groupRecords.makeTeams(context, teamCount)),
    'group:score': ({ teamId, criterionId, points }) =>
      write((context) => groupRecords.setScore(context, teamId, criterionId, points)),
  };
}
