import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import type { DownloadProgress } from '../../../src/models/download.js';
import { installModel, partFileFor } from '../../../src/models/install.js';
import { MODEL_CATALOG, findCatalogEntry } from '../../../src/models/catalog.js';
import { redirectTarget } from '../../../src/models/http-get.js';
import { listAudit } from '../../../src/store/audit.js';
import { invoke } from '../../../src/api/invoke.js';
import { listModels } from '../../../src/store/models.js';
import type { TestServer } from './helpers.js';
import { closeCore, expectCode, filesUnder, fixture, freshCore, startServer } from './helpers.js';

const MODEL = fs.readFileSync(fixture('good-wespeaker'));
const ETAG = '"v1"';
const shaOf = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const SHA = shaOf(MODEL);

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
  // Give the client time to store what it got (a loaded CI machine needs more than a few ms) before the cut.
  res.write(body.subarray(0, at), () => setTimeout(() => res.socket?.destroy(), 300));
}

describe('installing a model over HTTP (loopback server)', () => {
  it('downloads, records size and SHA-256, reports progress and audits the install', async () => {
    server.handle((req, res) => serve(res, req, MODEL));
    const progress: DownloadProgress[] = [];
    const r = await installModel(ctx, server.url('/models/good.onnx'), {
      sha256: SHA,
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
    await expectCode(() => installModel(ctx, url, { sha256: SHA }), 'MODEL_DOWNLOAD_INTERRUPTED');
    const part = partFileFor(ctx.dataDir, url);
    const kept = fs.statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(2000);
    expect(listModels(ctx.db)).toEqual([]);

    server.handle((req, res) => serve(res, req, MODEL));
    const progress: DownloadProgress[] = [];
    const r = await installModel(ctx, url, { sha256: SHA, onProgress: (p) => progress.push(p) });
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
    await expectCode(() => installModel(ctx, url, { sha256: SHA }), 'MODEL_DOWNLOAD_INTERRUPTED');
    server.handle((req, res) => serve(res, req, MODEL, false));
    const r = await installModel(ctx, url, { sha256: SHA });
    expect(server.requests.at(-1)?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(fs.readFileSync(path.join(modelsFolder(), r.model.file)).equals(MODEL)).toBe(true);
  });

  it('refuses content that is not an ONNX model and leaves nothing behind', async () => {
    const zip = Buffer.from('PK\u0003\u0004 this is a zip, not a model'.repeat(50));
    server.handle((req, res) => serve(res, req, zip));
    // Even bytes that match the SHA-256 the user gave must pass the acceptance checks.
    await expectCode(() => installModel(ctx, server.url('/x.onnx'), { sha256: shaOf(zip) }), 'MODEL_NOT_ONNX');
    expect(filesUnder(modelsFolder())).toEqual([]);
    expect(listModels(ctx.db)).toEqual([]);
  });

  it('refuses a valid ONNX graph of the wrong shape and leaves nothing behind', async () => {
    const wrong = fs.readFileSync(fixture('wrong-rank'));
    server.handle((req, res) => serve(res, req, wrong));
    await expectCode(() => installModel(ctx, server.url('/x.onnx'), { sha256: shaOf(wrong) }), 'MODEL_BAD_SHAPE');
    expect(filesUnder(modelsFolder())).toEqual([]);
  });

  it('refuses an HTML error page, by content type or by its first byte', async () => {
    const page = Buffer.from('<!DOCTYPE html><html><body>Rate limit exceeded</body></html>');
    server.handle((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
    );
    await expectCode(() => installModel(ctx, server.url('/a.onnx'), { sha256: SHA }), 'MODEL_DOWNLOAD_HTML');
    server.handle((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/octet-stream' })
        .end(Buffer.concat([Buffer.from('\n  '), page])),
    );
    await expectCode(() => installModel(ctx, server.url('/b.onnx'), { sha256: SHA }), 'MODEL_DOWNLOAD_HTML');
    server.handle((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end(page));
    const e = await expectCode(
      () => installModel(ctx, server.url('/c.onnx'), { sha256: SHA }),
      'MODEL_DOWNLOAD_FAILED',
    );
    expect(e.message).toContain('404');
    expect(filesUnder(modelsFolder())).toEqual([]);
  });

  it('times out on a stalled server, before and during the body', async () => {
    server.handle(() => undefined); // never answers
    await expectCode(
      () => installModel(ctx, server.url('/silent.onnx'), { sha256: SHA, stallTimeoutMs: 150 }),
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
      () => installModel(ctx, server.url('/slow.onnx'), { sha256: SHA, stallTimeoutMs: 150 }),
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
    const r = await installModel(ctx, server.url('/r1'), { sha256: SHA });
    expect(r.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listAudit(ctx.db, { objectId: r.model.id })[0]?.details).toMatchObject({
      finalUrl: server.url('/files/m.onnx'),
    });
    await expectCode(
      () => installModel(ctx, server.url('/loop'), { sha256: SHA }),
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
      () => installModel(ctx, url, { sha256: SHA, signal: abort.signal }),
      'MODEL_DOWNLOAD_ABORTED',
    );
    expect(fs.existsSync(partFileFor(ctx.dataDir, url))).toBe(true);
  });

  it('installs a catalog entry by id when the bytes match its pinned SHA-256 and size', async () => {
    const body = fs.readFileSync(fixture('good-3dspeaker'));
    server.handle((req, res) => serve(res, req, body));
    const entry = { ...findCatalogEntry('wespeaker-resnet34-voxceleb')!, sha256: shaOf(body), sizeBytes: body.length };
    const r = await installModel(ctx, entry.id, { urlOverride: server.url('/w.onnx'), catalog: [entry] });
    expect(r.model).toMatchObject({
      id: 'wespeaker-resnet34-voxceleb',
      licence: 'CC-BY-4.0',
      preset: 'wespeaker',
      sha256: shaOf(body),
    });
    await expectCode(() => installModel(ctx, 'no-such-model'), 'MODEL_UNKNOWN_SOURCE');
    await expectCode(() => installModel(ctx, 'ftp://example.org/x.onnx', { sha256: SHA }), 'MODEL_UNKNOWN_SOURCE');
  });

  it('refuses other bytes under a shipped catalog id (pinned by size, then SHA-256); nothing is registered', async () => {
    for (const e of MODEL_CATALOG) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(e.sizeBytes).toBeGreaterThan(1_000_000);
      expect(e.digestSource).toMatch(/published digest/);
    }
    // A server that says its size: refused before the body is read.
    server.handle((req, res) => serve(res, req, MODEL));
    await expectCode(
      () => installModel(ctx, 'wespeaker-resnet34-voxceleb', { urlOverride: server.url('/w.onnx') }),
      'MODEL_DOWNLOAD_SIZE_MISMATCH',
    );
    // A loadable model of exactly the pinned size but other bytes: refused by the digest.
    const entry = findCatalogEntry('wespeaker-resnet34-voxceleb')!;
    const pinnedSize = { ...entry, sizeBytes: MODEL.length };
    await expectCode(
      () => installModel(ctx, entry.id, { urlOverride: server.url('/w.onnx'), catalog: [pinnedSize] }),
      'MODEL_HASH_MISMATCH',
    );
    // No content length, no size: the size is checked after the transfer.
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(MODEL));
    await expectCode(
      () => installModel(ctx, entry.id, { urlOverride: server.url('/n.onnx') }),
      'MODEL_DOWNLOAD_SIZE_MISMATCH',
    );
    expect(listModels(ctx.db)).toEqual([]);
    expect(filesUnder(modelsFolder())).toEqual([]);
  });

  it('a URL install needs --sha256, and refuses bytes with another digest', async () => {
    server.handle((req, res) => serve(res, req, MODEL));
    await expectCode(() => installModel(ctx, server.url('/m.onnx')), 'MODEL_SHA256_REQUIRED');
    await expectCode(() => installModel(ctx, server.url('/m.onnx'), { sha256: 'abc' }), 'MODEL_SHA256_REQUIRED');
    expect(server.requests).toHaveLength(0); // refused before any request
    await expectCode(
      () => installModel(ctx, server.url('/m.onnx'), { sha256: 'f'.repeat(64) }),
      'MODEL_HASH_MISMATCH',
    );
    expect(listModels(ctx.db)).toEqual([]);
    expect(filesUnder(modelsFolder())).toEqual([]);
  });

  it('models.install (the operation the window calls) fetches catalog ids only: a loopback URL is never requested', async () => {
    server.handle((req, res) => serve(res, req, MODEL));
    const viaUrl = await invoke(ctx, 'models.install', { catalogId: server.url('/m.onnx') });
    expect(viaUrl).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await invoke(ctx, 'models.install', { catalogId: 'no-such-model' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'MODEL_UNKNOWN_SOURCE' } });
    expect(server.requests).toHaveLength(0);
    expect(listModels(ctx.db)).toEqual([]);
  });

  it('a redirect chain that reached https never steps down to http', async () => {
    expect(() => redirectTarget(new URL('https://a.example/x'), 'http://b.example/y')).toThrow(
      expect.objectContaining({ code: 'MODEL_DOWNLOAD_INSECURE_REDIRECT' }),
    );
    expect(() => redirectTarget(new URL('https://a.example/x'), '//b.example/y')).not.toThrow(); // scheme-relative keeps https
    expect(redirectTarget(new URL('https://a.example/x'), '//b.example/y').protocol).toBe('https:');
    expect(() => redirectTarget(new URL('http://a.example/x'), 'file:///etc/passwd')).toThrow(
      expect.objectContaining({ code: 'MODEL_DOWNLOAD_FAILED' }),
    );
  });
});
