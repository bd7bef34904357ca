import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withCore } from '../io.js';
import { DEFAULT_CHROMIUM, chromiumLauncher } from '../capture-browser.js';

interface CaptureOptions {
  suspect: string;
  browser?: string;
  allowPrivate?: boolean;
  fetchMedia?: boolean;
}

/** `seimon capture URL --suspect ID`: records the page where a suspect voice was found. */
export function registerCaptureCommand(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('capture <url>')
    .description('capture the page at URL into a suspect: screenshot, MHTML, headers, certificate, text, media (取得)')
    .requiredOption('--suspect <id>', 'the suspect the page belongs to')
    .option('--browser <path>', `Chromium to capture with (default ${DEFAULT_CHROMIUM})`)
    .option('--allow-private', 'allow a private or loopback address (your own network)')
    .option('--fetch-media', 'fetch every audio/video file the page offers into the suspect’s clips')
    .action(async (url: string, o: CaptureOptions) => {
      const g = globals();
      await withCore(g, async (ctx) => {
        ctx.browser = chromiumLauncher({ executablePath: o.browser });
        const r = await call(ctx, 'captures.start', { suspectId: o.suspect, url, allowPrivate: o.allowPrivate === true });
        const fetched = [];
        if (o.fetchMedia) for (const m of r.capture.media.filter((x) => x.state === 'offered')) fetched.push(await call(ctx, 'captures.fetchMedia', { mediaId: m.id }));
        if (g.json) return printJson(io, { ...r, fetched });
        const c = r.capture;
        io.stdout(`Captured ${c.finalUrl} (HTTP ${c.httpStatus ?? '?'}) as ${c.id} at ${c.capturedAt}\n`);
        for (const h of c.redirects) io.stdout(`  redirect ${h.status} ${h.url} -> ${h.location ?? ''}\n`);
        if (c.tls) io.stdout(`  certificate ${c.tls.subject ?? '?'} by ${c.tls.issuer ?? '?'} SHA-256 ${c.tls.sha256Fingerprint ?? 'not available'}\n`);
        for (const a of c.artefacts) io.stdout(`  ${a.kind.padEnd(10)} ${a.sha256} ${a.sizeBytes} bytes\n`);
        io.stdout(`  time-stamp: ${c.timestamp.state}${c.timestamp.note ? ` (${c.timestamp.note})` : ''}\n`);
        if (r.prefilled.length) io.stdout(`  prefilled from the page: ${r.prefilled.join(', ')}\n`);
        for (const d of r.differing) io.stdout(`  the page says ${d.field} = ${d.pageValue} (kept yours: ${d.current})\n`);
        for (const m of c.media) {
          const f = fetched.find((x) => x.media.id === m.id)?.media ?? m;
          io.stdout(`  media ${f.state}${f.reason ? ` (${f.reason})` : ''} ${f.url}${f.sha256 ? ` ${f.sha256}` : ''}\n`);
        }
      });
    });
}
