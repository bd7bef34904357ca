import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared data folder next to the checkout; tests that need it skip when it is absent. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const SPEECH_DIR = path.join(SHARED_DIR, 'data', 'speech');
export const GOLDEN_DIR = path.join(SHARED_DIR, 'data', 'golden');
export const hasShared = fs.existsSync(SPEECH_DIR);
export const SHARED_SKIP_MESSAGE = `../shared/data not found at ${SHARED_DIR}: skipping tests that need real speech`;

/** A fresh, empty data folder for one test. */
export function freshDataDir(label = 'seimon-test'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}
