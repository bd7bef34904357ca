// Child process for the crash test: imports variants of one WAV as fast as it can until killed.
import fs from 'node:fs';
import { openCore } from '../../../src/store/open-core.js';
import { invoke } from '../../../src/api/invoke.js';

const [dataDir, file] = process.argv.slice(2);
const ctx = openCore(dataDir ?? '', 'crash-test');
const created = await invoke(ctx, 'performers.create', { name: 'Crash test' });
if (!created.ok) throw new Error(created.error.message);
const base = new Uint8Array(fs.readFileSync(file ?? ''));
for (let i = 0; ; i++) {
  const bytes = base.slice();
  // Change the last sample so every import is new bytes (a new file and a new row).
  bytes[bytes.length - 1] = i & 0xff;
  bytes[bytes.length - 2] = (i >> 8) & 0xff;
  const r = await invoke(ctx, 'references.import', { performerId: created.value.id, name: `take-${i}.wav`, bytes });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`imported ${i}\n`);
}
