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

  // One direction of dependency: every upward import issue 20 listed, and one per layer boundary.
  it.each([
    ["import type { Performer } from '../api/contract.js';\nexport type P = Performer;\n", 'src/store/x.ts'],
    ["import type { CoreContext } from '../api/context.js';\nexport type C = CoreContext;\n", 'src/models/x.ts'],
    ["import type { CoreContext } from '../api/context.js';\nexport type C = CoreContext;\n", 'src/scoring/x.ts'],
    ["import type { LetterDraft } from '../../api/types/letters.js';\nexport type L = LetterDraft;\n", 'src/letters/render/x.ts'],
    ["import type { Case } from '../api/types/cases.js';\nexport type C = Case;\n", 'src/evidence/x.ts'],
    ["import { x } from '../api/handlers.js';\nexport const y = x;\n", 'src/workbench/x.ts'],
    ["import { x } from '../store/database.js';\nexport const y = x;\n", 'src/core/x.ts'],
    ["import { x } from '../store/database.js';\nexport const y = x;\n", 'src/domain/x.ts'],
    ["import { x } from '../audio/decode.js';\nexport const y = x;\n", 'src/store/x.ts'],
    ["import { x } from '../embedding/embedder.js';\nexport const y = x;\n", 'src/features/x.ts'],
    ["import { x } from '../../scoring/metrics.js';\nexport const y = x;\n", 'src/embedding/eval/x.ts'],
    ["import { x } from '../../workbench/screening.js';\nexport const y = x;\n", 'src/scoring/eval/x.ts'],
    ["import { x } from '../cli/main.js';\nexport const y = x;\n", 'src/api/x.ts'],
    ["import { openCore } from '../store/open-core.js';\nexport const y = openCore;\n", 'src/cli/x.ts'],
    ["import { scoreTrials } from '../../scoring/evaluate.js';\nexport const y = scoreTrials;\n", 'src/cli/commands/x.ts'],
    ["import type { Performer } from '../../domain/index.js';\nexport type P = Performer;\n", 'src/cli/commands/x.ts'],
    ["import { SeimonError } from '../core/errors.js';\nexport const y = SeimonError;\n", 'src/cli/x.ts'],
  ])('rejects the upward import %j in %s', async (code, file) => {
    expect(await ruleIdsFor(code, file)).toContain('no-restricted-imports');
  });

  it.each([
    ["import type { Performer } from '../domain/index.js';\nexport type P = Performer;\n", 'src/store/x.ts'],
    ["import { x } from '../store/database.js';\nexport const y = x;\n", 'src/scoring/x.ts'],
    ["import { x } from '../scoring/metrics.js';\nexport const y = x;\n", 'src/letters/x.ts'],
    ["import { x } from '../evidence/verify.js';\nexport const y = x;\n", 'src/letters/x.ts'],
    ["import { x } from '../api/invoke.js';\nexport const y = x;\n", 'src/cli/x.ts'],
    ["import { revealBidi } from '../core/bidi.js';\nexport const y = revealBidi;\n", 'src/cli/x.ts'],
  ])('allows the downward or same-layer import %j in %s', async (code, file) => {
    expect(await ruleIdsFor(code, file)).toEqual([]);
  });

  it('flags DOM globals in the core', async () => {
    expect(await ruleIdsFor('export const t = document.title;\n', 'src/audio/x.ts')).toContain('no-restricted-globals');
  });

  it('allows the renderer to import the API contract', async () => {
    const code = "import { contract } from '../../src/api/contract';\nexport const c = contract;\n";
    expect(await ruleIdsFor(code, 'renderer/src/x.ts')).toEqual([]);
  });
});
