// A small workbench through the real core: three performers with references, one suspect clip cut
// from the first performer's speech, and a case. Real speech from held-out speakers (../shared).
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../../src/core/context.js';
import { invoke } from '../../../src/api/invoke.js';
import type { InputOf, OperationName, OutputOf } from '../../../src/api/contract.js';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { REPO_ROOT, SPEECH_DIR } from '../../helpers/paths.js';

const LIBRI = 'librispeech-train-clean-100-1utt';

/** Calls an operation and throws on failure. */
export async function op<K extends OperationName>(ctx: CoreContext, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const r = await invoke<K>(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** WAV bytes of `seconds` of a held-out speaker's utterance starting at `from` seconds. */
export async function speechWav(speakerIndex: number, from: number, seconds: number): Promise<Uint8Array<ArrayBuffer>> {
  const held = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'models', 'training', 'heldout_speakers.json'), 'utf8')) as Record<string, string[]>;
  const spk = (held[LIBRI] ?? [])[speakerIndex] ?? '';
  const dir = path.join(SPEECH_DIR, LIBRI, spk);
  const flac = fs.readdirSync(dir).find((f) => f.endsWith('.flac')) ?? '';
  const { samples } = await loadSpeechAudio(path.join(dir, flac));
  const part = samples.subarray(Math.round(from * 16000), Math.round((from + seconds) * 16000));
  const wav = encodeWavPcm16(part, 16000);
  return Uint8Array.from(wav);
}

export interface Workbench {
  performerId: string;
  suspectId: string;
  caseId: string;
}

/** Builds the workbench and opens a case for performer 0 × the suspect. */
export async function buildWorkbench(ctx: CoreContext): Promise<Workbench> {
  await op(ctx, 'evidence.updateSettings', { examiner: { name: '山田 鑑定', role: '日本俳優連合 権利保護担当' } });
  const names = ['青木 葵', '佐藤 花子', 'Taro Yamada'];
  const ids: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const p = await op(ctx, 'performers.create', { name: names[i] ?? '', kana: i === 0 ? 'あおき あおい' : null, agency: '声紋プロダクション' });
    await op(ctx, 'references.import', { performerId: p.id, name: `ref-${i}.wav`, bytes: await speechWav(i, 0, 8) });
    await op(ctx, 'performers.enroll', { id: p.id });
    ids.push(p.id);
  }
  const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'AIボイス「あおい」<script>', service: 'VoiceGen', platform: 'YouTube', url: 'https://example.com/v/1', capturedAt: '2026-11-01T10:00:00Z' });
  await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'suspect clip.wav', bytes: await speechWav(0, 8, 10) });
  const c = await op(ctx, 'cases.create', { performerIds: [ids[0] ?? ''], suspectIds: [s.id], platform: 'YouTube', legalGrounds: 'パブリシティ権侵害の疑い' });
  return { performerId: ids[0] ?? '', suspectId: s.id, caseId: c.id };
}
