import { monoChunks } from './pipeline.js';
import type { AudioStream } from './stream.js';

/**
 * How much canonical audio (16 kHz mono) the probe and enrolment hold at once: 5 minutes (19 MB).
 * A multiple of 512 (the descriptor frame and the Silero window), so per-frame measures line up.
 */
export const BLOCK_SAMPLES = 5 * 60 * 16000;

/** A stretch of canonical audio and where it starts (in samples from the beginning). */
export interface AudioBlock {
  start: number;
  samples: Float32Array;
}

/**
 * Canonical audio in fixed blocks, so work over a long recording holds one block at a time and memory
 * stays flat with its length. A recording shorter than one block comes as exactly one block.
 * The blocks share one buffer: a block's samples are valid until the next block is asked for (copy
 * what must outlive it). A fresh 19 MB buffer per block would leave the garbage collector, which sees
 * little of such off-heap memory, several dead blocks to find.
 */
export async function* canonicalBlocks(stream: AudioStream, blockSamples = BLOCK_SAMPLES): AsyncGenerator<AudioBlock> {
  const buf = new Float32Array(blockSamples);
  let fill = 0;
  let start = 0;
  for await (const chunk of monoChunks(stream)) {
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(chunk.length - at, blockSamples - fill);
      buf.set(chunk.subarray(at, at + take), fill);
      fill += take;
      at += take;
      if (fill === blockSamples) {
        yield { start, samples: buf };
        start += fill;
        fill = 0;
      }
    }
  }
  if (fill > 0 || start === 0) yield { start, samples: buf.subarray(0, fill) };
}
