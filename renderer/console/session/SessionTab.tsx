import { useState } from 'react';
import type { SessionCommand } from '../../../electron/services/session/sessionMachine';
import type { ConsoleView } from '../../../electron/services/session/views';
import { call, consoleApi, type KioskCallError } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useView } from '../../shared/useView';
import { usePresenterKeys } from '../actions';
import { DisplayBar } from '../displays/DisplayBar';
import { useRecordWrite } from '../group/GroupPanels';
import { KeyHelp } from '../help/KeyHelp';
import { RunnerView } from '../runner/RunnerView';
import { consoleModeOf } from './consoleMode';
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
  const [error, setError] = useState<string | null>(null);
  const [pinPrompt, setPinPrompt] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const mode = consoleModeOf(view);

  const send = (request: () => Promise<ConsoleView>) => {
    request().then(
      (next) => {
        setError(null);
        accept(next);
      },
      (reason: Error) => setError(reason.message),
    );
  };
  const command = (sessionCommand: SessionCommand) =>
    send(() => call(api, 'session:command', sessionCommand));

  const write = useRecordWrite((next) => {
    setError(null);
    accept(next);
  }, setError);

  const pendingNumber = usePresenterKeys({
    enabled: mode.mode === 'live',
    command,
    help: () => setHelpOpen((open) => !open),
  });

  return (
    <div className="session-tab">
      <DisplayBar onError={setError} />
      {(error ?? loadError) && (
        <p className="console__error" role="alert">
          {error ?? loadError}
        </p>
      )}
      {mode.mode === 'loading' && <p className="session-tab__loading">{t('app.loading')}</p>}
      {mode.mode === 'setup' && (
        <div className="setup">
          <StartSessionForm
            onStart={(request) => {
              call(api, 'session:start', request).then(
                (next) => {
                  setError(null);
                  setPinPrompt(null);
                  accept(next);
                },
                (reason: KioskCallError) => {
                  if (reason.code === 'locked') setPinPrompt(reason.message);
                  setError(reason.code === 'locked' ? null : reason.message);
                },
              );
            }}
            onRehearse={(packId) => send(() => call(api, 'session:rehearse', { packId }))}
            onError={setError}
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
        <RunnerView
          session={mode.session}
          serverNow={view!.serverNow}
          receivedAt={receivedAt}
          pendingNumber={pendingNumber}
          command={command}
          write={write}
          onHelp={() => setHelpOpen(true)}
        />
      )}
      {helpOpen && <KeyHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
