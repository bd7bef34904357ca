import type { Result } from '../src/core/result.js';

/** The subset of a utilityProcess child the client needs. */
export interface CoreProcess {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: unknown): void;
}

interface HostMessage {
  id?: number;
  result?: Result<unknown>;
  ready?: boolean;
  fatal?: { code: string; message: string };
}

/** Talks to the core host: numbered requests, answers matched by id, failures as Results. */
export function createCoreClient(child: CoreProcess) {
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let fatal: HostMessage['fatal'] | null = null;
  let resolveReady: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((r) => (resolveReady = r));

  child.on('message', (raw) => {
    const m = raw as HostMessage;
    if (m.ready) resolveReady(true);
    if (m.fatal) {
      fatal = m.fatal;
      resolveReady(false);
    }
    if (m.id !== undefined && m.result) {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    }
  });
  child.on('exit', (code) => {
    fatal ??= { code: 'INTERNAL', message: `The core process stopped (exit code ${code})` };
    resolveReady(false);
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: fatal.message } });
    pending.clear();
  });

  return {
    ready,
    fatalError: () => fatal,
    call(op: string, input: unknown): Promise<Result<unknown>> {
      if (fatal) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: fatal.message } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.postMessage({ id, op, input });
      });
    },
  };
}
