import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import type { DownloadProgress } from '../../../src/models/download.js';
import { installModel, partFileFor } from '../../../src/models/install.js';
import { redirectTarget } from '../../../src/models/http-get.js';
import { listAudit } from '../../../src/store/audit.js';
import { listModels } from '../../../src/store/models.js';
import type { TestServer } from './helpers.js';
import { closeCore, expectCode, filesUnder, fixture, freshCore, startServer } from './helpers.js';

const MODEL = fs.readFileSync(fixture('good-wespeaker'));
const ETAG = '"v1"';

let ctx: CoreContext;
let server: TestServer;
beforeEach(async () => {
  ctx = freshCore();
  server = await startServer();
});
afterEach(async () => {
  closeCore(ctx);
  await server.close();
});

const modelsFolder = () => path.join(ctx.dataDir, 'models');

/** Serves `body` fully, or from a Range start when `ranges` is on. */
function serve(
  res: http.ServerResponse,
  req: http.IncomingMessage,
  body: Buffer,
  ranges = true,
): void {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (ranges && m && (!req.headers['if-range'] || req.headers['if-range'] === ETAG)) {
    const start = Number(m[1]);
    res.writeHead(206, {
      'content-type': 'application/octet-stream',
      'content-length': body.length - start,
      'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
      etag: ETAG,
    });
    res.end(body.subarray(start));
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': body.length,
    etag: ETAG,
  });
  res.end(body);
}

/** Sends the headers for the whole body, then part of it, then drops the connection. */
function cutOff(res: http.ServerResponse, body: Buffer, at: number): void {
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': body.length,
    etag: ETAG,
  });
  res.write(body.subarray(0, at), () => setTimeout(() => res.socket?.destroy(), 30));
}

describe('installing a model over HTTP (loopback server)', () => {
  it('downloads, records size and SHA-256, reports progress and audits the install', async () => {
    server.handle((req, res) => serve(res, req, MODEL));
    const progress: DownloadProgress[] = [];
    const r = await installModel(ctx, server.url('/models/good.onnx'), {
      onProgress: (p) => progress.push(p),
    });
    expect(r.model).toMatchObject({
      preset: 'wespeaker',
      sizeBytes: MODEL.length,
      sourceUrl: server.url('/models/good.onnx'),
    });
    expect(progress.at(-1)).toEqual({
      receivedBytes: MODEL.length,
      totalBytes: MODEL.length,
      resumedFrom: 0,
    });
    expect(filesUnder(modelsFolder())).toEqual([
      path.join(modelsFolder(), `${r.model.sha256}.onnx`),
    ]);
    const audit = listAudit(ctx.db, { objectId: r.model.id });
    expect(audit[0]).toMatchObject({
      action: 'model.install',
      details: { sha256: r.model.sha256, url: server.url('/models/good.onnx') },
    });
  });

  it('resumes an interrupted transfer with Range and If-Range', async () => {
    const url = server.url('/m.onnx');
    server.handle((_req, res) => cutOff(res, MODEL, 2000));
    await expectCode(() => installModel(ctx, url), 'MODEL_DOWNLOAD_INTERRUPTED');
    const part = partFileFor(ctx.dataDir, url);
    const kept = fs.statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(2000);
    expect(listModels(ctx.db)).toEqual([]);

    server.handle((req, res) => serve(res, req, MODEL));
    const progress: DownloadProgress[] = [];
    const r = await installModel(ctx, url, { onProgress: (p) => progress.push(p) });
    expect(server.requests.at(-1)?.headers).toMatchObject({
      range: `bytes=${kept}-`,
      'if-range': ETAG,
    });
    expect(progress[0]?.resumedFrom).toBe(kept);
    expect(fs.readFileSync(path.join(modelsFolder(), r.model.file)).equals(MODEL)).toBe(true);
    expect(filesUnder(modelsFolder())).toHaveLength(1); // the part file and its state are gone
  });

  it('starts over when the server ignores Range', async () => {
    const url = server.url('/m.onnx');
    server.handle((_req, res) => cutOff(res, MODEL, 2500));
    await expectCode(() => installModel(ctx, url), 'MODEL_DOWNLOAD_INTERRUPTED');
    server.handle((req, res) => serve(res, req, MODEL, false));
    const r = await installModel(ctx, url);
    expect(server.requests.at(-1)?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(fs.readFileSync(path.join(modelsFolder(), r.model.file)).equals(MODEL)).toBe(true);
  });

  it('refuses content that is not an ONNX model and leaves nothing behind', async () => {
    server.handle((req, res) =>
      serve(res, req, Buffer.from('PK\u0003\u0004 this is a zip, not a model'.repeat(50))),
    );
    await expectCode(() => installModel(ctx, server.url('/x.onnx')), 'MODEL_NOT_ONNX');
    expect(filesUnder(modelsFolder())).toEqual([]);
    expect(listModels(ctx.db)).toEqual([]);
  });

  it('refuses a valid ONNX graph of the wrong shape and leaves nothing behind', async () => {
    server.handle((req, res) => serve(res, req, fs.readFileSync(fixture('wrong-rank'))));
    await expectCode(() => installModel(ctx, server.url('/x.onnx')), 'MODEL_BAD_SHAPE');
    expect(filesUnder(modelsFolder())).toEqual([]);
  });

  it('refuses an HTML error page, by content type or by its first byte', async () => {
    const page = Buffer.from('<!DOCTYPE html><html><body>Rate limit exceeded</body></html>');
    server.handle((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
    );
    await expectCode(() => installModel(ctx, server.url('/a.onnx')), 'MODEL_DOWNLOAD_HTML');
    server.handle((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/octet-stream' })
        .end(Buffer.concat([Buffer.from('\n  '), page])),
    );
    await expectCode(() => installModel(ctx, server.url('/b.onnx')), 'MODEL_DOWNLOAD_HTML');
    server.handle((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end(page));
    const e = await expectCode(
      () => installModel(ctx, server.url('/c.onnx')),
      'MODEL_DOWNLOAD_FAILED',
    );
    expect(e.message).toContain('404');
    expect(filesUnder(modelsFolder())).toEqual([]);
  });

  it('times out on a stalled server, before and during the body', async () => {
    server.handle(() => undefined); // never answers
    await expectCode(
      () => installModel(ctx, server.url('/silent.onnx'), { stallTimeoutMs: 150 }),
      'MODEL_DOWNLOAD_STALLED',
    );
    server.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': MODEL.length,
      });
      res.write(MODEL.subarray(0, 1000)); // then nothing
    });
    const started = Date.now();
    await expectCode(
      () => installModel(ctx, server.url('/slow.onnx'), { stallTimeoutMs: 150 }),
      'MODEL_DOWNLOAD_STALLED',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(listModels(ctx.db)).toEqual([]);
  });

  it('follows redirects, but not forever', async () => {
    server.handle((req, res) => {
      if (req.url === '/r1') return res.writeHead(302, { location: '/r2' }).end();
      if (req.url === '/r2')
        return res.writeHead(301, { location: server.url('/files/m.onnx') }).end();
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      return serve(res, req, MODEL);
    });
    const r = await installModel(ctx, server.url('/r1'));
    expect(r.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listAudit(ctx.db, { objectId: r.model.id })[0]?.details).toMatchObject({
      finalUrl: server.url('/files/m.onnx'),
    });
    await expectCode(
      () => installModel(ctx, server.url('/loop')),
      'MODEL_DOWNLOAD_TOO_MANY_REDIRECTS',
    );
    expect(server.requests.filter((q) => q.url === '/loop')).toHaveLength(6);
  });

  it('refuses a redirect from https down to http', () => {
    expect(() => redirectTarget(new URL('https://example.org/a'), 'http://example.org/b')).toThrow(
      /https to plain http/,
    );
    expect(redirectTarget(new URL('http://example.org/a'), 'https://cdn.example.org/b').href).toBe(
      'https://cdn.example.org/b',
    );
  });

  it('keeps the partial download when cancelled, for a later resume', async () => {
    const url = server.url('/m.onnx');
    const abort = new AbortController();
    server.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': MODEL.length,
        etag: ETAG,
      });
      res.write(MODEL.subarray(0, 1500), () => setTimeout(() => abort.abort(), 30));
    });
    await expectCode(
      () => installModel(ctx, url, { signal: abort.signal }),
      'MODEL_DOWNLOAD_ABORTED',
    );
    expect(fs.existsSync(partFileFor(ctx.dataDir, url))).toBe(true);
  });

  it('installs a catalog entry by id (address overridden to the loopback server)', async () => {
    server.handle((req, res) => serve(res, req, fs.readFileSync(fixture('good-3dspeaker'))));
    const r = await installModel(ctx, 'wespeaker-resnet34-voxceleb', {
      urlOverride: server.url('/w.onnx'),
    });
    expect(r.model).toMatchObject({
      id: 'wespeaker-resnet34-voxceleb',
      licence: 'CC-BY-4.0',
      preset: 'wespeaker',
    });
    await expectCode(() => installModel(ctx, 'no-such-model'), 'MODEL_UNKNOWN_SOURCE');
    await expectCode(() => installModel(ctx, 'ftp://example.org/x.onnx'), 'MODEL_UNKNOWN_SOURCE');
  });
});
