import { describe, expect, it } from 'vitest';
import { offlineVoiceFor } from '../../../renderer/console/group/offlineVoice';

const voice = (name: string, lang: string, localService = true, isDefault = false) =>
  ({ name, lang, localService, default: isDefault, voiceURI: name }) as SpeechSynthesisVoice;

describe('the self-entry voice', () => {
  const voices = [
    voice('English', 'en-US', true, true),
    voice('Castellano', 'es-ES'),
    voice('Español de EE. UU.', 'es_US'),
    voice('Online español', 'es-MX', false),
  ];

  it('speaks the pack’s language, its region first, with an offline voice only', () => {
    expect(offlineVoiceFor(voices, 'es-US')?.name).toBe('Español de EE. UU.');
    expect(offlineVoiceFor(voices, 'es-MX')?.name).toBe('Castellano');
    expect(offlineVoiceFor(voices, 'es')?.name).toBe('Castellano');
    expect(offlineVoiceFor(voices, 'en')?.name).toBe('English');
  });

  it('is none when the computer has no offline voice for the language', () => {
    expect(offlineVoiceFor(voices, 'pt-BR')).toBeNull();
    expect(offlineVoiceFor([voice('Online español', 'es-US', false)], 'es-US')).toBeNull();
    expect(offlineVoiceFor([], 'es')).toBeNull();
  });
});
