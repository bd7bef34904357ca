import { monoChunks } from '../audio/pipeline.js';
import { openAudioStream } from '../audio/stream.js';
import type { DecodeOptions } from '../audio/decode.js';
import type { AudioWarning } from '../audio/types.js';
import { applyCmn } from './cmn.js';
import { FbankStream } from './fbank.js';
import type { FeatureMatrix } from './fbank.js';
import { FBANK_PRESETS } from './presets.js';
import type { FbankPresetName } from './presets.js';

/** Streams a file through decode, mix, resample and fbank; memory grows only with the features. */
export async function fbankFromFile(
  path: string,
  preset: FbankPresetName,
  opts: DecodeOptions & { cmn?: boolean } = {},
): Promise<{ features: FeatureMatrix; warnings: AudioWarning[] }> {
  const stream = await openAudioStream(path, opts);
  const fbank = new FbankStream(FBANK_PRESETS[preset]);
  const parts: Float32Array[] = [];
  let frames = 0;
  for await (const chunk of monoChunks(stream)) {
    const m = fbank.push(chunk);
    parts.push(m.data);
    frames += m.numFrames;
  }
  const bins = fbank.options.numMelBins;
  const data = new Float32Array(frames * bins);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  const features = { numFrames: frames, numBins: bins, data };
  return { features: opts.cmn ? applyCmn(features) : features, warnings: stream.warnings };
}
