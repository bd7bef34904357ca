// Child process for the crash tests: runs an export or a stream of imports through the real core and
// announces progress on stdout, so the parent can kill -9 it part-way.
import fs from 'node:fs';
import { openCore } from '../../../src/store/open-core.js';
import { invoke } from '../../../src/api/invoke.js';
import { encodeWavPcm16 } from '../../../src/audio/wav-writer.js';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';
import { sine, whiteNoise } from '../../helpers/audio-synth.js';

const [mode, dataDir, id, out] = process.argv.slice(2);
const say = (s: string) => fs.writeSync(1, `${s}\n`);
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const ctx = openCore(dataDir ?? '', 'crash-test');

if (mode === 'export') {
  await exportEvidencePack(ctx, {
    caseId: id ?? '',
    out: out ?? '',
    lang: 'ja',
    audience: 'internal', includeReferenceAudio: true,
    afterEntry: (name) => {
      say(`ENTRY ${name}`);
      pause(150);
    },
  });
  say('DONE');
} else {
  for (let i = 0; i < 200; i++) {
    const s = sine(200 + i, 16000, 2, 0.3);
    const n = whiteNoise(16000, 2, 0.05, i + 1);
    for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) + (n[k] as number);
    const wav = encodeWavPcm16(s, 16000);
    const r = await invoke(ctx, 'suspects.importClip', { suspectId: id, name: `clip-${i}.wav`, bytes: Uint8Array.from(wav) });
    say(r.ok ? `IMPORTED ${i}` : `FAILED ${i} ${r.error.code}`);
  }
}
