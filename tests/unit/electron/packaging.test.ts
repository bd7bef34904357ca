import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

describe('packaging config', () => {
  const yml = fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
  it('sets the Electron fuses: no RunAsNode, asar integrity, app only from asar', () => {
    expect(yml).toMatch(/runAsNode: false/);
    expect(yml).toMatch(/enableEmbeddedAsarIntegrityValidation: true/);
    expect(yml).toMatch(/onlyLoadAppFromAsar: true/);
  });
  it('unpacks native modules and targets all three platforms', () => {
    expect(yml).toMatch(/better-sqlite3/);
    expect(yml).toMatch(/onnxruntime-node/);
    for (const os of ['win:', 'mac:', 'linux:']) expect(yml).toContain(os);
  });
});
