import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ModelManifest } from './manifest.js';

/** The content-addressed models folder inside a data folder: `models/<sha256>.onnx`. */
export function modelsDir(dataDir: string): string {
  const dir = path.join(dataDir, 'models');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Where partial downloads wait to be resumed. */
export function downloadsDir(dataDir: string): string {
  const dir = path.join(modelsDir(dataDir), '.downloads');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The file name a model with these bytes is stored under. */
export const modelFileName = (sha256: string): string => `${sha256}.onnx`;

/** Absolute path of a registered model's file. */
export function modelFilePath(dataDir: string, m: Pick<ModelManifest, 'file'>): string {
  return path.join(dataDir, 'models', m.file);
}

/** A fresh temporary name in the models folder, so the final rename stays on one filesystem. */
export function tempModelPath(dataDir: string, label: string): string {
  return path.join(modelsDir(dataDir), `.${label}-${randomBytes(8).toString('hex')}.tmp`);
}

/** Removes a file if it exists; never throws for a missing one. */
export function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}
