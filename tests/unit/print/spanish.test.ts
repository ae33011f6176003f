import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agendaPdf,
  certificatesPdf,
  markdownHandoutPdf,
  quizSheetPdf,
  scenarioCardsPdf,
} from '../../../electron/services/print';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-print-es-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** The text as pdftotext reads it, with lines of whitespace collapsed to single spaces. */
function textOf(bytes: Uint8Array): string {
  const file = join(dir, `document-${++files}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[^\S\f]+/g, ' ');
}

const SPANISH = '¿Cómo negociar? ¡Sí se puede! Año, niño, pingüino: áéíóú ÁÉÍÓÚ ñÑ üÜ « »';

describe('printouts of a Spanish pack', () => {
  it('print accented letters, ñ, ¿ and ¡ exactly as written', async () => {
    const text = textOf(
      await markdownHandoutPdf({
        title: 'Guía para la sesión',
        markdown: `# Guía\n\n${SPANISH}`,
        pageSize: 'Letter',
        language: 'es',
      }),
    );
    expect(text).toContain(SPANISH);
    expect(text).toContain('Guía para la sesión');
  });

  it('print the agenda’s own words in Spanish', async () => {
    const text = textOf(
      await agendaPdf({
        title: 'Sesión de demostración',
        programTitle: 'Muestra',
        dateLabel: 'miércoles, 2 de diciembre de 2026, a partir de las 18:00',
        items: [
          { clock: '0:00', today: '18:00', title: 'Bienvenida', minutes: 5, detail: null },
          { clock: '0:05', today: '18:05', title: 'Descanso', minutes: 1, detail: null },
        ],
        end: { clock: '0:06', today: '18:06' },
        pageSize: 'Letter',
        language: 'es',
      }),
    );
    expect(text).toContain('Hora Hoy Agenda');
    expect(text).toContain('Bienvenida (5 min)');
    expect(text).toContain('Fin');
    expect(text).not.toMatch(/\b(Time|Today|End|mins)\b/);
  });

  it('print the quiz sheet, cards and certificates in Spanish, with Spanish plurals and lists', async () => {
    const quiz = textOf(
      await quizSheetPdf({
        title: 'Cuestionario',
        packTitle: 'Muestra',
        items: [{ number: 1, prompt: '¿Qué es?', options: [{ key: 'a', text: 'Algo' }] }],
        pageSize: 'A4',
        language: 'es',
      }),
    );
    expect(quiz).toContain('Nombre:');
    expect(quiz).toContain('Fecha:');
    expect(quiz).toContain('Marque una sola respuesta en cada pregunta.');

    const cards = textOf(
      await scenarioCardsPdf({
        title: 'Juego',
        rolesIntro: null,
        scenarios: [{ title: 'Escena', situation: 'Una situación.', roles: ['Uno.', 'Dos.'] }],
        pageSize: 'A4',
        language: 'es',
      }),
    );
    expect(cards).toContain('Instrucciones para el juego de roles:');

    const certificate = textOf(
      await certificatesPdf({
        programTitle: 'Muestra',
        packTitle: 'la sesión',
        members: ['Begoña Núñez'],
        dateLabel: '2 de diciembre de 2026',
        facilitators: ['Inés', 'Íñigo', 'Ramón'],
        pageSize: 'Letter',
        language: 'es',
      }),
    );
    expect(certificate).toContain('Certificado de Reconocimiento');
    expect(certificate).toContain('otorgado a Begoña Núñez');
    expect(certificate).toContain('por haber completado la sesión satisfactoriamente');
    expect(certificate).toContain('Facilitadores: Inés, Íñigo y Ramón');
  });
});

describe('characters the standard fonts cannot print', () => {
  it('are named on the page, never dropped silently', async () => {
    const handout = textOf(
      await markdownHandoutPdf({
        title: 'Notes',
        markdown: 'Call 📞 or write 日本',
        pageSize: 'Letter',
        language: 'en',
      }),
    );
    expect(handout).toContain('Call ? or write ??');
    expect(handout).toContain(
      '3 characters could not be printed with this font and show as “?”: U+1F4DE, U+65E5, U+672C',
    );
  });

  it('are named in the pack’s language on the certificate that has them', async () => {
    const text = textOf(
      await certificatesPdf({
        programTitle: 'Muestra',
        packTitle: 'la sesión',
        members: ['Zoë 🌟', 'Ana'],
        dateLabel: '2 de diciembre de 2026',
        facilitators: [],
        pageSize: 'Letter',
        language: 'es',
      }),
    );
    const [first, second] = text.split('\f');
    expect(first).toContain(
      '1 carácter no se pudo imprimir con esta fuente y aparece como «?»: U+1F31F',
    );
    expect(second).not.toContain('no se pudo imprimir');
  });

  it('add nothing to a document that printed every character', async () => {
    const text = textOf(
      await markdownHandoutPdf({
        title: 'Guía',
        markdown: SPANISH,
        pageSize: 'A4',
        language: 'es',
      }),
    );
    expect(text).not.toContain('U+');
  });
});
