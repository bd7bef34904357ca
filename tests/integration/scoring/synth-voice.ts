/**
 * A crude synthetic "speaker" for plumbing tests: a glottal pulse train at f0 through three formant
 * resonators, cut into 4 Hz syllables. Silero VAD accepts it as speech, so it runs the whole
 * front-end without needing espeak-ng or the shared speech data.
 */
import { prng } from '../../helpers/audio-synth.js';

export interface SynthVoice {
  readonly f0: number;
  /** Formant scaling: a longer or shorter vocal tract. */
  readonly tract: number;
}

const SR = 16000;
const FORMANTS: readonly (readonly [number, number])[] = [
  [700, 80],
  [1200, 90],
  [2600, 120],
];

/** `seconds` of 16 kHz mono "speech" in this voice; `seed` varies the syllables and the noise. */
export function synthSpeech(v: SynthVoice, seconds: number, seed: number): Float32Array {
  const n = Math.round(SR * seconds);
  const x = new Float32Array(n);
  const rand = prng(seed);
  const state = FORMANTS.map(() => [0, 0] as [number, number]);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    phase += (v.f0 * (1 + 0.05 * Math.sin(2 * Math.PI * 0.7 * t + seed))) / SR;
    const pulse = phase >= 1 ? 1 : 0;
    if (phase >= 1) phase -= 1;
    const src = pulse + 0.02 * (2 * rand() - 1);
    const syllable = Math.floor(t * 4);
    let out = 0;
    FORMANTS.forEach(([fc, bw], k) => {
      const s = state[k] as [number, number];
      const f = fc * v.tract * (1 + 0.25 * Math.sin(syllable * 1.7 + k + seed));
      const r = Math.exp((-Math.PI * bw) / SR);
      const y = src + 2 * r * Math.cos((2 * Math.PI * f) / SR) * s[0] - r * r * s[1];
      s[1] = s[0];
      s[0] = y;
      out += y;
    });
    x[i] = out * Math.sqrt(Math.max(0, Math.sin(Math.PI * ((t * 4) % 1))));
  }
  let peak = 0;
  for (const s of x) peak = Math.max(peak, Math.abs(s));
  return x.map((s) => (0.5 * s) / (peak || 1));
}
