import { createI18n } from '../../../electron/shared/i18n';
import { describe, expect, it } from 'vitest';
import { bumpVersion, checkDraft, freeId } from '../../../electron/content/pack/draft';
import {
  addSlideToItem,
  agendaTotals,
  describeProblemPath,
  duplicateDraft,
  getAt,
  moveEntry,
  newAgendaItem,
  newPackDraft,
  problemsUnder,
  removeAgendaItem,
  setAt,
  uniqueId,
} from '../../../renderer/console/editor/draftEdits';

const noFiles = { exists: () => false, read: () => '' };

describe('editing a pack draft', () => {
  it('reads and writes fields by path without changing the original', () => {
    const draft = newPackDraft([]);
    const changed = setAt(draft, ['agenda', 0, 'minutes'], 7);
    expect(getAt(changed, ['agenda', 0, 'minutes'])).toBe(7);
    expect(draft.agenda[0]!.minutes).toBe(5);
    expect(changed.slides).toBe(draft.slides);
    const withoutClock = setAt(
      setAt(draft, ['agenda', 0, 'clock'], '0:00'),
      ['agenda', 0, 'clock'],
      undefined,
    );
    expect('clock' in withoutClock.agenda[0]!).toBe(false);
    expect(setAt({}, ['quiz', 'items', 0, 'id'], 'q1')).toEqual({
      quiz: { items: [{ id: 'q1' }] },
    });
  });

  it('moves and removes entries', () => {
    expect(moveEntry(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveEntry(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveEntry(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
  });

  it('starts a new pack that already passes pack:check, with an id no pack has', () => {
    const draft = newPackDraft(['new-session']);
    expect(draft.id).toBe('new-session-2');
    expect(checkDraft(draft, noFiles).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('duplicates under a new id and title at version 1.0.0', () => {
    const draft = { ...newPackDraft([]), id: 'group-5', version: '2.3.4', title: 'Group 5' };
    expect(duplicateDraft(draft, ['group-5', 'group-5-copy'])).toMatchObject({
      id: 'group-5-copy-2',
      title: 'Group 5 (copy)',
      version: '1.0.0',
    });
  });

  it('adds items and slides, and removing an item drops the slides only it showed', () => {
    let draft = newPackDraft([]);
    draft = { ...draft, agenda: [...draft.agenda, newAgendaItem(draft)] };
    draft = addSlideToItem(draft, 1);
    expect(draft.agenda[1]).toMatchObject({ id: 'item', slides: ['item-1'] });
    expect(draft.slides?.map((slide) => slide.id)).toEqual(['welcome', 'item-1']);
    expect(checkDraft(draft, noFiles).filter((p) => p.severity === 'error')).toEqual([]);
    const removed = removeAgendaItem(draft, 1);
    expect(removed.agenda).toHaveLength(1);
    expect(removed.slides?.map((slide) => slide.id)).toEqual(['welcome']);
  });

  it('adds up the agenda against the planned length, with each item start', () => {
    let draft = newPackDraft([]);
    draft = { ...draft, agenda: [...draft.agenda, { ...newAgendaItem(draft), minutes: 20 }] };
    expect(agendaTotals(draft)).toEqual({ minutes: 25, planned: 60, starts: [0, 5] });
  });

  it('says where a problem is in the words of the editor, in the console’s language', () => {
    const draft = newPackDraft([]);
    const en = createI18n('en').getFixedT('en', 'editor');
    const where = (path: string) => describeProblemPath(draft, path, en);
    expect(where('agenda[0].minutes')).toBe('Agenda item 1 “Welcome” › Minutes');
    expect(where('slides[0].markdown')).toBe('Slide 1 “welcome” › Markdown');
    expect(where('quiz.items[1].answer')).toBe('Quiz question 2 › Answer');
    expect(where('game.maxPoints')).toBe('Team game › Maximum points');
    expect(where('minutes')).toBe('Session › Minutes');
    expect(where('')).toBe('The pack');
    const es = createI18n('es').getFixedT('es', 'editor');
    expect(describeProblemPath(draft, 'agenda[0].minutes', es)).toBe(
      'Actividad 1 de la agenda “Welcome” › Minutos',
    );
    const problems = checkDraft(setAt(draft, ['agenda', 0, 'minutes'], -1), noFiles);
    expect(problemsUnder(problems, ['agenda', 0]).map((p) => p.path)).toEqual([
      'agenda[0].minutes',
    ]);
    expect(problemsUnder(problems, ['agenda', 1])).toEqual([]);
  });

  it('names ids and versions', () => {
    expect(uniqueId('Talking it through!', [])).toBe('talking-it-through');
    expect(uniqueId('q1', ['q1', 'q1-2'])).toBe('q1-3');
    expect(freeId('hhrp-group-5', 'local', new Set(['hhrp-group-5-local']))).toBe(
      'hhrp-group-5-local-2',
    );
    expect(freeId('hhrp-group-5-local', 'local', new Set())).toBe('hhrp-group-5-local');
    expect(bumpVersion('1.1.0')).toBe('1.1.1');
  });
});
