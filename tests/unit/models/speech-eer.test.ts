import { describe, expect, it } from 'vitest';
import { parseSpeechEerTable } from '../../../src/models/speech-eer.js';

const basis = { en: 'held-out speakers', ja: '学習外の話者' };
const table = (rows: unknown) => ({ basis, provenance: 'scripts/eval/short-speech.ts, TEST half', rows });
const refusal = (raw: unknown) => {
  try {
    parseSpeechEerTable(raw, 'manifest.json');
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('accepted');
};

describe('a manifest\'s measured EER by speech length', () => {
  it('accepts ordered, contiguous rows in range', () => {
    const rows = [
      { seconds: 0, upTo: 1, eerPercent: 20 },
      { seconds: 1, upTo: 2.5, eerPercent: 0 },
      { seconds: 2.5, upTo: 5, eerPercent: 100 },
    ];
    expect(parseSpeechEerTable(table(rows), 'manifest.json').rows).toEqual(rows);
  });

  it('refuses each kind of bad row with MODEL_SPEECH_EER_INVALID, naming the row', () => {
    const cases: [unknown, string][] = [
      // out of order
      [table([{ seconds: 1, upTo: 2, eerPercent: 5 }, { seconds: 0.5, upTo: 1, eerPercent: 9 }]), 'row 2 (from 0.5 s) is out of order: row 1 starts at 1 s'],
      // overlapping
      [table([{ seconds: 0.5, upTo: 1.5, eerPercent: 9 }, { seconds: 1, upTo: 2, eerPercent: 5 }]), 'row 2 (1-2 s) overlaps row 1 (0.5-1.5 s)'],
      // a gap: a length with no figure
      [table([{ seconds: 0.5, upTo: 1, eerPercent: 9 }, { seconds: 1.5, upTo: 2, eerPercent: 5 }]), 'row 2 starts at 1.5 s, leaving 1-1.5 s without a figure'],
      // empty or reversed range
      [table([{ seconds: 2, upTo: 2, eerPercent: 5 }]), 'row 1 ends (2 s) where or before it starts (2 s)'],
      // out of range
      [table([{ seconds: 1, upTo: 2, eerPercent: 101 }]), 'eerBySpeech.rows.0.eerPercent'],
      [table([{ seconds: -1, upTo: 2, eerPercent: 5 }]), 'eerBySpeech.rows.0.seconds'],
      [table([{ seconds: 1, upTo: 2, eerPercent: Number.NaN }]), 'eerBySpeech.rows.0.eerPercent'],
      // no rows, missing basis, unknown keys, wrong shape
      [table([]), 'eerBySpeech.rows'],
      [{ provenance: 'x', rows: [{ seconds: 1, upTo: 2, eerPercent: 5 }] }, 'eerBySpeech.basis'],
      [table([{ seconds: 1, upTo: 2, eer: 5 }]), 'eerBySpeech.rows.0'],
      [[{ seconds: 1, upTo: 2, eerPercent: 5 }], 'eerBySpeech'],
    ];
    for (const [raw, says] of cases) {
      const e = refusal(raw);
      expect(e.code).toBe('MODEL_SPEECH_EER_INVALID');
      expect(e.message).toContain('manifest.json: eerBySpeech was refused');
      expect(e.message).toContain(says);
    }
  });
});
