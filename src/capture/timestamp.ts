// The RFC 3161 token over a capture's manifest, from the time-stamping authority set in the evidence
// settings. Without one, or when it fails, the capture is kept and its record says so plainly.
import type { CoreContext } from '../core/context.js';
import type { CaptureTimestamp } from '../domain/capture.js';
import { requestTimestamp } from '../evidence/timestamp/request.js';
import { parseResponse } from '../evidence/timestamp/token.js';
import { sha256Of } from '../store/content.js';
import { getEvidenceSettings } from '../store/evidence-settings.js';

export const NO_TSA_NOTE = 'No time-stamp authority is configured: the capture time is the system clock of this computer only.';

/** Requests a token over the manifest bytes when a time-stamp authority is configured. */
export async function stampManifest(ctx: CoreContext, manifest: Buffer): Promise<{ timestamp: CaptureTimestamp; token: Buffer | null }> {
  const { tsaUrl } = getEvidenceSettings(ctx.db);
  if (!tsaUrl) return { timestamp: { state: 'none', note: NO_TSA_NOTE, tokenSha256: null, authority: null, genTime: null }, token: null };
  try {
    const token = await requestTimestamp(tsaUrl, manifest);
    const parsed = parseResponse(token);
    const genTime = typeof parsed === 'string' ? null : parsed.genTime.toISOString();
    return { timestamp: { state: 'stamped', note: null, tokenSha256: sha256Of(token), authority: tsaUrl, genTime }, token };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { timestamp: { state: 'failed', note: `${why} The capture time is the system clock of this computer only.`, tokenSha256: null, authority: tsaUrl, genTime: null }, token: null };
  }
}
