/**
 * No report or letter states a band the population check does not vouch for. Two real performers
 * (LibriSpeech, starter model) are too few to validate the calibration: the screening withholds the
 * band, a score recorded earlier with a stated band (as the old scoring stored it) is re-read as withheld
 * in the letter, and the evidence report prints the withheld band with the population sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import type { CoreContext } from '../../../src/core/context.js';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { SHARED_SKIP_MESSAGE, SPEECH_DIR, freshDataDir, hasShared } from '../../helpers/paths.js';
import { unpack } from '../evidence/zip-tools.js';
import { bytesOf, op, waitJob } from '../workbench/helpers.js';
import { REQUESTER } from './helpers.js';

const LIBRI = 'librispeech-train-clean-100-1utt';
if (!hasShared) console.warn(`[letters-population] ${SHARED_SKIP_MESSAGE}`);

describe.skipIf(!hasShared)('reports and letters under the population check', () => {
  let ctx: CoreContext;
  let caseId = '';
  const work = freshDataDir('seimon-letters-pop-clips');

  beforeAll(async () => {
    ctx = openCore(freshDataDir('seimon-letters-pop'), 'test');
    const speakers = ['1963', '2007'];
    const thirds = new Map<string, string[]>();
    for (const spk of speakers) {
      const dir = path.join(SPEECH_DIR, LIBRI, spk);
      const file = fs.readdirSync(dir).find((f) => f.endsWith('.flac')) as string;
      const { samples } = await loadSpeechAudio(path.join(dir, file));
      const n = Math.floor(samples.length / 3);
      thirds.set(spk, [0, 1, 2].map((k) => {
        const out = path.join(work, `${spk}-${k}.wav`);
        fs.writeFileSync(out, encodeWavPcm16(samples.subarray(k * n, (k + 1) * n), 16000));
        return out;
      }));
    }
    const ids: string[] = [];
    for (const spk of speakers) {
      const p = await op(ctx, 'performers.create', { name: `話者 ${spk}` });
      ids.push(p.id);
      for (const f of thirds.get(spk)!.slice(0, 2)) await op(ctx, 'references.import', { performerId: p.id, name: path.basename(f), bytes: bytesOf(f) });
    }
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'AI クローン', url: 'https://www.nicovideo.jp/watch/sm00000001' });
    await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'clip.wav', bytes: bytesOf(thirds.get('1963')![2]!) });
    const job = await op(ctx, 'screening.start', {});
    expect((await waitJob(ctx, job.id)).state).toBe('done');
    const c = await op(ctx, 'cases.create', { performerIds: [ids[0]!], suspectIds: [s.id], platform: 'dwango-niconico' });
    caseId = c.id;
    // Union staff in the union's own name; the publicity ground's facts confirmed (a DMCA notice is refused for a sound-alike).
    await op(ctx, 'grounds.setForCase', {
      caseId,
      grounds: ['publicity'],
      facts: { usedActualRecordings: 'no', exclusiveExploitation: 'yes', commercialUse: 'yes', capacity: 'organisation', ownInterest: 'yes' },
    });
    await op(ctx, 'letters.setRequester', REQUESTER);
    await op(ctx, 'evidence.updateSettings', { examiner: { name: '山田 鑑定', role: '権利保護担当' } });
  }, 240_000);
  afterAll(() => ctx && closeCore(ctx));

  it('the screening withholds every band with two performers', async () => {
    const run = await op(ctx, 'screening.latest', {});
    expect(run?.population?.withheld).toBe('too-few-performers');
    expect(run?.matches.every((m) => m.band === 'withheld' && m.percent === null)).toBe(true);
  });

  it('a letter never states a band recorded before the check: it says the band is withheld and why', async () => {
    // What the old scoring stored for this pair: a stated "very high" at 99.7 %.
    ctx.db.prepare("UPDATE screening_results SET percent = 99.7, llr = 5.8, band = 'very-high'").run();
    const d = await op(ctx, 'letters.draft', { caseId, regime: 'idpa', lang: 'ja' });
    const txt = Buffer.from((await op(ctx, 'letters.export', { id: d.id, format: 'txt' })).bytes).toString('utf8');
    expect(txt).not.toContain('99.7');
    expect(txt).not.toContain('非常に高い');
    expect(txt).toContain('判定保留');
    expect(txt).toContain('実演家 20 名以上');
    expect(txt).toContain('仮説 1');
    if (process.env.SHOW_LETTER) console.log(txt);
    const en = await op(ctx, 'letters.draft', { caseId, regime: 'guideline', lang: 'en' });
    const enTxt = Buffer.from((await op(ctx, 'letters.export', { id: en.id, format: 'txt' })).bytes).toString('utf8');
    expect(enTxt).toContain('band withheld');
    expect(enTxt).not.toMatch(/very high/i);
  });

  it('the evidence report prints the withheld band with the population sentences, in ja and en', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const out = path.join(work, `pack-${lang}.zip`);
      await exportEvidencePack(ctx, { caseId, out, lang, audience: 'recipient', includeReferenceAudio: false });
      const html = Buffer.from(unpack(out).find((e) => e.name === 'report.html')!.source as Uint8Array).toString();
      if (lang === 'ja') {
        expect(html).toContain('判定保留（登録済み実演家で未検証）');
        expect(html).toContain('実演家 20 名以上');
        expect(html).toContain('英語');
      } else {
        expect(html).toContain('withheld (not validated on the enrolled performers)');
        expect(html).toContain('at least 20 performers');
        expect(html).toContain('H1: the suspect voice was produced from, or imitates');
      }
    }
  });
});
