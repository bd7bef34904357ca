import { execFileSync } from 'node:child_process';
import type { CoreContext } from '../../../src/core/context.js';
import type { InputOf } from '../../../src/api/contract.js';
import { openCore } from '../../../src/store/open-core.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { freshDataDir } from '../../helpers/paths.js';
import { op } from '../workbench/helpers.js';

export { op, opError } from '../workbench/helpers.js';

/** True when a command-line tool is on PATH. */
export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** 2 s of a voiced-like synthetic signal (a 140 Hz harmonic series with a slow vibrato), as WAV bytes. */
export function syntheticClip(seed = 1): Uint8Array<ArrayBuffer> {
  const rate = 16000;
  const x = new Float32Array(rate * 2);
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const f0 = 140 + 6 * Math.sin((2 * Math.PI * 5 * i) / rate) + seed;
    phase += (2 * Math.PI * f0) / rate;
    let v = 0;
    for (let h = 1; h <= 8; h++) v += Math.sin(h * phase) / h;
    x[i] = 0.2 * v * (0.6 + 0.4 * Math.sin((2 * Math.PI * 3 * i) / rate));
  }
  return new Uint8Array(encodeWavPcm16(x, rate));
}

export interface Built {
  ctx: CoreContext;
  caseId: string;
  performerId: string;
  suspectId: string;
  clipSha256: string;
}

export const REQUESTER = {
  name: '声優ユニオン 法務担当 佐藤',
  organisation: '日本声優協会（仮）',
  address: '東京都千代田区一丁目1-1',
  email: 'legal@example.jp',
  phone: '03-0000-0000',
};

/** The performer signing for themself. */
export const PERFORMER_REQUESTER = { name: '山田 花子', organisation: null, address: '東京都港区一丁目2-3', email: 'hanako@example.jp', phone: null };

/** A performer, a suspect clip with provenance and a case, made through the real core. */
export async function buildCase(
  o: {
    performerName?: string;
    url?: string | null;
    requester?: boolean | InputOf<'letters.setRequester'>;
    platform?: string;
    grounds?: string[];
    facts?: InputOf<'grounds.setForCase'>['facts'];
  } = {},
): Promise<Built> {
  const ctx = openCore(freshDataDir('seimon-letters'), 'test');
  const p = await op(ctx, 'performers.create', { name: o.performerName ?? '山田 花子', kana: 'やまだ はなこ', romaji: 'Hanako Yamada', agency: 'テスト事務所' });
  const s = await op(ctx, 'suspects.create', {
    kind: 'clip',
    label: 'AI歌ってみた #12',
    platform: 'ニコニコ',
    uploader: 'uploader123',
    url: o.url === undefined ? 'https://www.nicovideo.jp/watch/sm00000000' : o.url,
    postedAt: '2025-05-01T12:00:00+09:00',
    capturedAt: '2025-05-02T09:30:00+09:00',
  });
  const clip = await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'clip.wav', bytes: syntheticClip() });
  const c = await op(ctx, 'cases.create', { performerIds: [p.id], suspectIds: [s.id], platform: o.platform ?? 'dwango-niconico' });
  await op(ctx, 'grounds.setForCase', {
    caseId: c.id,
    grounds: o.grounds ?? ['publicity', 'unfair-competition'],
    // REQUESTER is union staff: by default the union sends in its own name and interest.
    facts: { capacity: 'organisation', ownInterest: 'yes', ...(o.facts ?? { usedActualRecordings: 'no', commercialUse: 'yes' }) },
  });
  if (o.requester !== false) await op(ctx, 'letters.setRequester', o.requester === undefined || o.requester === true ? REQUESTER : o.requester);
  return { ctx, caseId: c.id, performerId: p.id, suspectId: s.id, clipSha256: clip.recording.sha256 };
}
