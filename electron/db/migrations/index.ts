/**
 * Every migration, in order. Each is a module of its own named `NNN_snake_case.ts` whose default
 * export is its SQL, imported here by name, so plain Node, vitest, the bench and the bundle all load
 * the same list without a bundler feature. tests/unit/database.test.ts holds this list equal to the
 * folder's files and their numbering.
 */
import showEvents from './001_show_events';
import sessions from './002_sessions';
import mediaLibrary from './003_media_library';
import groupRecords from './004_group_records';
import memberIndexes from './005_member_indexes';
import programRecords from './006_program_records';
import memberStanding from './007_member_standing';
import pollCounts from './008_poll_counts';
import programTotals from './009_program_totals';
import sessionLookups from './010_session_lookups';
import editorDrafts from './011_editor_drafts';
import eventVersions from './012_event_versions';

/** [file name without extension, SQL], numbered 1…n. */
export const MIGRATION_SOURCES: readonly (readonly [name: string, sql: string])[] = [
  ['001_show_events', showEvents],
  ['002_sessions', sessions],
  ['003_media_library', mediaLibrary],
  ['004_group_records', groupRecords],
  ['005_member_indexes', memberIndexes],
  ['006_program_records', programRecords],
  ['007_member_standing', memberStanding],
  ['008_poll_counts', pollCounts],
  ['009_program_totals', programTotals],
  ['010_session_lookups', sessionLookups],
  ['011_editor_drafts', editorDrafts],
  ['012_event_versions', eventVersions],
];
