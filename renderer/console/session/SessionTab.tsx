import { useEffect, useState } from 'react';
import type { SessionCommand } from '../../../electron/shared/session/commands';
import type { ConsoleView } from '../../../electron/services/session/views';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useView } from '../../shared/useView';
import { DisplayBar } from '../displays/DisplayBar';
import { recordWrite } from '../group/recordWrite';
import { KeyHelp } from '../help/KeyHelp';
import { PresenterKeysProvider } from '../keys/PresenterKeys';
import { actionFailure, useAction } from '../notices/useAction';
import { RunnerView } from '../runner/RunnerView';
import { consoleModeOf } from './consoleMode';
import { LiveSessionProvider } from './LiveSession';
import { ResumePrompt } from './ResumePrompt';
import { StartSessionForm } from './StartSessionForm';
import { SummaryView } from './SummaryView';

const api = consoleApi();

export function SessionTab() {
  const t = useConsoleT();
  const {
    view,
    receivedAt,
    error: loadError,
    accept,
  } = useView<ConsoleView>(
    () => call(api, 'session:consoleView', {}),
    (listener) => api.on('session:console', listener),
  );
  const action = useAction('session');
  const { fail, run } = action;
  useEffect(() => {
    if (loadError) fail(actionFailure(loadError));
  }, [loadError, fail]);
  const [pinPrompt, setPinPrompt] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const mode = consoleModeOf(view);

  const send = (request: () => Promise<ConsoleView>) => void run(request, { onDone: accept });
  const command = (sessionCommand: SessionCommand) =>
    send(() => call(api, 'session:command', sessionCommand));
  const write = recordWrite(action, accept);

  return (
    <PresenterKeysProvider
      enabled={mode.mode === 'live'}
      command={command}
      help={() => setHelpOpen((open) => !open)}
    >
      <div className="session-tab">
        <DisplayBar />
        {mode.mode === 'loading' && <p className="session-tab__loading">{t('app.loading')}</p>}
        {mode.mode === 'setup' && (
          <div className="setup">
            <StartSessionForm
              onStart={(request) =>
                void run(() => call(api, 'session:start', request), {
                  onDone: (next) => {
                    setPinPrompt(null);
                    accept(next);
                  },
                  // Locked records: the form asks for the PIN itself, in place of an error.
                  onFailure: (failure) => {
                    if (failure.code !== 'locked') return false;
                    setPinPrompt(failure.message);
                    return true;
                  },
                })
              }
              onRehearse={(packId) => send(() => call(api, 'session:rehearse', { packId }))}
              pinPrompt={pinPrompt}
            />
            {mode.lastEnded && <SummaryView ended={mode.lastEnded} />}
          </div>
        )}
        {mode.mode === 'recovered' && (
          <ResumePrompt
            session={mode.session}
            serverNow={view!.serverNow}
            onResume={() => send(() => call(api, 'session:resume', {}))}
            onEnd={() => command({ type: 'end' })}
          />
        )}
        {mode.mode === 'live' && (
          <LiveSessionProvider
            value={{
              session: mode.session,
              serverNow: view!.serverNow,
              receivedAt,
              command,
              write,
            }}
          >
            <RunnerView onHelp={() => setHelpOpen(true)} />
          </LiveSessionProvider>
        )}
        {helpOpen && <KeyHelp onClose={() => setHelpOpen(false)} />}
      </div>
    </PresenterKeysProvider>
  );
}
