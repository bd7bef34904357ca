/** Sample-level statistics of the original channels, accumulated chunk by chunk. */
export class SignalStats {
  private count = 0;
  private sum = 0;
  private sumSq = 0;
  private clipped = 0;
  private peakAbs = 0;

  add(channels: readonly Float32Array[]): void {
    for (const ch of channels) {
      for (let i = 0; i < ch.length; i++) {
        const x = ch[i]!;
        const a = x < 0 ? -x : x;
        this.sum += x;
        this.sumSq += x * x;
        // At or within 1 LSB (16-bit) of full scale counts as clipped.
        if (a >= 0.99996) this.clipped++;
        if (a > this.peakAbs) this.peakAbs = a;
      }
      this.count += ch.length;
    }
  }

  get dcOffset(): number {
    return this.count ? this.sum / this.count : 0;
  }
  get rms(): number {
    return this.count ? Math.sqrt(this.sumSq / this.count) : 0;
  }
  get clippingRatio(): number {
    return this.count ? this.clipped / this.count : 0;
  }
  get peak(): number {
    return this.peakAbs;
  }
}

/** Decibels relative to full scale, floored at -120 so silence stays a finite, printable number. */
export function toDbfs(amplitude: number): number {
  return amplitude > 1e-6 ? 20 * Math.log10(amplitude) : -120;
}
