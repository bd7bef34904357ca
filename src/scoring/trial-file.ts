// Parser for labelled trial lists, `<1|0> <enroll>[,<enroll>...] <test>`, paths relative to the list.
// Agencies assemble these by hand, so one bad line must not sink the evaluation: each problem is
// reported with its line number, that line is skipped, and the rest is evaluated.
import fs from 'node:fs';
import path from 'node:path';
import { SeimonError } from '../core/errors.js';

/** Why a trial line was left out; stable strings, shown in reports and JSON. */
export type SkipReason =
  | 'bad-label'
  | 'field-count'
  | 'empty-path'
  | 'missing-file'
  | 'duplicate'
  | 'conflicting-label'
  | 'audio-error';

/** One line that was not evaluated, and why. */
export interface SkippedLine {
  readonly line: number;
  readonly reason: SkipReason;
  readonly message: string;
  /** The underlying error code (e.g. AUDIO_NO_SPEECH) when the line failed at decoding. */
  readonly code?: string;
}

/** One usable trial: label 1 = same speaker (target), 0 = different speakers (non-target). */
export interface Trial {
  readonly line: number;
  readonly label: 0 | 1;
  /** Enrollment files as written in the list, and resolved to absolute paths. */
  readonly enrollText: string;
  readonly enroll: readonly string[];
  readonly testText: string;
  readonly test: string;
}

export interface ParsedTrials {
  readonly trials: Trial[];
  readonly skipped: SkippedLine[];
  /** Non-comment, non-blank lines seen. */
  readonly lines: number;
}

export interface ParseOptions {
  /** Directory the paths are relative to (the trial file's folder). */
  readonly baseDir: string;
  /** Injected so tests and callers with their own file systems can check existence. */
  readonly fileExists?: (file: string) => boolean;
}

const isFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Parses trial-list text; never throws on a bad line, it reports it in `skipped`. */
export function parseTrialText(text: string, opts: ParseOptions): ParsedTrials {
  const exists = opts.fileExists ?? isFile;
  const trials: Trial[] = [];
  const skipped: SkippedLine[] = [];
  // Same enrollment set + test seen before: the label and line of its first occurrence.
  const seen = new Map<string, { label: 0 | 1; line: number }>();
  let lines = 0;
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const line = i + 1;
    const body = (rows[i] ?? '').replace(/#.*$/, '').trim();
    if (body === '') continue;
    lines++;
    const skip = (reason: SkipReason, message: string): void => {
      skipped.push({ line, reason, message });
    };
    const fields = body.split(/\s+/);
    if (fields.length !== 3) {
      skip('field-count', `expected 3 fields "<1|0> <enroll>[,<enroll>...] <test>", found ${fields.length}`);
      continue;
    }
    const [labelText, enrollText, testText] = fields as [string, string, string];
    if (labelText !== '1' && labelText !== '0') {
      skip('bad-label', `label must be 1 (same speaker) or 0 (different speakers), found "${labelText}"`);
      continue;
    }
    const enrollParts = enrollText.split(',');
    if (enrollParts.some((p) => p === '')) {
      skip('empty-path', `empty enrollment path in "${enrollText}"`);
      continue;
    }
    const enroll = enrollParts.map((p) => path.resolve(opts.baseDir, p));
    const test = path.resolve(opts.baseDir, testText);
    const named = [...enrollParts, testText];
    const missing = [...enroll, test].flatMap((abs, k) => (exists(abs) ? [] : [named[k]]));
    if (missing.length > 0) {
      skip('missing-file', `file not found: ${missing.join(', ')}`);
      continue;
    }
    const label = labelText === '1' ? 1 : 0;
    // The enrollment set is unordered and a repeated file adds nothing, so key on the sorted set.
    const key = `${[...new Set(enroll)].sort().join('\0')}\n${test}`;
    const first = seen.get(key);
    if (first) {
      if (first.label === label) skip('duplicate', `duplicate of line ${first.line} (counted once)`);
      else skip('conflicting-label', `same enrollment and test as line ${first.line} but labelled ${label}; line ${first.line} kept`);
      continue;
    }
    seen.set(key, { label, line });
    trials.push({ line, label, enrollText, enroll, testText, test });
  }
  return { trials, skipped, lines };
}

/** Reads and parses a trial file (SCORING_TRIAL_FILE_UNREADABLE if it cannot be read). */
export function readTrialFile(file: string): ParsedTrials {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SeimonError('SCORING_TRIAL_FILE_UNREADABLE', `Cannot read trial file ${file}: ${(e as Error).message}`);
  }
  return parseTrialText(text, { baseDir: path.dirname(path.resolve(file)) });
}
