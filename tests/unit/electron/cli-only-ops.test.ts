/**
 * Operations that take paths on this machine (seimon embed / compare / eval) are in the contract for the
 * CLI, which runs the core in-process; the IPC route must refuse them so a window can never name a file.
 */
import { describe, expect, it, vi } from 'vitest';
import { routeInvoke } from '../../../electron/ipc.js';
import { OPERATION_NAMES, isCliOnlyOperation } from '../../../src/api/contract.js';

/** The scoring tools' operations that take paths (seimon embed, compare, eval, calibrate --trials). */
const CLI_ONLY_OPERATIONS = ['embed.file', 'compare.files', 'eval.start', 'eval.result'];

describe('CLI-only operations over IPC', () => {
  it('are all real operations of the contract, marked CLI-only', () => {
    for (const op of CLI_ONLY_OPERATIONS) {
      expect(OPERATION_NAMES).toContain(op);
      expect(isCliOnlyOperation(op)).toBe(true);
    }
    expect(isCliOnlyOperation('compare.files')).toBe(true);
    expect(isCliOnlyOperation('compare.get')).toBe(false);
    expect(isCliOnlyOperation('population.calibrate')).toBe(false);
  });

  it('are refused by routeInvoke before validation, even from a trusted window with valid input', async () => {
    const forward = vi.fn(async () => ({ ok: true as const, value: null }));
    const inputs: Record<string, unknown> = {
      'embed.file': { file: '/etc/passwd' },
      'compare.files': { a: '/home/u/a.wav', b: '/home/u/b.wav' },
      'eval.start': { mode: 'eval', trials: '/tmp/trials.txt', scores: '/home/u/.bashrc' },
      'eval.result': { jobId: 'job_1' },
    };
    for (const op of CLI_ONLY_OPERATIONS) {
      const r = await routeInvoke(true, op, inputs[op] ?? {}, forward);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    }
    expect(forward).not.toHaveBeenCalled();
  });

  it('leave the population operations the app needs callable', async () => {
    const forward = vi.fn(async () => ({ ok: true as const, value: null }));
    expect(await routeInvoke(true, 'population.get', {}, forward)).toMatchObject({ ok: true });
    expect(await routeInvoke(true, 'population.calibrate', { consent: false }, forward)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(forward).toHaveBeenCalledTimes(1);
  });
});
