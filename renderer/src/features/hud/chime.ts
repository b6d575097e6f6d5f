// A short, quiet two-note chime for awards in "full" mode (Web Audio, no asset to load).
let context: AudioContext | null = null;

export function playChime(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const [index, frequency] of [660, 880].entries()) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + index * 0.09);
      gain.gain.exponentialRampToValueAtTime(0.06, start + index * 0.09 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.09 + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + index * 0.09);
      oscillator.stop(start + index * 0.09 + 0.3);
    }
  } catch {
    // No audio device or autoplay blocked: awards stay visible, only silent.
  }
}
