import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eerAtSpeech } from '../../../src/domain/short-speech.js';
import { parseSpeechEerTable } from '../../../src/models/speech-eer.js';
import { shortSpeechCaveat } from '../../../src/workbench/caveats.js';
import { REPO_ROOT } from '../../helpers/paths.js';

// The starter model's own table, as its manifest ships it (the figures come from the manifest, not the code).
const MANIFEST = path.join(REPO_ROOT, 'models', 'starter', 'manifest.json');
const V2 = parseSpeechEerTable((JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as { eerBySpeech: unknown }).eerBySpeech, MANIFEST);

describe('the error rate stated with a short clip', () => {
  it('picks the measured range that holds the clip, the shortest below every range and the last above', () => {
    const rows = V2.rows;
    expect(eerAtSpeech(rows, 1.2)).toMatchObject({ seconds: 1, upTo: 1.5 });
    expect(eerAtSpeech(rows, 1.5)).toMatchObject({ seconds: 1.5, upTo: 2 });
    expect(eerAtSpeech(rows, 0.2)).toMatchObject({ seconds: 0.5 });
    expect(eerAtSpeech(rows, 9)).toMatchObject({ seconds: 3, upTo: 5 });
    expect(eerAtSpeech(undefined, 1)).toBeNull();
    expect(eerAtSpeech([], 1)).toBeNull();
  });

  it('states the measured EER at that length, in Japanese and in English', () => {
    const ja = shortSpeechCaveat(1.2, V2, 'ja');
    expect(ja).toContain('1.2 秒');
    expect(ja).toContain('発話 1 秒以上 1.5 秒未満の等価誤り率（EER）は 5.9 %');
    expect(ja).toContain('学習に使っていない英語話者');
    expect(ja).not.toContain('held-out');
    const en = shortSpeechCaveat(0.8, V2, 'en');
    expect(en).toContain('On held-out English speakers');
    expect(en).toContain('speech of 0.5 to 1 s had an equal error rate (EER) of 10.7 %');
  });

  it('reads the figure from the table it is given', () => {
    const other = { basis: { en: 'another set', ja: '別の測定' }, provenance: 'test', rows: [{ seconds: 1, upTo: 3, eerPercent: 4.25 }] };
    expect(shortSpeechCaveat(2, other, 'en')).toContain('On another set, speech of 1 to 3 s had an equal error rate (EER) of 4.3 %');
    expect(shortSpeechCaveat(2, other, 'ja')).toContain('別の測定では、発話 1 秒以上 3 秒未満の等価誤り率（EER）は 4.3 %');
  });

  it('says when the model has no measurement rather than borrowing another model\'s', () => {
    expect(shortSpeechCaveat(2, null, 'ja')).toContain('このモデルの短い発話での誤り率は測定されていません');
    expect(shortSpeechCaveat(2, undefined, 'en')).toContain('no measured error rate');
  });
});
