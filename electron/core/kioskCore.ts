import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deckOf, type Deck } from '../content/pack/deck';
import { openDatabase, type Db } from '../db/database';
import type { EventName, EventPayloads } from '../ipc/contract';
import { createRouter, type Handlers, type Router } from '../ipc/router';
import { PackLibrary } from '../services/packs/packLibrary';
import { ShowService, type Clock } from '../services/show/showService';

export type EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface KioskCoreOptions {
  /** Where the records database lives (Electron: userData; browser shell: --data). */
  dataDir: string;
  /** The app's read-only resources: built-in curricula and sample media. */
  resourcesDir: string;
  /** Prefix for media and pack-asset URLs: '' in the browser shell, `kiosk-media://kiosk` in Electron. */
  mediaOrigin?: string;
  clock?: Clock;
  log?: (message: string) => void;
}

export interface KioskCore {
  readonly router: Router;
  readonly databaseFile: string;
  readonly db: Db;
  onEvent(sink: EventSink): () => void;
  /** Maps a `/media/…` URL path to the file it serves, or null when nothing may be served there. */
  resolveMedia(urlPath: string): string | null;
  close(): void;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite3';
export const PROJECTOR_CHECK_PACK = 'projector-check';

const FALLBACK_DECK: Deck = {
  id: 'fallback',
  title: 'Facilitator Kiosk',
  slides: [
    {
      id: 'fallback',
      html: '<h1>Facilitator Kiosk</h1>',
      notes: 'The projector-check pack is missing.',
    },
  ],
};

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
    const mediaOrigin = options.mediaOrigin ?? '';
    const packs = new PackLibrary(
      {
        builtIn: join(options.resourcesDir, 'curricula'),
        imported: join(options.dataDir, 'curricula'),
      },
      (packId, path) =>
        `${mediaOrigin}/media/packs/${encodeURIComponent(packId)}/${path.split('/').map(encodeURIComponent).join('/')}`,
    );
    const projectorCheck = packs.find(PROJECTOR_CHECK_PACK);
    const show = new ShowService(
      db,
      clock,
      projectorCheck ? deckOf(projectorCheck) : FALLBACK_DECK,
    );
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
      'packs:list': () => packs.listView(),
      'packs:import': (request) => {
        const result =
          request.source === 'zip'
            ? packs.importZip(Buffer.from(request.data, 'base64'), request.replace)
            : packs.importFiles(
                request.files.map((file) => ({
                  path: file.path,
                  data: Buffer.from(file.data, 'base64'),
                })),
                request.replace,
              );
        if (result.status === 'imported') emit('packs:changed', packs.listView());
        return result;
      },
    };

    return {
      router: createRouter(handlers, options.log),
      databaseFile,
      db,
      resolveMedia(urlPath) {
        const match = /^\/media\/packs\/([^/]+)\/(.+)$/.exec(urlPath);
        if (!match) return null;
        try {
          return packs.assetPath(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!));
        } catch {
          return null;
        }
      },
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
