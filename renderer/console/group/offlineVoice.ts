import { useEffect, useState } from 'react';

/** `es_US` and `es-us` both name the language `es` in the region `US`. */
function tagParts(tag: string): { language: string; region: string } {
  const [language = '', region = ''] = tag.replace(/_/g, '-').toLowerCase().split('-');
  return { language, region };
}

/**
 * An offline voice for a language, if the system has one: the kiosk never uses a voice that needs
 * the network. A voice of the exact region ("es-US") wins over another of the language ("es-ES").
 */
export function offlineVoiceFor(
  voices: readonly SpeechSynthesisVoice[],
  languageTag: string,
): SpeechSynthesisVoice | null {
  const wanted = tagParts(languageTag);
  const candidates = voices.filter(
    (voice) => voice.localService && tagParts(voice.lang).language === wanted.language,
  );
  return (
    candidates.find((voice) => wanted.region && tagParts(voice.lang).region === wanted.region) ??
    candidates.find((voice) => voice.default) ??
    candidates[0] ??
    null
  );
}

/**
 * The offline voice for the pack's language, following the system's list as it loads (Chromium
 * fills it in after the page starts): `undefined` until the list has settled, then the voice or null.
 */
export function useOfflineVoice(languageTag: string): SpeechSynthesisVoice | null | undefined {
  const supported = 'speechSynthesis' in window;
  const [list, setList] = useState(() => ({
    voices: supported ? speechSynthesis.getVoices() : [],
    settled: !supported,
  }));
  useEffect(() => {
    if (!supported) return;
    const update = () => setList({ voices: speechSynthesis.getVoices(), settled: true });
    speechSynthesis.addEventListener('voiceschanged', update);
    // A system with no voices at all never fires the event: after a moment, "none" is the answer.
    const settle = setTimeout(update, 1500);
    return () => {
      speechSynthesis.removeEventListener('voiceschanged', update);
      clearTimeout(settle);
    };
  }, [supported]);
  const voice = offlineVoiceFor(list.voices, languageTag);
  return voice ?? (list.settled ? null : undefined);
}
