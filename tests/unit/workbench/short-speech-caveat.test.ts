import { describe, expect, it } from 'vitest';
import { eerAtSpeech } from '../../../src/domain/short-speech.js';
import { measuredShortSpeech } from '../../../src/domain/short-speech-eer.js';
import { shortSpeechCaveat } from '../../../src/workbench/caveats.js';

const V2 = '0052849d3ca74e234a30ac36fc51945c28d8916af41f61f263da8ae838148288';

describe('the error rate stated with a short clip', () => {
  it('picks the measured range that holds the clip, the shortest below every range and the last above', () => {
    const rows = measuredShortSpeech(V2)?.rows;
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
    expect(ja).not.toContain('held-out');
    const en = shortSpeechCaveat(0.8, V2, 'en');
    expect(en).toContain('speech of 0.5 to 1 s had an equal error rate (EER) of 10.7 %');
  });

  it('says when the model has no measurement rather than borrowing another model\'s', () => {
    expect(shortSpeechCaveat(2, 'f'.repeat(64), 'ja')).toContain('このモデルの短い発話での誤り率は測定されていません');
    expect(shortSpeechCaveat(2, undefined, 'en')).toContain('no measured error rate');
  });
});
