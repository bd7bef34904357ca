import { describe, expect, it, vi } from 'vitest';
import { routeInvoke } from '../../../electron/ipc.js';
import { MAX_UPLOAD_BYTES, OPERATION_NAMES, isCliOnlyOperation } from '../../../src/api/contract.js';

const ok = async () => ({ ok: true as const, value: null });

describe('IPC trusts nothing from the renderer', () => {
  it('refuses every CLI-only operation (paths on disk, download addresses) before forwarding', async () => {
    const cliOnly = OPERATION_NAMES.filter(isCliOnlyOperation);
    expect(cliOnly).toEqual(expect.arrayContaining(['models.installUrl', 'models.importPath', 'audio.probeFile', 'doctor.run']));
    const forward = vi.fn(ok);
    for (const op of cliOnly) {
      const r = await routeInvoke(true, op, { path: '/etc/passwd', url: 'http://127.0.0.2/x.onnx', sha256: 'a'.repeat(64) }, forward);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    }
    expect(forward).not.toHaveBeenCalled();
  });

  it('models.install takes catalog ids only: an address is refused by validation', async () => {
    const forward = vi.fn(ok);
    for (const catalogId of ['http://127.0.0.2:8080/m.onnx', 'https://example.org/m.onnx', '//evil/x', 'file:///etc/passwd']) {
      const r = await routeInvoke(true, 'models.install', { catalogId }, forward);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(forward).not.toHaveBeenCalled();
    expect(await routeInvoke(true, 'models.install', { catalogId: 'wespeaker-resnet34-voxceleb' }, forward)).toMatchObject({ ok: true });
  });

  it('uploads are bounded in bytes', async () => {
    const forward = vi.fn(ok);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    for (const [op, input] of [
      ['references.import', { performerId: 'perf_0000000000', name: 'a.wav', bytes: big }],
      ['suspects.importClip', { suspectId: 'susp_0000000000', name: 'a.wav', bytes: big }],
      ['models.importFile', { name: 'm.onnx', bytes: big }],
    ] as const) {
      const r = await routeInvoke(true, op, input, forward);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(r)).toMatch(/larger than 512 MiB/);
    }
    expect(forward).not.toHaveBeenCalled();
  });
});
