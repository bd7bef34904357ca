import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture boundaries are enforced by lint', () => {
  it.each([
    ["import { app } from 'electron';\nexport const a = app;\n", 'src/audio/x.ts'],
    ["import React from 'react';\nexport const r = React;\n", 'src/store/x.ts'],
    ["import { x } from '../../renderer/src/app/store';\nexport const y = x;\n", 'src/api/x.ts'],
    ["import fs from 'node:fs';\nexport const f = fs;\n", 'renderer/src/x.ts'],
    ["import fs from 'fs';\nexport const f = fs;\n", 'renderer/src/x.ts'],
    ["import { listPerformers } from '../../src/store/performers';\nexport const l = listPerformers;\n", 'renderer/src/x.ts'],
    ["import Database from 'better-sqlite3';\nexport const d = Database;\n", 'renderer/src/x.ts'],
  ])('rejects %j in %s', async (code, file) => {
    expect(await ruleIdsFor(code, file)).toContain('no-restricted-imports');
  });

  it('flags DOM globals in the core', async () => {
    expect(await ruleIdsFor('export const t = document.title;\n', 'src/audio/x.ts')).toContain('no-restricted-globals');
  });

  it('allows the renderer to import the API contract', async () => {
    const code = "import { contract } from '../../src/api/contract';\nexport const c = contract;\n";
    expect(await ruleIdsFor(code, 'renderer/src/x.ts')).toEqual([]);
  });
});
