/**
 * What encryption costs, measured side by side with a plain database in the same run: the same
 * work on a database opened as the app opens its records, once keyed and once plain. Each metric
 * is the ratio encrypted / plain (target: at most 1.5).
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openKeyed } from '../../electron/db/cipher';
import { migrate, openDatabase, useRecordsSettings, type Db } from '../../electron/db/database';
import { TEST_KEY } from '../helpers/recordsKey';
import { log, makeTempDir } from './harness';
import { quizAnswerRecordP95 } from './serviceMetrics';
import { median, timeSync } from './stats';
import { buildSyntheticProgram, reportTimings } from './syntheticProgram';

/** The app's open (openDatabase) without the key: what the records cost before encryption. */
function openPlain(file: string): Db {
  const db = new Database(file);
  useRecordsSettings(db);
  migrate(db);
  return db;
}

const keyed = (file: string) => openDatabase(file, TEST_KEY);

/** Opening and migrating a fresh records file: the part of the services' cold start the key touches. */
function databaseColdStart(open: (file: string) => Db, runs = 9): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const data = makeTempDir('cold-db');
    try {
      const { ms, result } = timeSync(() => open(join(data.path, 'kiosk.sqlite3')));
      result.close();
      samples.push(ms);
    } finally {
      data.remove();
    }
  }
  return median(samples);
}

function ratio(name: string, encrypted: number, plain: number): number {
  log(`${name}: encrypted ${encrypted.toFixed(3)} ms, plain ${plain.toFixed(3)} ms`);
  return encrypted / plain;
}

export function encryptionCost(): {
  quizAnswer: number;
  coldStart: number;
  report10y: number;
} {
  // Alternated, so a busy moment on the shared machine does not fall on one side only.
  const quizAnswer = ratio(
    'quiz answer p95',
    (quizAnswerRecordP95(2000, keyed) + quizAnswerRecordP95(2000, keyed)) / 2,
    (quizAnswerRecordP95(2000, openPlain) + quizAnswerRecordP95(2000, openPlain)) / 2,
  );
  const coldStart = ratio(
    'records open + migrate at cold start',
    databaseColdStart(keyed),
    databaseColdStart(openPlain),
  );
  const program = buildSyntheticProgram();
  const plainCopy = `${program.file}.plain`;
  try {
    copyFileSync(program.file, plainCopy);
    const decrypt = openKeyed(plainCopy, TEST_KEY);
    decrypt.pragma('journal_mode = DELETE');
    decrypt.pragma(`rekey = ''`);
    decrypt.close();
    const encrypted = reportTimings(program, 10, keyed).report;
    const plain = reportTimings({ ...program, file: plainCopy }, 10, openPlain).report;
    return { quizAnswer, coldStart, report10y: ratio('ten-year session report', encrypted, plain) };
  } finally {
    program.remove();
  }
}
