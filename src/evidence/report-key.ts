// The reports print the signing key's fingerprint; a pack re-signed with another key but carrying
// the old reports must fail. report.html carries it in a meta tag, report.pdf in its Keywords.
import type { PackMembers } from './members/source.js';

export const REPORT_KEY_META = 'seimon-signing-key';

/** The PDF Keywords value that names the key (plain ASCII, so it is stored literally). */
export const pdfKeyKeywords = (fingerprint: string) => `${REPORT_KEY_META} ${fingerprint}`;

/** What is wrong with the fingerprints the reports print, or null when they name the signer. */
export function reportKeyProblem(p: PackMembers, fingerprint: string): { reason: string; file: string } | null {
  const has = (n: string) => p.members.some((m) => m.name === n);
  if (has('report.html')) {
    const html = p.read('report.html').toString('utf8');
    const m = new RegExp(`<meta name="${REPORT_KEY_META}" content="([^"]*)">`).exec(html);
    if (m?.[1] !== fingerprint) return { reason: `the report prints key ${m?.[1] ?? '(none)'}, not the key that signed the pack (${fingerprint})`, file: 'report.html' };
  }
  if (has('report.pdf')) {
    const pdf = p.read('report.pdf').toString('latin1');
    if (!pdf.includes(`(${pdfKeyKeywords(fingerprint)})`)) return { reason: `the PDF report does not name the key that signed the pack (${fingerprint})`, file: 'report.pdf' };
  }
  return null;
}
