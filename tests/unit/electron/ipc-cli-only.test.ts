import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, isCliOnlyOperation } from '../../../src/api/contract.js';
import { routeInvoke } from '../../../electron/ipc.js';

describe('operations that take paths are CLI-only', () => {
  it('refuses every CLI-only operation from a window, before validation and without forwarding', async () => {
    const evidenceCliOps = ['evidence.exportTo', 'evidence.verifyPath'];
    expect(OPERATION_NAMES.filter((op) => op.startsWith('evidence.') && isCliOnlyOperation(op)).sort()).toEqual(evidenceCliOps);
    for (const op of evidenceCliOps) {
      expect(OPERATION_NAMES).toContain(op);
      let forwarded = false;
      const r = await routeInvoke(true, op, { path: '/etc/passwd' }, () => {
        forwarded = true;
        return Promise.resolve({ ok: true, value: null });
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
      expect(forwarded).toBe(false);
    }
  });

  it('still forwards the window-safe evidence operations', async () => {
    const r = await routeInvoke(true, 'evidence.verify', { fileName: 'case_0123456789-x.zip' }, () => Promise.resolve({ ok: true, value: 'forwarded' }));
    expect(r).toEqual({ ok: true, value: 'forwarded' });
  });
});
