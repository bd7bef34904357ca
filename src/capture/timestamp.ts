// The RFC 3161 token over a capture's manifest. The time-stamp client comes with the evidence work
// ("Evidence a stranger can trust"); until it is configured, captures say plainly that they carry none.
import type { CoreContext } from '../core/context.js';
import type { CaptureTimestamp } from '../domain/capture.js';

/** Requests a token over the manifest bytes when a time-stamp authority is configured. */
export async function stampManifest(_ctx: CoreContext, _manifest: Buffer): Promise<{ timestamp: CaptureTimestamp; token: Buffer | null }> {
  return {
    timestamp: { state: 'none', note: 'No time-stamp authority is configured: the capture time is the system clock of this computer only.', tokenSha256: null, authority: null, genTime: null },
    token: null,
  };
}
