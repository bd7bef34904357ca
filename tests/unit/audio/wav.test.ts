import { describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/audio/decode.js';
import { isSeimonError } from '../../../src/core/errors.js';
import { makeWav, sine } from '../../helpers/audio-synth.js';
import type { WavSpec } from '../../helpers/audio-synth.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return isSeimonError(e) ? e.code : `not a SeimonError: ${String(e)}`;
  }
}

const tone = sine(440, 8000, 0.05, 0.5);

describe('WAV decoding (own parser)', () => {
  const layouts: [string, WavSpec, number][] = [
    ['8-bit unsigned', { sampleRate: 8000, format: 'int', bits: 8 }, 1 / 64],
    ['16-bit', { sampleRate: 8000, format: 'int', bits: 16 }, 1e-4],
    ['24-bit', { sampleRate: 8000, format: 'int', bits: 24 }, 1e-6],
    ['32-bit int', { sampleRate: 8000, format: 'int', bits: 32 }, 1e-6],
    ['32-bit float', { sampleRate: 8000, format: 'float', bits: 32 }, 1e-7],
    ['64-bit float', { sampleRate: 8000, format: 'float', bits: 64 }, 1e-7],
    ['extensible 24-bit', { sampleRate: 8000, format: 'int', bits: 24, extensible: true }, 1e-6],
    ['extensible float', { sampleRate: 8000, format: 'float', bits: 32, extensible: true }, 1e-7],
  ];
  for (const [name, spec, tol] of layouts) {
    it(`reads ${name}`, async () => {
      const d = await decodeAudio(makeWav([tone, tone.map((x) => -x)], spec));
      expect(d.sampleRate).toBe(8000);
      expect(d.channels.length).toBe(2);
      expect(d.durationSeconds).toBeCloseTo(0.05, 6);
      for (let i = 0; i < tone.length; i++) {
        expect(Math.abs(d.channels[0]![i]! - tone[i]!)).toBeLessThanOrEqual(tol);
        expect(Math.abs(d.channels[1]![i]! + tone[i]!)).toBeLessThanOrEqual(tol);
      }
      expect(d.warnings).toEqual([]);
    });
  }

  it('reads 32 channels and names the codec', async () => {
    const d = await decodeAudio(
      makeWav(
        Array.from({ length: 32 }, () => tone),
        { sampleRate: 8000, format: 'int', bits: 16 },
      ),
    );
    expect(d.channels.length).toBe(32);
    expect(d.format).toEqual({ container: 'wav', codec: 'pcm_s16le' });
  });
});

describe('bad input', () => {
  const spec: WavSpec = { sampleRate: 16000, format: 'int', bits: 16 };
  const good = makeWav([sine(300, 16000, 0.5)], spec);

  it('zero-byte file -> AUDIO_EMPTY_FILE', async () => {
    expect(await codeOf(decodeAudio(new Uint8Array(0)))).toBe('AUDIO_EMPTY_FILE');
  });

  it('truncated header -> AUDIO_TRUNCATED', async () => {
    for (const n of [4, 11, 20, 30, 43])
      expect(await codeOf(decodeAudio(good.subarray(0, n)))).toBe('AUDIO_TRUNCATED');
  });

  it('data chunk longer than the file: decodes what is there with AUDIO_DATA_TRUNCATED', async () => {
    const d = await decodeAudio(good.subarray(0, 44 + 1000));
    expect(d.channels[0]!.length).toBe(500);
    expect(d.warnings.map((w) => w.code)).toEqual(['AUDIO_DATA_TRUNCATED']);
    const huge = makeWav([sine(300, 16000, 0.1)], { ...spec, declaredDataBytes: 0xfffffff0 });
    const h = await decodeAudio(huge);
    expect(h.channels[0]!.length).toBe(1600); // sized by the bytes present, not the header's claim
  });

  it('NaN/Inf samples: a few are zeroed with a warning, many are an error', async () => {
    const x = sine(300, 16000, 0.5);
    x[10] = NaN;
    x[20] = Infinity;
    const d = await decodeAudio(makeWav([x], { sampleRate: 16000, format: 'float', bits: 32 }));
    expect(d.channels[0]![10]).toBe(0);
    expect(d.warnings.map((w) => w.code)).toEqual(['AUDIO_NONFINITE_SAMPLES']);
    const y = sine(300, 16000, 0.5).map((v, i) => (i % 10 === 0 ? NaN : v));
    expect(
      await codeOf(decodeAudio(makeWav([y], { sampleRate: 16000, format: 'float', bits: 32 }))),
    ).toBe('AUDIO_NONFINITE_SAMPLES');
  });

  it('sample rate 0 or above 384 kHz -> AUDIO_BAD_SAMPLE_RATE', async () => {
    for (const sampleRate of [0, 384_001, 4_000_000_000]) {
      expect(await codeOf(decodeAudio(makeWav([tone], { ...spec, sampleRate })))).toBe(
        'AUDIO_BAD_SAMPLE_RATE',
      );
    }
  });

  it('more than 32 channels -> AUDIO_TOO_MANY_CHANNELS', async () => {
    const many = makeWav(
      Array.from({ length: 33 }, () => tone),
      spec,
    );
    expect(await codeOf(decodeAudio(many))).toBe('AUDIO_TOO_MANY_CHANNELS');
    // A corrupt header claiming 65535 channels must be refused before anything is allocated.
    expect(await codeOf(decodeAudio(makeWav([tone], { ...spec, declaredChannels: 65535 })))).toBe(
      'AUDIO_TOO_MANY_CHANNELS',
    );
  });

  it('non-audio renamed to .wav -> AUDIO_NOT_AUDIO or AUDIO_UNKNOWN_FORMAT', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100)]);
    expect(await codeOf(decodeAudio(png))).toBe('AUDIO_NOT_AUDIO');
    expect(await codeOf(decodeAudio(Buffer.from('<html><body>404 Not Found</body></html>')))).toBe(
      'AUDIO_NOT_AUDIO',
    );
    expect(await codeOf(decodeAudio(Buffer.from([1, 2, 3, 0, 0, 0, 0, 0, 250, 251])))).toBe(
      'AUDIO_UNKNOWN_FORMAT',
    );
  });

  it('a RIFF file that is not WAVE, and a WAV without fmt, are refused', async () => {
    const avi = Buffer.from(good);
    avi.write('AVI ', 8, 'latin1');
    expect(await codeOf(decodeAudio(avi))).toBe('AUDIO_NOT_AUDIO');
    const nofmt = Buffer.from(good);
    nofmt.write('junk', 12, 'latin1');
    expect(await codeOf(decodeAudio(nofmt))).toMatch(/AUDIO_(BAD_HEADER|TRUNCATED)/);
  });

  it('unsupported WAV codec without ffmpeg -> AUDIO_FFMPEG_MISSING naming what to do', async () => {
    const adpcm = Buffer.from(good);
    adpcm.writeUInt16LE(2, 20); // MS ADPCM
    try {
      await decodeAudio(adpcm, { ffmpeg: null });
      expect.fail('should throw');
    } catch (e) {
      expect(isSeimonError(e) && e.code).toBe('AUDIO_FFMPEG_MISSING');
      expect((e as Error).message).toMatch(/SEIMON_FFMPEG/);
    }
  });
});
