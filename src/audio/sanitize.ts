import { SeimonError } from '../core/errors.js';
import type { AudioWarning } from './types.js';

/** Running tally of NaN/Inf samples across the chunks of one file. */
export class NonFiniteGuard {
  private bad = 0;
  private total = 0;

  /** Replaces NaN/Inf with 0 in place; throws once more than 1% of the audio is non-finite. */
  check(channels: Float32Array[]): void {
    for (const ch of channels) {
      this.total += ch.length;
      for (let i = 0; i < ch.length; i++) {
        const x = ch[i]!;
        // x - x is NaN exactly when x is NaN or +-Inf: one cheap test on the hot path.
        if (x - x !== 0) {
          ch[i] = 0;
          this.bad++;
        }
      }
    }
    if (this.bad > 0 && this.bad > 0.01 * this.total && this.total >= 1000) throw this.error();
  }

  /** A warning when a few samples were repaired, or an error if too many were. */
  finish(warnings: AudioWarning[]): void {
    if (this.bad === 0) return;
    if (this.bad > 0.01 * this.total) throw this.error();
    warnings.push({
      code: 'AUDIO_NONFINITE_SAMPLES',
      message: `${this.bad} NaN/Inf sample(s) were replaced with silence.`,
    });
  }

  private error(): SeimonError {
    return new SeimonError(
      'AUDIO_NONFINITE_SAMPLES',
      `The audio contains NaN/Inf sample values (${this.bad} so far): the file is corrupt or was written by a broken tool.`,
    );
  }
}
