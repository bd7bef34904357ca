// `seimon capture URL --suspect ID` against a loopback site, through the real CLI and Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from '../../e2e/harness.js';
import { cli } from '../../helpers/cli-run.js';
import { freshDataDir } from '../../helpers/paths.js';
import { startCaptureSite } from '../../helpers/capture-site.js';
import type { CaptureSite } from '../../helpers/capture-site.js';

describe.skipIf(chromiumMissing)('seimon capture', () => {
  let site: CaptureSite;
  beforeAll(async () => {
    site = await startCaptureSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('captures into a suspect, fetches the media with --fetch-media, and refuses loopback without --allow-private', async () => {
    const dir = freshDataDir('seimon-capture-cli');
    const add = await cli(['--data-dir', dir, '--json', 'suspect', 'add', '--label', 'clip', '--kind', 'clip']);
    expect(add.code).toBe(0);
    const id = JSON.parse(add.out).id as string;

    const refused = await cli(['--data-dir', dir, 'capture', `${site.http}/start`, '--suspect', id]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('CAPTURE_PRIVATE_ADDRESS');
    const noBrowser = await cli(['--data-dir', dir, 'capture', `${site.http}/start`, '--suspect', id, '--allow-private', '--browser', '/nonexistent/chromium']);
    expect(noBrowser.code).toBe(1);
    expect(noBrowser.err).toContain('CAPTURE_NO_BROWSER');

    const ok = await cli(['--data-dir', dir, 'capture', `${site.http}/start`, '--suspect', id, '--allow-private', '--fetch-media']);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`Captured ${site.http}/page (HTTP 200)`);
    expect(ok.out).toMatch(/screenshot\s+[0-9a-f]{64} \d+ bytes/);
    expect(ok.out).toContain('prefilled from the page: postTitle, url, platform, uploader, postedAt, capturedAt');
    expect(ok.out).toMatch(new RegExp(`media fetched ${site.http}/media/voice.wav [0-9a-f]{64}`));
    const list = JSON.parse((await cli(['--data-dir', dir, '--json', 'suspect', 'list'])).out) as { clips: unknown[] }[];
    expect(list[0]!.clips).toHaveLength(2);
  }, 120_000);
});
