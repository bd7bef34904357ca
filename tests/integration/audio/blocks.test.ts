import { describe, expect, it } from 'vitest';
import { BLOCK_SAMPLES, canonicalBlocks } from '../../../src/audio/blocks.js';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { openAudioStream } from '../../../src/audio/stream.js';
import { SHARED_SKIP_MESSAGE } from '../../helpers/paths.js';
import { realSpeechFile } from '../../helpers/speech.js';

const real = realSpeechFile();
if (!real) console.warn(SHARED_SKIP_MESSAGE);

/** Copies of every block (a block is only valid until the next is asked for) and their starts. */
async function collect(file: string, blockSamples?: number): Promise<{ start: number; samples: Float32Array }[]> {
  const out: { start: number; samples: Float32Array }[] = [];
  for await (const b of canonicalBlocks(await openAudioStream(file), blockSamples)) out.push({ start: b.start, samples: b.samples.slice() });
  return out;
}

describe.skipIf(!real)('canonical blocks of real speech (one reused buffer)', () => {
  it('cut a recording into consecutive full blocks and a shorter last one that add up to the whole', async () => {
    const whole = (await loadSpeechAudio(real!)).samples;
    const size = 2 * 16000; // 2 s blocks: a LibriSpeech utterance gives several, as 5-minute blocks do for hours
    const blocks = await collect(real!, size);
    expect(blocks.length).toBe(Math.ceil(whole.length / size));
    blocks.forEach((b, i) => {
      expect(b.start).toBe(i * size);
      expect(b.samples.length).toBe(i < blocks.length - 1 ? size : whole.length - i * size);
      // Each block holds its own stretch, not the next one written over it.
      expect(b.samples).toEqual(whole.subarray(b.start, b.start + b.samples.length));
    });
  });

  it('give a recording shorter than one block as exactly one block, equal to the whole', async () => {
    const whole = (await loadSpeechAudio(real!)).samples;
    expect(whole.length).toBeLessThan(BLOCK_SAMPLES);
    const blocks = await collect(real!);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.start).toBe(0);
    expect(blocks[0]!.samples).toEqual(whole);
  });

  it('a block length that divides the recording exactly leaves no empty last block', async () => {
    const whole = (await loadSpeechAudio(real!)).samples;
    const blocks = await collect(real!, whole.length);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.samples).toEqual(whole);
  });
});
