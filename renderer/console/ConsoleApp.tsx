import { useEffect, useState } from 'react';
import type { SelfEntryView } from '../../electron/services/group/selfEntry';
import { call, consoleApi } from '../platform/kiosk';
import { IdentifyOverlay } from '../shared/IdentifyOverlay';
import { JobProgress } from './jobs/JobProgress';
import { MediaView } from './media/MediaView';
import { SelfEntry } from './group/SelfEntry';
import { ConnectionBanner } from './ConnectionBanner';
import { NoticeBanner } from './NoticeBanner';
import { PacksView } from './packs/PacksView';
import type { EditorRequest } from './editor/PackEditor';
import { RecordsView } from './records/RecordsView';
import { SessionTab } from './session/SessionTab';
import './session/session.css';

const TABS = [
  { id: 'session', label: 'Run session' },
  { id: 'media', label: 'Media' },
  { id: 'packs', label: 'Content packs' },
  { id: 'records', label: 'Records' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const api = consoleApi();

export function ConsoleApp() {
  const [tab, setTab] = useState<TabId>('session');
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
        <p className="session-tab__loading">Opening the kiosk…</p>
      </main>
    );
  }
  if (selfEntry) {
    return (
      <main className="console">
        <h1 className="visually-hidden">Facilitator Kiosk: quiz self-entry</h1>
        <ConnectionBanner />
        <SelfEntry view={selfEntry} onView={setSelfEntry} />
      </main>
    );
  }
  return (
    <main className="console">
      <h1 className="visually-hidden">Facilitator Kiosk console</h1>
      <ConnectionBanner />
      <NoticeBanner />
      <JobProgress />
      <nav className="console__tabs" role="tablist" aria-label="Console views">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </nav>
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
