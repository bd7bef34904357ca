import type { Db } from '../store/database.js';
import { modelIdTaken } from '../store/models.js';

/** Turns a name into a model id: lower-case letters, digits, `.`, `_` and `-`, at most 48 characters. */
export function slugifyModelId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/\.onnx$/, '')
    .replace(/\+/g, 'p')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 48);
  return slug || 'model';
}

/** A readable id not yet used in the registry: the slug, else the slug with -2, -3, ... */
export function uniqueModelId(db: Db, name: string): string {
  const base = slugifyModelId(name);
  if (!modelIdTaken(db, base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!modelIdTaken(db, id)) return id;
  }
}
