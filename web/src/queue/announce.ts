// The display's voice: a two-tone chime (WebAudio) then the call spoken in Vietnamese (speechSynthesis).
// Browsers allow sound only after a touch or click on the page, hence the "turn on sound" button.

let audio: AudioContext | null = null;

export function enableSound(): boolean {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    return true;
  } catch {
    return false;
  }
}

function chime(): number {
  if (!audio || audio.state !== 'running') return 0;
  const start = audio.currentTime;
  [880, 660].forEach((frequency, i) => {
    const osc = audio!.createOscillator();
    const gain = audio!.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.45 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.42);
    osc.connect(gain).connect(audio!.destination);
    osc.start(start + i * 0.45);
    osc.stop(start + i * 0.45 + 0.45);
  });
  return 950;
}

export function announce(text: string): void {
  const delay = chime();
  if (typeof window.speechSynthesis === 'undefined') return;
  window.setTimeout(() => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'vi-VN';
    utterance.rate = 0.9;
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi'));
    if (voice) utterance.voice = voice;
    window.speechSynthesis.speak(utterance);
  }, delay);
}
