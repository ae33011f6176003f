import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../electron/shared/i18n';
import { call, consoleApi } from '../platform/kiosk';
import { applyConsoleLanguage, systemLanguage, useConsoleT } from '../shared/i18n/i18n';
import { useAction } from './notices/useAction';

const api = consoleApi();
const SYSTEM = 'system';

/**
 * The counselor's language for the console, remembered on this machine. The projector, the paper
 * and self-entry keep the pack's language whatever is chosen here.
 */
export function LanguagePicker({
  choice,
  onChoice,
}: {
  choice: Language | null;
  onChoice: (choice: Language | null) => void;
}) {
  const t = useConsoleT();
  const { run } = useAction();
  const choose = (value: string) => {
    const language = value === SYSTEM ? null : (value as Language);
    applyConsoleLanguage(language);
    onChoice(language);
    void run(() => call(api, 'settings:setConsoleLanguage', { language }), {
      describe: (failure) => t('language.saveFailed', { message: failure.message }),
    });
  };
  return (
    <div className="console__language">
      <label>
        {t('language.label')}{' '}
        <select value={choice ?? SYSTEM} onChange={(event) => choose(event.target.value)}>
          <option value={SYSTEM}>
            {t('language.system', { name: LANGUAGE_NAMES[systemLanguage()] })}
          </option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
