// {{name}} placeholders in the data files' texts, filled from the letter's variables.
import { SeimonError } from '../core/errors.js';

const PLACEHOLDER = /\{\{([a-zA-Z.]+)\}\}/g;

/** Replaces every {{name}}; an unknown name is a data-file bug (LETTER_DATA_INVALID). */
export function fill(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new SeimonError('LETTER_DATA_INVALID', `Unknown placeholder {{${name}}} in a legal data file`);
    return v;
  });
}

/** The placeholder names a text uses. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
