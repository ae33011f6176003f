import type { Db } from '../../db/database';
import { readConsoleLanguage, writeConsoleLanguage } from '../../services/settings/consoleLanguage';
import type { SessionService } from '../../services/session/sessionService';
import type { ChannelsNamed, HandlersOf } from './domain';

export function settingsHandlers(
  db: Db,
  sessions: SessionService,
): HandlersOf<ChannelsNamed<'settings'>> {
  return {
    'settings:setVolume': ({ kind, level }) => sessions.setVolume(kind, level),
    'settings:consoleLanguage': () => readConsoleLanguage(db),
    'settings:setConsoleLanguage': ({ language }) => writeConsoleLanguage(db, language),
  };
}
