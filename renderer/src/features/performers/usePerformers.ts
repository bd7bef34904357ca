import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { Performer } from '../../api/client';

/** Loads the performer list from the core; `reload` after any change. */
export function usePerformers() {
  const [performers, setPerformers] = useState<Performer[] | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const reload = useCallback(async () => {
    const res = await call('performers.list', {});
    if (res.ok) {
      setPerformers(res.value);
      setError(null);
    } else setError(res.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { performers, error, reload };
}
