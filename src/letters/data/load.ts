// Reads and validates the legal data files; cached per folder, since they change only with an update.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { LetterRegime } from '../../domain/letters.js';
import { LETTER_REGIMES } from '../../domain/letters.js';
import { SeimonError } from '../../core/errors.js';
import { legalDataDir } from './paths.js';
import { deadlinesFile, groundsFile, platformsFile, templateFile } from './schema.js';
import type { DeadlinesFile, GroundsFile, PlatformsFile, TemplateFile } from './schema.js';

export interface LegalData {
  dir: string;
  platforms: PlatformsFile;
  grounds: GroundsFile;
  deadlines: DeadlinesFile;
  templates: Record<LetterRegime, TemplateFile>;
}

const cache = new Map<string, LegalData>();

function readJson<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SeimonError('LETTER_DATA_INVALID', `Cannot read legal data file ${file}: ${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new SeimonError('LETTER_DATA_INVALID', `Legal data file ${file} is invalid at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`);
  }
  return r.data;
}

/** The legal data (platforms, grounds, deadlines, templates), validated. */
export function legalData(dir = legalDataDir()): LegalData {
  const hit = cache.get(dir);
  if (hit) return hit;
  const templates = Object.fromEntries(
    LETTER_REGIMES.map((r) => [r, readJson(path.join(dir, 'templates', `${r}.json`), templateFile)]),
  ) as Record<LetterRegime, TemplateFile>;
  const data: LegalData = {
    dir,
    platforms: readJson(path.join(dir, 'platforms.json'), platformsFile),
    grounds: readJson(path.join(dir, 'grounds.json'), groundsFile),
    deadlines: readJson(path.join(dir, 'deadlines.json'), deadlinesFile),
    templates,
  };
  cache.set(dir, data);
  return data;
}
