import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeck } from '../content/deck';
import { openDatabase, type Db } from '../db/database';
import type { EventName, EventPayloads } from '../ipc/contract';
import { createRouter, type Handlers, type Router } from '../ipc/router';
import { ShowService, type Clock } from '../services/show/showService';

export type EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface KioskCoreOptions {
  /** Where the records database lives (Electron: userData; browser shell: --data). */
  dataDir: string;
  /** The app's read-only resources: built-in curricula and sample media. */
  resourcesDir: string;
  clock?: Clock;
  log?: (message: string) => void;
}

export interface KioskCore {
  readonly router: Router;
  readonly databaseFile: string;
  readonly db: Db;
  onEvent(sink: EventSink): () => void;
  close(): void;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite3';

/** Everything both shells share: the database, the services and the IPC router. */
export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const clock = options.clock ?? { now: () => Date.now() };
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile);
  const sinks = new Set<EventSink>();
  const emit: EventSink = (event, payload) => {
    for (const sink of sinks) sink(event, payload);
  };

  try {
    const deck = loadDeck(join(options.resourcesDir, 'curricula', 'demo'));
    const show = new ShowService(db, clock, deck);
    show.subscribe((views) => {
      emit('show:consoleView', views.console);
      emit('show:audienceView', views.audience);
    });

    const handlers: Handlers = {
      'show:consoleView': () => show.consoleView(),
      'show:audienceView': () => show.audienceView(),
      'show:next': () => show.next(),
      'show:previous': () => show.previous(),
      'show:goToSlide': ({ slideNumber }) => show.goToSlide(slideNumber),
    };

    return {
      router: createRouter(handlers, options.log),
      databaseFile,
      db,
      onEvent(sink) {
        sinks.add(sink);
        return () => sinks.delete(sink);
      },
      close() {
        sinks.clear();
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
