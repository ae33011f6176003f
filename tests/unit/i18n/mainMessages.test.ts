import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/kioskCore';
import { openDatabase } from '../../../electron/db/database';
import type { Language } from '../../../electron/shared/i18n';
import { say } from '../../../electron/shared/i18n/phrases';
import type { Handlers } from '../../../electron/ipc/router';
import { createRouter, RejectedRequest } from '../../../electron/ipc/router';
import { JobBoard, type JobProgress } from '../../../electron/jobs/jobRunner';
import { programReportPdf, sessionReportPdf } from '../../../electron/services/print';
import { programFigures } from '../../../electron/services/program/programFigures';
import { buildProgramView } from '../../../electron/services/program/programView';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';
import {
  answer,
  checkIn,
  groupFivePack,
  insertCohort,
  insertMember,
  insertSession,
  MINUTE,
  summaryOf,
  T0,
} from '../records/fixtures';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

let files = 0;
/** The text as pdftotext reads it, runs of spaces and line breaks as one space. */
function textOf(bytes: Uint8Array): string {
  const file = join(dir.path, `document-${++files}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('what main says to the counselor', () => {
  it('comes back from the router in the console’s language, switching at the next call', async () => {
    let language: Language = 'es';
    const router = createRouter(
      {
        'session:resume': () => {
          throw new RejectedRequest('errors.session.noSuchSlide', { number: 9, count: 3 });
        },
      } as unknown as Handlers,
      () => {},
      () => language,
    );
    expect(await router.dispatch('session:resume', {}, 'console')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No existe la diapositiva 9; esta sesión tiene 3.' },
    });
    expect(await router.dispatch('session:resume', {}, 'audience')).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'La ventana audience no puede llamar a session:resume.',
      },
    });
    language = 'en';
    expect(await router.dispatch('session:resume', {}, 'console')).toMatchObject({
      error: { message: 'There is no slide 9; this session has 3.' },
    });
  });

  it('words a phrase inside a phrase, and plurals, in each language', () => {
    const backup = {
      key: 'errors.backups.notRestorable',
      params: { name: 'b.sqlite3', why: { key: 'errors.backups.why.empty' } },
    } as const;
    expect(say(backup, 'en')).toBe(
      'The backup b.sqlite3 is empty (0 bytes), so it cannot be restored. Nothing has been changed.',
    );
    expect(say(backup, 'es')).toBe(
      'La copia de seguridad b.sqlite3 está vacía (0 bytes), así que no se puede restaurar. No se cambió nada.',
    );
    expect(say({ key: 'errors.pin.paused', params: { count: 1 } }, 'es')).toBe(
      'Demasiados PIN incorrectos; intente de nuevo en 1 segundo.',
    );
  });

  describe('through the kiosk', () => {
    let core: KioskCore;
    beforeEach(() => {
      core = createKioskCore({ dataDir: dir.path, resourcesDir: resolve('resources') });
    });
    afterEach(() => core.close());

    it('follows the console language the counselor chooses, at once', async () => {
      const refused = () =>
        core.router.dispatch('group:addMember', { name: 'Ana', checkIn: true }, 'console');
      expect(await refused()).toMatchObject({ error: { message: 'No session is running.' } });
      await core.router.dispatch('settings:setConsoleLanguage', { language: 'es' }, 'console');
      expect(await refused()).toMatchObject({
        ok: false,
        error: { code: 'invalid-state', message: 'No hay ninguna sesión en curso.' },
      });
      expect(await core.router.dispatch('records:overview', {}, 'console')).toMatchObject({
        error: {
          code: 'locked',
          message: 'Los registros están bloqueados. Escriba el PIN del consejero.',
        },
      });
    });
  });

  it('labels a job and its steps in the console’s language', async () => {
    const reports: JobProgress[] = [];
    const board = new JobBoard(
      (progress) => reports.push(progress),
      0,
      () => 'es',
    );
    const source = join(dir.path, 'clip.mp4');
    writeFileSync(source, Buffer.alloc(4096, 1));
    await board.run(
      'media-import',
      { key: 'jobs.labels.importing', params: { name: 'clip.mp4' } },
      { source, copyTo: null },
    );
    expect(reports.map((report) => report.label)).toEqual(reports.map(() => 'Importando clip.mp4'));
    expect(reports[0]!.phase).toBe('Empezando');
    expect(reports.map((report) => report.phase)).toContain('Comprobando');
    expect(reports.at(-1)).toMatchObject({ state: 'finished', phase: 'Listo' });
  });
});

describe('staff documents in Spanish', () => {
  it('print the session report in the console’s language, accents and all', async () => {
    const text = textOf(
      await sessionReportPdf({
        language: 'es',
        packTitle: 'Grupo 5: Negociar sexo más seguro',
        cohortName: 'Grupo del martes',
        facilitators: ['Dana Smith'],
        dateLabel: 'domingo, 22 de noviembre de 2026',
        startLabel: '18:02',
        endLabel: '19:35',
        plannedMinutes: 90,
        actualMinutes: 93,
        attendanceCount: 1,
        standings: [
          {
            name: 'Ana',
            sessions: '3 sesiones',
            graduated: true,
            certificate: true,
            because: 'se gradúa',
          },
        ],
        items: [
          {
            runOrder: null,
            title: 'Video',
            plannedMinutes: 10,
            actualMinutes: 0,
            status: 'skipped',
            skippedReason: 'Falló el proyector',
            adaptedReason: null,
          },
        ],
        stretches: [],
        quizCoverage: [{ number: 1, prompt: '¿Qué es negociar?', covered: true }],
        quizResults: [
          {
            number: 1,
            prompt: '¿Qué es negociar?',
            correctKey: 'a',
            counts: { a: 1 },
            answered: 1,
            correct: 1,
          },
        ],
        game: null,
        pageSize: 'Letter',
      }),
    );
    for (const words of [
      'Informe de fidelidad de la sesión',
      'Facilitador(a):',
      'Duración:',
      '93 min (planeado: 90 min)',
      '1 participante',
      'Cómo se dio la agenda',
      '0 de 1 actividades completadas o adaptadas.',
      'Omitida: Falló el proyector',
      'Material del cuestionario',
      'a: 1 (correcta)',
      'Participantes y certificados',
      'Sí: se gradúa',
      'No se jugó el juego.',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/Session fidelity|Agenda delivery|Quiz results|Team game|Page \d/);
  });

  it('print the program report in Spanish, month names and figure sentences too', async () => {
    const db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
    try {
      const pack = groupFivePack();
      const cohort = insertCohort(db, 'Grupo del jueves');
      const ana = insertMember(db, cohort, 'Ana');
      const day = 24 * 60 * MINUTE;
      for (const offset of [0, 7]) {
        const sessionId = insertSession(db, cohort, pack, summaryOf(pack, {}, T0 + offset * day));
        checkIn(db, sessionId, ana);
        answer(db, pack, sessionId, ana, 'q2', 'a');
      }
      const filter = { packId: null, cohortId: null, from: '2026-01-01', to: '2026-12-31' };
      const figures = programFigures(db, filter, () => pack, new Map(), 'es');
      const view = buildProgramView(
        figures,
        { packs: [], cohorts: [], firstDay: null, lastDay: null },
        'es',
      );
      const text = textOf(
        await programReportPdf({
          language: 'es',
          view,
          packTitles: [pack.title],
          cohortName: null,
          pageSize: 'Letter',
        }),
      );
      for (const words of [
        'Informe del programa',
        'Del 1 de enero de 2026 al 31 de diciembre de 2026',
        'las gráficas muestran por sesión',
        'Duración de la sesión frente a lo planeado',
        'Participantes presentes en cada sesión',
        '1 participante vino a 2 sesiones',
        'Retención',
        'Cuestionario:',
        'Respuestas correctas',
        'sin nombres',
        'Página 1 de',
      ]) {
        expect(text).toContain(words);
      }
      expect(text).not.toMatch(/Program report|Attendance|Session length|Answers right|Page \d/);
    } finally {
      db.close();
    }
  });
});
