import type { Db } from '../database';

export interface SettingRow {
  key: string;
  value: string;
}

export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare<[string], SettingRow>('SELECT * FROM settings WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
