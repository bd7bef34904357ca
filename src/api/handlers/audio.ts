import { contentPath } from '../../store/content.js';
import { getRecording } from '../../store/recordings.js';
import { playbackWav, spectrogramOf, waveformOf } from '../../workbench/audio-views.js';
import type { HandlerGroup } from './types.js';

type AudioOps = 'audio.waveform' | 'audio.spectrogram' | 'audio.wav';

/** Views of stored recordings for the UI (always from the content store, never from a path). */
export const audioHandlers: HandlerGroup<AudioOps> = {
  'audio.waveform': (ctx, input) => waveformOf(contentPath(ctx.dataDir, getRecording(ctx.db, input.recordingId).sha256), input.points),
  'audio.spectrogram': (ctx, input) => spectrogramOf(contentPath(ctx.dataDir, getRecording(ctx.db, input.recordingId).sha256)),
  'audio.wav': (ctx, input) => playbackWav(contentPath(ctx.dataDir, getRecording(ctx.db, input.recordingId).sha256)),
};
