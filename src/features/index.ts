export { FbankStream, computeFbank, numFrames } from './fbank.js';
export type { FeatureMatrix } from './fbank.js';
export { applyCmn } from './cmn.js';
export { FBANK_PRESETS, FBANK_PRESET_NAMES, isFbankPresetName } from './presets.js';
export type { FbankOptions, FbankPresetName } from './presets.js';
export { encodeNpy, decodeNpy } from './npy.js';
export { fbankFromFile } from './extract.js';
