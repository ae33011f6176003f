import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { ConsolePage } from './support/pages';
import { pdfText, save } from './support/records';

/**
 * Issue 18: what main itself says to the counselor (refusals, staff reports) follows the console's
 * language as soon as it is chosen. Views are found by ids and roles rather than their words, as
 * the words of the views themselves are converted elsewhere.
 */

const PIN = '2468';

/** Every text of one part of a language's `main` catalog (the values of its JSON, at any depth). */
function reportTexts(language: string): string[] {
  const { sessionReport } = JSON.parse(
    readFileSync(`resources/locales/${language}/main.json`, 'utf8'),
  ) as { sessionReport: unknown };
  return [...JSON.stringify(sessionReport).matchAll(/:"((?:[^"\\]|\\.)*)"/g)].map(
    (match) => JSON.parse(`"${match[1]}"`) as string,
  );
}

/** The English session report's own words that Spanish does not share, as whole words. */
const ENGLISH_REPORT = (() => {
  const spanish = reportTexts('es').join('\n');
  const fragments = reportTexts('en')
    .flatMap((text) => text.split(/\{\{[^}]+\}\}|[.:()/-]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= 3 && !spanish.includes(fragment));
  const escaped = fragments.map((fragment) => fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(${escaped.join('|')})\\b`);
})();

test('with the console in Spanish, main refuses in Spanish and prints the session report in Spanish', async ({
  shell,
  context,
}) => {
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  // A session of the Spanish sample, ended, so there is a report; then the records lock.
  await console.page.evaluate(async (pin) => {
    const { kiosk } = window;
    await kiosk.invoke('records:setPin', { pin, currentPin: null });
    await kiosk.invoke('session:start', {
      packId: 'muestra-en-espanol',
      cohortName: 'Grupo del martes',
      facilitators: ['Dana'],
      timeKeeper: null,
    });
    await kiosk.invoke('session:command', { type: 'end' });
    await kiosk.invoke('records:lock', {});
  }, PIN);

  await console.page.getByLabel('Console language').selectOption('es');
  await expect(console.page.locator('html')).toHaveAttribute('lang', 'es');

  // A wrong PIN: main's refusal, shown as it comes, is in Spanish.
  await console.page.locator('#tab-records').click();
  const pinField = console.page.locator('#panel-records form input').first();
  await pinField.fill('1111');
  await pinField.press('Enter');
  const alert = console.page.locator('#panel-records').getByRole('alert');
  await expect(alert).toHaveText('Ese PIN no es correcto.');
  await console.page.screenshot({ path: test.info().outputPath('refused-in-spanish.png') });

  // The session report, a staff document, prints in the console's language.
  await pinField.fill(PIN);
  await pinField.press('Enter');
  const pdfButton = console.page.locator('#panel-records tr[data-session-id] button').first();
  const file = await save(console.page, () => pdfButton.click());
  const text = pdfText(file);
  for (const words of [
    'Informe de fidelidad de la sesión',
    'Grupo del martes',
    'Cómo se dio la agenda',
    'Material del cuestionario',
    'Resultados del cuestionario',
  ]) {
    expect(text).toContain(words);
  }
  const english = text.match(ENGLISH_REPORT);
  expect(
    english?.[0] ?? null,
    `English in the report: …${english ? text.slice(Math.max(0, english.index! - 40), english.index! + 40) : ''}…`,
  ).toBeNull();

  // Back to English: main's very next refusal is in English again.
  await console.page.getByLabel('Idioma de la consola').selectOption('en');
  const refusal = await console.page.evaluate(() =>
    window.kiosk.invoke('group:addMember', { name: 'Ana', checkIn: true }),
  );
  expect(refusal).toMatchObject({ ok: false, error: { message: 'No session is running.' } });
});
