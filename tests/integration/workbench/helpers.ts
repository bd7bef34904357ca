import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../../src/core/context.js';
import { openCore } from '../../../src/store/open-core.js';
import type { InputOf, OperationName, OutputOf } from '../../../src/api/contract.js';
import { invoke } from '../../../src/api/invoke.js';
import { jobsOf } from '../../../src/jobs/registry.js';
import { importModelFile } from '../../../src/models/import.js';
import { setDefaultModel } from '../../../src/models/registry.js';
import { runCli } from '../../../src/cli/main.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';
import { expect } from 'vitest';

/** Runs the CLI in-process, expects exit 0 (stderr as the message otherwise) and parses its JSON output. */
export async function cliJson(args: string[]): Promise<unknown> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  expect(code, err).toBe(0);
  return JSON.parse(out) as unknown;
}

export const FIXTURE_MODEL = path.join(REPO_ROOT, 'fixtures', 'models', 'good-3dspeaker.onnx');

/** Keeps the bundled starter model out of plumbing tests (it would be copied into every data folder). */
export function withoutBundledModels(): void {
  process.env.SEIMON_BUNDLED_MODELS_DIR = freshDataDir('seimon-no-bundled');
}

/** A fresh core whose default model is the small fixture model. */
export async function fixtureCore(label = 'seimon-wb'): Promise<CoreContext> {
  const ctx = openCore(freshDataDir(label), 'test');
  const r = await importModelFile(ctx, FIXTURE_MODEL, { preset: '3dspeaker' });
  setDefaultModel(ctx, r.model.id);
  return ctx;
}

/** Calls an operation through the real validation and handler map; throws on failure. */
export async function op<K extends OperationName>(ctx: CoreContext, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const r = await invoke<K>(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value;
}

/** Calls an operation and returns the error code it fails with. */
export async function opError<K extends OperationName>(ctx: CoreContext, name: K, input: InputOf<K>): Promise<string> {
  const r = await invoke<K>(ctx, name, input);
  if (r.ok) throw new Error(`${name} was expected to fail`);
  return r.error.code;
}

/** Waits for a job of this core to end. */
export const waitJob = (ctx: CoreContext, id: string) => jobsOf(ctx).wait(id);

export const hasEspeak = (() => {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Synthesised speech (espeak-ng) in a voice, written as WAV; returns the path. */
export function speech(dir: string, name: string, text: string, voice = 'en'): string {
  const out = path.join(dir, name);
  execFileSync('espeak-ng', ['-v', voice, '-w', out, text], { stdio: 'ignore' });
  return out;
}

/** A file's bytes as the UI sends them. */
export const bytesOf = (file: string): Uint8Array<ArrayBuffer> => new Uint8Array(fs.readFileSync(file));

/** Not audio at all: what a user drops by mistake. */
export function corruptFile(dir: string, name = 'notes.wav'): string {
  const out = path.join(dir, name);
  fs.writeFileSync(out, '%PDF-1.4 this is not audio\n'.repeat(40));
  return out;
}

export const LINES = [
  'The quick brown fox jumps over the lazy dog while the river runs quietly past the old mill.',
  'She sells sea shells by the sea shore, and the shells she sells are surely sea shells.',
  'Every morning the baker opens his shop and the smell of fresh bread fills the whole street.',
  'A journey of a thousand miles begins with a single step, said the old teacher to his students.',
];
