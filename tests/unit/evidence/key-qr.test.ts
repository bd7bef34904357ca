import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyQrFigure, qrModules } from '../../../src/evidence/report/key-qr.js';

const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;
const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('the signing key as a QR code in reports', () => {
  it('has the three finder patterns of a QR symbol and a size QR allows', () => {
    const m = qrModules(pem.trim());
    const n = m.length;
    expect((n - 17) % 4).toBe(0); // version v has 17 + 4v modules a side
    // Each finder is a 7x7 dark ring around a light ring around a 3x3 dark centre.
    for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      expect(m[r0]![c0]).toBe(true);
      expect(m[r0 + 1]![c0 + 1]).toBe(false);
      expect(m[r0 + 3]![c0 + 3]).toBe(true);
      expect(m[r0 + 6]![c0 + 6]).toBe(true);
    }
    expect(m[n - 1]![n - 1]).not.toBeUndefined();
  });

  it.skipIf(!hasZbar)('decodes back to exactly the PEM with a standard reader (zbarimg)', () => {
    const fig = keyQrFigure(pem, 'caption');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-qr-')), 'key.png');
    fs.writeFileSync(file, fig.png);
    const r = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pem.trim());
    expect(fig.maxWidthPt).toBeLessThan(200);
  });
});
