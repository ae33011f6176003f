import type { Language } from '../../shared/i18n';
import { say } from '../../shared/i18n/phrases';
import type { DisplayPort } from '../../services/displays';
import type { ChannelsNamed, EventSink, HandlersOf } from './domain';

export function displayHandlers(
  displays: DisplayPort,
  emit: EventSink,
  consoleLanguage: () => Language,
): HandlersOf<ChannelsNamed<'displays'>> {
  return {
    'displays:status': () => displays.status(),
    'displays:identify': () => {
      const labels = displays.identify();
      const language = consoleLanguage();
      emit('displays:identify', {
        console: say(labels.console, language),
        audience: say(labels.audience, language),
      });
      return null;
    },
    'displays:moveAudience': ({ displayId }) => {
      displays.moveAudienceTo(displayId);
      return displays.status();
    },
    'displays:audienceAsWindow': () => {
      displays.showAudienceAsWindow();
      return displays.status();
    },
  };
}
