/**
 * Checks a manifest that already has the right shape against itself and the pack folder: references,
 * duplicate ids, cue order, points that must add up, and (as warnings) timing.
 */
import MarkdownIt from 'markdown-it';
import {
  QUIZ_OPTION_REFERENCE,
  toSeconds,
  type AgendaItemManifest,
  type PackManifest,
} from './schema';
import { phrase, type Phrase } from '../../shared/i18n/phraseKeys';
import type { PathSegment } from '../../shared/pack/problems';

/** What `checkUnique` finds twice, in the English of `message` (the phrase words it for the console). */
const WHAT = {
  'packCheck.what.agendaItem': 'agenda item',
  'packCheck.what.slide': 'slide',
  'packCheck.what.media': 'media',
  'packCheck.what.quizItem': 'quiz item',
  'packCheck.what.handout': 'handout',
  'packCheck.what.cue': 'cue',
  'packCheck.what.scenario': 'scenario',
  'packCheck.what.criterion': 'criterion',
} as const;

export interface RawProblem {
  severity: 'error' | 'warning';
  path: PathSegment[];
  message: string;
  /** The same message as a phrase of `main`, for the console's language. */
  words?: Phrase;
  /** Set when the problem is in another file than the manifest. */
  file?: string;
}

export interface PackFiles {
  exists(relativePath: string): boolean;
  read(relativePath: string): string;
}

const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.svg', '.gif'];

function clockToMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function formatClock(totalMinutes: number): string {
  return `${Math.floor(totalMinutes / 60)}:${String(totalMinutes % 60).padStart(2, '0')}`;
}

const markdownParser = new MarkdownIt({ html: false, linkify: false });

/** Every image a slide's Markdown shows, inline (`![alt](src)`) or by reference (`![alt][ref]`). */
export function markdownImageSources(markdown: string): string[] {
  const sources: string[] = [];
  for (const token of markdownParser.parse(markdown, {})) {
    for (const child of token.children ?? []) {
      if (child.type === 'image') sources.push(child.attrGet('src') ?? '');
    }
  }
  return sources;
}

/** A Markdown image's file path, or null when its %-escapes do not decode. */
export function imagePath(source: string): string | null {
  try {
    return decodeURI(source);
  } catch {
    return null;
  }
}

function checkUnique(
  problems: RawProblem[],
  entries: readonly { id: string }[],
  base: PathSegment[],
  what: keyof typeof WHAT,
): Set<string> {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        path: [...base, index, 'id'],
        message: `duplicate ${WHAT[what]} id "${entry.id}" (also ${base.join('.')}[${first}])`,
        words: phrase('packCheck.duplicateId', {
          what: phrase(what),
          id: entry.id,
          first: `${base.join('.')}[${first}]`,
        }),
      });
    } else {
      seen.set(entry.id, index);
    }
  });
  return new Set(seen.keys());
}

function checkMarkdownImages(
  problems: RawProblem[],
  files: PackFiles,
  markdown: string,
  where: PathSegment[],
  file?: string,
): void {
  const report = (message: string, words: Phrase) =>
    problems.push({ severity: 'error', path: where, file, message, words });
  for (const source of markdownImageSources(markdown)) {
    const path = imagePath(source);
    const shown = path ?? source;
    if (/^[a-z][a-z0-9+.-]*:/i.test(source))
      report(
        `image "${shown}" must be a file in the pack: the kiosk never loads from the network`,
        phrase('packCheck.image.network', { image: shown }),
      );
    else if (path === null)
      report(
        `image "${source}" has a malformed %-escape; write the file name as it is`,
        phrase('packCheck.image.malformed', { image: source }),
      );
    else if (path.startsWith('/') || path.split('/').includes('..'))
      report(
        `image "${shown}" must be inside the pack folder`,
        phrase('packCheck.image.outside', { image: shown }),
      );
    else if (!files.exists(path))
      report(`image "${shown}" is missing`, phrase('packCheck.image.missing', { image: shown }));
  }
}

/**
 * Lowercase words only, so a quote matches its material whatever the emphasis, punctuation, quote
 * marks or line breaks.
 */
function wordsOf(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[*_`#]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/**
 * What an agenda item delivers: its slides (text and notes), cues, instructions, questions with their
 * answers, role-play lines, video intro and the discussion points at the video's cue points.
 * Current-guidance notes and facilitator suggestions are not the program's material.
 */
function itemMaterial(pack: PackManifest, item: AgendaItemManifest, files: PackFiles): string {
  const slideText = item.slides.flatMap((slideId) => {
    const slide = pack.slides.find((entry) => entry.id === slideId);
    if (!slide) return [];
    const body =
      slide.markdown ??
      (slide.file?.toLowerCase().endsWith('.md') && files.exists(slide.file)
        ? files.read(slide.file)
        : '');
    return [slide.title ?? '', body, slide.notes];
  });
  const media = item.video && pack.media.find((entry) => entry.id === item.video!.media);
  return wordsOf(
    [
      item.title,
      item.summary ?? '',
      ...item.instructions,
      ...item.cues,
      ...slideText,
      ...item.questions.flatMap((question) => [question.prompt, ...question.answers]),
      ...(item.demonstration?.elements.flatMap((element) => [
        element.title,
        ...element.lines.map((line) => line.text),
      ]) ?? []),
      item.video?.intro ?? '',
      ...(media?.cues.flatMap((cue) => [cue.question ?? '', ...cue.points]) ?? []),
      item.poll ? [item.poll.prompt, item.poll.discussion ?? ''].join(' ') : '',
    ].join('\n'),
  );
}

/** The options a quiz item's feedback calls right or wrong: the answer, and any it names as "(x)". */
function optionsJudgedByFeedback(quizItem: NonNullable<PackManifest['quiz']>['items'][number]) {
  const named = [...quizItem.feedback.matchAll(/\(([a-z])\)/g)].map((match) => match[1]!);
  const keys = new Set(quizItem.options.map((option) => option.key));
  return [...new Set([quizItem.answer, ...named])].filter((key) => keys.has(key));
}

/**
 * Every quiz option the feedback calls right or wrong must be taught before the quiz: some agenda
 * item names it in `teaches`, with a quote that really is in that item's material.
 */
function checkTeaching(pack: PackManifest, files: PackFiles, problems: RawProblem[]): void {
  const quizIndex = pack.agenda.findIndex((item) => item.kind === 'quiz');
  const taught = new Set<string>();
  pack.agenda.forEach((item, index) => {
    if (item.teaches.length === 0) return;
    const material = itemMaterial(pack, item, files);
    item.teaches.forEach((teaching, teachingIndex) => {
      const at: PathSegment[] = ['agenda', index, 'teaches', teachingIndex];
      const [, quizId, key] = QUIZ_OPTION_REFERENCE.exec(teaching.option)!;
      const quizItem = pack.quiz?.items.find((entry) => entry.id === quizId);
      if (!quizItem) {
        problems.push({
          severity: 'error',
          path: [...at, 'option'],
          message: `no quiz item with id "${quizId}"`,
          words: phrase('packCheck.noQuizItem', { id: quizId! }),
        });
        return;
      }
      if (!quizItem.options.some((option) => option.key === key)) {
        problems.push({
          severity: 'error',
          path: [...at, 'option'],
          message: `quiz item "${quizId}" has no option "${key}"`,
          words: phrase('packCheck.noQuizOption', { quiz: quizId!, key: key! }),
        });
        return;
      }
      if (!material.includes(wordsOf(teaching.quote))) {
        problems.push({
          severity: 'warning',
          path: [...at, 'quote'],
          message: `"${teaching.quote}" is not in this item's slides, cues, instructions, questions or role-play`,
          words: phrase('packCheck.quoteNotInMaterial', { quote: teaching.quote }),
        });
        return;
      }
      if (quizIndex >= 0 && index > quizIndex) {
        problems.push({
          severity: 'warning',
          path: at,
          message: `this item comes after the quiz, so it cannot prepare ${teaching.option}`,
          words: phrase('packCheck.teachesAfterQuiz', { option: teaching.option }),
        });
        return;
      }
      taught.add(teaching.option);
    });
  });
  pack.quiz?.items.forEach((quizItem, index) => {
    for (const key of optionsJudgedByFeedback(quizItem)) {
      if (taught.has(`${quizItem.id}.${key}`)) continue;
      const verdict = key === quizItem.answer ? 'right' : 'wrong';
      problems.push({
        severity: 'warning',
        path: ['quiz', 'items', index, 'feedback'],
        message: `the feedback calls (${key}) ${verdict}, but no agenda item teaches ${quizItem.id}.${key}`,
        words: phrase(
          verdict === 'right'
            ? 'packCheck.feedbackRightUntaught'
            : 'packCheck.feedbackWrongUntaught',
          { key, option: `${quizItem.id}.${key}` },
        ),
      });
    }
  });
}

export function crossCheck(pack: PackManifest, files: PackFiles): RawProblem[] {
  const problems: RawProblem[] = [];
  const error = (path: PathSegment[], message: string, words: Phrase) =>
    problems.push({ severity: 'error', path, message, words });
  const warn = (path: PathSegment[], message: string, words: Phrase) =>
    problems.push({ severity: 'warning', path, message, words });

  checkUnique(problems, pack.agenda, ['agenda'], 'packCheck.what.agendaItem');
  const slideIds = checkUnique(problems, pack.slides, ['slides'], 'packCheck.what.slide');
  const mediaIds = checkUnique(problems, pack.media, ['media'], 'packCheck.what.media');
  const quizIds = pack.quiz
    ? checkUnique(problems, pack.quiz.items, ['quiz', 'items'], 'packCheck.what.quizItem')
    : new Set<string>();
  checkUnique(problems, pack.toolbox.handouts, ['toolbox', 'handouts'], 'packCheck.what.handout');
  const questionAt = new Map<string, string>();
  pack.agenda.forEach((item, itemIndex) =>
    item.questions.forEach((question, questionIndex) => {
      const first = questionAt.get(question.id);
      const path: PathSegment[] = ['agenda', itemIndex, 'questions', questionIndex, 'id'];
      if (first) {
        error(
          path,
          `duplicate question id "${question.id}" (also ${first})`,
          phrase('packCheck.duplicateId', {
            what: phrase('packCheck.what.question'),
            id: question.id,
            first,
          }),
        );
      } else questionAt.set(question.id, `agenda[${itemIndex}].questions[${questionIndex}]`);
    }),
  );

  pack.slides.forEach((slide, index) => {
    if (slide.file !== undefined) {
      const isImage = IMAGE_EXTENSIONS.some((extension) =>
        slide.file!.toLowerCase().endsWith(extension),
      );
      if (!isImage && !slide.file.toLowerCase().endsWith('.md')) {
        error(
          ['slides', index, 'file'],
          `"${slide.file}" must be Markdown (.md) or an image (${IMAGE_EXTENSIONS.join(', ')})`,
          phrase('packCheck.slideFileKind', {
            file: slide.file,
            extensions: IMAGE_EXTENSIONS.join(', '),
          }),
        );
      } else if (!files.exists(slide.file)) {
        error(
          ['slides', index, 'file'],
          `file "${slide.file}" is missing`,
          phrase('packCheck.fileMissing', { file: slide.file }),
        );
      } else if (!isImage) {
        checkMarkdownImages(
          problems,
          files,
          files.read(slide.file),
          ['slides', index, 'file'],
          slide.file,
        );
      }
    } else if (slide.markdown !== undefined) {
      checkMarkdownImages(problems, files, slide.markdown, ['slides', index, 'markdown']);
    }
  });

  pack.media.forEach((media, index) => {
    const length = toSeconds(media.length);
    if (media.file !== undefined && !files.exists(media.file)) {
      error(
        ['media', index, 'file'],
        `file "${media.file}" is missing`,
        phrase('packCheck.fileMissing', { file: media.file }),
      );
    }
    if (media.kind === 'audio' && media.cues.length > 0)
      error(
        ['media', index, 'cues'],
        'only videos have cue points',
        phrase('packCheck.cuesOnlyVideos'),
      );
    checkUnique(problems, media.cues, ['media', index, 'cues'], 'packCheck.what.cue');
    let previous = -1;
    media.cues.forEach((cue, cueIndex) => {
      const at = toSeconds(cue.at);
      if (at > length)
        error(
          ['media', index, 'cues', cueIndex, 'at'],
          "beyond the media's length",
          phrase('packCheck.cueBeyondLength'),
        );
      else if (at <= previous)
        error(
          ['media', index, 'cues', cueIndex, 'at'],
          'cue points must be in increasing order',
          phrase('packCheck.cuesInOrder'),
        );
      previous = Math.max(previous, at);
    });
  });

  const slideUse = new Map<string, number>();
  const markedQuizItems = new Set<string>();
  let plannedClock = 0;

  pack.agenda.forEach((item, index) => {
    const at: PathSegment[] = ['agenda', index];
    item.slides.forEach((slideId, slideIndex) => {
      if (!slideIds.has(slideId))
        error(
          [...at, 'slides', slideIndex],
          `no slide with id "${slideId}"`,
          phrase('packCheck.noSlide', { id: slideId }),
        );
      slideUse.set(slideId, (slideUse.get(slideId) ?? 0) + 1);
    });
    const markers: [PathSegment[], string][] = [
      ...item.quizItems.map((id, markerIndex): [PathSegment[], string] => [
        [...at, 'quizItems', markerIndex],
        id,
      ]),
      ...item.questions.flatMap((question, questionIndex) =>
        question.quizItems.map((id, markerIndex): [PathSegment[], string] => [
          [...at, 'questions', questionIndex, 'quizItems', markerIndex],
          id,
        ]),
      ),
    ];
    for (const [path, id] of markers) {
      if (!quizIds.has(id))
        error(path, `no quiz item with id "${id}"`, phrase('packCheck.noQuizItem', { id }));
      else markedQuizItems.add(id);
    }

    const needs = (field: 'video' | 'poll' | 'demonstration', kind: string) => {
      if (item.kind === kind && item[field] === undefined)
        error(
          [...at, field],
          `a ${kind} item needs a ${field} section`,
          phrase(`packCheck.section.${field}Needed`),
        );
      if (item.kind !== kind && item[field] !== undefined) {
        error(
          [...at, field],
          `only ${kind} items have a ${field} section (this one is "${item.kind}")`,
          phrase(`packCheck.section.${field}Only`, { kind: item.kind }),
        );
      }
    };
    needs('video', 'video');
    needs('poll', 'poll');
    needs('demonstration', 'demonstration');

    if (item.video) {
      const media = pack.media.find((entry) => entry.id === item.video!.media);
      if (!mediaIds.has(item.video.media))
        error(
          [...at, 'video', 'media'],
          `no media with id "${item.video.media}"`,
          phrase('packCheck.noMedia', { id: item.video.media }),
        );
      else if (media?.kind !== 'video')
        error(
          [...at, 'video', 'media'],
          `"${item.video.media}" is not a video`,
          phrase('packCheck.notVideo', { id: item.video.media }),
        );
    }
    if (item.poll) {
      const keys = new Set(item.poll.options.map((option) => option.key));
      item.poll.answer.forEach((key, answerIndex) => {
        if (!keys.has(key))
          error(
            [...at, 'poll', 'answer', answerIndex],
            `"${key}" is not one of the options`,
            phrase('packCheck.notAnOption', { key }),
          );
      });
    }
    if (item.kind === 'quiz') {
      if (!pack.quiz) {
        error(
          [...at, 'kind'],
          'a quiz item needs the pack to have a quiz section',
          phrase('packCheck.section.quizNeeded'),
        );
      }
    }
    if (item.kind === 'game' && !pack.game)
      error(
        [...at, 'kind'],
        'a game item needs the pack to have a game section',
        phrase('packCheck.section.gameNeeded'),
      );
    if (item.kind === 'relaxation' && !pack.relaxation) {
      error(
        [...at, 'kind'],
        'a relaxation item needs the pack to have a relaxation section',
        phrase('packCheck.section.relaxationNeeded'),
      );
    }

    if (item.clock !== undefined && clockToMinutes(item.clock) !== Math.round(plannedClock)) {
      warn(
        [...at, 'clock'],
        `printed time ${item.clock} does not follow from the durations before it (${formatClock(Math.round(plannedClock))})`,
        phrase('packCheck.clockMismatch', {
          clock: item.clock,
          planned: formatClock(Math.round(plannedClock)),
        }),
      );
    }
    plannedClock =
      item.clock !== undefined
        ? clockToMinutes(item.clock) + item.minutes
        : plannedClock + item.minutes;
  });

  const agendaMinutes = pack.agenda.reduce((total, item) => total + item.minutes, 0);
  if (agendaMinutes !== pack.minutes) {
    warn(
      ['minutes'],
      `the agenda's items add up to ${agendaMinutes} minutes, not ${pack.minutes}`,
      phrase('packCheck.minutesMismatch', { sum: agendaMinutes, minutes: pack.minutes }),
    );
  }

  pack.slides.forEach((slide, index) => {
    if (!slideUse.has(slide.id))
      warn(
        ['slides', index, 'id'],
        `slide "${slide.id}" is not used by any agenda item`,
        phrase('packCheck.slideUnused', { id: slide.id }),
      );
  });

  if (pack.quiz) {
    pack.quiz.items.forEach((item, index) => {
      const keys = item.options.map((option) => option.key);
      if (new Set(keys).size !== keys.length)
        error(
          ['quiz', 'items', index, 'options'],
          'option keys must be different',
          phrase('packCheck.optionKeysDiffer'),
        );
      if (!keys.includes(item.answer))
        error(
          ['quiz', 'items', index, 'answer'],
          `"${item.answer}" is not one of the options`,
          phrase('packCheck.notAnOption', { key: item.answer }),
        );
      if (item.kind === 'true-false' && item.options.length !== 2) {
        error(
          ['quiz', 'items', index, 'options'],
          'a true-false item has exactly two options',
          phrase('packCheck.trueFalseTwoOptions'),
        );
      }
      if (!markedQuizItems.has(item.id)) {
        warn(
          ['quiz', 'items', index],
          `no agenda item is marked as preparing quiz item "${item.id}"`,
          phrase('packCheck.quizItemUnprepared', { id: item.id }),
        );
      }
    });
    if (!pack.agenda.some((item) => item.kind === 'quiz'))
      warn(['quiz'], 'no agenda item of kind "quiz" uses the quiz', phrase('packCheck.quizUnused'));
  }
  checkTeaching(pack, files, problems);

  if (pack.game) {
    const { game } = pack;
    checkUnique(problems, game.scenarios, ['game', 'scenarios'], 'packCheck.what.scenario');
    checkUnique(problems, game.criteria, ['game', 'criteria'], 'packCheck.what.criterion');
    const total =
      game.criteria.reduce((sum, criterion) => sum + criterion.points, 0) +
      (game.bonus?.points ?? 0);
    if (total !== game.maxPoints) {
      error(
        ['game', 'maxPoints'],
        `criteria (${total - (game.bonus?.points ?? 0)}) plus bonus (${game.bonus?.points ?? 0}) add up to ${total}, not ${game.maxPoints}`,
        phrase('packCheck.maxPointsMismatch', {
          criteria: total - (game.bonus?.points ?? 0),
          bonus: game.bonus?.points ?? 0,
          total,
          maxPoints: game.maxPoints,
        }),
      );
    }
  }

  if (pack.relaxation) {
    const media = pack.media.find((entry) => entry.id === pack.relaxation!.media);
    if (!media) {
      error(
        ['relaxation', 'media'],
        `no media with id "${pack.relaxation.media}"`,
        phrase('packCheck.noMedia', { id: pack.relaxation.media }),
      );
    } else if (media.kind !== 'audio') {
      error(
        ['relaxation', 'media'],
        `"${media.id}" is not audio`,
        phrase('packCheck.notAudio', { id: media.id }),
      );
    }
  }

  pack.toolbox.handouts.forEach((handout, index) => {
    if (handout.file !== undefined && !files.exists(handout.file)) {
      error(
        ['toolbox', 'handouts', index, 'file'],
        `file "${handout.file}" is missing`,
        phrase('packCheck.fileMissing', { file: handout.file }),
      );
    }
  });

  return problems;
}
