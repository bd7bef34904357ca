import { useCallback, useEffect, useState } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../../src/api/contract';
import { call } from './client';

/** Loads one operation's result; `reload` re-runs it. Server data stays in components, not the store. */
export function useCall<K extends OperationName>(op: K, input: InputOf<K> | null, deps: unknown[] = []) {
  const [value, setValue] = useState<OutputOf<K> | undefined>(undefined);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    if (input === null) return;
    const res = await call(op, input);
    if (res.ok) {
      setValue(res.value);
      setError(null);
    } else setError(res.error);
  }, [op, key, ...deps]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}
