import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { blockingViolations } from './support/axe';
import { makeDeck } from './support/deck';
import { ConsolePage, UnlockPage } from './support/pages';
import { startShell, type RunningShell } from './support/webShell';

/**
 * Issue 18: Media, Content packs (with the deck import), Records (behind the PIN, with the
 * forgotten-PIN tool), Program and the passphrase window in Spanish, with none of their English
 * left. What main sends (pack titles, its messages, the Program's charts) is not these views'
 * words: it is taken out of the page before the check.
 */

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];
const PIN = '2468';
const PACK_ID = 'muestra-en-espanol';
const GROUP = 'Grupo del jueves';
const MEMBER = 'Begoña';
/** A deck in Spanish, so the page cards hold no English of their own. */
const DECK = [
  ['Bienvenida al grupo', 'Teléfonos en silencio'],
  ['Señales de una sobredosis', 'Respiración lenta'],
  ['Práctica con naloxona', 'En parejas'],
];

type Namespace = 'media' | 'packs' | 'records' | 'unlock';

const catalog = (language: string, namespace: Namespace): unknown =>
  JSON.parse(readFileSync(`resources/locales/${language}/${namespace}.json`, 'utf8'));

function leaves(tree: unknown): string[] {
  return Object.values(tree as Record<string, unknown>).flatMap((value) =>
    typeof value === 'string' ? [value] : leaves(value),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pieces of a namespace's English catalog that its Spanish one does not use as whole words
 * ("Choose file…" → "Choose file", "Sessions attended at least"…), as one whole-word pattern.
 */
function englishOf(namespace: Namespace): RegExp {
  const spanish = leaves(catalog('es', namespace)).join('\n');
  const fragments = leaves(catalog('en', namespace))
    .flatMap((text) => text.split(/\{\{[^}]+\}\}|<\/?\w+>|[.:!?()“”"…,;·+]/))
    .map((fragment) => fragment.trim())
    .filter(
      (fragment) => fragment.length >= 3 && !new RegExp(`\\b${escape(fragment)}\\b`).test(spanish),
    );
  return new RegExp(`\\b(${[...new Set(fragments)].map(escape).join('|')})\\b`);
}

/** Every string in what main sent (titles, names, its own sentences), longest first. */
function stringsOf(value: unknown): string[] {
  const found: string[] = [];
  const walk = (entry: unknown) => {
    if (typeof entry === 'string') found.push(entry);
    else if (entry && typeof entry === 'object') Object.values(entry).forEach(walk);
  };
  walk(value);
  return [...new Set(found)].filter((text) => text.length >= 3).sort((a, b) => b.length - a.length);
}

/** What main answers on a channel, as the console sees it. */
async function fromMain(page: Page, channel: string, args: object = {}): Promise<unknown> {
  return page.evaluate(
    async ({ channel, args }) => {
      const result = await window.kiosk.invoke(channel as never, args as never);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    { channel, args },
  );
}

/** The visible text of a view and its accessible names, hints and placeholders. */
async function wordsOf(root: Locator): Promise<string> {
  return root.evaluate((element) =>
    [
      (element as HTMLElement).innerText,
      ...[...element.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].flatMap(
        (labelled) =>
          ['aria-label', 'title', 'alt', 'placeholder'].map(
            (name) => labelled.getAttribute(name) ?? '',
          ),
      ),
    ].join('\n'),
  );
}

async function expectNoEnglish(
  root: Locator,
  namespace: Namespace,
  where: string,
  mainSaid: readonly string[] = [],
) {
  let text = await wordsOf(root);
  for (const said of mainSaid) text = text.split(said).join(' ');
  const found = text.match(englishOf(namespace));
  expect(
    found?.[0] ?? null,
    `English on ${where}: …${found ? text.slice(Math.max(0, found.index! - 40), found.index! + 40) : ''}…`,
  ).toBeNull();
}

async function expectAccessible(page: Page, view: string) {
  expect
    .soft(await blockingViolations(page), `${view}: serious or critical axe violations`)
    .toEqual([]);
}

/** Elements of the view that reach past the window's right edge, or whose text is cut off. */
function overflowing(root: Locator): Promise<string[]> {
  return root.evaluate((view) =>
    [view, ...view.querySelectorAll('*')].flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('svg, [role="region"][tabindex]')) return [];
      const past = box.right > window.innerWidth + 1;
      const cut =
        ['BUTTON', 'LABEL', 'TH', 'LEGEND', 'SUMMARY'].includes(element.tagName) &&
        element.scrollWidth > element.clientWidth + 1;
      return past || cut
        ? [`${element.tagName.toLowerCase()} “${(element.textContent ?? '').slice(0, 40)}”`]
        : [];
    }),
  );
}

/**
 * The view at both console sizes, saved to look at; nothing in it may reach past the window or
 * be cut off (Spanish runs about a quarter longer than English).
 */
async function screenshots(page: Page, name: string, view: Locator) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect.soft(await overflowing(view), `${name} at ${size.width}×${size.height}`).toEqual([]);
    // The view's top: its heading and buttons, where longer words crowd first.
    await view.evaluate((element) => {
      for (const scroller of [element, ...element.querySelectorAll('*')]) scroller.scrollTop = 0;
    });
    await page.screenshot({
      path: test.info().outputPath(`${name}-${size.width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(SIZES[0]!);
}

const panel = (page: Page) => page.locator('[role="tabpanel"]:not([hidden])');

let dataDir: string;
let shell: RunningShell | null = null;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-es-records-'));
});
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The console, switched to Spanish with its language menu. */
async function spanishConsole(page: Page, running: RunningShell): Promise<ConsolePage> {
  const console = new ConsolePage(page);
  await console.open(running.consoleUrl);
  await page.getByLabel('Console language').selectOption('es');
  await expect(page.getByRole('tab', { name: 'Registros' })).toBeVisible();
  return console;
}

test('Media and Content packs, with the deck import, speak Spanish', async ({ page }) => {
  test.setTimeout(90_000);
  shell = await startShell(dataDir);
  await spanishConsole(page, shell);

  await page.getByRole('tab', { name: 'Videos y audio' }).click();
  const media = panel(page);
  await expect(media.getByRole('heading', { name: 'Videos y audio' })).toBeVisible();
  await expect(media.getByRole('heading', { name: 'Archivos de la biblioteca' })).toBeVisible();
  await expect(media.getByText('Todavía no hay ninguno.')).toBeVisible();
  await expect(media.getByTestId('media-status').first()).toHaveText(
    /Muestra provisional|Pista incluida|Sin configurar/,
  );
  await expect(media.getByText('Elegir archivo…').first()).toBeVisible();
  await expectNoEnglish(media, 'media', 'Media', stringsOf(await fromMain(page, 'media:library')));
  await expectAccessible(page, 'Media in Spanish');
  await screenshots(page, 'es-media', media);

  await page.getByRole('tab', { name: 'Paquetes de contenido' }).click();
  const packs = panel(page);
  await expect(packs.getByRole('heading', { name: 'Paquetes de contenido' })).toBeVisible();
  await expect(packs.getByRole('button', { name: 'Paquete nuevo' })).toBeVisible();
  const card = packs.locator(`[data-pack-id="${PACK_ID}"]`);
  await expect(card).toContainText('actividades en la agenda');
  await expect(card).toContainText('incluido');
  await expect(card.getByRole('button', { name: 'Editar Muestra en español' })).toBeVisible();
  const packList = await fromMain(page, 'packs:list');
  await expectNoEnglish(packs, 'packs', 'Content packs', stringsOf(packList));
  await expectAccessible(page, 'Content packs in Spanish');
  await screenshots(page, 'es-packs', packs);

  await page.getByTestId('import-deck').setInputFiles({
    name: 'sobredosis.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(await makeDeck(DECK)),
  });
  const deck = page.getByRole('region', { name: /Importar una presentación en PDF/ });
  const form = deck.getByRole('form', { name: 'Importar la presentación' });
  const pageCard = (number: number) => deck.locator(`[data-page="${number}"]`);
  await expect(pageCard(2)).toContainText('2. Señales de una sobredosis');
  await pageCard(3).getByLabel('Aquí empieza una actividad nueva').check();
  await expect(pageCard(3).getByLabel('Título de la actividad')).toHaveValue(
    'Práctica con naloxona',
  );
  await expect(form).toContainText('2 actividades en la agenda · 6 min planeados');
  await expect(form.getByRole('button', { name: 'Importar 3 páginas' })).toBeVisible();
  await expect(form.getByRole('group', { name: 'Importar en' })).toContainText('Un paquete nuevo');
  await expectNoEnglish(deck, 'packs', 'the deck import', stringsOf(packList));
  await expectAccessible(page, 'the deck import in Spanish');
  await screenshots(page, 'es-deck-import', packs);

  await form.getByLabel('Programa', { exact: true }).fill('Capacitación');
  await form.getByRole('button', { name: 'Importar 3 páginas' }).click();
  await expect(packs.getByRole('status')).toContainText('Se importó la presentación como', {
    timeout: 20_000,
  });
  await expect(packs.getByRole('status')).toContainText('(3 diapositivas)');
});

/** One short session of the Spanish sample pack, ended, with one member checked in. */
async function endedSession(page: Page) {
  await page.evaluate(
    async ({ pin, packId, group, member }) => {
      const steps: [string, object][] = [
        ['records:setPin', { pin, currentPin: null }],
        ['session:start', { packId, cohortName: group, facilitators: ['Rosa'], timeKeeper: null }],
        ['group:addMember', { name: member, checkIn: true }],
        ['session:command', { type: 'end' }],
        ['records:lock', {}],
      ];
      for (const [channel, args] of steps) {
        const result = await window.kiosk.invoke(channel as never, args as never);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      }
    },
    { pin: PIN, packId: PACK_ID, group: GROUP, member: MEMBER },
  );
}

test('Records behind the PIN, the forgotten-PIN tool and Program speak Spanish', async ({
  page,
}) => {
  test.setTimeout(90_000);
  shell = await startShell(dataDir);
  const console = await spanishConsole(page, shell);
  await endedSession(console.page);

  await page.getByRole('tab', { name: 'Registros' }).click();
  const records = panel(page);
  const gate = records.getByRole('form', { name: 'Los registros están bloqueados' });
  await expect(gate).toContainText('Se bloquean después de');
  await records.getByRole('button', { name: '¿Olvidó el PIN?' }).click();
  const forgot = records.getByRole('form', { name: 'Usar la clave de recuperación' });
  await expect(forgot.getByLabel('Clave de recuperación')).toBeVisible();
  await expect(forgot.getByLabel('El mismo PIN nuevo otra vez')).toBeVisible();
  await expect(forgot).toContainText('hoja de la clave de recuperación');
  await expectNoEnglish(records, 'records', 'the PIN gate and the forgotten-PIN tool');
  await expectAccessible(page, 'the Spanish PIN gate');
  await screenshots(page, 'es-records-pin', records);

  await gate.getByLabel('PIN del consejero').fill(PIN);
  await gate.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(records.getByRole('heading', { name: 'Registros', exact: true })).toBeVisible();
  await expect(records.getByRole('heading', { name: 'Sesiones' })).toBeVisible();
  await expect(records.getByRole('columnheader', { name: 'Fecha' })).toBeVisible();
  await expect(records.locator('tr[data-session-id]')).toContainText(GROUP);
  const member = records.locator(`li[data-member="${MEMBER}"]`);
  await expect(member).toContainText('1 sesión, 0 cuestionarios');
  await expect(member.getByTestId('certificate')).toHaveText(/^sin certificado: 1 sesión de \d+$/);
  await member
    .getByRole('button', { name: `Editar las sesiones y el certificado de ${MEMBER}` })
    .click();
  await expect(member.getByLabel('Sesiones antes del kiosco')).toBeVisible();
  await records.getByRole('button', { name: 'Hacer una copia ahora' }).click();
  const backups = records.getByRole('region', { name: 'Copias de seguridad' });
  await expect(backups).toContainText('hecha a mano');
  await expect(backups).toContainText('fin de una sesión');
  await records.getByRole('button', { name: 'Restaurar…' }).first().click();
  await expect(records.getByRole('group', { name: 'Confirmar la restauración' })).toBeVisible();
  await records.getByRole('button', { name: 'Todos los registros (CSV)' }).click();
  await expect(records.getByRole('group', { name: 'Confirmar la exportación' })).toContainText(
    'unidad cifrada',
  );
  await expectNoEnglish(
    records,
    'records',
    'Records',
    stringsOf(await fromMain(page, 'records:overview')),
  );
  await expectAccessible(page, 'Records in Spanish');
  await screenshots(page, 'es-records', records);

  await records.getByRole('button', { name: 'Resumen del programa' }).click();
  const program = records.getByRole('form', { name: 'Selección del programa' });
  await expect(program.getByLabel('Paquete')).toHaveValue('');
  await expect(program.getByRole('option', { name: 'Todos los grupos' })).toBeAttached();
  await expect(records.getByTestId('program-counts')).toContainText(
    '1 sesión · 1 grupo · 1 participante',
  );
  await expect(records.getByRole('button', { name: 'Informe del programa (PDF)' })).toBeVisible();
  await expect(records.getByRole('button', { name: /^Cifras de “/ }).first()).toBeVisible();
  const programView = await fromMain(page, 'records:program', {
    packId: null,
    cohortId: null,
    from: null,
    to: null,
  });
  await expectNoEnglish(records, 'records', 'Program', stringsOf(programView));
  await expectAccessible(page, 'Program in Spanish');
  await screenshots(page, 'es-program', records);
});

test('the passphrase window follows the system language before the records open', async ({
  browser,
}) => {
  // Two starts of the shell and two scrypt derivations.
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'es-US' });
  const page = await context.newPage();
  const unlock = new UnlockPage(page);
  shell = await startShell(dataDir, { askPassphrase: true });
  await unlock.open(shell.unlockUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(unlock.heading).toHaveText('Elija una frase de contraseña para los registros');
  await expect(page.getByText(/Los registros de este kiosco están cifrados/)).toBeVisible();
  await expect(page.getByLabel('Frase de contraseña nueva')).toBeVisible();
  const view = stringsOf(await fromMain(page, 'unlock:view'));
  await expectNoEnglish(page.locator('main'), 'unlock', 'choosing a passphrase', view);
  await expectAccessible(page, 'choosing a passphrase in Spanish');
  await screenshots(page, 'es-unlock-create', page.locator('main'));

  await page.getByLabel('Frase de contraseña nueva').fill('tetera morada en la ventana');
  await page
    .getByLabel('La misma frase de contraseña otra vez')
    .fill('tetera morada en la ventana');
  await page.getByRole('button', { name: 'Guardar la frase y abrir los registros' }).click();
  await expect(page.getByRole('status')).toHaveText(/Los registros están desbloqueados/);
  await shell.opened;
  await shell.stop();

  shell = await startShell(dataDir, { askPassphrase: true });
  await unlock.open(shell.unlockUrl);
  await expect(unlock.heading).toHaveText('Desbloquear los registros');
  await page.getByLabel('Frase de contraseña', { exact: true }).fill('no es la frase');
  await page.getByRole('button', { name: 'Desbloquear', exact: true }).click();
  await expect(page.getByRole('button', { name: /Vuelva a intentarlo en \d+ s/ })).toBeDisabled();
  await expectNoEnglish(page.locator('main'), 'unlock', 'the passphrase asked', [
    ...stringsOf(await fromMain(page, 'unlock:view')),
    (await unlock.refusal.textContent()) ?? '',
  ]);
  await expectAccessible(page, 'the passphrase asked, in Spanish');
  await screenshots(page, 'es-unlock-enter', page.locator('main'));

  await page.getByRole('button', { name: /¿Olvidó la frase de contraseña\?/ }).click();
  await expect(unlock.heading).toHaveText('Desbloquear con la clave de recuperación');
  await expect(page.getByText(/O y la I se leen como 0 y 1/)).toBeVisible();
  await expectNoEnglish(page.locator('main'), 'unlock', 'the recovery key', view);
  await expectAccessible(page, 'the recovery key in Spanish');
  await screenshots(page, 'es-unlock-recover', page.locator('main'));
  await context.close();
});
