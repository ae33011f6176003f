/**
 * Pure edits of a pack draft, the manifest as `pack.yaml` holds it: read and write a field by its
 * path, reorder lists, start a new pack or a duplicate, add up the agenda, and say where a problem
 * is in words a coordinator knows. Every change returns a new draft; nothing is mutated.
 */
import type { TFunction } from 'i18next';
import type { AgendaItemDraft, PackDraft } from '../../../electron/content/pack/draft';
import { formatPath, type PackProblem } from '../../../electron/shared/pack/problems';

export type Path = readonly (string | number)[];

export function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of `root` with the value at `path` replaced; `undefined` removes an object's key. */
export function setAt<T>(root: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const child = getAt(root, [head!]);
  const value =
    rest.length === 0 ? next : setAt(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, next);
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = value;
    return copy as T;
  }
  const copy = { ...(root as Record<string, unknown>) };
  if (value === undefined) delete copy[head as string];
  else copy[head as string] = value;
  return copy as T;
}

/** The list with the entry at `from` moved to `to`. */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length)
    return [...list];
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved!);
  return copy;
}

export function removeEntry<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

/** `base`, `base-2`, `base-3`…: the first not in `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  if (!used.has(stem)) return stem;
  for (let number = 2; ; number += 1)
    if (!used.has(`${stem}-${number}`)) return `${stem}-${number}`;
}

/** A small pack that already passes `pack:check`: one opening item with its slide. */
export function newPackDraft(takenIds: Iterable<string>): PackDraft {
  return {
    format: 1,
    id: uniqueId('new-session', takenIds),
    version: '1.0.0',
    title: 'New session',
    program: 'Our program',
    language: 'en',
    minutes: 60,
    audience: 'client-group',
    agenda: [{ id: 'welcome', title: 'Welcome', kind: 'opening', minutes: 5, slides: ['welcome'] }],
    slides: [
      { id: 'welcome', markdown: '# Welcome\n\n- Take names, not IDs\n- One voice at a time' },
    ],
  };
}

/** The same pack under a new id and title, at version 1.0.0: a new pack of the clinic's own. */
export function duplicateDraft(draft: PackDraft, takenIds: Iterable<string>): PackDraft {
  return {
    ...draft,
    id: uniqueId(`${draft.id}-copy`, takenIds),
    title: `${draft.title} (copy)`,
    version: '1.0.0',
  };
}

export function newAgendaItem(draft: PackDraft): AgendaItemDraft {
  const id = uniqueId(
    'item',
    draft.agenda.map((item) => item.id),
  );
  return { id, title: 'New item', kind: 'didactic', minutes: 10 };
}

/** Removes an agenda item and the slides only it showed. */
export function removeAgendaItem(draft: PackDraft, index: number): PackDraft {
  const removed = draft.agenda[index];
  if (!removed) return draft;
  const agenda = removeEntry(draft.agenda, index);
  const stillShown = new Set(agenda.flatMap((item) => item.slides ?? []));
  const orphans = new Set((removed.slides ?? []).filter((id) => !stillShown.has(id)));
  return {
    ...draft,
    agenda,
    slides: (draft.slides ?? []).filter((slide) => !orphans.has(slide.id)),
  };
}

/** Adds a new Markdown slide to an agenda item (and to the pack's slides). */
export function addSlideToItem(draft: PackDraft, itemIndex: number): PackDraft {
  const item = draft.agenda[itemIndex];
  if (!item) return draft;
  const slides = draft.slides ?? [];
  const id = uniqueId(
    `${item.id}-${(item.slides ?? []).length + 1}`,
    slides.map((s) => s.id),
  );
  const withSlide = { ...draft, slides: [...slides, { id, markdown: `# ${item.title}` }] };
  return setAt(withSlide, ['agenda', itemIndex, 'slides'], [...(item.slides ?? []), id]);
}

export interface AgendaTotals {
  minutes: number;
  planned: number;
  /** Each item's start in minutes from the session's start, from the durations before it. */
  starts: number[];
}

export function agendaTotals(draft: PackDraft): AgendaTotals {
  const starts: number[] = [];
  let minutes = 0;
  for (const item of draft.agenda) {
    starts.push(minutes);
    minutes += Number.isFinite(item.minutes) ? item.minutes : 0;
  }
  return { minutes, planned: draft.minutes, starts };
}

export function clockLabel(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(Math.round(minutes) % 60).padStart(2, '0')}`;
}

/** Problems whose field is exactly `path`. */
export function problemsAt(problems: readonly PackProblem[], path: Path): PackProblem[] {
  const key = formatPath(path);
  return problems.filter((problem) => problem.path === key);
}

/** Problems at `path` or anywhere inside it. */
export function problemsUnder(problems: readonly PackProblem[], path: Path): PackProblem[] {
  const key = formatPath(path);
  return problems.filter(
    (problem) =>
      problem.path === key ||
      (problem.path.startsWith(key) && /^[.[]/.test(problem.path.slice(key.length))),
  );
}

/** The fields a problem names, by their manifest key (`problemPath.fields.<key>`). */
const NAMED_FIELDS = new Set([
  'minutes',
  'clock',
  'title',
  'id',
  'kind',
  'summary',
  'markdown',
  'prompt',
  'answer',
  'feedback',
  'options',
  'program',
  'language',
  'version',
  'maxPoints',
  'points',
  'media',
  'quizItems',
  'slides',
  'instructions',
  'cues',
  'teaches',
  'option',
  'quote',
  'guidance',
  'note',
  'url',
  'breakout',
  'reportBack',
  'poll',
  'discussion',
]);
const NAMED_SECTIONS = new Set(['game', 'media', 'relaxation', 'quiz', 'toolbox']);

/** Where a problem is, as the editor names it: `Agenda item 2 “Quiz” › Minutes`. */
export function describeProblemPath(
  draft: PackDraft,
  path: string,
  t: TFunction<'editor'>,
): string {
  const agenda = /^agenda\[(\d+)\](.*)$/.exec(path);
  const slide = /^slides\[(\d+)\](.*)$/.exec(path);
  const quiz = /^quiz\.items\[(\d+)\](.*)$/.exec(path);
  const inField = (where: string, rest: string) => {
    const name = /\.([A-Za-z]+)(?:\[\d+\])?$/.exec(rest)?.[1];
    if (!name) return where;
    const field = NAMED_FIELDS.has(name) ? t(`problemPath.fields.${name}`) : name;
    return t('problemPath.inField', { where, field });
  };
  if (agenda) {
    const position = Number(agenda[1]) + 1;
    const title = draft.agenda[position - 1]?.title;
    return inField(
      title
        ? t('problemPath.agendaItemNamed', { position, title })
        : t('problemPath.agendaItem', { position }),
      agenda[2]!,
    );
  }
  if (slide) {
    const index = Number(slide[1]);
    return inField(
      t('problemPath.slide', { position: index + 1, id: draft.slides?.[index]?.id ?? '' }),
      slide[2]!,
    );
  }
  if (quiz)
    return inField(t('problemPath.quizQuestion', { position: Number(quiz[1]) + 1 }), quiz[2]!);
  if (path === '') return t('problemPath.pack');
  const top = /^([A-Za-z]+)/.exec(path)?.[1] ?? path;
  return NAMED_SECTIONS.has(top)
    ? inField(t(`problemPath.sections.${top}`), path.slice(top.length))
    : inField(t('problemPath.sections.session'), `.${path}`);
}
