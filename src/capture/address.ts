// Which addresses a capture may visit: http/https only, and never the user's own machine or network
// unless the user confirmed it (a page could otherwise be used to read the local network).
import dns from 'node:dns/promises';
import net from 'node:net';
import { SeimonError } from '../core/errors.js';

/** Resolves a host name to its addresses (injected in tests). */
export type Lookup = (host: string) => Promise<string[]>;

export const systemLookup: Lookup = async (host) => (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

const V4_PRIVATE: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const v4ToInt = (ip: string) => ip.split('.').reduce((n, p) => (n << 8) + Number(p), 0) >>> 0;

function privateV4(ip: string): boolean {
  const n = v4ToInt(ip);
  return V4_PRIVATE.some(([base, bits]) => (n & (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0)) >>> 0 === v4ToInt(base));
}

/** True for loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses. */
export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) return privateV4(ip);
  if (!net.isIPv6(ip)) return true;
  const a = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return privateV4(mapped[1]!);
  if (a === '::' || a === '::1') return true;
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(a);
}

/** Parses a URL a capture may open (CAPTURE_SCHEME_REFUSED / CAPTURE_BAD_URL otherwise). */
export function parseCaptureUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SeimonError('CAPTURE_BAD_URL', `Not a web address: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SeimonError('CAPTURE_SCHEME_REFUSED', `Only http:// and https:// pages can be captured, not ${url.protocol}`, { scheme: url.protocol });
  if (url.username || url.password) throw new SeimonError('CAPTURE_BAD_URL', 'Addresses with a user name or password are not captured');
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Why a request to this URL must be refused, or null when it may go ahead. Host names are resolved
 * and every address checked, so a public name pointing at a private address is refused too.
 */
export async function refusalFor(url: URL, allowPrivate: boolean, lookup: Lookup = systemLookup): Promise<{ code: string; message: string } | null> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { code: 'CAPTURE_SCHEME_REFUSED', message: `scheme ${url.protocol} refused` };
  if (allowPrivate) return null;
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await lookup(host);
  } catch {
    return null; // the browser will fail to resolve it too and say so
  }
  const bad = addresses.find(isPrivateAddress);
  return bad ? { code: 'CAPTURE_PRIVATE_ADDRESS', message: `${host} is a private or loopback address (${bad})` } : null;
}

/** Throws the refusal for a URL, if any. */
export async function assertMayVisit(url: URL, allowPrivate: boolean, lookup?: Lookup): Promise<void> {
  const r = await refusalFor(url, allowPrivate, lookup);
  if (r) throw new SeimonError(r.code as `CAPTURE_${string}`, r.message, { url: url.href });
}
