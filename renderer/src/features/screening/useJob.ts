import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import type { JobStatus } from '../../api/client';

/** Follows a background job by polling its status until it ends. */
export function useJob(onFinished: (job: JobStatus) => void) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const poll = useCallback(async (id: string) => {
    const res = await call('jobs.status', { id });
    if (!res.ok) return;
    setJob(res.value);
    if (res.value.state === 'running') timer.current = setTimeout(() => void poll(id), 150);
    else finished.current(res.value);
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const follow = useCallback(
    (j: JobStatus) => {
      setJob(j);
      if (j.state === 'running') void poll(j.id);
      else finished.current(j);
    },
    [poll],
  );
  /** Shows a job's last status without following it or running the finish callback (a page opened later). */
  const show = useCallback((j: JobStatus) => setJob(j), []);
  return { job, follow, show };
}
