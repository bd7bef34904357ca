// Where the legal data files live: $SEIMON_LEGAL_DATA_DIR, the app's resources when packaged, else the
// repository's data/legal (found by walking up from this module, so src/ and dist/ both work).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding platforms.json, grounds.json, deadlines.json and templates/. */
export function legalDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEIMON_LEGAL_DATA_DIR) return path.resolve(env.SEIMON_LEGAL_DATA_DIR);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates: string[] = resources ? [path.join(resources, 'data', 'legal')] : [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'data', 'legal'));
    dir = path.dirname(dir);
  }
  return candidates.find((d) => fs.existsSync(path.join(d, 'grounds.json'))) ?? candidates[0]!;
}
