import { useState } from 'react';
import { PacksView } from './packs/PacksView';
import { PresenterView } from './presenter/PresenterView';

const TABS = [
  { id: 'present', label: 'Present' },
  { id: 'packs', label: 'Content packs' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function ConsoleApp() {
  const [tab, setTab] = useState<TabId>('present');
  return (
    <main className="console">
      <h1 className="visually-hidden">Facilitator Kiosk console</h1>
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
      <section
        className="console__body"
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
      >
        {tab === 'present' ? <PresenterView /> : <PacksView />}
      </section>
    </main>
  );
}
