import { useEffect, useState } from 'react';
import type { Language } from '../../electron/shared/i18n';
import type { SelfEntryView } from '../../electron/services/group/selfEntry';
import { call, consoleApi } from '../platform/kiosk';
import { applyConsoleLanguage, useConsoleT } from '../shared/i18n/i18n';
import { IdentifyOverlay } from '../shared/IdentifyOverlay';
import { LanguagePicker } from './LanguagePicker';
import { JobProgress } from './jobs/JobProgress';
import { MediaView } from './media/MediaView';
import { SelfEntry } from './group/SelfEntry';
import { ConnectionBanner } from './ConnectionBanner';
import { NoticeBanner } from './NoticeBanner';
import { NoticeArea } from './notices/NoticeArea';
import { NoticesProvider } from './notices/NoticesProvider';
import { PacksView } from './packs/PacksView';
import type { EditorRequest } from './editor/editorRequest';
import { RecordsView } from './records/RecordsView';
import { SessionTab } from './session/SessionTab';
import './session/session.css';

const TABS = ['session', 'media', 'packs', 'records'] as const;
type TabId = (typeof TABS)[number];

const api = consoleApi();

export function ConsoleApp() {
  return (
    <NoticesProvider>
      <ConsoleFrame />
    </NoticesProvider>
  );
}

function ConsoleFrame() {
  const t = useConsoleT();
  const [tab, setTab] = useState<TabId>('session');
  const [language, setLanguage] = useState<Language | null>(null);
  useEffect(() => {
    call(api, 'settings:consoleLanguage', {}).then(
      (choice) => {
        applyConsoleLanguage(choice);
        setLanguage(choice);
      },
      () => applyConsoleLanguage(null),
    );
  }, []);
  // Held here, not in the packs view: an open editor stays mounted (hidden) while the coordinator
  // looks at another tab, so its unsaved draft is there when they come back.
  const [editing, setEditing] = useState<EditorRequest | null>(null);
  // Undefined until main has said whether a member holds the laptop: nothing else shows before.
  const [selfEntry, setSelfEntry] = useState<SelfEntryView | null | undefined>(undefined);
  useEffect(() => {
    const unsubscribe = api.on('selfEntry:changed', setSelfEntry);
    call(api, 'selfEntry:view', {}).then(setSelfEntry, () => setSelfEntry(null));
    return unsubscribe;
  }, []);
  if (selfEntry === undefined) {
    return (
      <main className="console">
        <ConnectionBanner />
        <p className="session-tab__loading">{t('app.loading')}</p>
      </main>
    );
  }
  if (selfEntry) {
    return (
      <main className="console">
        <h1 className="visually-hidden">{t('app.selfEntryHeading')}</h1>
        <ConnectionBanner />
        <SelfEntry view={selfEntry} onView={setSelfEntry} />
      </main>
    );
  }
  return (
    <main className="console">
      <h1 className="visually-hidden">{t('app.heading')}</h1>
      <ConnectionBanner />
      <JobProgress />
      <header className="console__bar">
        <nav className="console__tabs" role="tablist" aria-label={t('app.tabsLabel')}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              onClick={() => setTab(id)}
            >
              {t(`app.tabs.${id}`)}
            </button>
          ))}
        </nav>
        <LanguagePicker choice={language} onChoice={setLanguage} />
      </header>
      <NoticeArea>
        <NoticeBanner />
      </NoticeArea>
      {tab !== 'packs' && (
        <section
          className="console__body"
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`tab-${tab}`}
        >
          {tab === 'session' && <SessionTab />}
          {tab === 'media' && <MediaView />}
          {tab === 'records' && <RecordsView />}
        </section>
      )}
      {(tab === 'packs' || editing) && (
        <section
          className="console__body"
          role="tabpanel"
          id="panel-packs"
          aria-labelledby="tab-packs"
          hidden={tab !== 'packs'}
        >
          <PacksView editing={editing} onEditing={setEditing} />
        </section>
      )}
      <IdentifyOverlay api={consoleApi()} role="console" />
    </main>
  );
}
