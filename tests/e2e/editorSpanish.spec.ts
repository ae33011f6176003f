import type { Locator, Page } from '@playwright/test';
import { blockingViolations } from './support/axe';
import { englishLeftovers } from './support/catalogWords';
import { expect, test } from './support/fixtures';
import { PacksPage } from './support/pages';

/** Issue 18: the pack editor in the counselor's Spanish (the pack being edited is Spanish too). */

/** Every piece of the editor's English catalog that its Spanish one does not share. */
const ENGLISH = englishLeftovers('editor', 4);

/**
 * What the editor says in its own words: text, hidden labels and accessible names. Left out: the
 * pack's own content (ids, the Markdown) and main's pack-check messages (another catalog's).
 */
async function editorWords(root: Locator): Promise<string> {
  return root.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const skipped of copy.querySelectorAll('.field__problems, code, .cm-editor, .slide-frame'))
      skipped.remove();
    return [
      copy.textContent ?? '',
      ...[...copy.querySelectorAll('[aria-label], [title], [alt]')].flatMap((node) =>
        ['aria-label', 'title', 'alt'].map((name) => node.getAttribute(name) ?? ''),
      ),
    ].join('\n');
  });
}

async function expectSpanish(root: Locator, where: string) {
  const text = await editorWords(root);
  const found = text.match(ENGLISH);
  expect(
    found?.[0] ?? null,
    `English in ${where}: …${found ? text.slice(Math.max(0, found.index! - 40), found.index! + 40) : ''}…`,
  ).toBeNull();
}

async function expectAccessible(page: Page, view: string) {
  expect
    .soft(await blockingViolations(page), `${view}: serious or critical axe violations`)
    .toEqual([]);
}

test('the pack editor in Spanish: every section, the Markdown editor and its preview, and a kept draft offered back', async ({
  shell,
  page,
}) => {
  test.setTimeout(120_000);
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  await page.getByLabel('Console language').selectOption('es');
  const editor = page.getByRole('region', { name: 'Editor de paquetes' });
  const openSample = async () => {
    await packs
      .card('muestra-en-espanol')
      .getByRole('button', { name: /^(Edit|Editar)/ })
      .first()
      .click();
  };
  await openSample();
  await expect(page.getByTestId('check-summary')).toHaveText(/^(Válido|\d+ errores? que)/);
  const nav = editor.getByRole('navigation', { name: 'Secciones del paquete' });
  for (const section of [
    'Sesión',
    'Agenda',
    'Diapositivas',
    'Cuestionario',
    'Juego en equipos',
    'Videos y audio',
    'Relajación',
    'Historial',
  ]) {
    await nav.getByRole('button', { name: new RegExp(`^${section}`) }).click();
    if (section === 'Diapositivas') {
      await expect(editor.getByRole('textbox', { name: 'Markdown', exact: true })).toBeVisible();
      await expect(
        editor.getByRole('img', { name: 'Vista previa en tamaño de proyector' }),
      ).toBeVisible();
    }
    await expectSpanish(editor, `the pack editor: ${section}`);
    await expectAccessible(page, `the pack editor in Spanish: ${section}`);
  }

  await nav.getByRole('button', { name: /^Sesión/ }).click();
  await editor.getByLabel('Título', { exact: true }).fill('Muestra, con cambios');
  await expect(editor).toContainText(/guardado como borrador en esta computadora a las \d\d:\d\d/);
  // A page already gone with its dialog (a reload, a killed shell) has nothing left to answer.
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  await page.reload();
  await page.getByRole('tab', { name: 'Paquetes de contenido' }).click();
  await openSample();
  const prompt = editor.getByRole('alertdialog', { name: 'Cambios sin guardar' });
  await expect(prompt).toContainText(
    /Tiene cambios sin guardar en “Muestra, con cambios”, de hoy a las \d\d:\d\d/,
  );
  await expectSpanish(editor, 'the kept-draft prompt');
  await expectAccessible(page, 'the kept-draft prompt in Spanish');
  await prompt.getByRole('button', { name: 'Retomar' }).click();
  await expect(editor.getByLabel('Título', { exact: true })).toHaveValue('Muestra, con cambios');
});

test('an invalid edit’s pack-check problems beside the field are in Spanish, and English again after switching back', async ({
  shell,
  page,
}) => {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  await page.getByLabel('Console language').selectOption('es');
  const editor = page.getByRole('region', { name: 'Editor de paquetes' });
  await packs
    .card('muestra-en-espanol')
    .getByRole('button', { name: /^Editar/ })
    .first()
    .click();
  await expect(page.getByTestId('check-summary')).toHaveText(/^(Válido|\d+ errores? que)/);
  await editor
    .getByRole('navigation', { name: 'Secciones del paquete' })
    .getByRole('button', { name: /^Agenda/ })
    .click();
  const item = editor.getByRole('region', { name: 'Actividad 1', exact: true });
  const problemsOf = (label: string, scope = item) =>
    scope
      .locator('.field', { has: page.getByLabel(label, { exact: true }) })
      .locator('.field__problems');
  await item.getByLabel('Minutos', { exact: true }).fill('-3');
  await item.getByLabel('Hora impresa', { exact: true }).fill('half past');
  // A zod issue in zod's Spanish, and one of the schema's own messages in the kiosk's.
  await expect(problemsOf('Minutos')).toHaveText(
    'Demasiado pequeño: se esperaba que número fuera >0',
  );
  await expect(problemsOf('Hora impresa')).toHaveText('escriba una hora como h:mm, p. ej., "1:05"');
  await expectAccessible(page, 'pack-check problems in Spanish');

  await page.getByLabel('Idioma de la consola').selectOption('en');
  const english = page
    .getByRole('region', { name: 'Pack editor' })
    .getByRole('region', { name: 'Agenda item 1', exact: true });
  await expect(problemsOf('Minutes', english)).toHaveText('Too small: expected number to be >0');
  await expect(problemsOf('Printed clock time', english)).toHaveText(
    'write a clock time as h:mm, e.g. "1:05"',
  );
});
