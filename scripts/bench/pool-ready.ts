/**
 * Time from `new Embedder` to `ready()` and the process's peak RSS, with the starter model and
 * N workers (default 2), each measurement in a fresh process so peaks do not carry over.
 * Usage: tsx scripts/bench/pool-ready.ts [workers] [runs]
 *   (a child run: tsx scripts/bench/pool-ready.ts --child <workers>)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Embedder } from '../../src/embedding/embedder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STARTER = path.join(ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');

async function child(workers: number): Promise<void> {
  const t0 = performance.now();
  const e = new Embedder(
    { id: 'starter', sha256: 'x', path: STARTER, preset: '3dspeaker', inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 },
    { workers, intraOpThreads: 1 },
  );
  await e.ready();
  const ms = performance.now() - t0;
  const graph = e.graph;
  await e.close();
  // maxRSS counts every thread of the process (workers included), in KiB.
  process.stdout.write(JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024, graph }) + '\n');
}

function parent(workers: number, runs: number): void {
  const rows: { ms: number; peakMiB: number; graph: string }[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(workers)], { encoding: 'utf8' });
    rows.push(JSON.parse(out.trim().split('\n').at(-1)!) as (typeof rows)[number]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const r of rows) console.log(`ready ${r.ms.toFixed(0)} ms, peak RSS ${r.peakMiB.toFixed(0)} MiB (${r.graph})`);
  console.log(`${workers} workers, ${runs} runs: median ready ${median(rows.map((r) => r.ms)).toFixed(0)} ms, median peak RSS ${median(rows.map((r) => r.peakMiB)).toFixed(0)} MiB`);
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(Number(args[1] ?? 2));
else parent(Number(args[0] ?? 2), Number(args[1] ?? 5));
