import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page, TestInfo } from '@playwright/test';
import { parse } from 'yaml';
import { blockingViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import {
  AudiencePage,
  checkIn,
  ConsolePage,
  GamePanel,
  QuizGridPanel,
  type AttendanceWords,
} from './support/pages';
import type { RunningShell } from './support/webShell';

/**
 * Issue 18, the console's side: the start form, the runner (time bar, agenda, item details, video,
 * relaxation, slide sorter) and the group panels (attendance, flipchart, quiz grid, team game, poll)
 * speak the counselor's language, Spanish here, whatever the pack's.
 */

// Each test runs a whole session on both screens, with axe and screenshots at two sizes.
test.describe.configure({ timeout: 150_000 });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

const GROUP_FIVE = { id: 'hhrp-group-5', title: 'Negotiating Harm Reduction with Partners' };
const HR101 = { id: 'harm-reduction-101', poll: 14 };
const MUESTRA = { id: 'muestra-en-espanol', question: 1, quiz: 3 };
const FIVE = { opening: 0, video: 10, game: 12, relaxation: 14 } as const;

function leaves(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.values(tree as Record<string, unknown>).flatMap(leaves);
}

const catalogText = (language: string, namespace: string, key?: string): string[] => {
  const tree = JSON.parse(
    readFileSync(`resources/locales/${language}/${namespace}.json`, 'utf8'),
  ) as Record<string, unknown>;
  return leaves(key ? tree[key] : tree);
};

/** This area's catalogs: the runner's, the group panels' and the connection banner's words. */
const ours = (language: string) => [
  ...catalogText(language, 'runner'),
  ...catalogText(language, 'group'),
  ...catalogText(language, 'console', 'connection'),
];

/**
 * Every piece of this area's English catalog that Spanish does not share ("Next slide", "Hide
 * question", "Attendance", "Reveal scores and winner"…), as whole words.
 */
const ENGLISH = (() => {
  const spanish = ours('es').join('\n');
  const fragments = ours('en')
    .flatMap((text) => text.split(/\{\{[^}]+\}\}|<\/?\w+>|[.:!?()“”←→·…;,/]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= 3 && !spanish.includes(fragment));
  const escaped = [...new Set(fragments)]
    .sort((a, b) => b.length - a.length)
    .map((fragment) => fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(${escaped.join('|')})\\b`);
})();

/** The words of a pack (titles, notes, cues, questions…), which are the program's, not the kiosk's. */
const packWords = (id: string): string[] =>
  leaves(parse(readFileSync(`resources/curricula/${id}/pack.yaml`, 'utf8')))
    .flatMap((text) => text.split('\n'))
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .sort((a, b) => b.length - a.length);

/**
 * What the counselor reads and hears in `scope`: its text and its labels, tooltips and hints. The
 * previews of the projector are left out (they speak the pack's language), and so are the pack's
 * own words and the names typed in.
 */
async function consoleWords(scope: Locator, exclude: string[] = []): Promise<string> {
  const text = await scope.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.slide-frame').forEach((stage) => stage.remove());
    const labels = [
      ...copy.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
    ].flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    // Each element's text on its own line, so words of neighbours never run together.
    copy.querySelectorAll('*').forEach((element) => element.append('\n'));
    return [copy.textContent ?? '', ...labels].join('\n');
  });
  return exclude.reduce((rest, words) => rest.replaceAll(words, ' '), text);
}

async function expectNoEnglish(scope: Locator, where: string, exclude: string[] = []) {
  const text = await consoleWords(scope, exclude);
  const found = text.match(ENGLISH);
  expect(
    found?.[0] ?? null,
    `English on ${where}: …${found ? text.slice(Math.max(0, found.index! - 60), found.index! + 60) : ''}…`,
  ).toBeNull();
}

/** Buttons, tabs and table headers whose words do not fit their box (clipped or spilling out). */
async function overflowing(scope: Locator): Promise<string[]> {
  return scope
    .locator('button, th, label, summary, .phase, .timebar__rehearsal')
    .evaluateAll((elements) =>
      elements
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => (element.textContent ?? '').trim().slice(0, 60)),
    );
}

/** Screenshots at both laptop sizes, and nothing in `scope` spilling out of its box at either. */
async function shoot(page: Page, testInfo: TestInfo, name: string, scope: Locator) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${size.width}.png`) });
    expect.soft(await overflowing(scope), `${name} at ${size.width}×${size.height}`).toEqual([]);
    // The slide controls keep to one row, as in English: none wraps under the others.
    const rows = await page
      .locator('.runner__controls button')
      .evaluateAll(
        (buttons) => new Set(buttons.map((button) => button.getBoundingClientRect().top)).size,
      );
    expect
      .soft(rows, `${name} at ${size.width}×${size.height}: rows of slide controls`)
      .toBeLessThanOrEqual(1);
  }
  await page.setViewportSize(SIZES[0]);
}

async function expectAccessible(page: Page, view: string) {
  expect
    .soft(await blockingViolations(page), `${view}: serious or critical axe violations`)
    .toEqual([]);
}

/** The projector and the console, the console switched to Spanish at the laptop's size. */
async function openInSpanish(context: BrowserContext, shell: RunningShell) {
  const audience = new AudiencePage(await context.newPage());
  const console = new ConsolePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  await console.open(shell.consoleUrl);
  await console.page.setViewportSize(SIZES[0]);
  await console.page.getByLabel('Console language').selectOption('es');
  await expect(console.page.getByRole('tab', { name: 'Dirigir la sesión' })).toBeVisible();
  return { audience, console };
}

/** The start form, in Spanish, by its Spanish labels. */
async function startInSpanish(
  console: ConsolePage,
  details: { pack: string; group: string; facilitator: string; timeKeeper?: string },
) {
  const form = console.page.getByRole('form', { name: 'Empezar una sesión' });
  await form.getByLabel('Paquete de contenido').selectOption(details.pack);
  await form.getByLabel('Grupo', { exact: true }).fill(details.group);
  await form.getByLabel('Facilitador(a)', { exact: true }).fill(details.facilitator);
  if (details.timeKeeper)
    await form.getByLabel(/Encargado\(a\) del tiempo/).fill(details.timeKeeper);
  await form.getByRole('button', { name: 'Empezar la sesión' }).click();
  await expect(console.currentItem).toBeVisible();
  return console.page.locator('.runner');
}

const ATTENDANCE_SPANISH: AttendanceWords = {
  name: 'Nombre o apodo',
  add: 'Agregar y marcar presente',
  welcome: 'nuevo(a): bienvenida',
};

async function checkInSpanish(console: ConsolePage, names: string[]) {
  const attendance = await checkIn(console.page, names, {
    welcomed: true,
    words: ATTENDANCE_SPANISH,
  });
  await expect(attendance).toContainText(`Asistencia (${names.length} presentes)`);
  return attendance;
}

async function endInSpanish(console: ConsolePage) {
  await console.page.getByRole('button', { name: 'Terminar sesión' }).click();
  const dialog = console.page.getByRole('alertdialog', { name: '¿Terminar la sesión?' });
  await expect(dialog).toContainText('No se puede deshacer.');
  await dialog.getByRole('button', { name: 'Terminar la sesión' }).click();
  await expect(console.page.getByRole('region', { name: /Última sesión/ })).toBeVisible();
}

test('the start form and a rehearsed poll speak Spanish', async ({ shell, context }, testInfo) => {
  const { audience, console } = await openInSpanish(context, shell);

  const form = console.page.getByRole('form', { name: 'Empezar una sesión' });
  await form.getByLabel('Paquete de contenido').selectOption(HR101.id);
  await expect(form).toContainText(/\d+ actividades, \d+ minutos\. .* termina a las \d\d:\d\d\./);
  await expect(form.getByLabel('Grupo', { exact: true })).toHaveAttribute(
    'placeholder',
    'p. ej., grupo del martes por la tarde',
  );
  await expect(form.getByRole('button', { name: 'Ensayar este paquete' })).toBeVisible();
  await expectNoEnglish(form, 'the start form', [
    ...[HR101.id, GROUP_FIVE.id, MUESTRA.id, 'projector-check'].flatMap(packWords),
  ]);
  await expectAccessible(console.page, 'the start form in Spanish');
  await shoot(console.page, testInfo, 'start-form-es', form);

  // A rehearsal runs the poll: the counselor's side of it is Spanish, the English pack's is not.
  await form.getByRole('button', { name: 'Ensayar este paquete' }).click();
  await expect(console.page.getByTestId('rehearsal')).toHaveText('Ensayo: no se guarda nada');
  await shoot(
    console.page,
    testInfo,
    'timebar-rehearsal-es',
    console.page.locator('header.timebar'),
  );
  await console.jumpTo(HR101.poll);
  const poll = console.page.getByTestId('poll');
  await expect(poll).toContainText('Pregunta al grupo');
  await poll.getByRole('button', { name: 'Mostrar la votación en el proyector' }).click();
  await expect(audience.page.getByTestId('audience-poll')).toBeVisible();
  await expect(console.projectorStatus).toHaveText('Proyector: la votación');
  const counts = poll.getByRole('spinbutton');
  for (const [index, count] of [4, 2, 1].entries()) await counts.nth(index).fill(String(count));
  await poll.getByRole('button', { name: /^Revelar los conteos/ }).click();
  await expect(poll.getByRole('button', { name: 'Ocultar los conteos' })).toBeVisible();
  await expect(counts.first()).toHaveAccessibleName(/^Manos para a\. /);
  await expectNoEnglish(poll, 'the poll', packWords(HR101.id));
  await expectAccessible(console.page, 'the poll in Spanish');
  await shoot(console.page, testInfo, 'poll-es', poll);

  // The slide sorter, still in the rehearsal.
  await console.page.getByRole('button', { name: 'Miniaturas…' }).click();
  const sorter = console.page.getByRole('dialog', { name: 'Clasificador de diapositivas' });
  await sorter.getByRole('button', { name: /^Todo el paquete \(\d+ diapositivas\)$/ }).click();
  await expect(sorter.getByRole('button', { name: 'Cerrar (Esc)' })).toBeVisible();
  await expectNoEnglish(sorter, 'the slide sorter', packWords(HR101.id));
  await expectAccessible(console.page, 'the slide sorter in Spanish');
  await shoot(console.page, testInfo, 'sorter-es', sorter);
  await console.page.keyboard.press('Escape');
  await console.page.getByRole('button', { name: 'Terminar ensayo' }).click();
  await expect(form).toBeVisible();
});

test('a Spanish console runs the Spanish pack: runner, attendance, flipchart and quiz grid', async ({
  shell,
  context,
}, testInfo) => {
  const { audience, console } = await openInSpanish(context, shell);
  const runner = await startInSpanish(console, {
    pack: MUESTRA.id,
    group: 'Grupo del martes',
    facilitator: 'Rosa',
    timeKeeper: 'Tomás',
  });
  const members = ['Begoña', 'Íñigo'];
  const typed = [...members, 'Grupo del martes', 'Rosa', 'Tomás'];
  const exclude = [...packWords(MUESTRA.id), ...typed];

  // The time bar, the agenda, the stage and the notes.
  await expect(console.page.locator('header.timebar')).toContainText(
    'Grupo del martes · Rosa · toma el tiempo: Tomás',
  );
  await expect(console.phase).toHaveText('En curso');
  await expect(console.lateness).toContainText('Fin estimado');
  await expect(console.lateness).toContainText('A tiempo');
  await expect(console.itemTimer).toContainText(/Esta actividad \(4 min\)/);
  await expect(console.itemLeft).toHaveText(/^quedan \d:\d\d$/);
  await expect(console.slidePosition).toHaveText(/^Diapositiva 1 de \d+/);
  await expect(console.projectorStatus).toHaveText('Proyector: la diapositiva');
  await expect(console.page.getByRole('button', { name: 'Siguiente →' })).toHaveAttribute(
    'title',
    'Siguiente diapositiva o actividad (→)',
  );
  await expect(console.nextItem).toContainText('4 min · conversación');

  const attendance = await checkInSpanish(console, members);
  await attendance.locator('li', { hasText: 'Begoña' }).getByLabel('se gradúa').click();
  await expect(attendance).toContainText('Se gradúan hoy: Begoña');
  await expect(attendance.locator('li', { hasText: 'Íñigo' })).toContainText(
    '1 sesión · 0 cuestionarios',
  );
  await expectNoEnglish(runner, 'the runner (a slide item and attendance)', exclude);
  await expectAccessible(console.page, 'the runner in Spanish');
  await shoot(console.page, testInfo, 'runner-slide-es', runner);
  await attendance.locator('summary').scrollIntoViewIfNeeded();
  await shoot(console.page, testInfo, 'attendance-es', attendance);

  // The flipchart: typed responses go up on the projector as they come.
  await console.jumpTo(MUESTRA.question);
  const question = console.question('que-ayuda');
  await expect(question.getByRole('heading', { name: 'Pregunta · rotafolio' })).toBeVisible();
  const flipchart = console.page.getByTestId('flipchart-que-ayuda');
  for (const response of ['Que haya confianza', 'Que nos escuchen']) {
    await flipchart.getByLabel('Respuesta del grupo').fill(response);
    await flipchart.getByRole('button', { name: 'Agregar', exact: true }).click();
    await expect(flipchart).toContainText(response);
  }
  await expect(flipchart.getByRole('button', { name: 'Quitar Que nos escuchen' })).toBeVisible();
  await flipchart.getByRole('button', { name: 'Mostrar el rotafolio en el proyector' }).click();
  await expect(console.projectorStatus).toHaveText('Proyector: el rotafolio');
  await expect(audience.root).toContainText('Que nos escuchen');
  await expect(question.getByRole('button', { name: 'Revelar junto al rotafolio' })).toBeVisible();
  const flipchartWords = [...exclude, 'Que haya confianza', 'Que nos escuchen'];
  await expectNoEnglish(runner, 'the flipchart', flipchartWords);
  await expectAccessible(console.page, 'the flipchart in Spanish');
  await question.scrollIntoViewIfNeeded();
  await shoot(console.page, testInfo, 'flipchart-es', question);

  // The quiz grid: a true/false item in Spanish takes the letter it shows (S or N for sí, no).
  await console.jumpTo(MUESTRA.quiz);
  const quiz = new QuizGridPanel(console.page);
  const grid = quiz.root;
  await expect(grid).toContainText('Respuestas del cuestionario');
  await quiz.cell('Begoña', 'p1').focus();
  for (const key of ['b', 'n']) await console.page.keyboard.press(key);
  await quiz.cell('Íñigo', 'p1').focus();
  for (const key of ['a', 's']) await console.page.keyboard.press(key);
  await expect(quiz.cell('Begoña', 'p2')).toHaveText('N');
  await expect(quiz.cell('Íñigo', 'p2')).toHaveText('S');
  await expect(quiz.cell('Íñigo', 'p2')).toHaveAccessibleName('Íñigo, pregunta 2: S');
  await expect(grid.getByRole('columnheader', { name: 'P1' })).toBeVisible();
  await grid.getByLabel('Entregar la computadora a').selectOption({ label: 'Begoña' });
  await expect(grid).toContainText('hace falta un PIN de los registros');
  await grid.getByRole('button', { name: 'Revelar P1' }).click();
  await expect(console.projectorStatus).toHaveText('Proyector: un resultado del cuestionario');
  await expect(grid.getByRole('button', { name: 'Ocultar P1' })).toBeVisible();
  await expectNoEnglish(runner, 'the quiz grid', exclude);
  await expectAccessible(console.page, 'the quiz grid in Spanish');
  await grid.scrollIntoViewIfNeeded();
  await shoot(console.page, testInfo, 'quiz-grid-es', grid);

  await endInSpanish(console);
});

test('a Spanish console runs Group Five: video, team game, relaxation', async ({
  shell,
  context,
}, testInfo) => {
  const { audience, console } = await openInSpanish(context, shell);
  const runner = await startInSpanish(console, {
    pack: GROUP_FIVE.id,
    group: 'Grupo del jueves',
    facilitator: 'Rosa',
  });
  const members = ['Alba', 'Beto', 'Cruz', 'Dani'];
  const exclude = [...packWords(GROUP_FIVE.id), ...members, 'Grupo del jueves', 'Rosa'];
  await checkInSpanish(console, members);

  // The vignettes video: its controls, what Next will do, and where it stops.
  await console.jumpTo(FIVE.video);
  const video = console.page.getByTestId('video-panel');
  await expect(video).toContainText(/Posición 0:00 \/ \d+:\d\d/);
  await expect(console.page.getByTestId('video-next')).toHaveText(
    'Siguiente reproduce el video hasta el final de Vignette 1.',
  );
  await expect(video.getByRole('button', { name: 'Atrás 10 s' })).toBeVisible();
  await expect(console.page.getByLabel('Volumen del video')).toHaveAttribute(
    'aria-valuetext',
    /^\d+\s?%$/,
  );
  await video.getByRole('button', { name: 'Siguiente marca' }).click();
  await expect(console.page.getByTestId('cue-discussion')).toContainText(
    'Detenido después de Vignette 1',
  );
  await expect(
    console.page.getByRole('button', { name: 'Mostrar la pregunta en el proyector' }),
  ).toBeVisible();
  await expectNoEnglish(runner, 'the video item', [...exclude, 'Vignette']);
  await expectAccessible(console.page, 'a video item in Spanish');
  await shoot(console.page, testInfo, 'runner-video-es', runner);

  // The team game's score sheet, which the room never sees.
  await console.jumpTo(FIVE.game);
  const gamePanel = new GamePanel(console.page);
  const game = gamePanel.root;
  await game.getByRole('button', { name: 'Formar equipos y repartir tarjetas' }).click();
  await expect(game.getByRole('columnheader', { name: /^Equipo 1/ })).toBeVisible();
  const firstBox = game.getByRole('checkbox', { name: /^Equipo 1: / }).first();
  await firstBox.click();
  await expect(firstBox).toBeChecked();
  await expect(game.getByRole('rowheader', { name: /^Total \(de \d+\)$/ })).toBeVisible();
  await expect(
    game.getByRole('button', { name: /^Empezar la práctica de 5 minutos$/ }),
  ).toBeVisible();
  await game.getByRole('button', { name: 'Revelar los puntos y el ganador' }).click();
  await expect(console.projectorStatus).toHaveText('Proyector: los resultados del juego');
  await expectNoEnglish(runner, 'the team game', exclude);
  await expectAccessible(console.page, 'the team game in Spanish');
  await game.scrollIntoViewIfNeeded();
  await shoot(console.page, testInfo, 'game-es', game);

  // Relaxation: the low-light view and its Stop.
  await console.jumpTo(FIVE.relaxation);
  await expect(console.page.getByLabel('Volumen de la relajación')).toBeVisible();
  await console.page.getByRole('button', { name: /^Empezar la relajación \(\d+ min\)$/ }).click();
  const relaxation = console.page.getByRole('dialog', { name: 'Relajación' });
  await expect(relaxation).toContainText('Relajación: la sala está en penumbra');
  await expect(
    relaxation.getByRole('button', { name: 'Detener la relajación (Esc)' }),
  ).toBeFocused();
  await expect(console.phase).toHaveText('Relajación');
  await expect(audience.root).toHaveAttribute('data-relaxation', 'on');
  await expectNoEnglish(relaxation, 'relaxation mode', exclude);
  await expectAccessible(console.page, 'relaxation mode in Spanish');
  await shoot(console.page, testInfo, 'relaxation-es', relaxation);
  await console.page.keyboard.press('Escape');
  await expect(relaxation).toBeHidden();

  // The time bar, late by now or not, says so in Spanish; the whole runner has no English left.
  const bar = console.page.locator('header.timebar');
  await expect(bar).toContainText('Tiempo restante');
  await expect(bar).toContainText(/fin previsto \d\d:\d\d/);
  await expect(bar.getByRole('button', { name: 'Pausar tiempo' })).toBeVisible();
  await expectNoEnglish(runner, 'the runner', exclude);
  await shoot(console.page, testInfo, 'timebar-es', bar);
  await endInSpanish(console);
});
