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
  const issues: FieldIssue[] = res.error.issues.map((i): FieldIssue => {
    if (i.code === 'unrecognized_keys')
      return { path: i.keys.join('.'), kind: 'unknown_field', message: `Unknown field: ${i.keys.join(', ')}` };
    const path = i.path.join('.');
    if (i.code === 'too_small') return { path, kind: 'required', message: i.message };
    if (i.code === 'too_big') return { path, kind: 'too_long', limit: Number(i.maximum), message: i.message };
    if (i.code === 'custom') return { path, kind: (i.params as { kind?: string } | undefined)?.kind === 'bidi_controls' ? 'bidi_controls' : 'control_chars', message: i.message };
    return { path, kind: 'invalid', message: i.message };
  });
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { ok: false, error: { code: 'INVALID_INPUT', message, issues } };
}
