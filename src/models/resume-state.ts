import fs from 'node:fs';
import { removeQuietly } from './paths.js';

/** What is remembered beside a `.part` file so a later run may resume it safely. */
export interface ResumeState {
  url: string;
  /** Strong ETag or Last-Modified of the first response: sent back as If-Range. */
  validator: string | null;
  totalBytes: number | null;
}

const stateFile = (part: string) => `${part}.json`;

/** The saved state for a part file, only when it belongs to the same URL and the part exists. */
export function readResumeState(part: string, url: string): ResumeState | null {
  try {
    const s = JSON.parse(fs.readFileSync(stateFile(part), 'utf8')) as ResumeState;
    return s.url === url && fs.existsSync(part) ? s : null;
  } catch {
    return null;
  }
}

export function writeResumeState(part: string, s: ResumeState): void {
  fs.writeFileSync(stateFile(part), JSON.stringify(s));
}

/** Deletes a partial download and its state. */
export function discardPartial(part: string): void {
  removeQuietly(part);
  removeQuietly(stateFile(part));
}
