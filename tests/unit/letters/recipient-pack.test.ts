// A letter cites and attaches only the redacted recipient pack: never one with reference audio, other
// performers' data, or any internal pack (including packs made before redaction existed).
import { describe, expect, it } from 'vitest';
import type { EvidenceExport } from '../../../src/domain/cases.js';
import { fitForRecipient, recipientPack } from '../../../src/letters/source.js';

const pack = (id: string, o: Partial<EvidenceExport>): EvidenceExport => ({
  id,
  fileName: `${id}.zip`,
  sha256: 'a'.repeat(64),
  sizeBytes: 1,
  manifestSha256: 'b'.repeat(64),
  lang: 'ja',
  withReferenceAudio: false,
  redacted: true,
  withOtherPerformers: false,
  timestamped: false,
  signingKey: null,
  createdAt: '2026-11-30T00:00:00Z',
  ...o,
});

describe('which evidence pack a letter may attach', () => {
  it('accepts only the redacted version without reference audio or other performers', () => {
    expect(fitForRecipient(pack('r', {}))).toBe(true);
    expect(fitForRecipient(pack('a', { redacted: false, withReferenceAudio: true }))).toBe(false);
    expect(fitForRecipient(pack('o', { redacted: false, withOtherPerformers: true }))).toBe(false);
    expect(fitForRecipient(pack('i', { redacted: false }))).toBe(false); // internal, or made before redaction existed
  });

  it('picks the newest fit pack and names a newer unfit one so the editor can say why', () => {
    const exports = [pack('internal', { redacted: false, withOtherPerformers: true }), pack('recipient-new', {}), pack('recipient-old', {})];
    expect(recipientPack(exports)).toMatchObject({ pack: { id: 'recipient-new' }, unfitPack: { id: 'internal' } });
    expect(recipientPack([pack('x', { redacted: false })])).toEqual({ pack: null, unfitPack: expect.objectContaining({ id: 'x' }) });
    expect(recipientPack([])).toEqual({ pack: null, unfitPack: null });
  });
});
