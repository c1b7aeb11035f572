/**
 * Read-aloud through the Web Speech API (reliability.md A9): feature-detect, wait for voices that
 * load late, prefer a voice of the text's language (en-GB for British English), and say so when the
 * device cannot speak.
 *
 * @module
 */

/** How long to wait for voices that load after the page (Chromium loads them lazily). */
const VOICE_WAIT_MS = 1500;

function synthesis(): SpeechSynthesis | undefined {
  const s = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  return s && typeof globalThis.SpeechSynthesisUtterance === 'function' ? s : undefined;
}

function voices(s: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = s.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      s.removeEventListener('voiceschanged', done);
      clearTimeout(timer);
      resolve(s.getVoices());
    };
    const timer = setTimeout(done, VOICE_WAIT_MS);
    s.addEventListener('voiceschanged', done);
  });
}

/** The best voice for `lang`: the same tag, else the same language, else none. */
function pick(list: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const norm = (l: string) => l.replace('_', '-').toLowerCase();
  const want = norm(lang);
  const language = want.split('-')[0];
  return (
    list.find((v) => norm(v.lang) === want) ??
    list.find((v) => norm(v.lang).split('-')[0] === language)
  );
}

/**
 * Speaks `parts` in order (question, then each option), stopping anything already speaking.
 *
 * @returns `true` when speech started, `false` when the device cannot speak.
 */
export async function speak(parts: readonly string[], lang: string): Promise<boolean> {
  const s = synthesis();
  if (!s) return false;
  const voice = pick(await voices(s), lang);
  if (!voice) return false;
  s.cancel();
  for (const text of parts) {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = voice.lang;
    u.voice = voice;
    s.speak(u);
  }
  return true;
}

/** Stops speaking (on page change and exit). */
export function stopSpeaking(): void {
  synthesis()?.cancel();
}
