import type { FieldIssue, Result } from '../core/result.js';
import type { OperationName } from './contract.js';
import { contract } from './contract.js';

/** Checks an input against the operation's schema; issues name the field they are about. */
export function validateInput(
  op: OperationName,
  rawInput: unknown,
): { ok: true; value: unknown } | Extract<Result<never>, { ok: false }> {
  const res = contract[op].input.safeParse(rawInput ?? {});
  if (res.success) return { ok: true, value: res.data };
  const issues: FieldIssue[] = res.error.issues.map((i) => ({
    path: i.code === 'unrecognized_keys' ? i.keys.join('.') : i.path.join('.'),
    message: i.code === 'unrecognized_keys' ? `Unknown field: ${i.keys.join(', ')}` : i.message,
  }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { ok: false, error: { code: 'INVALID_INPUT', message, issues } };
}
