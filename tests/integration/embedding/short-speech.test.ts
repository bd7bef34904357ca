// Short speech through the app's front-end (issue 19): the minimum it scores, one window for short
// speech, speech counted with the tight VAD segments while the model hears the wider ones.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { detectSpeech } from '../../../src/audio/vad/index.js';
import { EMBEDDING_SEGMENT_RULES, probabilitiesToSegments, speechSeconds } from '../../../src/audio/vad/segments.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { MIN_SCORED_SPEECH_SECONDS, WHOLE_SPEECH_WINDOW_SECONDS } from '../../../src/domain/short-speech.js';
import { embedFile } from '../../../src/embedding/embed-file.js';
import { Embedder } from '../../../src/embedding/embedder.js';
import { REPO_ROOT, SHARED_SKIP_MESSAGE, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';

const MODEL = path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');
const SC = path.join(SPEECH_DIR, 'speech-commands-v002');
let embedder: Embedder;
let work: string;

/** Words of one Speech Commands speaker, joined as recorded (silences kept), written as a WAV. */
async function joinedWords(speaker: string, count: number, name: string): Promise<string> {
  const dir = path.join(SC, speaker);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.flac')).sort().slice(0, count);
  const parts = await Promise.all(files.map(async (f) => (await loadSpeechAudio(path.join(dir, f))).samples));
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const out = path.join(work, name);
  fs.writeFileSync(out, encodeWavPcm16(all, 16000));
  return out;
}

/** The first Speech Commands speaker with at least `n` words. */
function speakerWith(n: number): string {
  const s = fs.readdirSync(SC).sort().find((d) => fs.statSync(path.join(SC, d)).isDirectory() && fs.readdirSync(path.join(SC, d)).length >= n);
  if (!s) throw new Error('no speaker with enough words');
  return s;
}

describe.skipIf(!hasShared)('short speech through the front-end', () => {
  beforeAll(async () => {
    embedder = new Embedder({ id: 'starter', sha256: 'b'.repeat(64), path: MODEL, preset: '3dspeaker', inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 }, { workers: 1 });
    await embedder.ready();
    work = freshDataDir('seimon-short');
  });
  afterAll(async () => embedder?.close());

  it('scores three joined one-second words as one window, counting only the speech the VAD found', async () => {
    const file = await joinedWords(speakerWith(3), 3, 'three-words.wav');
    const r = await embedFile(embedder, file);
    expect(r.windows).toHaveLength(1);
    // Speech is the tight VAD count (well under the 3 s file), at least the minimum that is scored.
    expect(r.speechSeconds).toBeGreaterThanOrEqual(MIN_SCORED_SPEECH_SECONDS);
    expect(r.speechSeconds).toBeLessThan(2.9);
    expect(r.speechSeconds).toBeCloseTo(speechSeconds(r.segments), 6);
    // The model heard the wider segments: pauses under a second and the edges of words kept.
    const { samples } = await loadSpeechAudio(file);
    const vad = await detectSpeech(samples);
    const wide = probabilitiesToSegments(vad.probabilities, vad.hopSeconds, samples.length / 16000, EMBEDDING_SEGMENT_RULES);
    expect(speechSeconds(wide)).toBeGreaterThan(r.speechSeconds + 0.3);
    expect(r.windows[0]!.end - r.windows[0]!.start).toBeCloseTo(Math.max(...wide.map((s) => s.end)) - Math.min(...wide.map((s) => s.start)), 1);
  });

  it('refuses a fragment of a word with AUDIO_TOO_SHORT, naming the speech it found and the minimum', async () => {
    // A piece from the middle of a word's speech, with half a second of silence on each side, as long as
    // needed for the VAD to find some speech but less than the minimum.
    const word = await joinedWords(speakerWith(1), 1, 'one-word.wav');
    const { samples } = await loadSpeechAudio(word);
    const seg = (await detectSpeech(samples)).segments[0]!;
    const mid = Math.round(((seg.start + seg.end) / 2) * 16000);
    let file = '';
    for (const ms of [300, 340, 380, 420, 460]) {
      const half = (ms / 2) * 16;
      const fragment = new Float32Array(16000 + 2 * half);
      fragment.set(samples.subarray(mid - half, mid + half), 8000);
      const found = speechSeconds((await detectSpeech(fragment)).segments);
      if (found > 0 && found < MIN_SCORED_SPEECH_SECONDS) {
        file = path.join(work, 'fragment.wav');
        fs.writeFileSync(file, encodeWavPcm16(fragment, 16000));
        break;
      }
    }
    expect(file, 'a fragment with some speech under the minimum').not.toBe('');
    const err = await embedFile(embedder, file).then(
      () => null,
      (e: unknown) => e as { code: string; details?: { speechSeconds: number; minSpeechSeconds: number }; message: string },
    );
    expect(err?.code).toBe('AUDIO_TOO_SHORT');
    expect(err?.details?.minSpeechSeconds).toBe(MIN_SCORED_SPEECH_SECONDS);
    expect(err?.details?.speechSeconds).toBeGreaterThan(0);
    expect(err?.details?.speechSeconds).toBeLessThan(MIN_SCORED_SPEECH_SECONDS);
    expect(err?.message).toMatch(/at least 0.5 s of speech/);
  });

  it(`embeds longer speech in 3 s windows once it passes ${WHOLE_SPEECH_WINDOW_SECONDS} s`, async () => {
    const file = await joinedWords(speakerWith(12), 12, 'twelve-words.wav');
    const r = await embedFile(embedder, file);
    expect(r.windows.length).toBeGreaterThan(1);
    expect(r.windows.every((w) => w.end - w.start <= 3.0 + 1.5)).toBe(true); // a window may span a dropped pause
  });
});

describe.skipIf(hasShared)('short speech through the front-end', () => {
  it('is skipped', () => console.log(SHARED_SKIP_MESSAGE));
});
