import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deckOf } from '../../electron/content/pack/deck';
import { isLoaded, loadPackFolder } from '../../electron/content/pack/registry';
import { openDatabase, type Db } from '../../electron/db/database';
import { listShowEvents } from '../../electron/db/queries/showEvents';
import { RejectedRequest } from '../../electron/ipc/router';
import { ShowService } from '../../electron/services/show/showService';
import { makeTempDir } from '../helpers/tempDir';

const projectorCheck = loadPackFolder(
  resolve('resources/curricula/projector-check'),
  'built-in',
  (id, path) => `/media/packs/${id}/${path}`,
);
if (!isLoaded(projectorCheck)) throw new Error('projector-check pack is broken');
const deck = deckOf(projectorCheck);
const clock = { now: () => 1_700_000_000_000 };
let dir: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'));
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('ShowService', () => {
  it('starts on slide 1 and moves within the deck', () => {
    const show = new ShowService(db, clock, deck);
    expect(show.consoleView().current.number).toBe(1);
    expect(show.previous().current.number).toBe(1);
    expect(show.next().current.number).toBe(2);
    expect(show.goToSlide(3).next).toBeNull();
    expect(show.next().current.number).toBe(3);
    expect(() => show.goToSlide(99)).toThrow(RejectedRequest);
  });

  it('writes each change to the event log before telling the windows', () => {
    const show = new ShowService(db, clock, deck);
    const seenInDb: number[] = [];
    show.subscribe(() => seenInDb.push(listShowEvents(db).length));
    show.next();
    show.next();
    expect(seenInDb).toEqual([1, 2]);
    expect(listShowEvents(db).map((row) => row.at_ms)).toEqual([clock.now(), clock.now()]);
  });

  it('records nothing when the position does not change', () => {
    const show = new ShowService(db, clock, deck);
    show.previous();
    show.goToSlide(1);
    expect(listShowEvents(db)).toHaveLength(0);
  });

  it('resumes on the same slide from the log after a restart', () => {
    new ShowService(db, clock, deck).goToSlide(3);
    db.close();
    db = openDatabase(join(dir.path, 'kiosk.sqlite3'));
    const resumed = new ShowService(db, clock, deck);
    expect(resumed.consoleView().current.number).toBe(3);
    expect(resumed.audienceView().slide.number).toBe(3);
    expect(resumed.consoleView().revision).toBe(1);
  });

  it('keeps notes out of the audience view', () => {
    const show = new ShowService(db, clock, deck);
    const audience = JSON.stringify(show.audienceView());
    expect(show.consoleView().current.notes).not.toBe('');
    expect(audience).not.toContain(show.consoleView().current.notes);
    expect(audience).not.toContain('notes');
  });
});

describe('deckOf', () => {
  it('renders the pack Markdown in agenda order', () => {
    expect(deck.slides[0]?.html).toContain('<h1>Welcome</h1>');
    expect(deck.slides[0]?.html).toContain('<strong>Facilitator Kiosk</strong>');
  });
});
