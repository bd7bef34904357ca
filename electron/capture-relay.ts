// Relays the capture browser between the core host (which runs the capture logic) and the main
// process (which alone can open windows). Only the core host talks on this channel: the renderer
// has no way to reach it, and the capture window has no preload and no IPC.
import type { CaptureBrowserLauncher, CaptureTab, CdpSession } from '../src/core/browser.js';
import { CAPTURE_EVENTS } from '../src/capture/events.js';

/** One side of the utility-process channel. */
export interface RelayPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

type ToMain =
  | { capture: { kind: 'open'; req: number } }
  | { capture: { kind: 'send'; req: number; tab: number; method: string; params?: Record<string, unknown> } }
  | { capture: { kind: 'close'; req: number; tab: number } };
type ToCore =
  | { capture: { kind: 'reply'; req: number; ok: true; value: unknown } }
  | { capture: { kind: 'reply'; req: number; ok: false; message: string } }
  | { capture: { kind: 'event'; tab: number; method: string; params: unknown } };

const isCapture = (m: unknown): m is { capture: Record<string, unknown> } => typeof m === 'object' && m !== null && 'capture' in m;

/** Main process: opens tabs on request and relays their CDP traffic. */
export function serveCaptureRelay(port: RelayPort, openTab: () => Promise<CaptureTab>): void {
  const tabs = new Map<number, { tab: CaptureTab; offs: (() => void)[] }>();
  let nextTab = 1;
  const reply = (req: number, p: Promise<unknown>) =>
    p.then(
      (value) => port.post({ capture: { kind: 'reply', req, ok: true, value } } satisfies ToCore),
      (e: unknown) => port.post({ capture: { kind: 'reply', req, ok: false, message: e instanceof Error ? e.message : String(e) } } satisfies ToCore),
    );
  port.onMessage((raw) => {
    if (!isCapture(raw)) return;
    const m = (raw as ToMain).capture;
    if (m.kind === 'open')
      void reply(m.req, openTab().then((tab) => {
        const id = nextTab++;
        // Every event the page's session emits is forwarded; the core subscribes to what it needs.
        const forward = (method: string) => tab.cdp.on(method, (params) => port.post({ capture: { kind: 'event', tab: id, method, params } } satisfies ToCore));
        tabs.set(id, { tab, offs: CAPTURE_EVENTS.map(forward) });
        return id;
      }));
    else if (m.kind === 'send') {
      const t = tabs.get(m.tab);
      void reply(m.req, t ? t.tab.cdp.send(m.method, m.params) : Promise.reject(new Error('No such capture tab')));
    } else if (m.kind === 'close') {
      const t = tabs.get(m.tab);
      tabs.delete(m.tab);
      for (const off of t?.offs ?? []) off();
      void reply(m.req, t ? t.tab.close() : Promise.resolve());
    }
  });
}


/** Core host: a capture browser whose tabs live in the main process. */
export function captureRelayClient(port: RelayPort, browser: { name: string; version: string }): CaptureBrowserLauncher {
  let nextReq = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  port.onMessage((raw) => {
    if (!isCapture(raw)) return;
    const m = (raw as ToCore).capture;
    if (m.kind === 'event') for (const l of listeners.get(`${m.tab}:${m.method}`) ?? []) l(m.params);
    else {
      const p = pending.get(m.req);
      pending.delete(m.req);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.message));
    }
  });
  const request = (body: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const req = nextReq++;
      pending.set(req, { resolve, reject });
      port.post({ capture: { ...body, req } });
    });
  return async () => ({
    ...browser,
    async openTab(): Promise<CaptureTab> {
      const tab = (await request({ kind: 'open' })) as number;
      const cdp: CdpSession = {
        send: (method, params) => request({ kind: 'send', tab, method, params }),
        on(event, listener) {
          const key = `${tab}:${event}`;
          if (!listeners.has(key)) listeners.set(key, new Set());
          listeners.get(key)!.add(listener);
          return () => void listeners.get(key)?.delete(listener);
        },
      };
      return { cdp, close: async () => void (await request({ kind: 'close', tab })) };
    },
    close: async () => undefined,
  });
}
