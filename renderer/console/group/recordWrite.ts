import type { RequestOf } from '../../../electron/ipc/contract';
import type { ConsoleView } from '../../../electron/services/session/views';
import { call, consoleApi } from '../../platform/kiosk';

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

export function useRecordWrite(
  onView: (view: ConsoleView) => void,
  onError: (message: string) => void,
): RecordWrite {
  return (channel, args) => {
    call(api, channel as 'group:addMember', args as RequestOf<'group:addMember'>).then(
      onView,
      (error: Error) => onError(error.message),
    );
  };
}
