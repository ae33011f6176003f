import { strToU8, zipSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIMAL_PACK } from '../helpers/packs';
import { expect, test } from './support/fixtures';
import { PacksPage } from './support/pages';
import { makeDataDir, startShell } from './support/webShell';

const zipOf = (yaml: string) => Buffer.from(zipSync({ 'mini/pack.yaml': strToU8(yaml) }));

/** A shell on a fresh data folder whose curricula/ holds a pack that does not load. */
async function shellWithBrokenPack(yaml: string) {
  const data = makeDataDir();
  const folder = join(data.path, 'curricula', 'broken');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'pack.yaml'), yaml);
  return { data, shell: await startShell(data.path) };
}

test('the console lists the built-in packs', async ({ shell, page }) => {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  await expect(packs.card('hhrp-group-5')).toContainText(
    'Negotiating Harm Reduction with Partners',
  );
  await expect(packs.card('hhrp-group-5')).toContainText(
    'HHRP+ · session 5 · Client group · 120 min · 15 agenda items',
  );
  await expect(packs.card('hhrp-group-5')).toContainText('2 warnings');
  await expect(packs.card('harm-reduction-101')).toContainText('Provider workshop');
  await expect(packs.card('projector-check')).toBeVisible();
});

test('a third-party pack imported as a .zip appears in the console; a second import asks before replacing', async ({
  shell,
  page,
}) => {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);

  await packs.importZip('mini.zip', zipOf(MINIMAL_PACK));
  await expect(page.getByRole('status')).toContainText('Imported “Mini pack” 1.0.0.');
  await expect(packs.card('mini-pack')).toContainText('imported');

  await packs.importZip(
    'mini.zip',
    zipOf(MINIMAL_PACK.replace('version: 1.0.0', 'version: 2.0.0')),
  );
  const dialog = page.getByRole('alertdialog', { name: 'Replace pack?' });
  await expect(dialog).toContainText('already installed (imported: “Mini pack” version 1.0.0)');
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('status')).toContainText('Replaced “Mini pack” 2.0.0.');
  await expect(packs.card('mini-pack')).toContainText('version 2.0.0');
});

test('importing a broken pack shows where it is wrong and changes nothing', async ({
  shell,
  page,
}) => {
  const packs = new PacksPage(page);
  await packs.open(shell.consoleUrl);
  await packs.importZip(
    'bad.zip',
    zipOf(MINIMAL_PACK.replace('slides: [hello]', 'slides: [missing]')),
  );
  await expect(page.getByRole('alert')).toContainText(
    'pack.yaml:14 agenda[0].slides[0]: no slide with id "missing"',
  );
  await expect(packs.card('mini-pack')).toHaveCount(0);
});

test('a broken pack in the data folder is listed with its errors while the others load', async ({
  page,
}) => {
  const { data, shell } = await shellWithBrokenPack(
    MINIMAL_PACK.replace('    minutes: 10', '    minutes: lots'),
  );
  try {
    const packs = new PacksPage(page);
    await packs.open(shell.consoleUrl);
    await expect(packs.broken).toContainText(
      'pack.yaml:13 agenda[0].minutes: Invalid input: expected number',
    );
    await expect(packs.card('hhrp-group-5')).toBeVisible();
  } finally {
    await shell.stop();
    data.remove();
  }
});

test('a pack folder can be imported with the folder picker', async ({ shell, page }) => {
  const source = makeDataDir();
  const folder = join(source.path, 'folder-pack');
  mkdirSync(join(folder, 'slides'), { recursive: true });
  writeFileSync(
    join(folder, 'pack.yaml'),
    MINIMAL_PACK.replace('id: mini-pack', 'id: folder-pack').replace(
      '    markdown: "# Hello"',
      '    file: slides/hello.md',
    ),
  );
  writeFileSync(join(folder, 'slides', 'hello.md'), '# Hello from a folder\n');
  try {
    const packs = new PacksPage(page);
    await packs.open(shell.consoleUrl);
    await packs.folderInput.setInputFiles(folder);
    await expect(page.getByRole('status')).toContainText('Imported “Mini pack” 1.0.0.');
    await expect(packs.card('folder-pack')).toBeVisible();
  } finally {
    source.remove();
  }
});

test('in a Spanish console a broken pack, its warnings and a refused import are worded in Spanish, and in English again after switching back', async ({
  page,
}) => {
  const { data, shell } = await shellWithBrokenPack(
    MINIMAL_PACK.replace('    minutes: 10', '    minutes: lots').replace(
      'slides: [hello]',
      'slides: [missing]',
    ),
  );
  try {
    const packs = new PacksPage(page);
    await packs.open(shell.consoleUrl);
    await page.getByLabel('Console language').selectOption('es');
    const broken = page.getByRole('region', { name: 'Paquetes que no se pudieron cargar' });
    // Where stays as the file says it; what is wrong is in the console's language.
    await expect(broken).toContainText(
      'pack.yaml:13 agenda[0].minutes: Entrada inválida: se esperaba número, recibido texto',
    );
    const warnings = packs.card('hhrp-group-5').locator('details');
    await warnings.locator('summary').click();
    await expect(warnings.getByRole('listitem').first()).toContainText('aviso:');
    await packs.importZip('not-a-pack.zip', Buffer.from('not a zip'));
    await expect(page.getByRole('alert')).toContainText('este no es un archivo .zip legible');

    await page.getByLabel('Idioma de la consola').selectOption('en');
    await expect(page.getByRole('alert')).toContainText('this is not a readable .zip file');
    await expect(packs.broken).toContainText(
      'pack.yaml:13 agenda[0].minutes: Invalid input: expected number, received string',
    );
  } finally {
    await shell.stop();
    data.remove();
  }
});
