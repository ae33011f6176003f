import type { SelfEntry } from '../../services/group/selfEntry';
import type { SessionService } from '../../services/session/sessionService';
import { announceSelfEntryStep } from '../rules';
import type { ChannelsNamed, EventSink, HandlersOf } from './domain';

export function selfEntryHandlers(
  selfEntry: SelfEntry,
  sessions: SessionService,
  emit: EventSink,
): HandlersOf<ChannelsNamed<'selfEntry'>> {
  const announced = <T>(result: T): T =>
    announceSelfEntryStep(() => emit('selfEntry:changed', selfEntry.view()), sessions, result);
  return {
    'selfEntry:view': () => selfEntry.view(),
    'selfEntry:begin': ({ memberId }) => announced(selfEntry.begin(memberId)),
    'selfEntry:answer': ({ itemId, answer }) => announced(selfEntry.answer(itemId, answer)),
    'selfEntry:back': () => announced(selfEntry.back()),
    'selfEntry:finish': async ({ pin }) => announced(await selfEntry.finish(pin)),
  };
}
