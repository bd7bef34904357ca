/**
 * Time from `new Embedder` to `ready()` and the process's peak RSS, with the starter model and
 * N workers (default 2), each measurement in a fresh process so peaks do not carry over.
 * Usage: tsx scripts/bench/pool-ready.ts [workers] [runs] [other-src ...]
 * Each `other-src` is another copy of src/ inside this checkout (e.g. `git archive main src | tar -x
 * -C .bench-main`, then pass `.bench-main/src`); runs alternate between the copies, so a busy machine
 * distorts them alike.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as embedderModule from '../../src/embedding/embedder.js';

type EmbedderModule = typeof embedderModule;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STARTER = path.join(ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');

async function child(workers: number, src: string): Promise<void> {
  const { Embedder } = (await import(pathToFileURL(path.join(src, 'embedding', 'embedder.ts')).href)) as EmbedderModule;
  const bytes = new Uint8Array(fs.readFileSync(STARTER));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const e = new Embedder(
    { id: 'starter', sha256: 'x', path: STARTER, preset: '3dspeaker', inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 },
    // As the app opens a model (openEmbedder): from the verified bytes.
    { workers, intraOpThreads: 1, modelBytes: bytes },
  );
  await e.ready();
  const ms = performance.now() - t0;
  // CPU time of the whole process (every thread) until ready: less distorted by a busy machine than wall time.
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const graph = e.graph;
  await e.close();
  // maxRSS counts every thread of the process (workers included), in KiB.
  process.stdout.write(JSON.stringify({ ms, cpuMs, peakMiB: process.resourceUsage().maxRSS / 1024, graph }) + '\n');
}

function parent(workers: number, runs: number, srcs: string[]): void {
  const rows = new Map<string, { ms: number; cpuMs: number; peakMiB: number; graph: string }[]>(srcs.map((s) => [s, []]));
  for (let i = 0; i < runs; i++) {
    for (const src of srcs) {
      const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(workers), src], { encoding: 'utf8' });
      rows.get(src)!.push(JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; peakMiB: number; graph: string });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [src, rs] of rows) {
    console.log(`${path.relative(ROOT, src) || '.'}: ${workers} workers, ${runs} runs: median ready ${median(rs.map((r) => r.ms)).toFixed(0)} ms (${rs.map((r) => r.ms.toFixed(0)).join(' ')}), median CPU ${median(rs.map((r) => r.cpuMs)).toFixed(0)} ms, median peak RSS ${median(rs.map((r) => r.peakMiB)).toFixed(0)} MiB (${rs.map((r) => r.peakMiB.toFixed(0)).join(' ')}); ${rs[0]?.graph}`);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(Number(args[1] ?? 2), args[2] ?? path.join(ROOT, 'src'));
else parent(Number(args[0] ?? 2), Number(args[1] ?? 5), [path.join(ROOT, 'src'), ...args.slice(2).map((s) => path.resolve(s))]);
