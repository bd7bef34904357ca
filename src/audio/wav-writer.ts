/** Encodes mono [-1, 1] samples as a 16-bit PCM WAV (the project's canonical interchange form). */
export function encodeWavPcm16(samples: Float32Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    // Round to nearest and saturate, so full-scale input cannot wrap around.
    const v = Math.round(samples[i]! * 32768);
    out.writeInt16LE(v > 32767 ? 32767 : v < -32768 ? -32768 : v, 44 + 2 * i);
  }
  return out;
}
