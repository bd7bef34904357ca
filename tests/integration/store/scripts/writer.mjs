// A separate process that writes to one data folder in a loop through the handler map (like the CLI),
// for the concurrency test: prints one JSON line with how many operations succeeded and every failure.
import { register } from 'tsx/esm/api';

register();
const [dataDir, label, countArg, ...audio] = process.argv.slice(2);
const fs = await import('node:fs');
const { openSession, closeCore } = await import('../../../../src/api/session.ts');
const { invoke } = await import('../../../../src/api/invoke.ts');
const ctx = openSession(dataDir, `writer-${label}`);
const failures = [];
let ok = 0;
for (let i = 0; i < Number(countArg); i++) {
  const created = await invoke(ctx, 'performers.create', { name: `${label}-${i}` });
  if (!created.ok) {
    failures.push(created.error);
    continue;
  }
  const updated = await invoke(ctx, 'performers.update', { id: created.value.id, notes: `note ${i}` });
  if (!updated.ok) {
    failures.push(updated.error);
    continue;
  }
  // Imports read before they write (is this file already the performer's?): the case that used to fail.
  let imported = true;
  for (const file of audio) {
    const r = await invoke(ctx, 'references.import', { performerId: created.value.id, name: file.split('/').at(-1), bytes: new Uint8Array(fs.readFileSync(file)) });
    if (!r.ok) {
      failures.push(r.error);
      imported = false;
    }
  }
  if (imported) ok++;
}
closeCore(ctx);
process.stdout.write(JSON.stringify({ ok, failures }) + '\n');
