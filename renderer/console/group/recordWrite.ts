import type { RequestOf } from '../../../electron/ipc/contract';
import type { ConsoleView } from '../../../electron/services/session/views';
import { call, consoleApi } from '../../platform/kiosk';
import type { Action } from '../notices/useAction';

const api = consoleApi();

/** Runs a records write; main commits it and pushes fresh views, so nothing is kept here. */
export type RecordWrite = <
  C extends
    | 'group:addMember'
    | 'group:setPresent'
    | 'group:setGraduated'
    | 'group:addFlipchart'
    | 'group:removeFlipchart'
    | 'group:answer'
    | 'group:pollCount'
    | 'group:makeTeams'
    | 'group:score',
>(
  channel: C,
  args: RequestOf<C>,
) => void;

/** Record writes through the session's action: a refusal goes to the console's notice area. */
export function recordWrite(action: Action, onView: (view: ConsoleView) => void): RecordWrite {
  return (channel, args) =>
    void action.run(
      () => call(api, channel as 'group:addMember', args as RequestOf<'group:addMember'>),
      { onDone: onView },
    );
}
