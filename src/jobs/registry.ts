// In-process registry of long-running work (screening, model installs): each job reports progress,
// can be cancelled through its AbortSignal, and records per-item problems without stopping.
import type { JobStatus } from '../domain/index.js';
import { newId } from '../core/ids.js';
import { SeimonError, isSeimonError } from '../core/errors.js';

/** What a running job may do: watch for cancellation, report progress and problems. */
export interface JobControl {
  readonly signal: AbortSignal;
  setTotal(total: number): void;
  /** Marks `n` more items done. */
  advance(n?: number): void;
  /** Sets progress outright (e.g. bytes received of a download). */
  progress(done: number, total: number): void;
  /** Records an item that failed; the job goes on. */
  problem(item: string, code: string, message: string): void;
}

/** The body of a job: resolves to the id of what it produced (or null). */
export type JobBody = (control: JobControl) => Promise<string | null>;

interface Entry {
  status: JobStatus;
  abort: AbortController;
  done: Promise<JobStatus>;
  startedMs: number;
}

/** Jobs of one core; finished jobs stay listed until the core closes. */
export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  /** Starts a job in the background and returns its first status at once. */
  start(kind: JobStatus['kind'], body: JobBody): JobStatus {
    const status: JobStatus = {
      id: newId('job'),
      kind,
      state: 'running',
      done: 0,
      total: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      etaSeconds: null,
      problems: [],
      error: null,
      resultId: null,
    };
    const abort = new AbortController();
    const control: JobControl = {
      signal: abort.signal,
      setTotal: (t) => void (status.total = t),
      advance: (n = 1) => void (status.done = Math.min(status.total || Infinity, status.done + n)),
      progress: (done, total) => {
        status.done = done;
        status.total = total;
      },
      problem: (item, code, message) => void status.problems.push({ item, code, message }),
    };
    const entry: Entry = { status, abort, startedMs: Date.now(), done: Promise.resolve(status) };
    // Run on a later turn so the caller gets the status before any work happens.
    entry.done = new Promise<void>((r) => setImmediate(r))
      .then(() => body(control))
      .then(
        (resultId) => this.finish(status, abort.signal.aborted ? 'cancelled' : 'done', null, resultId),
        (e: unknown) => {
          const cancelled = abort.signal.aborted || (isSeimonError(e) && e.code === 'CANCELLED');
          const error = cancelled ? null : { code: isSeimonError(e) ? e.code : 'INTERNAL', message: (e as Error).message ?? String(e) };
          return this.finish(status, cancelled ? 'cancelled' : 'failed', error, null);
        },
      );
    this.jobs.set(status.id, entry);
    return this.snapshot(entry);
  }

  private finish(s: JobStatus, state: JobStatus['state'], error: JobStatus['error'], resultId: string | null): JobStatus {
    s.state = state;
    s.error = error;
    s.resultId = resultId;
    s.finishedAt = new Date().toISOString();
    s.etaSeconds = null;
    return s;
  }

  private entry(id: string): Entry {
    const e = this.jobs.get(id);
    if (!e) throw new SeimonError('NOT_FOUND', `No job with id ${id} (jobs are forgotten when the app restarts)`);
    return e;
  }

  private snapshot(e: Entry): JobStatus {
    const s = e.status;
    let eta: number | null = null;
    if (s.state === 'running' && s.done > 0 && s.total > s.done) {
      eta = Math.round(((Date.now() - e.startedMs) / 1000 / s.done) * (s.total - s.done));
    }
    return { ...s, etaSeconds: eta, problems: [...s.problems] };
  }

  /** The current status of a job (NOT_FOUND for an unknown id). */
  status(id: string): JobStatus {
    return this.snapshot(this.entry(id));
  }

  /** Asks a job to stop; it ends as 'cancelled' at its next check. */
  cancel(id: string): JobStatus {
    const e = this.entry(id);
    if (e.status.state === 'running') e.abort.abort();
    return this.snapshot(e);
  }

  /** Resolves with the final status once the job has ended. */
  async wait(id: string): Promise<JobStatus> {
    const e = this.entry(id);
    await e.done;
    return this.snapshot(e);
  }

  /** The running job of a kind, if any (one screening at a time). */
  running(kind: JobStatus['kind']): JobStatus | undefined {
    for (const e of this.jobs.values()) if (e.status.kind === kind && e.status.state === 'running') return this.snapshot(e);
    return undefined;
  }

  /** The running job of a kind, else the one started last (null when none ran since the core opened). */
  latest(kind: JobStatus['kind']): JobStatus | null {
    const running = this.running(kind);
    if (running) return running;
    let last: Entry | undefined;
    for (const e of this.jobs.values()) if (e.status.kind === kind && (!last || e.startedMs >= last.startedMs)) last = e;
    return last ? this.snapshot(last) : null;
  }

  /** Cancels every running job and waits for all of them to end (before closing the core). */
  async shutdown(): Promise<void> {
    for (const e of this.jobs.values()) if (e.status.state === 'running') e.abort.abort();
    await Promise.all([...this.jobs.values()].map((e) => e.done));
  }
}

const registries = new WeakMap<object, JobRegistry>();

/** The job registry of a core (keyed by the core's database handle). */
export function jobsOf(ctx: { db: object }): JobRegistry {
  let r = registries.get(ctx.db);
  if (!r) {
    r = new JobRegistry();
    registries.set(ctx.db, r);
  }
  return r;
}

/** Gives the event loop a turn, so status calls are answered between items of a batch. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** Throws CANCELLED when the job was asked to stop. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new SeimonError('CANCELLED', 'Cancelled');
}
