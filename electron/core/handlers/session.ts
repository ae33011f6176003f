import type { SessionService } from '../../services/session/sessionService';
import { commandBackingUpAtEnd, type BackUp } from '../rules';
import type { ChannelsNamed, HandlersOf } from './domain';

export interface SessionHandlerDeps {
  sessions: SessionService;
  /** A group run before has a roster: opening it asks for the PIN (see recordsLock handlers). */
  admitToRoster(cohortName: string, pin: string | undefined): Promise<void>;
  backUp: BackUp;
}

export function sessionHandlers({
  sessions,
  admitToRoster,
  backUp,
}: SessionHandlerDeps): HandlersOf<ChannelsNamed<'session'>> {
  return {
    'session:consoleView': () => sessions.consoleView(),
    'session:audienceView': () => sessions.audienceView(),
    'session:setupOptions': () => sessions.setupOptions(),
    'session:start': async (request) => {
      await admitToRoster(request.cohortName, request.pin);
      return sessions.start(request);
    },
    'session:command': (command) => commandBackingUpAtEnd(sessions, command, backUp),
    'session:resume': () => sessions.resume(),
    'session:rehearse': ({ packId }) => sessions.rehearse(packId),
    'session:prepare': ({ packId }) => sessions.prepare(packId),
    'session:summary': ({ sessionId }) => sessions.summaryOf(sessionId),
  };
}
